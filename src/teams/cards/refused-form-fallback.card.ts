import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, refusalNotice, withFieldError } from './card-kit';
import { ExecuteAction } from './card-elements';

/** Inputs where people write their own words, on any of the app's forms. */
const FREE_TEXT = ['text', 'note', 'link', 'reason', 'decisionReason', 'adoptedText', 'firstStep', 'firstStepNote', 'comment', 'open', 'facilitated', 'learningNeeds', 'talents', 'learningNeedText', 'name'];

/**
 * A refused form whose own card could not be built again (the store did not answer): the inputs
 * the person filled in, each with the reason next to it, and the same action to try again with
 * what they change. The button carries the rest of what the action sent (its ids and key), so a
 * second press is the same action, idempotent as the first.
 */
export function refusedFormFallback(verb: string, values: Record<string, unknown>, errors: Record<string, string>, t: Translate): AdaptiveCardJson {
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
  return adaptiveCard(
    [refusalNotice(t('error.formFallback')), ...shown.flatMap((id) => withFieldError({ type: 'Input.Text', id, isMultiline: true, value: values[id] as string }, errors[id]))],
    [again],
  );
}
