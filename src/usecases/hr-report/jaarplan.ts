import { MomentField, readMoments } from '../../domain/hr-report/half-year';
import { Jaarplan, JAARPLAN_KEYS_KEPT, JaarplanIndicator, JaarplanRepository, jaarplanYearOver, jaarplanYears, readTargets, yearOverRefusal } from '../../domain/hr-report/jaarplan';
import { HrCheck } from '../../domain/hr-report/ports';
import { Clock } from '../../domain/shared/clock';
import { DomainError } from '../../domain/shared/errors';

export interface JaarplanDeps {
  plans: JaarplanRepository;
  isHr: HrCheck;
  clock: Clock;
  timeZone: string;
}

/** What the form shows: the year, the plan stored for it (if any), and the years it can switch to. */
export interface JaarplanView {
  year: number;
  years: [number, number];
  plan?: Jaarplan;
  /** The year asked for, when it is over: the view is this year's instead, and the form says why. */
  yearOver?: number;
}

/** The plan of `year` (default: this year) for HR's form. HR only, this year or next. */
export async function openJaarplan(deps: JaarplanDeps, actorId: string, tenantId: string, year?: number): Promise<JaarplanView> {
  if (!(await deps.isHr(actorId))) throw new DomainError('forbidden', 'not HR');
  return viewOf(deps, tenantId, year);
}

/**
 * The view itself, read only behind the HR check of `openJaarplan` (every form, also a refused save's, comes through it). A
 * year that is over (a button or form from before New Year) shows this year's plan instead, and
 * names the year asked for: its plan can no longer change, and HR may want the same for this year.
 */
async function viewOf(deps: JaarplanDeps, tenantId: string, year?: number): Promise<JaarplanView> {
  const years = jaarplanYears(deps.clock.now(), deps.timeZone);
  const over = year !== undefined && jaarplanYearOver(year, deps.clock.now(), deps.timeZone);
  const chosen = over ? years[0] : (year ?? years[0]);
  if (!years.includes(chosen)) throw new DomainError('invalidInput', 'jaarplan year');
  const plan = await deps.plans.get(tenantId, chosen);
  return { year: chosen, years, ...(plan ? { plan } : {}), ...(over ? { yearOver: year } : {}) };
}

export interface JaarplanSave {
  year: number;
  /** The targets and the half-year's two months, as typed. */
  values: Partial<Record<JaarplanIndicator | MomentField, unknown>>;
  /** The revision the form showed (0: none stored then). */
  rev: number;
  /** The form's key, new each time it is drawn. */
  key: string;
}

/** The refusal of a save made on a form that showed an older revision: the form comes back with the stored values. */
export const CHANGED_MEANWHILE = { field: 'rev', rule: 'format', params: { changedMeanwhile: 1 } } as const;

/**
 * Saves a year's targets. HR only; every target optional, whole and within bounds. The save names
 * the revision its form showed: when another save came first, nothing is written and the
 * refusal (`conflict`) says so, so neither save is lost unseen. A press that saved already (its
 * key is kept) writes nothing again and answers with what is stored.
 */
export async function saveJaarplan(deps: JaarplanDeps, actorId: string, tenantId: string, save: JaarplanSave): Promise<Jaarplan> {
  if (!(await deps.isHr(actorId))) throw new DomainError('forbidden', 'not HR');
  const years = jaarplanYears(deps.clock.now(), deps.timeZone);
  // A form of a year that ended while it was open: refused by its year, so it comes back (for this
  // year) with every input kept and why, never as an error card that loses them.
  if (jaarplanYearOver(save.year, deps.clock.now(), deps.timeZone)) {
    // Unless this very press saved before midnight (Teams delivering it again): then that is the answer.
    const stored = await deps.plans.get(tenantId, save.year);
    if (stored?.keys.includes(save.key)) return stored;
    throw new DomainError('invalidInput', { detail: 'jaarplan year over', input: yearOverRefusal(save.year, deps.clock.now(), deps.timeZone) });
  }
  if (!years.includes(save.year)) throw new DomainError('invalidInput', 'jaarplan year');
  const { targets, problems } = readTargets(save.values);
  if (problems.length) throw new DomainError('invalidInput', { detail: 'jaarplan target', input: problems[0]!.input });
  // No months sent (a form from before they existed): the stored ones stay.
  const { moments, problems: monthProblems } = readMoments(save.values);
  if (monthProblems.length) throw new DomainError('invalidInput', { detail: 'jaarplan months', input: monthProblems[0]!.input });
  const changed = () => new DomainError('conflict', { detail: 'jaarplan changed meanwhile', input: { ...CHANGED_MEANWHILE, params: { ...CHANGED_MEANWHILE.params } } });
  const updatedAt = deps.clock.now().toISOString();
  if (save.rev === 0) {
    const { plan, created } = await deps.plans.create({ tenantId, year: save.year, targets, ...(moments ? { moments } : {}), revision: 1, updatedAt, keys: [save.key] });
    if (created || plan.keys.includes(save.key)) return plan;
    // Revision 0: only the half-yearly rhythm's mark, never saved: still the plan the form showed.
    if (plan.revision !== 0) throw changed();
  }
  return deps.plans.update(tenantId, save.year, (current) => {
    if (current.keys.includes(save.key)) return current;
    if (current.revision !== save.rev) throw changed();
    return { ...current, targets, ...(moments ? { moments } : {}), revision: current.revision + 1, updatedAt, keys: [save.key, ...current.keys].slice(0, JAARPLAN_KEYS_KEPT) };
  }).catch((err: unknown) => {
    // A form that showed a stored plan, and none is stored: not the plan it showed either.
    if ((err as { code?: unknown })?.code === 404) throw changed();
    throw err;
  });
}
