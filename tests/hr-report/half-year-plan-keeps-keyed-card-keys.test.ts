/**
 * Found in review, stop 58 (the plan's side fixed then: with the app's secret, `planKeySecret`, the
 * year's plan keeps a keyed digest of each card's key). A half-yearly run that waits for the
 * directory keeps on the plan the keys of the cards it queued (`halfYearCardsQueued`), so a run
 * again sends nobody a second card. Kept as the keys themselves (stableId of tenant, half-year and
 * the person's id), anyone reading the plan could recompute an HR person's or manager's key from
 * their id, also after they erased their data. Keyed, nobody without the secret can.
 */
import { Jaarplan } from '../../src/domain/hr-report/jaarplan';
import { runHalfYear } from '../../src/usecases/hr-report/half-year';
import { halfYearDeps, JUNE_2026_RUN, plainHrCardKey } from './support/half-year-plan';

describe('the plan keeps a run again\'s card keys keyed with the app\'s secret', () => {
  const plainKey = plainHrCardKey('aad-hanna');
  // Hanna is HR; the directory does not answer, so the run runs again and keeps its cards' keys on the plan.
  const deps = (sent: string[], stored: { plan?: Jaarplan }, planKeySecret?: string) => halfYearDeps(sent, stored, ['aad-hanna'], planKeySecret);

  it('keeps no key recomputable from her id, and the run again still sends her no second card', async () => {
    const sent: string[] = [];
    const stored: { plan?: Jaarplan } = {};
    const secret = 'a-secret-of-the-app-of-at-least-32-characters';
    expect(await runHalfYear(deps(sent, stored, secret), JUNE_2026_RUN)).toMatchObject({ hr: 1, runAgain: true });
    const keys = stored.plan?.halfYearCardsQueued?.keys;
    expect(keys).toEqual([expect.stringMatching(/^jaarplan\.halfYear\.hr:hy_[A-Za-z0-9_-]{22}$/)]);
    expect(JSON.stringify(stored.plan)).not.toContain(plainKey.split(':')[1]);
    expect(await runHalfYear(deps(sent, stored, secret), JUNE_2026_RUN)).toMatchObject({ hr: 1, runAgain: true });
    expect(sent).toEqual(['hr aad-hanna']);
  });

  it('still honours a key kept as it is (a plan from before), and keeps keys as they are without a secret', async () => {
    const sent: string[] = [];
    const stored: { plan?: Jaarplan } = {};
    await runHalfYear(deps(sent, stored), JUNE_2026_RUN);
    expect(stored.plan?.halfYearCardsQueued?.keys).toEqual([plainKey]);
    await runHalfYear(deps(sent, stored, 'a-secret-of-the-app-of-at-least-32-characters'), JUNE_2026_RUN);
    expect(sent).toEqual(['hr aad-hanna']);
  });
});
