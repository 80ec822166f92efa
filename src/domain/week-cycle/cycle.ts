import { DayAgenda, Framework } from '../framework/framework';
import { DomainError } from '../shared/errors';

/** One week of a group: four sessions of one hour, with the agenda the group chose for it. */
export interface Cycle {
  id: string;
  type: 'cycle';
  groupId: string;
  weekNumber: number;
  agenda: { day: number; questionIds: number[] }[];
  /** ISO dates (yyyy-mm-dd, group time zone) of the four planned sessions. */
  sessionDates: string[];
  startedBy: string;
  startedAt: string;
  /**
   * When the first session fixed the agenda: written under the cycle's ETag before that session
   * is made from it, so an agenda saved at the same moment either comes first (and day 1 runs it)
   * or is refused; never "saved" while day 1 runs the old one.
   */
  agendaFixedAt?: string;
  completedAt?: string;
  /**
   * When the look-back at the planned weeks' end went out for this week (every invitation queued):
   * it never goes again, however late the week is finished or its plan changed, long after the
   * look-back job and the invitations' outbox keys expired. Absent: not (yet) invited.
   */
  lookedBackAt?: string;
  /**
   * Counts the changes of the agenda, so an agenda card can say which version it showed and a save
   * from an older one does not silently undo another member's. Absent (a cycle whose agenda was
   * never changed, or one stored before revisions were kept): 0.
   */
  agendaRev?: number;
}

/** The cycle's agenda revision (see Cycle.agendaRev). */
export function agendaRevisionOf(cycle: Pick<Cycle, 'agendaRev'>): number {
  return cycle.agendaRev ?? 0;
}

/** Whether two agendas take the same questions on the same days. */
export function sameAgenda(a: Cycle['agenda'], b: Cycle['agenda']): boolean {
  const key = (agenda: Cycle['agenda']) => agenda.map((d) => `${d.day}:${[...d.questionIds].sort((x, y) => x - y).join(',')}`).join(';');
  return key(a) === key(b);
}

export function defaultAgenda(framework: Framework): Cycle['agenda'] {
  return framework.days.map((d: DayAgenda) => ({ day: d.day, questionIds: [...d.questionIds] }));
}

/** The agenda as the first session fixes it: the same object when it is fixed already. */
export function fixAgenda(cycle: Cycle, at: string): Cycle {
  return cycle.agendaFixedAt ? cycle : { ...cycle, agendaFixedAt: at };
}

/**
 * The group may choose other questions per day for this cycle. Every question may appear at
 * most once in the week, and the validation question only after the AI proposal.
 */
export function checkAgenda(framework: Framework, agenda: Cycle['agenda']): Cycle['agenda'] {
  if (agenda.length !== 4) throw new DomainError('invalidInput', 'agenda needs four days');
  const seen = new Set<number>();
  const known = new Set(framework.questions.map((q) => q.id));
  const ordered = agenda.map((d, i) => {
    const field = `day${i + 1}`;
    if (d.day !== i + 1) throw new DomainError('invalidInput', 'agenda days out of order');
    if (d.questionIds.length === 0) throw new DomainError('invalidInput', { detail: `day ${d.day} is empty`, input: { field, rule: 'required' } });
    const today = new Set<number>();
    for (const id of d.questionIds) {
      if (!known.has(id)) throw new DomainError('invalidInput', { detail: `unknown question ${id}`, input: { field, rule: 'format', params: { question: id, unknown: 1 } } });
      if (today.has(id)) throw new DomainError('invalidInput', { detail: `question ${id} twice on one day`, input: { field, rule: 'format', params: { question: id, sameDay: 1 } } });
      if (seen.has(id)) throw new DomainError('invalidInput', { detail: `question ${id} twice`, input: { field, rule: 'format', params: { question: id } } });
      seen.add(id);
      today.add(id);
    }
    return { day: d.day, questionIds: [...d.questionIds].sort((a, b) => a - b) };
  });
  const flat = ordered.flatMap((d) => d.questionIds);
  const ai = framework.questions.find((q) => q.kind === 'aiProposal');
  const validation = framework.questions.find((q) => q.kind === 'validation');
  if (validation && flat.includes(validation.id) && (!ai || flat.indexOf(ai.id) === -1 || flat.indexOf(ai.id) > flat.indexOf(validation.id))) {
    const day = ordered.find((d) => d.questionIds.includes(validation.id))!.day;
    throw new DomainError('invalidInput', { detail: 'validation needs the AI proposal before it', input: { field: `day${day}`, rule: 'range', params: { question: validation.id } } });
  }
  return ordered;
}

/**
 * Whether completing week `weekNumber` ends the weeks the group planned: the moment each member
 * is invited to look back, for themselves. Weeks a group adds after its plan are not an end again
 * (raising the planned weeks makes a new last one).
 */
export function endsPlannedWeeks(weekNumber: number, plannedWeeks: number): boolean {
  return weekNumber === plannedWeeks;
}

/** How a week is named beside the plan: within it ("week 3 of 20") or after it ("week 21, after 20"). */
export function isBeyondPlan(weekNumber: number, plannedWeeks: number): boolean {
  return weekNumber > plannedWeeks;
}
