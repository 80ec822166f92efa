import { inputValues as values } from '../support/card-fields';
import { CosmosFaultRule } from '../support/cosmos-proxy';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { ERROR_TITLE } from './support';

/**
 * Holds the first write of the cycle document (Cosmos DB throttles it once), and says when it did:
 * the save's replace, or the session opening's transaction that fixes the agenda on the cycle.
 */
function slowFirstCycleReplace(cycleId: string): { rule: CosmosFaultRule; slowed: () => boolean } {
  let slowed = false;
  return {
    rule: (req) => {
      const cycleWrite = (req.kind === 'replace' && req.path.endsWith(`/docs/${cycleId}`)) || (req.kind === 'batch' && req.container === 'sessions');
      if (!slowed && cycleWrite) {
        slowed = true;
        return { kind: 'status', status: 429, retryAfterMs: 1500 };
      }
      return undefined;
    },
    slowed: () => slowed,
  };
}

/**
 * One member saves the week's agenda while another starts its first session. Before, the save
 * checked "no sessions yet", the session was made from the old agenda meanwhile, and the save was
 * then answered "saved" for an agenda day 1 did not follow. Now the first session fixes the
 * agenda on the cycle under its ETag before it is made from it: whichever write lands first
 * decides, and the stored agenda is always the one day 1 runs.
 */
describe('the agenda saved while a member starts the first session', () => {
  let t: TestApp;
  let round = 0;
  const [anna, bram] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0]];
  const agenda = { day1: '1,2,3,4,5,6,7', day2: '8', day3: '9', day4: '10' };

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  async function freshWeek() {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:agenda-race-${round++}@thread.v2`), MEMBERS.slice(0, 4));
    await g.setUp();
    await g.startCycle();
    return { g, cycleId: `${g.groupId}_w1` };
  }
  const day1Of = async (g: GroupDriver, cycleId: string) => (await t.store.container('sessions').item(cycleId, g.groupId).read()).resource.agenda.find((d: { day: number }) => d.day === 1).questionIds;

  it('a save slowed until the session began is refused in its form, inputs kept; day 1 runs the stored agenda', async () => {
    const { g, cycleId } = await freshWeek();
    const slow = slowFirstCycleReplace(cycleId);
    t.proxy!.faults = slow.rule;
    const saving = g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId, ...agenda }, 'cycle-card');
    await waitUntil('the first cycle write is held', () => slow.slowed());
    await g.startSession(bram, cycleId);
    const saved = await saving;
    t.proxy!.faults = undefined;

    expect(cardText(saved.value)).not.toContain(ERROR_TITLE);
    expect(cardText(saved.value)).toContain('Nog niet bewaard');
    expect(cardText(saved.value)).toContain('de agenda ligt nu vast');
    expect(values(saved.value)).toMatchObject(agenda);
    expect((await g.session()).questionIds).toEqual(await day1Of(g, cycleId));
  });

  it('a session start slowed until the save landed runs the saved agenda', async () => {
    const { g, cycleId } = await freshWeek();
    const slow = slowFirstCycleReplace(cycleId);
    t.proxy!.faults = slow.rule;
    const starting = g.startSession(bram, cycleId);
    await waitUntil('the first cycle write is held', () => slow.slowed());
    const saved = await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId, ...agenda }, 'cycle-card');
    await starting;
    t.proxy!.faults = undefined;

    expect(cardText(saved.value)).not.toContain('Nog niet bewaard');
    expect(await day1Of(g, cycleId)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect((await g.session()).questionIds).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('a save after day 1 began: the same refusal in the form, not an error card', async () => {
    const { g, cycleId } = await freshWeek();
    await g.startSession(bram, cycleId);
    const saved = await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId, ...agenda }, 'cycle-card');
    expect(cardText(saved.value)).toContain('de agenda ligt nu vast');
    expect(values(saved.value)).toMatchObject(agenda);
    expect(await day1Of(g, cycleId)).toEqual((await g.session()).questionIds);
  });
});
