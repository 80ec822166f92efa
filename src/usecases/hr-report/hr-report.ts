import { DateTime } from 'luxon';
import { B3History, HrCheck, ReportSource } from '../../domain/hr-report/ports';
import { computeFacilitation, FacilitationAccount, FacilitationRow, FacilitationSource } from '../../domain/hr-report/facilitation';
import { computeReport, HrReport, sessionsReadWindow } from '../../domain/hr-report/report';
import { Clock } from '../../domain/shared/clock';
import { JaarplanRepository, jaarplanProgress, JaarplanSection, jaarplanWindow } from '../../domain/hr-report/jaarplan';
import { DomainError } from '../../domain/shared/errors';
import { LearningNeedDeps, learningNeedsReport } from '../learning-needs/learning-needs';

/** The report's reads, held to one tenant: a deployment may serve several organisations. */
export interface TenantReportSource {
  forTenant(tenantId: string): ReportSource;
}

export interface HrReportDeps {
  source: TenantReportSource;
  b3: B3History;
  isHr: HrCheck;
  /** Whether a manager or professional may be HR (a directory that cannot answer: yes); the facilitation minimum leaves their conversations out. Default: isHr. */
  mayBeHr?: HrCheck;
  clock: Clock;
  timeZone: string;
  sessionHours: number;
  /** The managers' facilitation accounts (talentontwikkelgesprekken); the section is left out without it. */
  facilitation?: FacilitationSource;
  /** Learning needs passed on to L&O (anonymous batches, each for one tenant); the section is left out without it. */
  learningNeeds?: Pick<LearningNeedDeps, 'store' | 'minimum' | 'legacyTenant'>;
  /** The Jaarplan Duurzaam leren targets; the section is left out without it. */
  jaarplan?: Pick<JaarplanRepository, 'get'>;
}

/** The default period: the last six months up to today, the rhythm of the board report. */
export function defaultPeriod(now: Date, timeZone: string): { from: string; to: string } {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  return { from: today.minus({ months: 6 }).plus({ days: 1 }).toISODate()!, to: today.toISODate()! };
}

export function checkPeriod(period: { from: string; to: string }): { from: string; to: string } {
  const from = DateTime.fromISO(period.from);
  const to = DateTime.fromISO(period.to);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(period.from) || !/^\d{4}-\d{2}-\d{2}$/.test(period.to) || !from.isValid || !to.isValid) throw new DomainError('invalidInput', 'period');
  if (to < from || to.diff(from, 'years').years > 2) throw new DomainError('invalidInput', 'period range');
  return period;
}

/** Computes the figures for a period. The caller's HR role is checked here, for every path. */
export async function hrReport(deps: HrReportDeps, actorId: string, tenantId: string, period: { from: string; to: string }): Promise<HrReport> {
  if (!(await deps.isHr(actorId))) throw new DomainError('forbidden', 'not HR');
  return computeFor(deps, tenantId, checkPeriod(period));
}

/** At most this many HR checks at once (each may ask Microsoft Graph); distinct people only. */
const HR_CHECKS_AT_ONCE = 4;

/**
 * The zone where a day ends last (UTC-12; the tz database writes its sign the other way). A
 * conversation may be planned in any IANA zone, and is held (no longer to plan, move or cancel)
 * only once its day is over in its own: the facilitation section counts a month once it is over
 * here, so over in every zone (computeFacilitation).
 */
export const LAST_ZONE_TO_END_A_DAY = 'Etc/GMT+12';

/**
 * The facilitation rows as the report reads them: whether each conversation's manager, and its
 * professional, is an HR member (any, not the reader: the month reads the same to every HR reader),
 * the ids left behind. `isHr` is asked once per distinct person in the rows, per report computation
 * (the Graph directory caches its answers besides).
 */
