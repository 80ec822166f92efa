import { DateTime } from 'luxon';
import { RefusedField } from '../shared/errors';
import { Mutate } from '../week-cycle/ports';
import { computeReport, countedSessions, countedWeekLabel, ReportInput } from './report';
import { HalfYearMoments } from './half-year';

/**
 * The indicators of the organisation's Jaarplan Duurzaam leren that the app can count: Vitale
 * Weekcycli held, learning hours, proposals validated (adopted or adapted by their group).
 */
export const JAARPLAN_INDICATORS = ['weekCycles', 'learningHours', 'proposalsValidated'] as const;
export type JaarplanIndicator = (typeof JAARPLAN_INDICATORS)[number];

/**
 * The largest target HR can set per indicator: well above what a large organisation reaches in a
 * year (thousands of professionals, each in a group of 3-8, 20 weeks a year), well below what would
 * only be a typing slip. A target is a whole number from 1; left empty, the indicator has none.
 */
export const JAARPLAN_TARGET_MAX: Record<JaarplanIndicator, number> = { weekCycles: 100_000, learningHours: 10_000_000, proposalsValidated: 100_000 };
export const JAARPLAN_TARGET_MIN = 1;

/** How many presses' keys a plan keeps: a press Teams delivers again finds its key and stores nothing. */
export const JAARPLAN_KEYS_KEPT = 20;

export type JaarplanTargets = Partial<Record<JaarplanIndicator, number>>;

/**
 * One tenant's targets for one calendar year. Organisation data: it names no person (no author,
 * no editor), so there is nothing in it to export or erase per person.
 */
export interface Jaarplan {
  tenantId: string;
  year: number;
  targets: JaarplanTargets;
  /** The half-yearly rhythm's two months (talentontwikkelgesprekken, account to the board); absent: June and December. */
  moments?: HalfYearMoments;
  /**
   * Counts the saves: the form names the revision it showed, and a save over another is refused.
   * 0: no save yet; the half-yearly rhythm started the plan to remember its reminders.
   */
  revision: number;
  updatedAt: string;
  /** The keys of the latest presses that saved (random per rendered form, no person). */
  keys: string[];
  /**
   * The half-years of this year whose reminders went, each by its first day (yyyy-mm-dd): a month
   * HR moves after its reminder came closes the same half-year, and it is not announced again.
   */
  remindedHalfYears?: string[];
  /**
   * The last day of the latest half-year announced this year (yyyy-mm-dd): a later half-year starts
   * after it, also when HR moved a month after its reminder came (`afterAnnounced`). Since stop 53.
   */
  announcedUntil?: string;
  /**
   * While a half-year's job runs again (the directory did not answer), possibly for months until the
   * next moment month: the keys of the cards it queued (`halfYear`: the half-year's first day), so
   * nobody gets one twice after the outbox forgot its keys (a week). One-way hashes of tenant,
   * half-year and person, nothing else; gone once the half-year is remembered in `remindedHalfYears`.
   */
  halfYearCardsQueued?: { halfYear: string; keys: string[] };
}

/** How many queued cards' keys a plan keeps for its half-year (`halfYearCardsQueued`): more managers than any tenant's. */
export const HALF_YEAR_QUEUED_KEPT = 10_000;

/** Port: the plans, one small document per tenant and year, written under the document's ETag. */
export interface JaarplanRepository {
  get(tenantId: string, year: number): Promise<Jaarplan | undefined>;
  /** Creates the year's plan; when it exists already, returns that one with `created: false`. */
  create(plan: Jaarplan): Promise<{ plan: Jaarplan; created: boolean }>;
  /** ETag read-modify-write; a mutate that returns its input writes nothing. */
  update(tenantId: string, year: number, mutate: Mutate<Jaarplan>): Promise<Jaarplan>;
}

/** The years HR sets targets for: this calendar year and the next, in the organisation's time zone. */
export function jaarplanYears(now: Date, timeZone: string): [number, number] {
  const year = DateTime.fromJSDate(now, { zone: timeZone }).year;
  return [year, year + 1];
}

/**
 * Whether HR may no longer change the year's plan: the year is over (organisation time). A form
 * of that year opened before midnight on 31 December is given back for this year instead.
 */
export function jaarplanYearOver(year: number, now: Date, timeZone: string): boolean {
  return year < jaarplanYears(now, timeZone)[0];
}

/**
 * The refusal of a save for a year that is over: named by the form's `year`, so the form comes
 * back (for this year) with every input kept and the reason next to the year.
 */
