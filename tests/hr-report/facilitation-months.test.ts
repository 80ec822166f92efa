import { computeFacilitation, FacilitationAccount } from '../../src/domain/hr-report/facilitation';

/** A day after every month in these lists: each is over. */
const LATER = '2030-01-01';
const TZ = 'Europe/Amsterdam';
// Each conversation with another professional unless `professional` says otherwise; its account
// (if any) written and shared on the day of the conversation, and none of them by a manager in HR.
let next = 0;
const talk = (date: string, sharedText?: string, professional = `p${next++}`): FacilitationAccount => ({
  date,
  professional,
  managerIsHr: false,
  hasAccount: !!sharedText,
  ...(sharedText ? { sharedText, accountWrittenAt: `${date}T12:00:00Z`, sharedAt: `${date}T12:00:00Z` } : {}),
});

/** The facilitation section counts whole calendar months within the period in which at least three professionals had a conversation. */
describe('the facilitation section by whole months', () => {
  const accounts = [talk('2026-11-30', 'nov'), talk('2026-12-01', 'a'), talk('2026-12-15'), talk('2026-12-31', 'b'), talk('2027-02-01'), talk('2027-02-14'), talk('2027-02-28', 'feb')];

  it('counts a month only when the period holds all of it', () => {
    expect(computeFacilitation(accounts, { from: '2026-12-01', to: '2026-12-31' }, LATER, TZ)).toEqual({ conversationsPlanned: 3, withAccount: 2, shared: ['a', 'b'] });
    expect(computeFacilitation(accounts, { from: '2026-12-02', to: '2026-12-31' }, LATER, TZ)).toEqual({ conversationsPlanned: 0, withAccount: 0, shared: [] });
    expect(computeFacilitation(accounts, { from: '2026-12-01', to: '2026-12-30' }, LATER, TZ)).toEqual({ conversationsPlanned: 0, withAccount: 0, shared: [] });
  });

  it('leaves out a month with fewer than three conversations, also inside a longer period', () => {
    // November has one conversation in this list: it is in no figure, December and February are.
    expect(computeFacilitation(accounts, { from: '2026-11-01', to: '2027-02-28' }, LATER, TZ)).toEqual({ conversationsPlanned: 6, withAccount: 3, shared: ['a', 'b', 'feb'] });
  });

  it('knows the last day of February, in a common year and a leap year', () => {
    expect(computeFacilitation(accounts, { from: '2027-02-01', to: '2027-02-27' }, LATER, TZ).conversationsPlanned).toBe(0);
    expect(computeFacilitation(accounts, { from: '2027-02-01', to: '2027-02-28' }, LATER, TZ).conversationsPlanned).toBe(3);
    const leap = [talk('2028-02-01'), talk('2028-02-10'), talk('2028-02-29')];
    expect(computeFacilitation(leap, { from: '2028-02-01', to: '2028-02-28' }, LATER, TZ).conversationsPlanned).toBe(0);
    expect(computeFacilitation(leap, { from: '2028-02-01', to: '2028-02-29' }, LATER, TZ).conversationsPlanned).toBe(3);
  });

  it('counts a month only once it is over (found in review, stop 37: read while it ran, two readings told one conversation\'s account)', () => {
    const december = { from: '2026-12-01', to: '2026-12-31' };
    expect(computeFacilitation(accounts, december, '2026-12-16', TZ).conversationsPlanned).toBe(0);
    expect(computeFacilitation(accounts, december, '2026-12-31', TZ).conversationsPlanned).toBe(0);
    expect(computeFacilitation(accounts, december, '2027-01-01', TZ).conversationsPlanned).toBe(3);
  });

  it('counts professionals, not conversation documents: one person\'s conversation planned three times is not a month of three (found in review, stop 39)', () => {
    const december = { from: '2026-12-01', to: '2026-12-31' };
    const annaThrice = [talk('2026-12-08', undefined, 'anna'), talk('2026-12-10', undefined, 'anna'), talk('2026-12-14', 'about anna', 'anna')];
    expect(computeFacilitation(annaThrice, december, LATER, TZ)).toEqual({ conversationsPlanned: 0, withAccount: 0, shared: [] });
    expect(computeFacilitation([...annaThrice, talk('2026-12-15', undefined, 'bram')], december, LATER, TZ)).toEqual({ conversationsPlanned: 0, withAccount: 0, shared: [] });
    // Three people: each counts once, also Anna with three documents and two accounts.
    const three = [...annaThrice, talk('2026-12-09', 'about anna too', 'anna'), talk('2026-12-15', undefined, 'bram'), talk('2026-12-16', 'about cem', 'cem')];
    expect(computeFacilitation(three, december, LATER, TZ)).toEqual({ conversationsPlanned: 3, withAccount: 2, shared: ['about anna', 'about anna too', 'about cem'] });
  });

  it('counts a professional once in each counted month, so months add up to the period', () => {
    const months = [talk('2026-12-01', undefined, 'anna'), talk('2026-12-02', undefined, 'bram'), talk('2026-12-03', undefined, 'cem'), talk('2027-01-05', 'jan', 'anna'), talk('2027-01-06', undefined, 'bram'), talk('2027-01-07', undefined, 'cem')];
    const dec = computeFacilitation(months, { from: '2026-12-01', to: '2026-12-31' }, LATER, TZ);
    const jan = computeFacilitation(months, { from: '2027-01-01', to: '2027-01-31' }, LATER, TZ);
    expect(computeFacilitation(months, { from: '2026-12-01', to: '2027-01-31' }, LATER, TZ)).toEqual({ conversationsPlanned: dec.conversationsPlanned + jan.conversationsPlanned, withAccount: 1, shared: ['jan'] });
  });
  it('counts and quotes only accounts first written before the month ended, in the organisation\'s time zone (found in review, stop 50)', () => {
    const december = { from: '2026-12-01', to: '2026-12-31' };
    const written = (at: string | undefined) => [talk('2026-12-01'), talk('2026-12-02'), { ...talk('2026-12-31', 'late'), accountWrittenAt: at }];
    // 23:30 UTC on 31 December is still December in Amsterdam; 23:30 UTC on 1 January is not.
    expect(computeFacilitation(written('2026-12-31T22:30:00Z'), december, LATER, TZ)).toEqual({ conversationsPlanned: 3, withAccount: 1, shared: ['late'] });
    expect(computeFacilitation(written('2026-12-31T23:30:00Z'), december, LATER, TZ)).toEqual({ conversationsPlanned: 3, withAccount: 0, shared: [] });
    expect(computeFacilitation(written(undefined), december, LATER, TZ)).toEqual({ conversationsPlanned: 3, withAccount: 0, shared: [] });
  });

  it('quotes an account written in time only when it was shared before the month ended; it counts either way (found in review, stop 50)', () => {
    const december = { from: '2026-12-01', to: '2026-12-31' };
    const shared = (at: string | undefined) => [talk('2026-12-01'), talk('2026-12-02'), { ...talk('2026-12-31', 'late'), sharedAt: at }];
    expect(computeFacilitation(shared('2026-12-31T22:30:00Z'), december, LATER, TZ)).toEqual({ conversationsPlanned: 3, withAccount: 1, shared: ['late'] });
    expect(computeFacilitation(shared('2026-12-31T23:30:00Z'), december, LATER, TZ)).toEqual({ conversationsPlanned: 3, withAccount: 1, shared: [] });
    expect(computeFacilitation(shared(undefined), december, LATER, TZ)).toEqual({ conversationsPlanned: 3, withAccount: 1, shared: [] });
  });

  it('leaves conversations of managers in HR out of the minimum, and keeps them in a counted month\'s figures (found in review, stop 50)', () => {
    const december = { from: '2026-12-01', to: '2026-12-31' };
    const byHr = (date: string) => ({ ...talk(date), managerIsHr: true });
    expect(computeFacilitation([byHr('2026-12-01'), byHr('2026-12-02'), talk('2026-12-03', 'mia')], december, LATER, TZ)).toEqual({ conversationsPlanned: 0, withAccount: 0, shared: [] });
    expect(computeFacilitation([byHr('2026-12-01'), talk('2026-12-02'), talk('2026-12-03'), talk('2026-12-04', 'mia')], december, LATER, TZ)).toEqual({ conversationsPlanned: 4, withAccount: 1, shared: ['mia'] });
  });
});
