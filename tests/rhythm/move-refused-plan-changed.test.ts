import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A member's move of a week, refused because another member changed the plan meanwhile, came back
 * as the plan card: the date they picked was gone. It comes back as the move form now, with their
 * date and the reason. Set up on Thursday 19 Nov 2026: week 1 is 23 Nov, week 2 30 Nov, week 3
 * 7 Dec. Found in review, stop 36.
 */
describe('a move refused because the plan changed meanwhile', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0]];

  beforeEach(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
  });
  afterEach(() => t.stop());

  it('Bram\'s move form for week 3, refused because Anna skipped week 2 meanwhile, comes back with his date and the reason', async () => {
    const ask = await g.press(bram, 'rhythm.move.ask', { groupId: g.groupId, week: '3' }, 'cycle-card');
    const move = ask.value.actions.find((x: { verb: string }) => x.verb === 'rhythm.move').data;
    expect(move).toEqual({ groupId: g.groupId, week: 3, from: '2026-12-07' });
    await g.press(anna, 'rhythm.skip', { groupId: g.groupId, week: 2, from: '2026-11-30' }, 'cycle-card');
    const refused = await g.press(bram, 'rhythm.move', { ...move, start: '2026-12-22' }, 'cycle-card');
    const startInput = (refused.value.body as { id?: string; value?: string }[]).find((e) => e.id === 'start');
    expect(cardText(refused.value)).toContain('iemand anders heeft de planning net aangepast');
    // The date Bram picked is on the card (the move form), not only the new plan.
    expect({ form: cardText(refused.value).includes('Week 3 verplaatsen'), entered: startInput?.value }).toEqual({ form: true, entered: '2026-12-22' });
    // Pressed again from that form (a date that fits the week as planned now), the move is stored.
    const again = refused.value.actions.find((x: { verb: string }) => x.verb === 'rhythm.move').data;
    const moved = await g.press(bram, 'rhythm.move', { ...again, start: '2026-12-15' }, 'cycle-card');
    expect(cardText(moved.value)).toContain('Week 3\ndi 15 dec');
  });
});
