/**
 * A guard (held when written, in review of stop 53): card actions pressed with data at the edges
 * the zod shapes allow (week 1000, dates like 2026-02-30, a `from` that is no date, an agenda
 * naming question 999 or week 1000). Each press gets a friendly refusal in the presser's language
 * (no 5xx, no stack), stores nothing (jobs and the outbox included) and sends nobody anything.
 * Presses on the session card at its edges are in session-card-presses-at-the-edges.test.ts.
 */
import { execute, TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { changed, snapshot } from './support';

describe('card data at the edges of the shapes', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna] = MEMBERS as [TestUser];

  beforeAll(async () => {
    t = await startTestApp();
    g = new GroupDriver(t, t.conversation('groupChat', '19:card-data-edges@thread.v2'), MEMBERS.slice(0, 4));
    await g.setUp('nl', '20');
    await g.startCycle();
    await g.startSession();
  }, 60_000);
  afterAll(() => t.stop());

  // Presses on the session card (goto 50, questionId 999, personal 999, learning need 999, firstStep of an unknown
  // proposal) are in session-card-presses-at-the-edges.test.ts: here, after a full snapshot, they did not answer within 90 s (a harness effect, not reproduced alone).
  const cases: [string, string, () => Record<string, unknown>, string?][] = [
    ['week 1000 of a 20-week plan', 'cycle.start', () => ({ groupId: g.groupId, week: 1000 }), 'cycle-card'],
    ['skip week 1000', 'rhythm.skip', () => ({ groupId: g.groupId, week: 1000, from: '2026-11-23' }), 'cycle-card'],
    ['skip with from 2026-02-30', 'rhythm.skip', () => ({ groupId: g.groupId, week: 2, from: '2026-02-30' }), 'cycle-card'],
    ['move to 2026-02-30', 'rhythm.move', () => ({ groupId: g.groupId, week: 2, from: '2026-11-30', start: '2026-02-30' }), 'cycle-card'],
    ['move with from "gisteren"', 'rhythm.move', () => ({ groupId: g.groupId, week: 2, from: 'gisteren', start: '2026-12-01' }), 'cycle-card'],
    ['move week 1000', 'rhythm.move', () => ({ groupId: g.groupId, week: 1000, from: '2026-11-30', start: '2026-12-01' }), 'cycle-card'],
    ['agenda with question 999', 'cycle.agenda.save', () => ({ groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '999', day2: '8', day3: '9', day4: '10' }), 'cycle-card'],
    ['agenda of week 1000', 'cycle.agenda.save', () => ({ groupId: g.groupId, cycleId: `${g.groupId}_w1000`, day1: '1', day2: '8', day3: '9', day4: '10' }), 'cycle-card'],
  ];

  it.each(cases)('%s: a friendly Dutch refusal, nothing stored, nothing sent', async (_name, verb, data, replyTo) => {
    const before = await snapshot(t);
    const calls = t.connector.calls.length;
    const res = await t.send(execute(g.conv, anna, verb, data(), replyTo ?? g.sessionMessageId));
    const text = typeof res.body?.value === 'string' ? res.body.value : cardText(res.body?.value);
    expect({ status: res.status, stack: /\bat \S+ \(|Error:|TypeError|undefined/.test(text) }).toEqual({ status: 200, stack: false });
    expect(changed(before, await snapshot(t))).toEqual([]);
    expect(t.connector.calls.slice(calls).filter((c) => c.method === 'POST').map((c) => c.conversationId)).toEqual([]);
  });
});
