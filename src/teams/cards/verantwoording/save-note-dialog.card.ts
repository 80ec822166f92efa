import { Translate } from '../../../i18n/i18n';
import { MAX_NOTE_LENGTH } from '../../../domain/verantwoording/accountability-note';
import { adaptiveCard, AdaptiveCardJson, refusalNotice, textBlock, withFieldError } from '../card-kit';
import { unitCeiling } from '../../../domain/shared/text';

/**
 * The message extension's dialog: the message as plain text, editable before it is saved.
 * Dialogs submit with Action.Submit; the link back to the message travels in its data.
 * `fromMessage: false` is the dialog opened from the compose box, with no message to speak of;
 * `firstShown` is the dialog as it first opens, before anything was typed or saved: a problem
 * then (a message longer than a note) is said next to the field only, not as a refused Save.
 */
export function saveNoteDialogCard(input: { text: string; link?: string; problem?: string; cut?: boolean; fromMessage?: boolean; firstShown?: boolean }, t: Translate): AdaptiveCardJson {
  return adaptiveCard(
    [
      textBlock(t(input.fromMessage === false ? 'verantwoording.extension.introCompose' : 'verantwoording.extension.intro')),
      ...(input.problem && !input.firstShown ? [refusalNotice(t('verantwoording.form.notSaved'))] : []),
      // A text too long for the dialog comes back cut to what it holds, and says so.
      ...(input.cut ? [textBlock(t('verantwoording.extension.truncated', { shown: input.text.length }), { size: 'Small' })] : []),
      // A refused text comes back (up to what the dialog holds), even over the limit, so the person can shorten it.
      ...withFieldError(
        { type: 'Input.Text', id: 'noteText', label: t('verantwoording.extension.textLabel'), value: input.text, isMultiline: true, maxLength: Math.max(unitCeiling(MAX_NOTE_LENGTH), input.text.length), isRequired: true, errorMessage: t('verantwoording.form.noteRequired') },
        input.problem,
      ),
      textBlock(t('verantwoording.extension.privateHint'), { isSubtle: true, size: 'Small' }),
    ],
    [{ type: 'Action.Submit', title: t('verantwoording.save'), style: 'positive', data: { link: input.link ?? '' } }],
  );
}
