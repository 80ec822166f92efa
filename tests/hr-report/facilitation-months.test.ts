import { computeFacilitation, FacilitationAccount } from '../../src/domain/hr-report/facilitation';

/** A day after every month in these lists: each is over. */
const LATER = '2030-01-01';
const talk = (date: string, sharedText?: string): FacilitationAccount => ({ date, hasAccount: !!sharedText, ...(sharedText ? { sharedText } : {}) });

/** The facilitation section counts whole calendar months within the period that hold at least three conversations. */
describe('the facilitation section by whole months', () => {
  const accounts = [talk('2026-11-30', 'nov'), talk('2026-12-01', 'a'), talk('2026-12-15'), talk('2026-12-31', 'b'), talk('2027-02-01'), talk('2027-02-14'), talk('2027-02-28', 'feb')];

  it('counts a month only when the period holds all of it', () => {
    expect(computeFacilitation(accounts, { from: '2026-12-01', to: '2026-12-31' }, LATER)).toEqual({ conversationsPlanned: 3, withAccount: 2, shared: ['a', 'b'] });
    expect(computeFacilitation(accounts, { from: '2026-12-02', to: '2026-12-31' }, LATER)).toEqual({ conversationsPlanned: 0, withAccount: 0, shared: [] });
    expect(computeFacilitation(accounts, { from: '2026-12-01', to: '2026-12-30' }, LATER)).toEqual({ conversationsPlanned: 0, withAccount: 0, shared: [] });
  });

  it('leaves out a month with fewer than three conversations, also inside a longer period', () => {
    // November has one conversation in this list: it is in no figure, December and February are.
    expect(computeFacilitation(accounts, { from: '2026-11-01', to: '2027-02-28' }, LATER)).toEqual({ conversationsPlanned: 6, withAccount: 3, shared: ['a', 'b', 'feb'] });
  });

  it('knows the last day of February, in a common year and a leap year', () => {
    expect(computeFacilitation(accounts, { from: '2027-02-01', to: '2027-02-27' }, LATER).conversationsPlanned).toBe(0);
    expect(computeFacilitation(accounts, { from: '2027-02-01', to: '2027-02-28' }, LATER).conversationsPlanned).toBe(3);
    const leap = [talk('2028-02-01'), talk('2028-02-10'), talk('2028-02-29')];
    expect(computeFacilitation(leap, { from: '2028-02-01', to: '2028-02-28' }, LATER).conversationsPlanned).toBe(0);
    expect(computeFacilitation(leap, { from: '2028-02-01', to: '2028-02-29' }, LATER).conversationsPlanned).toBe(3);
  });

  it('counts a month only once it is over (found in review, stop 37: read while it ran, two readings told one conversation\'s account)', () => {
    const december = { from: '2026-12-01', to: '2026-12-31' };
    expect(computeFacilitation(accounts, december, '2026-12-16').conversationsPlanned).toBe(0);
    expect(computeFacilitation(accounts, december, '2026-12-31').conversationsPlanned).toBe(0);
    expect(computeFacilitation(accounts, december, '2027-01-01').conversationsPlanned).toBe(3);
  });
});
