import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { personalAnswerId } from '../../src/domain/personal/personal-answer';
import { documentProblems } from '../../src/store/document-schemas';
import { execute, TestUser, user } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia'); // Anna's manager
const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const TITLE = 'Voorbereiding: talentontwikkelgesprek met Anna';
const ERROR = 'Dat lukte niet';

/**
 * Anna's answers to questions 9 and 10 are hers; once she shares one, her manager's prep card
 * shows it. When she changes a shared answer (to take something out, say), no card in Mia's chat
 * may keep the old words, also when the rebuild could not run at once: then her change is still
 * stored and answered as such, and the rebuild follows as soon as it can.
 */
describe('a prep card follows the personal answers the report shares', () => {
  let t: TestApp;
  let g: GroupDriver;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const annaChat = () => t.conversation('personal', 'a:personal-anna');
  const prepPosts = () => t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia' && cardText(c.activity?.attachments?.[0]?.content).includes(TITLE));
  const answerId = (questionId: number) => personalAnswerId('aad-anna', g.sessionId, questionId);
  // Anna answers on her own view of the session card, as in the session.
  const answer = async (questionId: number, text: string) => cardText((await g.press(anna, 'session.personal', { ...g.ids(), questionId, text })).value);
  const storedAnswer = async (questionId: number) => (await t.store.container('personal').item(answerId(questionId), 'aad-anna').read()).resource?.text;
  // Anna shares or takes back an answer the way she does in Teams: the toggle on her overview card.
  const visibility = async (questionId: number, to: 'shared' | 'private') =>
    cardText((await t.send(execute(annaChat(), anna, 'verantwoording.visibility', { kind: 'answer', id: answerId(questionId), visibility: to }, 'overview-card'))).body.value);
  // Cosmos DB refuses every change of a talentontwikkelgesprek (what the rebuild writes first) until lifted.
  const reviewsUnavailable = () => (t.proxy!.faults = (req) => (req.container === 'reviews' && req.kind === 'replace' ? { kind: 'status', status: 503 } : undefined));
  const reviewsBack = () => (t.proxy!.faults = undefined);
  /** Mia's prep card, delivered: the one message in her chat that shows `text`. */
  const deliveredShowing = (text: string) => {
    const delivered = prepPosts().filter((c) => cardText(c.activity.attachments[0].content).includes(text));
    expect(delivered).toHaveLength(1);
    return delivered[0]!.id as string;
  };
  const nowShown = (id: string) => cardText(t.connector.latest(id));
  const retries = async () => (await t.store.container('jobs').items.query("SELECT * FROM c WHERE c.kind = 'review.prepRefresh'").fetchAll()).resources;

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }, { id: 'aad-bram', name: 'Bram' }, { id: 'aad-cem', name: 'Cem' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    // The group takes the personal questions first this week: the session stays open throughout.
    await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '9,10', day2: '1,2,3', day3: '4,5,6,7', day4: '8' }, 'cycle-card');
    await g.startSession();
    expect(g.sessionId).not.toBe('');
  });
  afterAll(() => t.stop());

  it('rebuilds a card Mia already received when Anna takes something out of an answer she shares', async () => {
    const SENSITIVE = 'ik slaap slecht van de werkdruk';
    await answer(9, `Ik wil leren plannen, want ${SENSITIVE}`);
    await answer(10, 'Het samen puzzelen gaf energie');
    for (const q of [9, 10]) expect(await visibility(q, 'shared')).not.toContain(ERROR);
    // The conversation is in two days: the prep card is due at once.
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-11-25', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    const card = deliveredShowing(SENSITIVE);

    expect(await answer(9, 'Ik wil leren plannen')).not.toContain(ERROR);
    await t.app.outbox.drain(60_000);
    const now = nowShown(card);
    expect(now).toContain(TITLE);
    expect(now).toContain('Ik wil leren plannen');
    expect(now).not.toContain(SENSITIVE);
    // The rebuild's job, as stored, is a valid outbox job (an update names its conversation in its target only).
    const jobs = (await t.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob' AND c.target.kind = 'update'").fetchAll()).resources;
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.flatMap((j) => documentProblems('outbox', j))).toEqual([]);
  }, 120_000);

  it('stores and confirms an edit whose rebuild fails, and rebuilds the card once it can', async () => {
    const card = deliveredShowing(TITLE);
    const logsBefore = t.logs.length;
    reviewsUnavailable();
    let reply = '';
    try {
      reply = await answer(9, 'Ik wil leren delegeren');
    } finally {
      reviewsBack();
    }
    // Her change is stored, so she is told so, not that it failed.
    expect(reply).not.toContain(ERROR);
    expect(reply).toContain('Ik wil leren delegeren');
    expect(await storedAnswer(9)).toBe('Ik wil leren delegeren');
    // The failure is in the log, without her id or her words.
    const logged = t.logs.slice(logsBefore).filter((l) => l.includes('prep cards'));
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) {
      expect(line).not.toContain('aad-anna');
      expect(line).not.toContain('delegeren');
    }
    // Nothing else rebuilds it: Mia's card still shows the answer as it was.
    await t.app.outbox.drain(60_000);
    expect(nowShown(card)).toContain('Ik wil leren plannen');
    // Cosmos DB is back: the durable retry rebuilds Mia's card.
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    const now = nowShown(card);
    expect(now).toContain(TITLE);
    expect(now).toContain('Ik wil leren delegeren');
    expect(now).not.toContain('Ik wil leren plannen');
  }, 120_000);

  it('confirms taking an answer back whose rebuild fails, and takes it off the card once it can', async () => {
    const card = deliveredShowing(TITLE);
    expect(nowShown(card)).toContain('Het samen puzzelen gaf energie');
    // This time the rebuild gets as far as queueing the new card, and the outbox refuses it; and
    // it still does when the retry first runs.
    t.proxy!.faults = (req) => (req.container === 'outbox' && req.kind === 'create' ? { kind: 'status', status: 503 } : undefined);
    let reply = '';
    try {
      reply = await visibility(10, 'private');
      await t.app.scheduler.runDue();
    } finally {
      reviewsBack();
    }
    expect(reply).not.toContain(ERROR);
    expect((await t.store.container('personal').item(answerId(10), 'aad-anna').read()).resource?.visibility).toBe('private');
    // The retry failed too, and waits for its next attempt.
    expect(await retries()).toEqual([expect.objectContaining({ status: 'pending', attempts: 1 })]);
    t.clock.advanceMinutes(1);
    await t.app.scheduler.runDue();
    expect(await retries()).toEqual([expect.objectContaining({ status: 'done' })]);
    await t.app.outbox.drain(60_000);
    const now = nowShown(card);
    expect(now).toContain(TITLE);
    expect(now).not.toContain('Het samen puzzelen gaf energie');
  }, 120_000);

  // Last: Anna is gone after it.
  it('keeps no retry naming Anna once she erased her data', async () => {
    expect(JSON.stringify(await retries())).toContain('aad-anna');
    const erased = await t.send(execute(annaChat(), anna, 'verantwoording.erase.confirm', { confirm: 'yes' }, 'erase-card'));
    expect(cardText(erased.body.value)).toContain('Je gegevens zijn gewist');
    expect(await retries()).toEqual([]);
  }, 120_000);
});
