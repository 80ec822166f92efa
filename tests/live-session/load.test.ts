import { execute, user } from '../support/activities';
import { GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { exportOf, isNormalCard, tally } from './support';

const EIGHT = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva', 'Finn', 'Gert', 'Hana'].map(user);
const PER_MEMBER = 50;

/** The largest document in the store, in bytes: a live group must not make any document grow. */
async function largestDocument(t: TestApp): Promise<number> {
  let max = 0;
  for (const name of ['groups', 'sessions', 'proposals'] as const) {
    const { resources } = await t.store.container(name).items.query('SELECT * FROM c').fetchAll();
    for (const d of resources) max = Math.max(max, Buffer.byteLength(JSON.stringify(d)));
  }
  return max;
}

/**
 * A live group under load: eight members each save fifty answers at the same moment, while Teams
 * redelivers some of the activities. Every save gets a normal card, every answer is kept once,
 * and no document grows with the number of answers.
 */
describe('eight members x fifty concurrent saves, with redelivery', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp();
    g = new GroupDriver(t, t.conversation('groupChat'), EIGHT);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
  });
  afterAll(() => t.stop());

  it('answers every save with a normal card and keeps each answer exactly once', async () => {
    const first = await Promise.all(EIGHT.map((m) => g.contribute(m, 1, `${m.name} opent`)));
    expect(first.every(isNormalCard)).toBe(true);
    const sizeAtStart = await largestDocument(t);

    const activities = EIGHT.flatMap((m) =>
      Array.from({ length: PER_MEMBER }, (_, i) => ({ who: m, activity: execute(g.conv, m, 'session.contribute', { ...g.ids(), questionId: 1, text: `${m.name} antwoord ${i}` }, g.sessionMessageId) })),
    );
    const redelivered = activities.filter((_, i) => i % 10 === 0);
    const answers = await Promise.all([...activities, ...redelivered].map((a) => t.send(a.activity)));

    const failed = answers.filter((r) => r.status !== 200 || !isNormalCard(r.body));
    expect({ failed: failed.length, statuses: [...new Set(answers.map((r) => r.status))] }).toEqual({ failed: 0, statuses: [200] });

    for (const m of EIGHT) {
      const kept = tally((await exportOf(t, m)).contributions.map((c) => c.text));
      const expected = [`${m.name} opent`, ...Array.from({ length: PER_MEMBER }, (_, i) => `${m.name} antwoord ${i}`)];
      expect({ who: m.name, lost: expected.filter((x) => !kept.has(x)), doubled: [...kept].filter(([, n]) => n > 1).map(([x]) => x) }).toEqual({ who: m.name, lost: [], doubled: [] });
    }

    // 400 more answers may not make any single document much larger than it was at 8.
    expect(await largestDocument(t)).toBeLessThanOrEqual(sizeAtStart * 1.5);
  }, 240_000);
});
