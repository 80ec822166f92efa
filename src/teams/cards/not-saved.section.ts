import { trimText } from '../../domain/shared/text';
import { Translate } from '../../i18n/i18n';
import { SessionView } from '../../usecases/week-cycle/session-view';
import { Element, refusalNotice, submittedText, withFieldError } from './card-kit';

/** The session card's text inputs, with the label each has on this section. */
const TEXT_INPUTS = [
  ['text', 'weekCycleForm.typedText'],
  ['reason', 'validation.reason'],
  ['decisionReason', 'validation.decisionReason'],
  ['adoptedText', 'validation.ownWords'],
  ['firstStep', 'validation.firstStepLabel'],
  ['firstStepNote', 'lookBack.note'],
] as const;

/**
 * What a member sent to a session that had closed (or sent refused, and the session closed since):
 * it was not stored, and the card says so. No form on the closed card takes it any more, so it is shown to copy, each text under its label
 * with the reason it was refused where there is one. It is on their own card only; nothing of it
 * is lost on their screen. Ids of their own, so no input of the closed card is named twice.
 */
export function notSavedSection(view: SessionView, t: Translate): Element[] {
  const refused = view.refused;
  if (!refused || view.session.status === 'open') return [];
  const typed = TEXT_INPUTS.flatMap(([id, label]) => {
    const value = submittedText(refused.values, id);
    return value && trimText(value) ? [{ id, label, value }] : [];
  });
  if (!typed.length) return [refusalNotice(t('weekCycleForm.closedNothingToShow'))];
  return [
    refusalNotice(t('weekCycleForm.closedNotSaved')),
    ...typed.flatMap(({ id, label, value }) => withFieldError({ type: 'Input.Text', id: `notSaved.${id}`, label: t(label), isMultiline: true, value }, refused.errors[id])),
  ];
}
