import { execute } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { exportMyData } from '../../src/usecases/verantwoording/my-data';
import { lookBacksOf, PersonalChat, runDueJobs, sketchTraject, trajectApp, trajectGroup, verantwoordingDeps } from './support';

/**
 * The end of a person's own Prof-traject (DOMAIN.md: "e.g. six months with 20 active weeks"; the
 * professional accounts for their own learning): their active weeks across all their groups are
 * counted in their own partition, shown to them alone, and when they reach the planned weeks they
 * get one look-back card in their 1:1 chat, whose text is a private note of Mijn verantwoording.
 */
describe('the end of a person\'s own Prof-traject: their count, and one look-back', () => {
  let t: TestApp;
  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  let round = 0;

  beforeAll(async () => {
    // Anna's manager is Mia.
    t = await trajectApp({ managerOf: anna });
  }, 60_000);
  afterAll(() => t.stop());

  /** A new group of Anna, Bram and Cem holds one session now, `present` checking in. */
  async function oneSession(present: (typeof MEMBERS)[number][]): Promise<GroupDriver> {
    const g = await trajectGroup(t, `19:traject-end-${round++}@thread.v2`, [anna, bram, cem]);
    for (const m of present) await g.checkIn(m, 4);
    await g.end();
    await runDueJobs(t);
    return g;
  }

  /** The look-back cards a person's 1:1 chat received (the one the app opened, or the one they wrote to it from). */
  const lookBacks = (who: typeof anna) => lookBacksOf(t, who);
  const chatOf = (who: typeof anna) => new PersonalChat(t, who);
  const overviewText = async (who: typeof anna) => cardText((await chatOf(who).say('verantwoording')).cards[0]);
  const notesOf = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'note' AND c.userId = @u", parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources;

  beforeAll(async () => {
    // Anna sketches a Prof-traject of two active weeks; Bram and Cem have none.
    const card = await sketchTraject(t, anna, 2);
    expect(cardText(card)).toContain('0 van 2 actieve weken');
  }, 60_000);

  it('a week with two groups counts once; her count is on her overview, and there is no card before the end', async () => {
    await oneSession([anna, bram]);
    await oneSession([anna, cem]);
    expect(await overviewText(anna)).toContain('1 van 2 actieve weken');
    expect(lookBacks(anna)).toEqual([]);
  }, 120_000);

  it('her second active week brings one look-back in her own 1:1 chat; no one without a traject gets one', async () => {
    t.clock.advanceMinutes(7 * 24 * 60);
    const g = await oneSession([anna, bram, cem]);
    const cards = lookBacks(anna);
    expect(cards).toHaveLength(1);
    expect(cardText(cards[0])).toMatch(/je hebt je 2 actieve weken gehaald/);
    expect(cardText(cards[0])).toContain('privé');
    expect(cardProblems(cards[0] as object)).toEqual([]);
    expect(lookBacks(bram)).toEqual([]);
    expect(lookBacks(cem)).toEqual([]);
    expect(await overviewText(anna)).toContain('2 van 2 actieve weken');

    // The job runs again (a retry, a second instance), and another session of the week closes: still one card.
    const job = `${g.sessionId}_activeWeeks`;
    await t.store.container('sessions').item(job, g.groupId).patch([{ op: 'set', path: '/status', value: 'pending' }]);
    await runDueJobs(t);
    await oneSession([anna]);
    expect(lookBacks(anna)).toHaveLength(1);
  }, 120_000);

  it('her manager does not see her count, her own preview of what the manager sees neither', async () => {
    const { cards } = await chatOf(anna).say('wat ziet mijn leidinggevende');
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.map(cardText).join('\n')).not.toMatch(/actieve weken\b.*van|van 2 actieve/);
    expect(await overviewText(anna)).toContain('2 van 2 actieve weken');
  }, 60_000);

  it('the look-back is a private note, stored once when Teams delivers the press twice, and it is in her export', async () => {
    const card = lookBacks(anna)[0];
    const k = JSON.stringify(card).match(/"verb":"verantwoording\.note\.add","data":\{"k":"([^"]+)"/)![1]!;
    const conv = chatOf(anna).conv;
    const press = execute(conv, anna, 'verantwoording.note.add', { k, text: 'Ik plan nu elke maandag.' }, 'traject-end-card');
    expect((await t.send(press)).status).toBe(200);
    expect((await t.send(press)).status).toBe(200);
    const notes = await notesOf(anna.aadObjectId);
    expect(notes.map((n) => [n.text, n.visibility])).toEqual([['Ik plan nu elke maandag.', 'private']]);
    const exported = await exportMyData(verantwoordingDeps(t.cosmos), anna.aadObjectId, 'nl');
    expect(exported.notes.map((n) => n.text)).toContain('Ik plan nu elke maandag.');
    expect(exported.activeWeeks).toHaveLength(2);
  }, 60_000);

  it('a look-back too long comes back with what was typed and the reason next to the field, and stores nothing', async () => {
    const card = lookBacks(anna)[0];
    const k = JSON.stringify(card).match(/"verb":"verantwoording\.note\.add","data":\{"k":"([^"]+)"/)![1]!;
    const long = 'Wat ik leerde. '.repeat(300);
    const answer = await t.send(execute(chatOf(anna).conv, anna, 'verantwoording.note.add', { k: `${k}-2`, text: long }, 'traject-end-card'));
    expect(answer.status).toBe(200);
    const json = JSON.stringify(answer.body.value);
    expect(json).toContain(long.trim().slice(0, 200));
    expect(cardText(answer.body.value)).toMatch(/hoogstens 4\.000 tekens/);
    expect(await notesOf(anna.aadObjectId)).toHaveLength(1);
  }, 60_000);

  it('raising her planned weeks above her count invites again at the new end, once', async () => {
    await chatOf(anna).press('verantwoording.traject.save', { learningNeeds: 'Beter plannen', talents: '', weeks: '3', rev: 1 });
    expect(await overviewText(anna)).toContain('2 van 3 actieve weken');
    t.clock.advanceMinutes(7 * 24 * 60);
    await oneSession([anna]);
    await oneSession([anna]);
    const cards = lookBacks(anna);
    expect(cards).toHaveLength(2);
    expect(cardText(cards[1])).toMatch(/je hebt je 3 actieve weken gehaald/);
  }, 120_000);

  it('sketched anew, her Prof-traject counts its weeks from the next week she is active in', async () => {
    const form = await chatOf(anna).press('verantwoording.traject.open', { fresh: true });
    expect(cardText(form)).toContain('Nieuw Prof-traject schetsen');
    const saved = await chatOf(anna).press('verantwoording.traject.save', { learningNeeds: 'Presenteren', talents: '', weeks: '1', rev: 2, fresh: true });
    expect(cardText(saved)).toContain('0 van 1 actieve week');
    t.clock.advanceMinutes(7 * 24 * 60);
    await oneSession([anna]);
    expect(lookBacks(anna)).toHaveLength(3);
    expect(cardText(lookBacks(anna).at(-1))).toMatch(/je hebt je actieve week gehaald/);
  }, 120_000);
});
