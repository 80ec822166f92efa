import { NOTHING_TOLD } from '../../domain/proposal/proposal';
import { Translate } from '../../i18n/i18n';
import { VerbName } from '../verbs';
import { adaptiveCard, AdaptiveCardJson, Element, refusalNotice, subtle, textBlock, withFieldError } from './card-kit';
import { isFreeText, labelKeyOf, labelOf } from './refused-form-fallback.card';

/** A form on a group's card: its inputs, and the language-file key of the button that sends them. */
interface GroupCardForm {
  inputs: readonly string[];
  button(values: Record<string, unknown>): string;
}

/**
 * The forms on a group's cards and their buttons, as the card in the group's chat shows them (a
 * client on the Action.Submit fallback shows the shared card: a member's own view, with the
 * check-in and personal answers, only where Teams refreshes it). Where a button's label depends on
 * what the card showed, the press's own data says which.
 */
const GROUP_CARD_FORMS: Partial<Record<VerbName, GroupCardForm>> = {
  contribute: { inputs: ['text'], button: () => 'question.add' },
  checkIn: { inputs: ['energyIn', 'energyOut'], button: (v) => (v.phase === 'out' ? 'energy.submit.out' : 'energy.submit.in') },
  answerPersonal: { inputs: ['text'], button: (v) => (v.had ? 'question.personalUpdate' : 'question.personalSave') },
  judgeProposal: { inputs: ['opinion', 'reason'], button: () => 'validation.saveJudgement' },
  decideProposal: { inputs: ['decision', 'decisionReason', 'adoptedText', 'firstStep'], button: () => 'validation.decide' },
  lookBackOnFirstStep: { inputs: ['firstStepStatus', 'firstStepNote'], button: (v) => (typeof v.seen === 'string' && v.seen !== NOTHING_TOLD ? 'lookBack.update' : 'lookBack.save') },
  saveAgenda: { inputs: ['day1', 'day2', 'day3', 'day4'], button: () => 'agenda.save' },
};

/** The group card's form this action sends, when it is one: its inputs, and its button's label in the card's language (`card`). */
export function groupCardForm(name: VerbName): { inputs: readonly string[]; button(values: Record<string, unknown>, card: Translate): string } | undefined {
  const form = GROUP_CARD_FORMS[name];
  return form && { inputs: form.inputs, button: (values, card) => card(form.button(values)) };
}

export interface GroupCardNoteView {
  /** The action's verb as sent (it names the labels of the boxes, as refusedFormFallback does). */
  verb: string;
  /** What the press sent: the inputs as entered, and the button's own data. */
  values: Record<string, unknown>;
  /** Input id -> the reason, in the reader's language. */
  errors: Record<string, string>;
  /** Why nothing was stored, in the reader's language. */
  notice: string;
  /**
   * The group card's button to press again, as that card shows it (the group's language).
   * `false`: nothing to press again (the session closed); undefined: the button is not known.
   */
  button?: string | false;
}

/**
 * A press on a group's card refused on the Action.Submit fallback in the group's chat, told in the
 * presser's own 1:1 chat (nothing reaches them alone in the group's chat). The group card's form
 * would be no use there: its actions belong to the group's chat (GROUP_CHAT_VERBS) and are refused
 * anywhere else. So a note in the language of the person's own chat (`t`): why nothing was stored,
 * each reason with its box, what they wrote to copy, and the button to press again on the group's
 * card, quoted as that card shows it (in the group's language) and named as that card's button.
 * No button of its own.
 */
export function groupCardNote(view: GroupCardNoteView, t: Translate): AdaptiveCardJson {
  const { values, errors, verb } = view;
  const typed = (id: string) => typeof values[id] === 'string' && (values[id] as string).trim() !== '';
  // Boxes the person types in come back to copy, with the reason next to them; a choice's reason stands on its own.
  const boxes = Object.keys(values).filter((id) => typeof values[id] === 'string' && (isFreeText(id) ? typed(id) || id in errors : id in errors && !!labelKeyOf(verb, id)));
  const reasons = Object.keys(errors).filter((id) => !boxes.includes(id));
  const body: Element[] = [
    refusalNotice(view.notice),
    ...reasons.map((id) => textBlock(errors[id]!, { color: 'Attention', size: 'Small', weight: 'Bolder' })),
    ...(boxes.length ? [subtle(t('error.groupCardNote.typed'))] : []),
    ...boxes.flatMap((id) => withFieldError({ type: 'Input.Text', id, label: labelOf(verb, id, t), isMultiline: true, value: values[id] as string }, errors[id])),
    ...(view.button === false ? [] : [textBlock(view.button ? t('error.groupCardNote.pressAgain', { button: view.button }) : t('error.groupCardNote.pressAgainThere'))]),
  ];
  return adaptiveCard(body);
}
