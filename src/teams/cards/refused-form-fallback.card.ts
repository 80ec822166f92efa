import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, refusalNotice, withFieldError } from './card-kit';
import { errorTitle } from './error.card';
import { ExecuteAction } from './card-elements';

/** Inputs where people write their own words, on any of the app's forms. */
const FREE_TEXT = ['text', 'note', 'link', 'reason', 'decisionReason', 'adoptedText', 'firstStep', 'firstStepNote', 'comment', 'open', 'facilitated', 'learningNeeds', 'talents', 'learningNeedText', 'name'];

/** Whether an input is one where people write their own words. */
export function isFreeText(id: string): boolean {
  return FREE_TEXT.includes(id);
}

/** Whether the person wrote any words of their own in what the action sent. */
export function typedFreeText(values: Record<string, unknown>): boolean {
  return FREE_TEXT.some((id) => typeof values[id] === 'string' && (values[id] as string).trim() !== '');
}

/** Why an action could not be done now, for a card that keeps what was typed (see refusedFormFallback). */
export type FailedNotice = 'error.saveFailedKept' | 'error.directoryUnavailableKept' | 'error.groupFullKept' | 'error.cardDataKept';

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
  return adaptiveCard([...top, ...shown.flatMap((id) => withFieldError({ type: 'Input.Text', id, isMultiline: true, value: values[id] as string }, errors[id]))], actions);
}