export function yearOverRefusal(year: number, now: Date, timeZone: string): RefusedField & { field: 'year' } {
  return { field: 'year', rule: 'range', params: { yearOver: year, thisYear: jaarplanYears(now, timeZone)[0] } };
}

/** One input's refusal, by the domain's field name (the indicator). */
export interface TargetProblem {
  input: RefusedField & { field: JaarplanIndicator };
}

/**
 * Reads the targets as the form sent them (text, or a number from other clients): empty is no
 * target; anything else must be a whole number within its bounds. Every refused input is named.
 */
export function readTargets(values: Partial<Record<JaarplanIndicator, unknown>>): { targets: JaarplanTargets; problems: TargetProblem[] } {
  const targets: JaarplanTargets = {};
  const problems: TargetProblem[] = [];
  for (const field of JAARPLAN_INDICATORS) {
    const raw = values[field];
    const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
    if (text === '') continue;
    const max = JAARPLAN_TARGET_MAX[field];
    if (!/^\d+$/.test(text)) problems.push({ input: { field, rule: 'format', params: { min: JAARPLAN_TARGET_MIN, max } } });
    else if (Number(text) < JAARPLAN_TARGET_MIN || Number(text) > max) problems.push({ input: { field, rule: 'range', params: { min: JAARPLAN_TARGET_MIN, max } } });
    else targets[field] = Number(text);
  }
  return { targets, problems };
}

/** What the report shows of the year's plan: per indicator with a target, realised so far against it. */
export interface JaarplanSection {
  year: number;
  /** The last day counted (yyyy-mm-dd): today, or the year's last day once it is over; never a day still ahead. */
  through: string;
  /** The year has not begun (a period ending next year): nothing is counted yet, `through` is today. */
  notStarted?: true;
  indicators: { indicator: JaarplanIndicator; realised: number; target: number }[];
}

/**
 * The year's figures against its targets, organisation-wide only (never per group or person).
 * They are the report's own figures over 1 January up to today, counted by the same rules (whole
 * finished weeks of a group, sessions with at least three present): the same figures HR gets by
 * asking `rapport` for that period, so they tell nothing a report cannot. A Vitale Weekcyclus is
 * held when its week is over and at least one of its sessions counts.
 */
export function jaarplanProgress(
  plan: Pick<Jaarplan, 'year' | 'targets'>,
  input: Pick<ReportInput, 'sessions' | 'proposals' | 'asOf' | 'timeZone' | 'sessionHours'>,
): JaarplanSection {
  const window = jaarplanWindow(plan.year, input.asOf, input.timeZone);
  const asOf = DateTime.fromISO(input.asOf, { zone: input.timeZone });
  const from = DateTime.fromISO(window.from, { zone: input.timeZone }).startOf('day');
  const to = DateTime.fromISO(window.to, { zone: input.timeZone }).endOf('day');
  const figures = window.from <= window.to
    ? computeReport({ period: window, asOf: input.asOf, timeZone: input.timeZone, sessionHours: input.sessionHours, sessions: input.sessions, proposals: input.proposals, b3: [] })
    : undefined;
  const held = window.from <= window.to ? countedSessions(input.sessions, (t) => t >= from && t <= to, input.timeZone, asOf) : [];
  const cycles = new Set(held.map((s) => s.cycle?.id ?? `${s.groupId} ${countedWeekLabel(s, input.timeZone)}`));
  const realised: Record<JaarplanIndicator, number> = {
    weekCycles: cycles.size,
    learningHours: figures?.learningHours ?? 0,
    proposalsValidated: figures?.proposalsValidated ?? 0,
  };
  // A year still ahead has realised nothing: said as of today, never "through 1 January" to come.
  const notStarted = window.to < window.from;
  return {
    year: plan.year,
    through: window.to,
    ...(notStarted ? { notStarted: true as const } : {}),
    indicators: JAARPLAN_INDICATORS.filter((i) => plan.targets[i] !== undefined).map((indicator) => ({ indicator, realised: realised[indicator], target: plan.targets[indicator]! })),
  };
}

/** 1 January of the year up to today (or the year's end, once over); the start after the end for a year still ahead. */
export function jaarplanWindow(year: number, asOf: string, timeZone: string): { from: string; to: string } {
  const today = DateTime.fromISO(asOf, { zone: timeZone }).toISODate()!;
  const last = `${year}-12-31`;
  return { from: `${year}-01-01`, to: today < last ? today : last };
}
