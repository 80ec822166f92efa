import { DomainError } from '../../domain/shared/errors';
import { AccountabilityNote, editNoteText, NoteSource, wasCreatedWith, writeNote } from '../../domain/verantwoording/accountability-note';
import { PersonalRecord } from '../../domain/verantwoording/personal-record';
import { VerantwoordingDeps } from './deps';

function asNote(r: PersonalRecord | undefined): AccountabilityNote {
  if (!r || r.type !== 'note') throw new DomainError('notFound', 'note');
  return r;
}

/**
 * Adds a free note, private unless said otherwise. `key` (the form's) makes a redelivered request
 * save one note. The same form sent again with another text (the person's better version after
 * being told the first save failed, when it had landed and its answer was lost; or a card from
 * before pressed again) is a note of its own: nothing typed is dropped, and the person sees both.
 * The first save delivered again after the note was edited elsewhere is the same save: it finds
 * the note as edited.
 */
export async function addNote(deps: VerantwoordingDeps, userId: string, input: { key: string; text: string; shared?: boolean; source?: NoteSource }): Promise<AccountabilityNote> {
  const now = deps.clock.now();
  const write = (key: string) => writeNote({ userId, key, text: input.text, visibility: input.shared ? 'shared' : 'private', source: input.source }, now);
  const note = write(input.key);
  let stored = asNote((await deps.records.create(note)).record);
  if (stored.text !== note.text && !wasCreatedWith(stored, note.text)) stored = asNote((await deps.records.create(write(`${input.key}\n${note.text}`))).record);
  // A note shared as it is written reaches the manager's prep cards as a later "share" would.
  // Also when the note was already there (a redelivery): the first turn may have stopped before this.
  if (stored.visibility === 'shared') await deps.sharingChanged?.(userId);
  return stored;
}

export async function getNote(deps: VerantwoordingDeps, userId: string, noteId: string): Promise<AccountabilityNote> {
  return asNote(await deps.records.get(userId, noteId));
}

/** Edits a note's text from the version the editor saw; a newer version wins and the editor gets `conflict`. */
export async function editNote(deps: VerantwoordingDeps, userId: string, noteId: string, input: { text: string; rev: number }): Promise<AccountabilityNote> {
  await getNote(deps, userId, noteId);
  const now = deps.clock.now();
  const note = asNote(await deps.records.update(userId, noteId, (r) => editNoteText(asNote(r), input.text, input.rev, now)));
  // A shared note's new text replaces the old one wherever the manager was shown it.
  if (note.visibility === 'shared') await deps.sharingChanged?.(userId);
  return note;
}

/**
 * Deletes a note. `seenRev` is the version the card showed: a text edited since (in the tab, on
 * another card) is not deleted unseen; the person gets the newest text to decide on. A note that
 * is already gone (deleted in the tab, or by this same press whose answer was lost) is no
 * refusal: what the person asked for is true. Its prep cards are rebuilt then too, since it may
 * have been shared and a first rebuild may not have happened.
 */
export async function deleteNote(deps: VerantwoordingDeps, userId: string, noteId: string, seenRev?: number): Promise<void> {
  // Checked as it stands when deleted (its ETag): an edit elsewhere after the check is never deleted unseen.
  const record = await deps.records.deleteChecked(userId, noteId, (current) => {
    if (current.type !== 'note') throw new DomainError('notFound', 'note');
    if (seenRev !== undefined && current.rev !== seenRev) throw new DomainError('conflict', 'note edited since the card showed it');
  });
  // A deleted shared note leaves the manager's prep cards too.
  if (!record || (record.type === 'note' && record.visibility === 'shared')) await deps.sharingChanged?.(userId);
}
