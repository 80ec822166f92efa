import { execute } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { EIGHT, exportOf, isNormalCard, postStraight, tally } from './support';

/**
 * Found in review, stop 49: two instances of the app on one store serve the same group (Teams sends
 * each activity to either, and a redelivery may go to the other one), while Teams throttles every
 * other update of the session card. Both instances talk to the same Bot Connector (the activities'
 * serviceUrl).
 */
describe('two app instances serve one live group in a burst', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
    b = await startTestApp({}, '2026-11-23T08:00:00Z', { cosmos: a.cosmos });
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  it('answers delivered to both, and again to the other: each stored once, every presser answered with their card', async () => {
    const g = new GroupDriver(a, a.conversation('groupChat', '19:two-instances@thread.v2'), EIGHT);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    let puts = 0;
    a.connector.faults.push((req) => (req.method === 'PUT' && req.path.endsWith(`/activities/${g.sessionMessageId}`) && puts++ % 2 === 0 ? { status: 429, retryAfterSeconds: 1 } : undefined));

    const presses = EIGHT.map((m, i) => ({ m, first: i % 2 ? a : b, other: i % 2 ? b : a, activity: execute(g.conv, m, 'session.contribute', { ...g.ids(), questionId: 1, text: `${m.name} op twee` }, g.sessionMessageId) }));
    const answers = await Promise.all(presses.flatMap((p) => [postStraight(p.first, p.activity), postStraight(p.other, p.activity)]));
    expect(answers.filter((r) => r.status !== 200 || !isNormalCard(r.body)).map((r) => cardText(r.body?.value))).toEqual([]);
    for (const m of EIGHT) expect([...tally((await exportOf(a, m)).contributions.map((c) => c.text))]).toEqual([[`${m.name} op twee`, 1]]);

    // Two members press "Volgende" on the same card at once, one on each instance: one move.
    const steps = await Promise.all([postStraight(a, execute(g.conv, EIGHT[0]!, 'session.goto', { ...g.ids(), index: 1, k: 'k-card' }, g.sessionMessageId)), postStraight(b, execute(g.conv, EIGHT[1]!, 'session.goto', { ...g.ids(), index: 1, k: 'k-card' }, g.sessionMessageId))]);
    expect(steps.every((s) => isNormalCard(s.body))).toBe(true);
    await Promise.all([a.app.sharedCards.idle(), b.app.sharedCards.idle()]);
    const session = await g.session();
    expect(session.currentIndex).toBe(1);
    expect(cardText(g.sharedCard()).split('\n').find((l) => l.startsWith('▶'))).toContain('2.');
    expect([...a.logs, ...b.logs].join('\n')).not.toContain('card action failed');
  });

  it('the session is ended on both instances at once: closed once, one summary', async () => {
    const g = new GroupDriver(a, a.conversation('groupChat', '19:two-instances-end@thread.v2'), EIGHT.slice(0, 4));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(EIGHT[0]!, 1, 'Iets');
    const end = (t: TestApp, i: number) => postStraight(t, execute(g.conv, EIGHT[i]!, 'session.end', g.ids(), g.sessionMessageId));
    const ends = await Promise.all([end(a, 0), end(b, 1), end(a, 2), end(b, 3)]);
    expect(ends.every((e) => isNormalCard(e.body))).toBe(true);
    await Promise.all([a.app.outbox.drain(30_000), b.app.outbox.drain(30_000)]);
    await Promise.all([a.app.sharedCards.idle(), b.app.sharedCards.idle()]);
    expect((await g.session()).status).toBe('closed');
    const summaries = a.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === g.conv.id && JSON.stringify(c.activity).includes('Samenvatting'));
    expect(summaries).toHaveLength(1);
  });
});
