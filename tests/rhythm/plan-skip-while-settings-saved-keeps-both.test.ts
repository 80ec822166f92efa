// Found in review, stop 62 (fixed then: a plan change whose write lost the ETag race to a settings save's re-plan read the group again before re-applying, instead of putting the old settings back).
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { cosmosGate, replaceOf } from '../support/cosmos-gate';
import { TestApp } from '../support/test-app';
import { saveSettings, settingsRaceGroup, storedPlan } from './support';

/**
 * Anna skips a week while Bram saves the group's settings (more weeks, or other days) at the same
 * moment. The skip read the group before Bram's save; its plan write loses the ETag race to Bram's
 * re-plan and is applied again on the plan as Bram left it. Promise: a plan change by one member
 * never silently overrides another's concurrent change: both stand (week 3 skipped AND the plan
 * follows Bram's settings), and Anna's answer card and the chat's message are built from the plan
 * as stored. Set up Thu 19 Nov 2026: week 1 Mon 23 Nov, week 3 Mon 7 Dec.
 */
describe('a skip and a settings save at the same moment: both stand', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0]];
  const plan = () => storedPlan(t, g);
  const save = (weeks: string, days: string) => saveSettings(g, bram, { weeks, days }, `save-${weeks}-${days}`);

  beforeEach(async () => ({ t, g } = await settingsRaceGroup()));
  afterEach(() => t.stop());

  /** Anna's skip of week 3, its plan write held at the store while Bram saves `weeks`/`days`: her answer, and what the chat was told of it. */
  async function skipWhileSaving(weeks: string, days: string, verb = 'rhythm.skip', data: Record<string, unknown> = {}): Promise<{ answer: string; told: string[] }> {
    const gate = cosmosGate(t.proxy!);
    const held = gate.hold(replaceOf(`${g.groupId}_plan`));
    const skip = g.press(anna, verb, { groupId: g.groupId, week: 3, from: '2026-12-07', ...data }, 'cycle-card', 'act-skip');
    await held.arrived;
    await save(weeks, days);
    const from = t.connector.calls.length;
    held.release();
    const answer = JSON.stringify((await skip).value);
    await t.app.outbox.drain(30_000);
    const told = t.connector.calls.slice(from).filter((c) => c.conversationId === g.conv.id).map((c) => JSON.stringify(c.activity ?? {})).filter((s) => /overgeslagen|verplaatst/.test(s));
    return { answer, told };
  }

  it('Bram raises the planned weeks to 24 as Anna skips week 3: the plan holds 24 weeks and the skip', async () => {
    const { answer, told } = await skipWhileSaving('24', '1,2,3,4');
    const p = await plan();
    expect({ skipped: p.skipped, weeks: p.weeks.length, basis: p.basis.plannedWeeks }).toEqual({ skipped: ['2026-12-07'], weeks: 24, basis: 24 });
    // Anna's answer shows the plan as stored: Bram's 24 weeks, with her skip.
    expect(answer).toContain('24 actieve weken');
    expect(answer).toContain('Week 24');
    expect(answer).toContain('Overgeslagen: de week van ma 7 dec.');
    expect(told).toEqual([expect.stringContaining('Anna heeft week 3 overgeslagen. Week 3 is nu ma 14 dec – do 17 dec.')]);
  });

  it('Bram changes the days to Mon, Tue, Wed, Fri as Anna skips week 3: the weeks after it are on his days', async () => {
    const { answer, told } = await skipWhileSaving('20', '1,2,3,5');
    const p = await plan();
    const weekdays = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
    const offDays = p.weeks.filter((w) => w.week >= 3).filter((w) => w.dates.map(weekdays).join(',') !== '1,2,3,5').map((w) => w.week);
    expect({ skipped: p.skipped, basis: p.basis.days, offDays }).toEqual({ skipped: ['2026-12-07'], basis: [1, 2, 3, 5], offDays: [] });
    // Anna's answer and the chat's message name week 3 on Bram's days (Friday, not Thursday).
    expect(answer).toContain('ma 14 dec – vr 18 dec 2026');
    expect(answer).not.toContain('ma 14 dec – do 17 dec');
    expect(told).toEqual([expect.stringContaining('Anna heeft week 3 overgeslagen. Week 3 is nu ma 14 dec – vr 18 dec.')]);
  });

  it('Bram raises the planned weeks to 24 as Anna moves week 3 a week on: the plan holds 24 weeks and the move', async () => {
    const { answer, told } = await skipWhileSaving('24', '1,2,3,4', 'rhythm.move', { start: '2026-12-14' });
    const p = await plan();
    expect({ week3: p.weeks.find((w) => w.week === 3)?.dates[0], weeks: p.weeks.length, basis: p.basis.plannedWeeks }).toEqual({ week3: '2026-12-14', weeks: 24, basis: 24 });
    expect(answer).toContain('24 actieve weken');
    expect(told).toEqual([expect.stringContaining('Anna heeft week 3 verplaatst naar ma 14 dec – do 17 dec.')]);
  });
});
