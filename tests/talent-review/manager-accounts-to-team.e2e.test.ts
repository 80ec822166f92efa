/**
 * Accountability runs both ways (seed 002: "omgekeerd legt de leidinggevende verantwoording af
 * aan zijn teamleden"; DOMAIN.md: "The manager is accountable too: to the team, for what they
 * facilitated"). Before, a manager's account reached one professional at a time, after each
 * conversation; the team as a whole heard nothing. Now a manager types `teamverantwoording`
 * (`account to team`) in their 1:1 chat, sees who it goes to (their direct reports in the
 * directory), writes what they facilitated and what they do next, and each team member gets those
 * words in their own 1:1 chat, in their own language, as plain text, once.
 *
 * Mia manages Anna, Cem and Eva (Cem chose English); Olga manages Mia and Bram; Dewi manages nobody.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, TestUser, user } from '../support/activities';
import { buttonData, field } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram, cem, dewi, eva, mia, olga] = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva', 'Mia', 'Olga'].map(user) as [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser, TestUser];
const ACCOUNT = /Verantwoording van je leidinggevende|An account from your manager/;
const UP = /Verantwoording van een leidinggevende aan het team|A manager's account to their team/;
const SEND = 'review.teamAccount.send';

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  const users = [
    { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
    { id: 'aad-cem', name: 'Cem', managerId: 'aad-mia' },
    { id: 'aad-eva', name: 'Eva', managerId: 'aad-mia' },
    { id: 'aad-bram', name: 'Bram', managerId: 'aad-olga' },
    { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' },
    { id: 'aad-dewi', name: 'Dewi' },
    { id: 'aad-olga', name: 'Olga' },
  ];
  writeFileSync(file, JSON.stringify({ users }));
  return file;
}

/** Whether a TextRun (never read as Markdown) shows exactly `text`. */
function hasTextRun(card: unknown, text: string): boolean {
  return JSON.stringify(card).includes(JSON.stringify({ type: 'TextRun', text }).slice(1, -1));
}

