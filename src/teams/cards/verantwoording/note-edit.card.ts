import { Translate } from '../../../i18n/i18n';
import { AccountabilityNote, MAX_NOTE_LENGTH } from '../../../domain/verantwoording/accountability-note';
import { adaptiveCard, AdaptiveCardJson, container, execute, heading, plainText, refusalNotice, textBlock, withFieldError } from '../card-kit';
import { backToOverview, carriedDraft } from './format';
import { unitCeiling } from '../../../domain/shared/text';
import { visibilityRevOf } from '../../../domain/verantwoording/personal-record';

export interface NoteEditOptions {
  /**
   * The save was refused because the note changed elsewhere since the card was opened: `text` is
   * what the person typed. It stays in the field; the newer stored text is shown next to it.
   */
  changedElsewhere?: { text: string; sharedSince?: boolean };
  /** A refused edit: the text as typed, the versions (of its text, of its sharing) it was made from, and why it was refused. */
  refused?: { text?: string; rev?: number; visibilityRev?: number; error: string };
  /**
   * A delete from a card older than the note's text was refused: the newest text is shown, with a
   * delete that names its version (pressing it is the choice to delete what they now see).
   */
  deleteRefused?: true;
  /** The new note being typed on the overview this card was opened from: it goes back there. */
  draft?: string;
}

/** Edits one note; the card carries the version it shows, so a stale save is refused, not lost. */
export function noteEditCard(note: AccountabilityNote, t: Translate, opts: NoteEditOptions = {}): AdaptiveCardJson {
  const text = opts.refused?.text ?? opts.changedElsewhere?.text ?? note.text;
  // A refused edit keeps the version it was made from: a newer text elsewhere still wins as a conflict.
  // After a conflict the person has seen the newer text: saving again is their choice to keep theirs.
  const rev = opts.refused?.rev ?? note.rev;
  // The sharing it shows goes with the save too: shared since, new words do not reach the manager unseen.
  const visibilityRev = opts.refused ? opts.refused.visibilityRev : visibilityRevOf(note);
  const sharedSince = !!opts.changedElsewhere?.sharedSince;
  return adaptiveCard(
    [
      heading(t('verantwoording.notes.editTitle')),
      ...(opts.changedElsewhere
        ? [
            refusalNotice(t(sharedSince ? 'verantwoording.editShared.noteRefused' : 'verantwoording.notes.changedElsewhere')),
            ...(sharedSince ? [] : [container([textBlock(t('verantwoording.notes.storedNow'), { weight: 'Bolder' }), plainText(note.text)], { style: 'emphasis', spacing: 'Medium' })]),
          ]
        : []),
      // Whoever sees the note sees what is saved here: said above the field, as the tab says it beside the note.
      ...(note.visibility === 'shared' && !sharedSince ? [textBlock(t('verantwoording.editShared.noteNotice'), { weight: 'Bolder' })] : []),
      ...(opts.refused ? [refusalNotice(t('verantwoording.form.notSaved'))] : []),
      ...(opts.deleteRefused ? [refusalNotice(t('verantwoording.notes.deleteChanged'))] : []),
      ...withFieldError(
        { type: 'Input.Text', id: 'text', label: t('verantwoording.notes.editLabel'), value: text, isMultiline: true, maxLength: Math.max(unitCeiling(MAX_NOTE_LENGTH), text.length), isRequired: true, errorMessage: t('verantwoording.form.noteRequired') },
        opts.refused?.error,
      ),
    ],
    [
      execute(t('verantwoording.save'), 'saveNote', { noteId: note.id, rev, ...(visibilityRev === undefined ? {} : { visibilityRev }), ...carriedDraft(opts.draft) }, { style: 'positive' }),
      ...(opts.deleteRefused
        ? [execute(t('verantwoording.notes.delete'), 'deleteNote', { noteId: note.id, rev: note.rev, ...(opts.draft ? { text: opts.draft } : {}) }, { style: 'destructive', associatedInputs: 'none' })]
        : []),
      backToOverview(t, opts.draft),
    ],
  );
}

/**
 * A note edit whose note was deleted meanwhile (in the tab): the typed text is not thrown away
 * but kept in the field, with the offer to save it as a new note (`key`: one note per card).
 */
export function deletedNoteCard(input: { text: string; key: string; error?: string; draft?: string }, t: Translate): AdaptiveCardJson {
  return adaptiveCard(
    [
      heading(t('verantwoording.notes.editTitle')),
      refusalNotice(t('verantwoording.notes.deletedElsewhere')),
      ...withFieldError(
        { type: 'Input.Text', id: 'text', label: t('verantwoording.notes.editLabel'), value: input.text, isMultiline: true, maxLength: Math.max(unitCeiling(MAX_NOTE_LENGTH), input.text.length), isRequired: true, errorMessage: t('verantwoording.form.noteRequired') },
        input.error,
      ),
    ],
    [
      execute(t('verantwoording.notes.saveAsNew'), 'addNote', { k: input.key, ...carriedDraft(input.draft) }, { style: 'positive' }),
      backToOverview(t, input.draft),
    ],
  );
}
