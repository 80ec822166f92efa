import type HolidayRules from 'date-holidays';

type HolidayRulesClass = typeof HolidayRules;
let rulesClass: HolidayRulesClass | undefined;

/**
 * `date-holidays` with its rules for every country (about a tenth of a second to load), loaded when
 * a holiday is first looked up: a process that never plans a week (most test files, a CLI) does
 * not load it.
 */
function Holidays(): HolidayRulesClass {
  if (!rulesClass) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
    const loaded = require('date-holidays') as HolidayRulesClass | { default: HolidayRulesClass };
    rulesClass = 'default' in loaded ? loaded.default : loaded;
  }
  return rulesClass;
}

/** Port-like view of the public holidays a group does not meet on. */
export interface HolidayCalendar {
  /** The region the holidays are for, e.g. `NL` or `DE-BY` (country, optionally state and region). */
  readonly region: string;
  /** True when `isoDate` (yyyy-mm-dd, a calendar date) is a day off in this region. */
  isHoliday(isoDate: string): boolean;
}

export const DEFAULT_HOLIDAY_REGION = 'NL';

/**
 * Bevrijdingsdag (5 May) is a public holiday in the Netherlands, but a day off for most
 * employees only in lustrum years (2025, 2030, ...), as the national government and many
 * collective agreements arrange it; `date-holidays` lists it as a school holiday.
 */
function isLustrumLiberationDay(country: string, rule: string, year: number): boolean {
  return country === 'NL' && rule === '05-05' && year % 5 === 0;
}

function parts(region: string): [string, string | undefined, string | undefined] {
  const [country = '', state, sub] = region.trim().toUpperCase().split('-');
  return [country, state, sub];
}

/** Whether `date-holidays` knows the region (`NL`, `BE`, `DE-BY`, ...). */
export function isKnownHolidayRegion(region: string): boolean {
  const [country, state, sub] = parts(region);
  // The default region is known without loading the rules (checked against them in tests/domain/holidays-lazy.test.ts).
  if (country === DEFAULT_HOLIDAY_REGION && !state) return true;
  const h = new (Holidays())();
  if (!Object.prototype.hasOwnProperty.call(h.getCountries() ?? {}, country)) return false;
  if (state && !Object.prototype.hasOwnProperty.call(h.getStates(country) ?? {}, state)) return false;
  if (state && sub && !Object.prototype.hasOwnProperty.call(h.getRegions(country, state) ?? {}, sub)) return false;
  return true;
}

/**
 * The public holidays of a region from the maintained `date-holidays` data (bundled with the
 * package: no network). Holidays of type `public` count as days off; observances, school and
 * bank holidays do not, except Bevrijdingsdag in lustrum years in the Netherlands.
 */
export function holidayCalendar(region: string = DEFAULT_HOLIDAY_REGION): HolidayCalendar {
  if (!isKnownHolidayRegion(region)) throw new Error(`unknown holiday region ${region}`);
  const [country, state, sub] = parts(region);
  // The rules are loaded and read at the first lookup, not when the app is composed.
  let lib: HolidayRules | undefined;
  const rules = (): HolidayRules => {
    if (!lib) {
      const Rules = Holidays();
      lib = state ? (sub ? new Rules(country, state, sub) : new Rules(country, state)) : new Rules(country);
    }
    return lib;
  };
  // Per year, computed once per calendar instance: the rules never change while the app runs.
  const byYear = new Map<number, Set<string>>();
  const daysOff = (year: number): Set<string> => {
    let days = byYear.get(year);
    if (!days) {
      days = new Set(
        rules()
          .getHolidays(year)
          .filter((h) => h.type === 'public' || isLustrumLiberationDay(country, h.rule, year))
          .map((h) => h.date.slice(0, 10)),
      );
      byYear.set(year, days);
    }
    return days;
  };
  return {
    region: [country, state, sub].filter(Boolean).join('-'),
    isHoliday: (isoDate) => daysOff(Number(isoDate.slice(0, 4))).has(isoDate.slice(0, 10)),
  };
}
