/**
 * `date-holidays` (its rules for every country: about a tenth of a second to load) is loaded at
 * the first holiday lookup, not when the configuration is read or the app composed (stop 49): a
 * test file that never plans a week does not pay for it. The calendar says the same either way.
 */
describe('the holiday rules, loaded at first use', () => {
  afterEach(() => jest.dontMock('date-holidays'));

  /** The holidays module and config parser in a fresh module registry, noting when `date-holidays` is loaded. */
  function fresh(): { loads: () => number; holidays: typeof import('../../src/domain/week-cycle/holidays'); parseConfig: typeof import('../../src/config/config').parseConfig } {
    let loads = 0;
    let result!: ReturnType<typeof fresh>;
    jest.isolateModules(() => {
      jest.doMock('date-holidays', () => {
        loads++;
        return jest.requireActual('date-holidays');
      });
      result = {
        loads: () => loads,
        holidays: require('../../src/domain/week-cycle/holidays'), // eslint-disable-line @typescript-eslint/no-require-imports -- a fresh registry per test
        parseConfig: require('../../src/config/config').parseConfig, // eslint-disable-line @typescript-eslint/no-require-imports -- a fresh registry per test
      };
    });
    return result;
  }

  it('is not loaded by reading the configuration or making the default calendar, only by the first lookup', () => {
    const { loads, holidays, parseConfig } = fresh();
    const config = parseConfig({ PORT: '1', LOG_LEVEL: 'info', COSMOS_EMBEDDED: 'true' });
    const calendar = holidays.holidayCalendar(config.rhythm.holidayRegion);
    expect({ region: calendar.region, loads: loads() }).toEqual({ region: 'NL', loads: 0 });
    // Eerste Kerstdag 2026 is a day off; the day before is not.
    expect([calendar.isHoliday('2026-12-25'), calendar.isHoliday('2026-12-24')]).toEqual([true, false]);
    expect(loads()).toBe(1);
  });

  it('knows the default region as the rules do, and still checks every other region against them', () => {
    const { holidays } = fresh();
    const Rules = jest.requireActual('date-holidays') as new () => { getCountries(): Record<string, string> };
    expect(holidays.isKnownHolidayRegion(holidays.DEFAULT_HOLIDAY_REGION)).toBe(Object.prototype.hasOwnProperty.call(new Rules().getCountries(), holidays.DEFAULT_HOLIDAY_REGION));
    expect(['nl', 'BE', 'DE-BY', 'NL-XX', 'XX', ''].map((r) => holidays.isKnownHolidayRegion(r))).toEqual([true, true, true, false, false, false]);
    expect(() => holidays.holidayCalendar('XX')).toThrow('unknown holiday region XX');
  });
});
