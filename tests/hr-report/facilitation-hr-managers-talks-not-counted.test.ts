import { reportCard } from '../support/hr-report';
import { HR } from '../support/pulse-driver';
import { TestApp } from '../support/test-app';
import { facilitationFigures } from '../privacy/support/facilitation';
import { planMonthsHrCouldPad, startWithHrAlsoManaging } from './support/facilitation';

const ABOUT_CEM = 'Vier uur per week vrij geroosterd voor zijn re-integratie na ziekte';
const ABOUT_ANNA = 'Budget voor een cursus vrijgemaakt';

/**
 * The facilitation section shows a month only when at least 3 professionals had a planned
 * conversation in it (MIN_CONVERSATIONS_PER_MONTH), so no quote belongs to one conversation. The
 * reader can be a manager too: Hanna (HR) manages Dewi and Eva. Her two conversations in December
 * lifted a month holding only Mia's one conversation with Cem over the minimum, and the one quote
 * in it was, for her, Mia's account of Cem's conversation: the padding the B3-spiegel refuses
 * (pulse-poll-padding). The minimum now counts no conversation whose manager is an HR member (any
 * of them, so a month reads the same to every HR reader: facilitation-same-for-every-hr-reader),
 * on the card and in its signed downloads. Found in review, stop 50
 * (probe-facilitation-hr-pads-month).
 */
describe('HR who is also a manager cannot pad a month of facilitation accounts with her own conversations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startWithHrAlsoManaging();
    await planMonthsHrCouldPad(t, { cemInDecember: ABOUT_CEM, annaInJanuary: ABOUT_ANNA });
  }, 120_000);
  afterAll(() => t.stop());

  it('December\'s download does not hand Hanna the one account that is not her own', async () => {
    t.clock.set('2027-02-04T08:00:00Z');
    const december = await facilitationFigures(t, '2026-12-01', '2026-12-31');
    expect(december.shared).not.toContain(ABOUT_CEM);
    expect(december).toEqual({ planned: 0, withAccount: 0, shared: [] });
  }, 120_000);

  it('nor does the report card she sees', async () => {
    const card = await reportCard(t, t.conversation('channel', '19:hr-channel@thread.tacv2'), HR, 'rapport 2026-12-01 2026-12-31');
    expect(JSON.stringify(card)).not.toContain(ABOUT_CEM);
  }, 120_000);

  it('a month with three professionals of managers outside HR counts, her own conversation in its figures', async () => {
    // HR's own conversations tell HR nothing it does not know; the month reads the same to every HR reader.
    expect(await facilitationFigures(t, '2027-01-01', '2027-01-31')).toEqual({ planned: 4, withAccount: 1, shared: [ABOUT_ANNA] });
  }, 120_000);
});
