import { execute } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { randomCosmosFaults } from '../support/cosmos-proxy';
import { startTestApp, TestApp } from '../support/test-app';
import { exportOf, isNormalCard, tally } from './support';

/**
 * Cosmos DB faults during a session (429 with retry-after, 503, connections dropped before the
 * store sees a request, and after it wrote but before the answer arrived). An error card must
 * mean that nothing was stored, and pressing again never stores an answer twice.
 */
describe('answers under Cosmos DB faults', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem] = MEMBERS;
  beforeAll(async () => {
    t = await startTestApp({}, undefined, { proxy: true });
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
  });
  afterAll(() => t.stop());

  it('shows an error card only when nothing was stored, and a retry stores nothing twice', async () => {
    const presses = Array.from({ length: 30 }, (_, i) => {
      const who = [anna!, bram!, cem!][i % 3]!;
      return { who, text: `Antwoord ${i} van ${who.name}`, activity: execute(g.conv, who, 'session.contribute', { ...g.ids(), questionId: 1, text: `Antwoord ${i} van ${who.name}` }, g.sessionMessageId) };
    });

    t.proxy!.faults = randomCosmosFaults(0.2, 11);
    const outcomes = [];
    for (const p of presses) outcomes.push({ ...p, ok: isNormalCard((await t.send(p.activity)).body) });
    t.proxy!.faults = undefined;
    const injected = t.proxy!.count((r) => r.status === 0 || r.status === 429 || r.status === 503);
    expect(injected).toBeGreaterThan(5);

    const storedAfterFaults = tally((await Promise.all([anna!, bram!, cem!].map((m) => exportOf(t, m)))).flatMap((e) => e.contributions.map((c) => c.text)));
    const wrong = outcomes.filter((o) => (o.ok ? storedAfterFaults.get(o.text) !== 1 : storedAfterFaults.has(o.text))).map((o) => `${o.ok ? 'card' : 'error'}: ${o.text} stored ${storedAfterFaults.get(o.text) ?? 0}x`);
    expect(wrong).toEqual([]);

    // Teams (or the member) sends every press again: each answer ends up stored exactly once.
    for (const p of presses) expect(isNormalCard((await t.send(p.activity)).body)).toBe(true);
    const storedAfterRetry = tally((await Promise.all([anna!, bram!, cem!].map((m) => exportOf(t, m)))).flatMap((e) => e.contributions.map((c) => c.text)));
    expect(presses.filter((p) => storedAfterRetry.get(p.text) !== 1).map((p) => `${p.text}: ${storedAfterRetry.get(p.text) ?? 0}x`)).toEqual([]);
  });
});
