import { Translate } from '../../../i18n/i18n';
import { AccountabilityNote, MAX_NOTE_LENGTH } from '../../../domain/verantwoording/accountability-note';
import { adaptiveCard, AdaptiveCardJson, execute, heading, textBlock } from '../card-kit';

/** Edits one note; the card carries the version it shows, so a stale save is refused, not lost. */
export function noteEditCard(note: AccountabilityNote, t: Translate, opts: { changedElsewhere?: boolean } = {}): AdaptiveCardJson {
  return adaptiveCard(
    [
      heading(t('verantwoording.notes.editTitle')),
      ...(opts.changedElsewhere ? [textBlock(t('verantwoording.notes.changedElsewhere'), { color: 'Attention' })] : []),
      { type: 'Input.Text', id: 'text', label: t('verantwoording.notes.editLabel'), value: note.text, isMultiline: true, maxLength: MAX_NOTE_LENGTH, isRequired: true, errorMessage: t('verantwoording.error.invalidInput') },
    ],
    [
      execute(t('verantwoording.save'), 'saveNote', { noteId: note.id, rev: note.rev }, { style: 'positive' }),
      execute(t('verantwoording.back'), 'showVerantwoording', {}, { associatedInputs: 'none' }),
    ],
  );
}
