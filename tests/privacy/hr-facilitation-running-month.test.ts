import { anna, bram, cem, facilitationFigures, planConversation, shareAccount, startWithMiaAsManager } from './support/facilitation';
import { TestApp } from '../support/test-app';

const ABOUT_ANNA = 'Vier uur per week vrij geroosterd voor haar re-integratie na ziekte';
const ABOUT_BRAM = 'Budget voor een cursus vrijgemaakt';

/**
 * ATTACK: the facilitation section counts whole calendar months with at least 3 planned
 * conversations, so that no quote belongs to one conversation. But a month counts while it runs
 * (and before its conversations were held): HR asks the same period (the whole month) the day
 * after each conversation, and each reading adds the account of the conversation just held. The
 * difference of two readings is one quote, tied to the one conversation between them.
 * Weeks are counted only once over (`countedSessions`); months were not. Found in review, stop 37.
 */
describe('facilitation quotes of a month that is still running', () => {
  let t: TestApp;
  const facilitation = (from: string, to: string) => facilitationFigures(t, from, to);
  const plan = (who: typeof anna, date: string) => planConversation(t, who, date);
  const account = (who: typeof anna, text: string) => shareAccount(t, who, text);

  beforeAll(async () => {
    t = await startWithMiaAsManager();
    await plan(anna, '2026-12-10');
    await plan(bram, '2026-12-15');
    await plan(cem, '2026-12-17');
  });
  afterAll(() => t.stop());

  it('attack: two readings of December, before and after Bram\'s conversation, differ by exactly his quote', async () => {
    t.clock.set('2026-12-11T08:00:00Z');
    await account(anna, ABOUT_ANNA);
    const first = await facilitation('2026-12-01', '2026-12-31');
    t.clock.set('2026-12-16T08:00:00Z');
    await account(bram, ABOUT_BRAM);
    const second = await facilitation('2026-12-01', '2026-12-31');
    const isolated = second.shared.filter((s) => !first.shared.includes(s));
    // Leak: the one conversation held between the two readings (15 December, Bram's) and its quote.
    expect({ accountsAdded: second.withAccount - first.withAccount, isolated }).not.toEqual({ accountsAdded: 1, isolated: [ABOUT_BRAM] });
  });
});