async function withHrManagers(isHr: HrCheck, rows: FacilitationRow[]): Promise<FacilitationAccount[]> {
  const people = [...new Set(rows.flatMap((r) => (r.professionalId ? [r.managerId, r.professionalId] : [r.managerId])))];
  const hr = new Set<string>();
  for (let i = 0; i < people.length; i += HR_CHECKS_AT_ONCE) {
    const batch = people.slice(i, i + HR_CHECKS_AT_ONCE);
    const answers = await Promise.all(batch.map((id) => isHr(id)));
    batch.forEach((id, k) => answers[k] && hr.add(id));
  }
  return rows.map(({ managerId, professionalId, ...account }) => ({ ...account, managerIsHr: hr.has(managerId), professionalIsHr: !!professionalId && hr.has(professionalId) }));
}

/** The same figures for a download whose signed link already proves HR asked for them. */
export async function computeFor(deps: HrReportDeps, tenantId: string, period: { from: string; to: string }): Promise<HrReport> {
  const from = DateTime.fromISO(period.from, { zone: deps.timeZone }).startOf('day').toUTC().toISO()!;
  const to = DateTime.fromISO(period.to, { zone: deps.timeZone }).endOf('day').toUTC().toISO()!;
  // Sessions by their cycles' whole weeks (countedSessions), read as far around the period as they may count.
  const weeks = sessionsReadWindow(period, deps.timeZone);
  const source = deps.source.forTenant(tenantId);
  const [sessions, proposals, b3, facilitation, adopted, learningNeeds, jaarplan] = await Promise.all([
    source.sessions(weeks.from, weeks.to),
    source.proposals(from, to),
    deps.b3.closedPolls(tenantId, period.from, period.to),
    deps.facilitation?.accounts(tenantId, period.from, period.to).then((rows) => withHrManagers(deps.mayBeHr ?? deps.isHr, rows)),
    source.adoptedProposals(from, to),
    deps.learningNeeds ? learningNeedsReport(deps.learningNeeds, tenantId, period) : Promise.resolve(undefined),
    jaarplanFor(deps, tenantId, period),
  ]);
  const report = computeReport({ period, asOf: deps.clock.now().toISOString(), timeZone: deps.timeZone, sessionHours: deps.sessionHours, sessions, proposals, b3, adopted });
  return {
    ...report,
    ...(facilitation ? { facilitation: computeFacilitation(facilitation, period, DateTime.fromJSDate(deps.clock.now(), { zone: LAST_ZONE_TO_END_A_DAY }).toISODate()!, deps.timeZone) } : {}),
    ...(learningNeeds ? { learningNeeds } : {}),
    ...(jaarplan ? { jaarplan } : {}),
  };
}

/**
 * The Jaarplan of the year the period ends in: per target, the organisation's figures from 1
 * January up to today, read for that window (only when the year has targets).
 */
async function jaarplanFor(deps: HrReportDeps, tenantId: string, period: { from: string; to: string }): Promise<JaarplanSection | undefined> {
  if (!deps.jaarplan) return undefined;
  const year = Number(period.to.slice(0, 4));
  const asOf = deps.clock.now().toISOString();
  const plan = await deps.jaarplan.get(tenantId, year);
  const targets = plan?.targets ?? {};
  const window = jaarplanWindow(year, asOf, deps.timeZone);
  const input = { asOf, timeZone: deps.timeZone, sessionHours: deps.sessionHours };
  if (!Object.keys(targets).length || window.from > window.to) return jaarplanProgress({ year, targets }, { ...input, sessions: [], proposals: [] });
  const source = deps.source.forTenant(tenantId);
  const zoned = (date: string) => DateTime.fromISO(date, { zone: deps.timeZone });
  // The same margins around the weeks as the report's own reads (see computeFor).
  const weeks = sessionsReadWindow(window, deps.timeZone);
  const [sessions, proposals] = await Promise.all([
    source.sessions(weeks.from, weeks.to),
    source.proposals(zoned(window.from).startOf('day').toUTC().toISO()!, zoned(window.to).endOf('day').toUTC().toISO()!),
  ]);
  return jaarplanProgress({ year, targets }, { ...input, sessions, proposals });
}
