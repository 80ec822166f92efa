import { TestUser } from '../support/activities';
import { cosmosGate } from '../support/cosmos-gate';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { weekUpToQuestion9 } from './support';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

/**
 * The weekly handover is scheduled BEFORE the pass-on is stored. A pass-on pressed just
 * before Monday 02:00 (Amsterdam) schedules this Monday's handover; its write lands just after
 * that handover ran (which found nothing). With no later handover scheduled the need waited until
 * somebody else passed one on; the pass-on schedules the handover after its write too. Found in
 * review of this stop's change, stop 32.
 */
describe('a learning need passed on around the Monday handover', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z', { proxy: true });
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await weekUpToQuestion9(g);
    await g.press(anna, 'session.personal', { ...g.ids(), questionId: 9, text: 'Samenwerken met de nachtdienst' });
  });
  afterAll(() => t.stop());

  it('a pass-on whose write lands after this Monday\'s handover ran still has a handover pending', async () => {
    // Monday 30 Nov 2026, 01:59:59 in Amsterdam (UTC+1): one second before the handover.
    t.clock.set('2026-11-30T00:59:59Z');
    const gate = cosmosGate(t.proxy!);
    const held = gate.hold((req) => req.method === 'POST' && /\/colls\/personal\/docs\/?$/.test((req.url ?? '').split('?')[0]!) && String(req.headers['x-ms-documentdb-isquery'] ?? '') !== 'true' && String(req.headers['x-ms-cosmos-is-query-plan-request'] ?? '') !== 'true');
    const press = g.press(anna, 'learningNeed.pass', { ...g.ids(), questionId: 9, theme: 'samenwerken', learningNeedText: 'Afspraken tussen diensten' });
    await held.arrived;
    // 02:00:01: the handover this press scheduled runs while the pass-on's write is on its way.
    t.clock.set('2026-11-30T01:00:01Z');
    await t.app.scheduler.runDue();
    held.release();
    await press;
    const passOns = (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'learningNeedPassOn'").fetchAll()).resources;
    expect(passOns.map((p) => p.status)).toEqual(['pending']);
    const handovers = (await t.store.container('jobs').items.query("SELECT * FROM c WHERE c.kind = 'learningNeeds.handover'").fetchAll()).resources;
    const pendingLater = handovers.filter((j) => j.status === 'pending' && j.dueAt > t.clock.now().toISOString());
    expect({ handovers: handovers.map((j) => `${j.id} ${j.status} ${j.dueAt}`), pendingLater: pendingLater.length }).toEqual(expect.objectContaining({ pendingLater: 1 }));
  });
});
