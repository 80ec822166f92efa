import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, refusalNotice, withFieldError } from './card-kit';
import { errorTitle } from './error.card';
import { ExecuteAction } from './card-elements';

/** Inputs where people write their own words, on any of the app's forms. */
const FREE_TEXT = ['text', 'note', 'link', 'reason', 'decisionReason', 'adoptedText', 'firstStep', 'firstStepNote', 'comment', 'open', 'facilitated', 'learningNeeds', 'talents', 'learningNeedText', 'name', 'words', 'answer'];

/** Whether an input is one where people write their own words. */
export function isFreeText(id: string): boolean {
  return FREE_TEXT.includes(id);
}

/** Whether the person wrote any words of their own in what the action sent. */
export function typedFreeText(values: Record<string, unknown>): boolean {
  return FREE_TEXT.some((id) => typeof values[id] === 'string' && (values[id] as string).trim() !== '');
}

/**
 * The label an input has on its own form (the same i18n key), so the plain form names each box as
 * the person saw it. Ids that mean one thing on every form; ids that differ per form are below.
 */
const LABELS: Record<string, string> = {
  reason: 'validation.reason',
  decisionReason: 'validation.decisionReason',
  adoptedText: 'validation.ownWords',
  firstStep: 'validation.firstStepLabel',
  firstStepNote: 'lookBack.note',
  facilitated: 'talentReview.prep.facilitatedLabel',
  learningNeeds: 'verantwoording.traject.learningNeeds',
  talents: 'verantwoording.traject.talents',
  learningNeedText: 'verantwoording.learningNeed.textLabel',
  name: 'setup.name',
  members: 'setup.members',
  days: 'setup.days',
  startTime: 'setup.startTime',
  hours: 'verantwoording.time.hoursLabel',
  prepDays: 'talentReview.plan.prepDays',
  start: 'rhythm.move.start',
};

/** Labels of ids that name a different input on different forms, per verb. */
const LABELS_BY_VERB: Record<string, Record<string, string>> = {
  'session.contribute': { text: 'question.addLabel' },
  'session.personal': { text: 'question.personalLabel' },
  'verantwoording.note.add': { text: 'verantwoording.notes.addLabel' },
  'verantwoording.note.save': { text: 'verantwoording.notes.editLabel' },
  'verantwoording.traject.save': { weeks: 'verantwoording.traject.plannedWeeks' },
  'group.setup.save': { timeZone: 'setup.timeZone', weeks: 'setup.weeks' },
  'review.plan.save': { date: 'talentReview.plan.date', timeZone: 'talentReview.plan.timeZone' },
  'review.move': { date: 'talentReview.change.newDate' },
  'review.proposalToManager.send': { words: 'proposalToManager.wordsLabel' },
  'review.proposalToManager.answer': { answer: 'proposalToManager.answerLabel' },
  'proposalToLo.answer': { answer: 'proposalToLo.answerLabel' },
};

/**
 * The label of an input on the plain form: its own form's, else a generic one (an input whose
 * label is not fixed, e.g. a poll's open question, or one added later) rather than none: a
 * screen reader must never announce an unnamed box.
 */
export function labelOf(verb: string, id: string, t: Translate): string {
  const key = labelKeyOf(verb, id);
  return t(key ?? 'error.formFallbackField');
}

/** The language-file key of an input's label on its own form, when the plain form knows it (a box the person types in). */
export function labelKeyOf(verb: string, id: string): string | undefined {
  return LABELS_BY_VERB[verb]?.[id] ?? LABELS[id];
}

/** Why an action could not be done now, for a card that keeps what was typed (see refusedFormFallback). */
export type FailedNotice = 'error.saveFailedKept' | 'error.directoryUnavailableKept' | 'error.groupFullKept' | 'error.leftMeanwhileKept' | 'error.cardDataKept' | 'error.saveTooSlowKept';

/**
 * A refused form whose own card could not be built again (the store did not answer): the inputs
 * the person filled in, each with the reason next to it, and the same action to try again with
 * what they change. The button carries the rest of what the action sent (its ids and key), so a
 * second press is the same action, idempotent as the first. `failed`: not refused at all, the
 * action could not be done now (the message key says why: the store failed the save, the
 * directory did not answer, the group is full); the card is an error card (nothing was stored) that keeps the words.
 */
export function refusedFormFallback(verb: string, values: Record<string, unknown>, errors: Record<string, string>, t: Translate, failed?: FailedNotice): AdaptiveCardJson {
  const shown = Object.keys(values).filter((id) => typeof values[id] === 'string' && (id in errors || FREE_TEXT.includes(id)));
  const data = Object.fromEntries(Object.entries(values).filter(([id]) => !shown.includes(id)));
  const again: ExecuteAction = {
    type: 'Action.Execute',
    title: t('error.formFallbackAgain'),
    verb,
    data,
    associatedInputs: 'auto',
    fallback: { type: 'Action.Submit', title: t('error.formFallbackAgain'), data: { ...data, verb } },
  };
  const top = failed ? [errorTitle(t), refusalNotice(t(failed))] : [refusalNotice(t('error.formFallback'))];
  // The button's own data was what could not be used: the same data again can only be refused again.
  const actions = failed === 'error.cardDataKept' ? [] : [again];
  return adaptiveCard([...top, ...shown.flatMap((id) => withFieldError({ type: 'Input.Text', id, label: labelOf(verb, id, t), isMultiline: true, value: values[id] as string }, errors[id]))], actions);
}
