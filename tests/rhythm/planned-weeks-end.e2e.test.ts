import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storedText } from '../support/cosmos';
import { execute, message } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt } from './support';

const SAVE_VERB = 'verantwoording.note.add';

/**
 * The year's rhythm closes its loop (DOMAIN.md: "the planned active weeks"; seed 001: the
 * professional's own look-back feeds their verantwoording and the talentontwikkelgesprek). When a
 * group completes its last planned week, each member is invited in their own 1:1 chat to look back
 * for themselves; what they write is a private note in Mijn verantwoording. The group's chat hears
 * that the planned weeks are over and how to go on. Nobody is counted or judged on these cards.
 */
describe('the end of the planned weeks invites each member to look back, privately', () => {
  let t: TestApp;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  let round = 0;

  beforeAll(async () => {
    // Anna's manager is Mia; the others have none in the directory.
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  });
  afterAll(() => t.stop());

  /** A group of four planning `weeks` weeks, through its first week, to the close of day 4. */
  async function throughFirstWeek(weeks: string): Promise<GroupDriver> {
    t.clock.set('2026-11-23T08:00:00Z');
    const g = new GroupDriver(t, t.conversation('groupChat', `19:weeks-end-${round++}@thread.v2`), [anna, bram, cem, dewi]);
    await g.weekOneToDayFour(weeks);
    expect((await g.session()).day).toBe(4);
    await g.end(anna);
    await runAt(t, t.clock.now().toISOString());
    return g;
  }

  /** The look-back cards each person's 1:1 chat received, by Teams user id. */
  const invitations = () => {
    const byChat = new Map([...t.connector.personalChats].map(([member, chat]) => [chat, member]));
    const out: Record<string, unknown[]> = {};
    for (const { call, card } of t.connector.cards((c) => c.method === 'POST')) {
      if (!JSON.stringify(card).includes(SAVE_VERB) || !cardText(card).match(/Terugblik|Looking back/)) continue;
      const who = byChat.get(call.conversationId) ?? `not a 1:1 chat: ${call.conversationId}`;
      (out[who] ??= []).push(card);
    }
    return out;
  };
  const groupTexts = (g: GroupDriver) => t.connector.calls.filter((c) => c.conversationId === g.conv.id && typeof c.activity.text === 'string').map((c) => c.activity.text as string);
  const notesOf = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'note' AND c.userId = @u", parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources;
  const saveAction = (card: unknown) => {
    const found = JSON.stringify(card).match(/"verb":"verantwoording\.note\.add","data":(\{[^}]*\})/);
    if (!found) throw new Error('the card has no save button');
    return JSON.parse(found[1]!) as { k: string };
  };

  let oneWeek: GroupDriver;
  beforeAll(async () => {
    // Dewi chose English in her own chat with the bot.
    await t.send(message(t.conversation('personal', 'a:personal-dewi'), dewi, 'taal en'));
    oneWeek = await throughFirstWeek('1');
  }, 120_000);

  it('each member gets one invitation in their own 1:1 chat, in the language they chose there', async () => {
    const cards = invitations();
    expect(Object.keys(cards).sort()).toEqual([anna.id, bram.id, cem.id, dewi.id].sort());
    for (const list of Object.values(cards)) expect(list).toHaveLength(1);
    const annas = cardText(cards[anna.id]![0]);
    expect(annas).toContain('Je groep Team Zorg heeft de geplande week van de Vitale Weekcyclus afgerond.');
    expect(annas).toContain('privé');
    expect(cardText(cards[dewi.id]![0])).toContain('Your group Team Zorg has finished its planned week');
    for (const list of Object.values(cards)) expect(cardProblems(list[0] as object)).toEqual([]);
  });

  it('the invitation counts and labels nobody: no figures of the person on it', () => {
    const annas = cardText(invitations()[anna.id]![0]);
    expect(annas).not.toMatch(/\d+\s*(uur|sessies|keer|%)/);
  });

  it('the group chat hears that the planned week is over and how to go on, once', () => {
    expect(groupTexts(oneWeek).filter((x) => x.startsWith('Dit was de geplande week.'))).toHaveLength(1);
  });

  it('the job names the group and week, never a person', async () => {
    const jobs = (await t.store.container('jobs').items.query("SELECT * FROM c WHERE c.kind = 'plannedWeeks.end'").fetchAll()).resources;
    expect(jobs.map((j) => j.payload)).toEqual([{ groupId: oneWeek.groupId, cycleId: `${oneWeek.groupId}_w1` }]);
    expect(storedText(jobs)).not.toMatch(/aad-|29:/);
  });

  it('pressing "afronden" again, or the job running again, invites nobody twice', async () => {
    await oneWeek.end(bram);
    const job = `${oneWeek.groupId}_w1_weeksEnd`;
    await t.store.container('jobs').item(job, job).patch([{ op: 'set', path: '/status', value: 'pending' }]).catch(() => undefined);
    await runAt(t, t.clock.now().toISOString());
    for (const list of Object.values(invitations())) expect(list).toHaveLength(1);
    expect(groupTexts(oneWeek).filter((x) => x.startsWith('Dit was de geplande week.'))).toHaveLength(1);
  });

  it('the look-back is kept as a private note in Mijn verantwoording, once when Teams delivers the press twice', async () => {
    const chat = t.connector.personalChats.get(cem.id)!;
    const { k } = saveAction(invitations()[cem.id]![0]);
    const press = execute(t.conversation('personal', chat), cem, SAVE_VERB, { k, text: 'Ik draag nu korter over.' }, 'look-back-card');
    const first = await t.send(press);
    const again = await t.send(press);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    const notes = await notesOf(cem.aadObjectId);
    expect(notes.map((n) => [n.text, n.visibility])).toEqual([['Ik draag nu korter over.', 'private']]);
    expect(cardText(first.body.value)).toContain('Ik draag nu korter over.');
  });

  it('an empty look-back is refused next to its field and saves nothing', async () => {
    const chat = t.connector.personalChats.get(bram.id)!;
    const { k } = saveAction(invitations()[bram.id]![0]);
    const res = await t.send(execute(t.conversation('personal', chat), bram, SAVE_VERB, { k, text: '   ' }, 'look-back-card'));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body.value)).toMatch(/"errorMessage"|"color":"Attention"/);
    expect(await notesOf(bram.aadObjectId)).toEqual([]);
  });

  it('"Gesprek aanvragen" carries what was typed along, so going back loses nothing', async () => {
    const chat = t.connector.personalChats.get(anna.id)!;
    const res = await t.send(execute(t.conversation('personal', chat), anna, 'review.request.open', { text: 'Half af: wat ik leerde' }, 'look-back-card'));
    expect(res.status).toBe(200);
    // The request form, whose send carries her look-back back to Mijn verantwoording afterwards.
    expect(cardText(res.body.value)).toContain('Talentontwikkelgesprek aanvragen');
    expect(JSON.stringify(res.body.value)).toContain('"draft":"Half af: wat ik leerde"');
  });

  it('"Prof-traject bijwerken" carries what was typed along too', async () => {
    const chat = t.connector.personalChats.get(anna.id)!;
    const res = await t.send(execute(t.conversation('personal', chat), anna, 'verantwoording.traject.open', { text: 'Half af: wat ik leerde' }, 'look-back-card'));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body.value)).toContain('Half af: wat ik leerde');
  });

  it('the next week is named after the plan, not "week 2 of 1"', async () => {
    const before = t.connector.calls.length;
    await t.send(message(oneWeek.conv, anna, 'status'));
    const shown = t.connector.calls.slice(before).map((c) => cardText(c.activity.attachments?.[0]?.content ?? {})).join('\n');
    expect(shown).toContain('Week 2, na de geplande week');
    expect(shown).not.toMatch(/week 2 van 1/i);
  });

  it('a week that is not the last planned one invites nobody', async () => {
    const total = () => Object.values(invitations()).flat().length;
    const before = total();
    const g = await throughFirstWeek('2');
    expect((await t.store.container('sessions').item(`${g.groupId}_w1`, g.groupId).read()).resource.completedAt).toBeDefined();
    expect(total()).toBe(before);
    const jobs = (await t.store.container('jobs').items.query({ query: "SELECT * FROM c WHERE c.kind = 'plannedWeeks.end' AND c.payload.groupId = @g", parameters: [{ name: '@g', value: g.groupId }] }).fetchAll()).resources;
    expect(jobs).toEqual([]);
    expect(groupTexts(g).filter((x) => x.startsWith('Dit was'))).toEqual([]);
  }, 120_000);
});
