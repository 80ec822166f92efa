import { TestUser } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { weekUpToQuestion9 } from './support';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

/**
 * The Monday handover job was given up by the scheduler after 5 failed attempts (about five
 * minutes of a Cosmos DB fault on the members' partitions), and nothing scheduled another one:
 * the needs of three people waited, neither handed over nor told so, until someone passed on a
 * new one. Jobs are retried for about a day now. Found in review, stop 36.
 */
describe('the learning-needs handover under a Cosmos fault that outlasts the scheduler retries', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z', { proxy: true, sharedCardIntervalMs: 0, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await weekUpToQuestion9(g);
    for (const [who, theme] of [[anna, 'samenwerken'], [bram, 'digitaal'], [cem, 'samenwerken']] as const) {
      await g.press(who, 'session.personal', { ...g.ids(), questionId: 9, text: `Leerwens van ${who.name}` });
      await g.press(who, 'learningNeed.pass', { ...g.ids(), questionId: 9, theme, learningNeedText: '' });
    }
  }, 240_000);
  afterAll(() => t.stop());

  it('hands the three needs over once Cosmos DB answers again', async () => {
    // Monday 30 Nov 2026 02:00 Amsterdam: the handover is due; the members' partitions cannot be queried for 18 minutes.
    t.clock.set('2026-11-30T01:00:00Z');
    t.proxy!.faults = (req) => (req.container === 'personal' && req.kind === 'query' ? { kind: 'status', status: 503 } : undefined);
    try {
      await t.app.scheduler.runDue();
      for (let i = 0; i < 6; i++) {
        t.clock.advanceMinutes(3);
        await t.app.scheduler.runDue();
      }
    } finally {
      t.proxy!.faults = undefined;
    }
    // A week on (nobody passes anything on meanwhile), the scheduler keeps running.
    for (let day = 0; day < 8; day++) {
      t.clock.advanceMinutes(24 * 60);
      await t.app.scheduler.runDue();
    }
    const passOns = (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'learningNeedPassOn'").fetchAll()).resources.map((p) => p.status);
    const handovers = (await t.store.container('jobs').items.query("SELECT * FROM c WHERE c.kind = 'learningNeeds.handover'").fetchAll()).resources.map((j) => `${j.id} ${j.status} attempts=${j.attempts}`);
    expect({ passOns, handovers }).toEqual({ passOns: ['handedOver', 'handedOver', 'handedOver'], handovers: expect.arrayContaining([expect.stringMatching(/ done /)]) });
  }, 240_000);
});
