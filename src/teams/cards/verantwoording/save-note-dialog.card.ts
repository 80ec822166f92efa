import { Translate } from '../../../i18n/i18n';
import { MAX_NOTE_LENGTH } from '../../../domain/verantwoording/accountability-note';
import { adaptiveCard, AdaptiveCardJson, textBlock } from '../card-kit';

/**
 * The message extension's dialog: the message as plain text, editable before it is saved.
 * Dialogs submit with Action.Submit; the link back to the message travels in its data.
 */
export function saveNoteDialogCard(input: { text: string; link?: string; problem?: string }, t: Translate): AdaptiveCardJson {
  return adaptiveCard(
    [
      textBlock(t('verantwoording.extension.intro')),
      ...(input.problem ? [textBlock(input.problem, { color: 'Attention' })] : []),
      { type: 'Input.Text', id: 'noteText', label: t('verantwoording.extension.textLabel'), value: input.text, isMultiline: true, maxLength: MAX_NOTE_LENGTH, isRequired: true, errorMessage: t('verantwoording.error.invalidInput') },
      textBlock(t('verantwoording.extension.privateHint'), { isSubtle: true, size: 'Small' }),
    ],
    [{ type: 'Action.Submit', title: t('verantwoording.save'), style: 'positive', data: { link: input.link ?? '' } }],
  );
}
