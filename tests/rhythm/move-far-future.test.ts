import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The move form's date had a minimum but no maximum. A date at the edge of what a date
 * picker offers (31 Dec 9999's week) moves the week there and shifts the weeks after it past
 * year 9999. Expected: refused next to the field (or at least the plan stays readable and the
 * stored dates stay valid ISO dates); never a crash, never a plan the app cannot read back. It
 * came back as the generic error card, the date lost. Found in review, stop 37.
 */
describe('moving a week to the far future', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna] = MEMBERS as [typeof MEMBERS[0]];

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
  });
  afterAll(() => t.stop());

  it('keeps the plan readable and its dates valid', async () => {
    const res = await g.press(anna, 'rhythm.move', { groupId: g.groupId, week: 2, from: '2026-11-30', start: '9999-12-20' }, 'cycle-card');
    const plan = (await t.store.container('sessions').item(`${g.groupId}_plan`, g.groupId).read()).resource;
    const dates: string[] = plan.weeks.flatMap((w: { dates: string[] }) => w.dates);
    expect(dates.filter((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d))).toEqual([]);
    // Refused: the move form again, with the date entered and the reason next to it (not a generic error card).
    const start = (res.value.body as { id?: string; value?: string }[]).find((e) => e.id === 'start');
    expect({ form: cardText(res.value).includes('Week 2 verplaatsen'), entered: start?.value }).toEqual({ form: true, entered: '9999-12-20' });
    expect(cardText(res.value)).toContain('Die datum ligt meer dan een jaar vooruit.');
    // The date picker offers no later day than that (a year from today).
    expect(start).toMatchObject({ max: '2027-11-20' });
  });

  it('takes a day a year ahead, and the weeks after it follow', async () => {
    const res = await g.press(anna, 'rhythm.move', { groupId: g.groupId, week: 2, from: '2026-11-30', start: '2027-11-15' }, 'cycle-card');
    expect(cardText(res.value)).toContain('Week 2\nma 15 nov – do 18 nov 2027\nWeek 3\nma 22 nov');
  });
});
