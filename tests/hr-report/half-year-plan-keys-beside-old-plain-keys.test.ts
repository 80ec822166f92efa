// A guard (held when written, in review of stop 59).
/**
 * The year's plan keeps a run again's card keys as digests keyed with the app's secret
 * (`planKeySecret`, stop 58). A plan written before stop 58 (plain keys) read by the new code sends
 * no second card, and the keys a run again adds sit beside the old ones. (Under another secret, a
 * rotated POLL_HASH_KEY, a run again would not find the keyed ones: README, Configuration.)
 */
import { Jaarplan } from '../../src/domain/hr-report/jaarplan';
import { runHalfYear } from '../../src/usecases/hr-report/half-year';
import { halfYearDeps, JUNE_2026_RUN, plainHrCardKey } from './support/half-year-plan';

describe('the plan\'s keyed card keys beside keys of before stop 58', () => {
  it('guard: a plan of before stop 58 (plain keys) and a new HR person: one card each, both kept', async () => {
    const sent: string[] = [];
    const stored: { plan?: Jaarplan } = {};
    await runHalfYear(halfYearDeps(sent, stored, ['aad-hanna']), JUNE_2026_RUN);
    expect(stored.plan?.halfYearCardsQueued?.keys).toEqual([plainHrCardKey('aad-hanna')]);
    const secret = 'plan-keys-guard-secret'.padEnd(40, 'p');
    await runHalfYear(halfYearDeps(sent, stored, ['aad-hanna', 'aad-henk'], secret), JUNE_2026_RUN);
    await runHalfYear(halfYearDeps(sent, stored, ['aad-hanna', 'aad-henk'], secret), JUNE_2026_RUN);
    expect(sent).toEqual(['hr aad-hanna', 'hr aad-henk']);
    expect(stored.plan?.halfYearCardsQueued?.keys).toEqual([plainHrCardKey('aad-hanna'), expect.stringMatching(/^jaarplan\.halfYear\.hr:hy_/)]);
  });
});
