import { anna, bram, cem, facilitationFigures, planConversation, shareAccount, startWithMiaAsManager } from './support/facilitation';
import { TestApp } from '../support/test-app';

const ABOUT_ANNA = 'Vier uur per week vrij geroosterd voor haar re-integratie na ziekte';
const ABOUT_BRAM = 'Budget voor een cursus vrijgemaakt';

/**
 * ATTACK: HR picks the report period. Quotes carry no label (no team), but a period of one day,
 * or the difference of two overlapping periods, held exactly one planned conversation: the quote
 * was then tied to that conversation's date, and so to the professional whose talentontwikkelgesprek
 * it was (dates are on HR's and the manager's calendar). The section counts whole calendar months
 * with at least 3 conversations. Found in review, stop 32.
 */
describe('facilitation quotes against report periods HR chooses', () => {
  let t: TestApp;
  const facilitation = async (from: string, to: string) => {
    const { planned, shared } = await facilitationFigures(t, from, to);
    return { planned, shared };
  };
  const plan = async (who: typeof anna, date: string, text?: string) => {
    await planConversation(t, who, date);
    if (text) await shareAccount(t, who, text);
  };

  beforeAll(async () => {
    t = await startWithMiaAsManager();
    await plan(anna, '2026-12-10', ABOUT_ANNA);
    await plan(bram, '2026-12-15', ABOUT_BRAM);
    await plan(cem, '2026-12-17');
    // January: December is over, so its figures count (stop 37: a month counts only once over).
    t.clock.set('2027-01-04T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('attack: a one-day period gives exactly one conversation and its quote (Anna\'s, by the date of her gesprek)', async () => {
    const day = await facilitation('2026-12-10', '2026-12-10');
    // Leak: one planned conversation in the period, and the quote that goes with it.
    expect({ planned: day.planned, shared: day.shared }).not.toEqual({ planned: 1, shared: [ABOUT_ANNA] });
  });

  it('guard: a whole month with three conversations is counted and quoted', async () => {
    expect(await facilitation('2026-12-01', '2026-12-31')).toEqual({ planned: 3, shared: [ABOUT_BRAM, ABOUT_ANNA].sort((a, b) => a.localeCompare(b)) });
  });

  it('attack: two overlapping periods differ by exactly one quote, dated to one conversation', async () => {
    const whole = await facilitation('2026-12-01', '2026-12-31');
    const after = await facilitation('2026-12-11', '2026-12-31');
    const isolated = whole.shared.filter((s) => !after.shared.includes(s));
    expect({ plannedDiff: whole.planned - after.planned, isolated }).not.toEqual({ plannedDiff: 1, isolated: [ABOUT_ANNA] });
  });
});
