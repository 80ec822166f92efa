import { Translate } from '../../../i18n/i18n';
import { SessionState } from '../../../domain/week-cycle/session';
import { FieldProblem, RefusedInput } from '../../card-actions';

/** Submitted values and per-input reasons, for a week-cycle form rendered again after a refusal. */
export interface RefusedForm {
  values: Record<string, unknown>;
  errors: Record<string, string>;
  /**
   * Refused because what the form showed was changed by someone else meanwhile: the form shows
   * what is stored now next to the person's own inputs, and saving again stands on it.
   */
  changedMeanwhile?: boolean;
  /** Saved but for what the field notes say (a setup whose newcomer could not be added): the form's notice says so, not "not saved". */
  partlySaved?: boolean;
}

const SAME_WORDS: Record<string, string> = {
  opinion: 'opinion',
  reason: 'reason',
  decisionReason: 'decisionReason',
  adoptedText: 'adoptedText',
  firstStep: 'firstStep',
  firstStepStatus: 'firstStepStatus',
  firstStepNote: 'firstStepNote',
  energyIn: 'energy',
  energyOut: 'energy',
  startTime: 'startTime',
  timeZone: 'timeZone',
  weeks: 'weeks',
  name: 'name',
  language: 'language',
};

/** The words next to a refused field of a Vitale Weekcyclus form, in the group's language. */
export function weekCycleReason(p: FieldProblem, t: Translate): string {
  if (p.rule === 'tooLong') return t('weekCycleForm.tooLong', { max: p.params.max, length: p.params.count });
  // A question that holds as many additions as one may: pressing again cannot help, so the words say where they can go.
  if (p.field === 'text' && p.rule === 'range') return t('weekCycleForm.questionFull', { max: p.params.max });
  // Another member told what became of last week's first step after this member's card showed it.
  if (p.code === 'conflict' && p.params.changed && p.field === 'firstStepStatus') return t('weekCycleForm.lookBackChanged');
  // The proposal changed since the member's card showed it, or another member's decision is stored (a judgement or a decision came after it).
  if (p.code === 'conflict' && p.params.changed) return t('weekCycleForm.proposalChanged');
  // A judgement or a decision that lost to others' presses at the same moment on every try: nothing stored, the form as it was sent, to press again.
  if (p.code === 'conflict' && p.params.busy) return t(p.field === 'decision' ? 'weekCycleForm.decisionBusy' : 'weekCycleForm.judgementBusy');
  // "Own words" that are the proposal as it stands, when the judgements do not carry adopting it as it is.
  if (p.field === 'adoptedText' && p.rule === 'format' && p.params.disagree !== undefined) {
    return t('weekCycleForm.ownWordsAreTheProposal', { agree: p.params.agree ?? 0, disagree: p.params.disagree });
  }
  // Own words beside "aannemen zoals het is" or "afwijzen": neither records them, so the group chooses "aanpassen" or clears them.
  if (p.field === 'adoptedText' && p.rule === 'format' && (p.params.adopting || p.params.rejecting)) {
    return t(p.params.adopting ? 'validation.ownWordsWithAccept' : 'validation.ownWordsWithReject');
  }
  // A check-out pressed before check-out ever opened in this session (a crafted press, or a card of a session stored before it stayed open).
  if (p.code === 'checkOutNotOpen') return t('weekCycleForm.checkOutNotOpen');
  // A newcomer's score on a full group's card: the group has no place for them, whatever they pick (no "try again").
  if (p.code === 'notAMember') return t('error.notAMember');
  if (p.code === 'conflict' && p.params.decided) return t(p.field === 'opinion' ? 'weekCycleForm.judgedAfterDecision' : 'weekCycleForm.decisionTaken');
  if (p.field === 'decision') {
    if (p.rule === 'range') return t('weekCycleForm.decisionWaiting', { count: Math.max(1, (p.params.needed ?? 1) - (p.params.have ?? 0)) });
    if (p.rule === 'format' && p.params.disagree !== undefined) {
      return p.params.agree || p.params.disagree ? t('weekCycleForm.decisionAgainstJudgements', { agree: p.params.agree ?? 0, disagree: p.params.disagree }) : t('weekCycleForm.decisionNobodyAgreed');
    }
    if (p.rule === 'format') return t('weekCycleForm.decisionNothing');
    return t('weekCycleForm.decision');
  }
  if (p.field === 'members') return t('weekCycleForm.members', { count: p.params.count ?? 0 });
  if (p.field === 'days') return t('weekCycleForm.days', { count: p.params.count ?? 0 });
  if (/^day[1-4]$/.test(p.field)) {
    if (p.rule === 'required') return t('weekCycleForm.agendaEmpty');
    if (p.params.notNumbers) return t('weekCycleForm.agendaNotNumbers');
    if (p.params.unknown) return t('weekCycleForm.agendaUnknown', { question: p.params.question });
    if (p.params.sameDay) return t('weekCycleForm.agendaTwiceOnDay', { question: p.params.question });
    return t(p.rule === 'range' ? 'weekCycleForm.agendaValidation' : 'weekCycleForm.agendaQuestion', { question: p.params.question });
  }
  const words = SAME_WORDS[p.field];
  return words ? t(`weekCycleForm.${words}`) : t('weekCycleForm.required');
}

/**
 * The reasons of a refused session form, as the session the form is drawn from stands. A judgement
 * or decision that lost every try (`busy`) was refused on the session its last look read; when the
 * group decided or the session ended after that look, before the form's own read, the form shows no
 * button to press again, so its words say what happened instead (stop 58), as a refusal that saw
 * it would have been told (`decided`; the closed session's words).
 */
export function reasonsAsItStands(r: RefusedInput, state: Pick<SessionState, 'session' | 'proposal'>): Record<string, string> {
  const closed = state.session.status !== 'open';
  if (!closed && !state.proposal?.decision) return r.errors;
  const errors = { ...r.errors };
  for (const p of r.problems) {
    if (p.code !== 'conflict' || !p.params.busy || !(p.field in errors)) continue;
    errors[p.field] = closed ? r.t('error.sessionClosed') : weekCycleReason({ ...p, params: { decided: 1 } }, r.t);
  }
  return errors;
}
