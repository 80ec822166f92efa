import { Translate } from '../../../i18n/i18n';
import { AccountabilityNote, MAX_NOTE_LENGTH } from '../../../domain/verantwoording/accountability-note';
import { adaptiveCard, AdaptiveCardJson, execute, heading, refusalNotice, textBlock, withFieldError } from '../card-kit';

export interface NoteEditOptions {
  changedElsewhere?: boolean;
  /** A refused edit: the text as typed, the version it was made from, and why it was refused. */
  refused?: { text?: string; rev?: number; error: string };
}

/** Edits one note; the card carries the version it shows, so a stale save is refused, not lost. */
export function noteEditCard(note: AccountabilityNote, t: Translate, opts: NoteEditOptions = {}): AdaptiveCardJson {
  const text = opts.refused?.text ?? note.text;
  // A refused edit keeps the version it was made from: a newer text elsewhere still wins as a conflict.
  const rev = opts.refused?.rev ?? note.rev;
  return adaptiveCard(
    [
      heading(t('verantwoording.notes.editTitle')),
      ...(opts.changedElsewhere ? [textBlock(t('verantwoording.notes.changedElsewhere'), { color: 'Attention' })] : []),
      ...(opts.refused ? [refusalNotice(t('verantwoording.form.notSaved'))] : []),
      ...withFieldError(
        { type: 'Input.Text', id: 'text', label: t('verantwoording.notes.editLabel'), value: text, isMultiline: true, maxLength: Math.max(MAX_NOTE_LENGTH, text.length), isRequired: true, errorMessage: t('verantwoording.form.noteRequired') },
        opts.refused?.error,
      ),
    ],
    [
      execute(t('verantwoording.save'), 'saveNote', { noteId: note.id, rev }, { style: 'positive' }),
      execute(t('verantwoording.back'), 'showVerantwoording', {}, { associatedInputs: 'none' }),
    ],
  );
}
