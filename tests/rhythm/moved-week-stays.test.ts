import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * One member's plan change against what another member planned. Anna moved week 5 past Christmas;
 * Bram then moved week 2 by a day within its own calendar week, and every week after it was
 * planned again from scratch: week 5 went back to 21 December, and nobody was told. A week the
 * group moved stays where it was put, as long as it still comes after the week before it. Set up
 * on Thursday 19 Nov 2026: week 1 is 23 Nov, week 2 30 Nov, week 3 7 Dec, week 4 14 Dec, week 5
 * 21 Dec. Found in review, stop 36. What the chat is told of the change names the weeks that
 * shifted (stop 37: it said every later week shifted on).
 */
describe('a week the group moved, and a later change of an earlier week', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0]];
  const plan = async () => (await t.store.container('sessions').item(`${g.groupId}_plan`, g.groupId).read()).resource as { weeks: { week: number; dates: string[] }[] };
  const starts = async () => (await plan()).weeks.slice(1, 6).map((w) => w.dates[0]);
  /** What the chat was told of Bram's change (through the outbox). */
  const toldOf = async (name: string) => {
    await t.app.outbox.drain(30_000);
    return t.connector.calls.map((c) => String(c.activity.text ?? '')).filter((text) => text.startsWith(`${name} heeft`));
  };

  beforeEach(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
    const a = await g.press(anna, 'rhythm.move', { groupId: g.groupId, week: 5, from: '2026-12-21', start: '2027-01-04' }, 'cycle-card');
    expect(cardText(a.value)).toContain('Week 5\nma 4 jan');
  });
  afterEach(() => t.stop());

  it('stays where Anna put it when Bram moves week 2 by a day within its week', async () => {
    const b = await g.press(bram, 'rhythm.move', { groupId: g.groupId, week: 2, from: '2026-11-30', start: '2026-12-01' }, 'cycle-card');
    expect(cardText(b.value)).toContain('Week 2\ndi 1 dec');
    expect(await starts()).toEqual(['2026-12-01', '2026-12-07', '2026-12-14', '2027-01-04', '2027-01-11']);
    // Before (stop 37): "De weken erna volgen.", while none of them moved.
    expect(await toldOf('Bram')).toEqual(['Bram heeft week 2 verplaatst naar di 1 dec – vr 4 dec. De weken erna blijven waar ze staan.']);
  });

  it('stays where Anna put it when Bram skips week 2 (the weeks between shift on)', async () => {
    await g.press(bram, 'rhythm.skip', { groupId: g.groupId, week: 2, from: '2026-11-30' }, 'cycle-card');
    expect(await starts()).toEqual(['2026-12-07', '2026-12-14', '2026-12-21', '2027-01-04', '2027-01-11']);
    // Before (stop 37): "de weken erna schuiven mee", also of week 5 that stayed where Anna put it.
    expect(await toldOf('Bram')).toEqual(['Bram heeft week 2 overgeslagen. Week 2 is nu ma 7 dec – do 10 dec. Week 3 en 4 schuiven mee; de andere weken erna blijven waar ze staan.']);
  });

  it('the card that asks before a skip says which weeks would shift', async () => {
    const asked = await g.press(bram, 'rhythm.skip.ask', { groupId: g.groupId, week: 2 }, 'cycle-card');
    // Before (stop 37): "Overslaan schuift deze week en de weken erna een week op".
    expect(cardText(asked.value)).toContain('Overslaan schuift deze week een week op. Week 3 en 4 schuiven mee; de andere weken erna blijven waar ze staan.');
  });

  it('follows on when an earlier week moves past it: weeks keep their order', async () => {
    await g.press(bram, 'rhythm.move', { groupId: g.groupId, week: 4, from: '2026-12-14', start: '2027-01-05' }, 'cycle-card');
    expect(await starts()).toEqual(['2026-11-30', '2026-12-07', '2027-01-05', '2027-01-11', '2027-01-18']);
  });
});