describe('a manager accounts to their team', () => {
  let t: TestApp;
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (who: TestUser, verb: string, data: Record<string, unknown>, activityId?: string) => (await t.send(execute(chat(who), who, verb, data, 'card-1', activityId))).body.value;
  const lastCardIn = (who: TestUser) => t.connector.cards((c) => c.conversationId === chat(who).id).at(-1)?.card;
  /** The accounts in a person's 1:1 chat that the outbox opened with their directory id. */
  const accountsTo = (aadId: string) => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(aadId)).map((c) => c.card).filter((card) => ACCOUNT.test(cardText(card)));
  const upTo = (aadId: string) => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(aadId)).map((c) => c.card).filter((card) => UP.test(cardText(card)));
  const outboxJobs = async () => (await t.store.container('outbox').items.query("SELECT c.id FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources.length;
  const openForm = async (who: TestUser, command = 'teamverantwoording') => {
    await t.send(message(chat(who), who, command));
    return lastCardIn(who);
  };

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z');
    await t.send(message(chat(cem), cem, 'taal en'));
  });
  afterAll(() => t.stop());

  const words = 'Dit halfjaar maakte ik elk week een uur vrij. *Het budget* kwam er niet; zie [plan](https://example.org).';

  it('shows Mia who it goes to, with what she typed after the command in the field', async () => {
    const form = await openForm(mia, 'teamverantwoording Dit halfjaar');
    expect(cardText(form)).toContain('Verantwoording aan je team');
    expect(cardText(form)).toContain("Gaat naar je 3 directe collega's volgens de directory:");
    expect(hasTextRun(form, 'Anna, Cem, Eva')).toBe(true);
    expect(field(form, 'text')?.value).toBe('Dit halfjaar');
    expect(buttonData(form, SEND).k).toEqual(expect.any(String));
    expect(cardProblems(form)).toEqual([]);
  });

  it('sends each direct report one card in their own chat and language, her words as plain text, and logs nothing personal', async () => {
    const form = await openForm(mia);
    const logsFrom = t.logs.length;
    const sent = await press(mia, SEND, { ...buttonData(form, SEND), text: words });
    expect(cardText(sent)).toContain("Verstuurd aan je 3 directe collega's:");
    expect(hasTextRun(sent, words)).toBe(true);
    expect(cardProblems(sent)).toEqual([]);
    await t.app.outbox.drain(60_000);

    for (const id of ['aad-anna', 'aad-cem', 'aad-eva']) expect(accountsTo(id)).toHaveLength(1);
    for (const id of ['aad-bram', 'aad-dewi', 'aad-olga', 'aad-mia']) expect(accountsTo(id)).toEqual([]);
    // Her own manager gets nothing unless she chooses so.
    expect(upTo('aad-olga')).toEqual([]);
    const annas = accountsTo('aad-anna')[0] as object;
    expect(cardText(annas)).toContain('Mia vertelt het team wat er gedaan is voor jullie leren:');
    expect(hasTextRun(annas, words)).toBe(true);
    expect(JSON.stringify(annas)).not.toMatch(/"type":"TextBlock","text":"[^"]*budget/);
    expect(cardProblems(annas)).toEqual([]);
    expect(cardText(accountsTo('aad-cem')[0])).toContain('Mia tells the team what was done for your learning:');
    const logged = t.logs.slice(logsFrom).join('\n');
    for (const personal of ['Anna', 'aad-anna', 'Mia', 'aad-mia', 'budget']) expect(logged).not.toContain(personal);
  });

  it('the sent cards leave no job naming the manager or a member, only blanks that hold their keys', async () => {
    // Since stop 59 a sent card's job is retired to a blank under a keyed id (what an erasure leaves,
    // so a missing job tells nobody who erased); a queued one names the manager, so her erasure takes
    // it out (`team-account-*erasure*` tests). Before, the sent jobs stayed seven days naming both.
    const docs = (await t.store.container('outbox').items.query('SELECT * FROM c').fetchAll()).resources;
    const naming = docs.filter((d) => /aad-(mia|anna|cem|eva)/.test(JSON.stringify(d)) && d.type === 'outboxJob' && d.target?.kind === 'person');
    expect(naming.map((d) => d.target.appUserId)).toEqual([]);
    expect(docs.filter((d) => d.type === 'outboxErasedKey').length).toBeGreaterThanOrEqual(3);
  });

  it('a press Teams delivers again sends nobody a second card; a new form is a new account', async () => {
    const form = await press(mia, 'review.teamAccount.open', {});
    const data = { k: buttonData(form, SEND).k as string, text: 'Tweede bericht' };
    await press(mia, SEND, data, 'mia-press');
    await press(mia, SEND, data, 'mia-press');
    await t.app.outbox.drain(60_000);
    expect(accountsTo('aad-anna').filter((c) => cardText(c).includes('Tweede bericht'))).toHaveLength(1);

    const again = await press(mia, 'review.teamAccount.open', {});
    expect(buttonData(again, SEND).k).not.toBe(data.k);
    await press(mia, SEND, { ...buttonData(again, SEND), text: 'Tweede bericht' });
    await t.app.outbox.drain(60_000);
    expect(accountsTo('aad-anna').filter((c) => cardText(c).includes('Tweede bericht'))).toHaveLength(2);
  });

  it('sends it up to her own manager only when she ticks it, with the plan card for a conversation with her one press away', async () => {
    const form = await openForm(mia);
    expect(JSON.stringify(form)).toContain('"id":"alsoOwnManager","title":"Ook naar mijn eigen leidinggevende sturen","value":"false"');
    const sent = await press(mia, SEND, { ...buttonData(form, SEND), text: 'Ook voor Olga', alsoOwnManager: 'true' });
    expect(cardText(sent)).toContain('En aan je eigen leidinggevende, zoals je koos.');
    await t.app.outbox.drain(60_000);
    const up = upTo('aad-olga');
    expect(up).toHaveLength(1);
    expect(cardText(up[0])).toContain('Mia vertelde het team wat er gedaan is voor hun leren, en stuurde het ook aan jou:');
    expect(hasTextRun(up[0], 'Ook voor Olga')).toBe(true);
    expect(buttonData(up[0], 'review.plan.open')).toEqual({ reportId: 'aad-mia' });
    expect(cardProblems(up[0] as object)).toEqual([]);
    // Olga's own team (Bram and Mia) hears nothing of Mia's account.
    expect(accountsTo('aad-bram')).toEqual([]);
  });

  it('offers no toggle to a manager at the top of the directory', async () => {
    const form = await openForm(olga);
    expect(cardText(form)).toContain("Gaat naar je 2 directe collega's");
    expect(JSON.stringify(form)).not.toContain('alsoOwnManager');
  });

  it('gives empty or too long words back with the reason next to the field, and sends nothing', async () => {
    const form = await openForm(mia);
    const before = await outboxJobs();
    const empty = await press(mia, SEND, { ...buttonData(form, SEND), text: '   ' });
    expect(field(empty, 'text')?.next).toBe('Schrijf eerst wat je wilt vertellen.');
    const tooLong = 'Wat ik deed voor jullie leren. '.repeat(70); // 2170 characters
    const refused = await press(mia, SEND, { ...buttonData(form, SEND), text: tooLong });
    expect(field(refused, 'text')).toEqual({ value: tooLong, next: `Hoogstens 2.000 tekens; dit zijn er ${tooLong.trim().length.toLocaleString('nl-NL')}.` });
    expect(cardText(refused)).toContain('Nog niet verstuurd');
    expect(cardProblems(refused)).toEqual([]);
    expect(await outboxJobs()).toBe(before);
  });

  it('tells Dewi, who manages nobody, so, and queues nothing', async () => {
    const answer = await openForm(dewi);
    expect(cardText(answer)).toContain("geen directe collega's");
    const before = await outboxJobs();
    const sent = await press(dewi, SEND, { text: 'Hallo team', k: 'dewi-old-form' });
    expect(cardText(sent)).toContain("geen directe collega's");
    expect(await outboxJobs()).toBe(before);
  });

  it('does not send from a group chat', async () => {
    const before = await outboxJobs();
    const group = t.conversation('groupChat', '19:team-account-group@thread.v2');
    const res = await t.send(execute(group, mia, SEND, { text: 'In de groep', k: 'group-press' }, 'card-1'));
    expect(res.status).toBe(200);
    expect(await outboxJobs()).toBe(before);
  });

  it('is in the help card and the manifest commands, in both languages', async () => {
    await t.send(message(chat(anna), anna, 'help'));
    expect(cardText(lastCardIn(anna))).toContain('teamverantwoording');
    await t.send(message(chat(cem), cem, 'help'));
    expect(cardText(lastCardIn(cem))).toContain('account to team');
  });
});
