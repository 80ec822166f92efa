import { DomainError, isDomainError } from '../../domain/shared/errors';
import { AccountabilityNote, addAgain, asAdded, chatNoteDay, chatNoteKey, cleanNoteText, DeletedNote, deleteNoteKeepingId, editNoteText, keptOfSameWords, mayBeTakenBack, NoteSource, sameAdd, sameWordsFromMessage, sameWordsThatDay, writeNote, wordsAndDayChatNoteKey, wordsAndMessageNoteKey } from '../../domain/verantwoording/accountability-note';
import { PersonalRecord, requireSharingSeen } from '../../domain/verantwoording/personal-record';
import { VerantwoordingDeps } from './deps';
import { refuseWhileErasing } from './erasure-ticket';
import { sameAsWritten, withinSaveWindow, withinSaveWindowReading } from './save-window';

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
 * the note as edited; delivered again after the note was deleted, it finds what the delete left
 * under its id and creates nothing (`notFound`: what the person sees is how it stands, without it).
 * `chatMessage`: the id of the chat message a note is typed in, which tells that message delivered
 * again from the same words sent anew (see `addAgain`). Refused (`erasureUnderway`) while the
 * person's erasure is unfinished: the erasure would delete the note after it was said saved.
 */
export async function addNote(deps: VerantwoordingDeps, userId: string, input: NoteInput): Promise<AccountabilityNote> {
  // The text is checked first: a refused one comes back with its reason even when the store is down.
  writeNoteFor(deps, userId, input)(input.key);
  // Its creates keep to the save window: none outlives an erasure begun meanwhile (save-window.ts).
  return addWithinWindow(await withinSaveWindow(deps, userId), userId, input);
}

type NoteInput = { key: string; text: string; shared?: boolean; source?: NoteSource; chatMessage?: string; chatDay?: string };

const writeNoteFor = (deps: VerantwoordingDeps, userId: string, input: NoteInput) => {
  const now = deps.clock.now();
  return (key: string) => writeNote({ userId, key, text: input.text, visibility: input.shared ? 'shared' : 'private', source: input.source, chatMessage: input.chatMessage, chatDay: input.chatDay }, now);
};

/** `addNote` once its save window is open (`deps` from withinSaveWindow). */
async function addWithinWindow(deps: VerantwoordingDeps, userId: string, input: NoteInput): Promise<AccountabilityNote> {
  const write = writeNoteFor(deps, userId, input);
  const note = write(input.key);
  const found = await createNote(deps, note);
  const ofItsOwn = () => write(`${input.key}\n${note.text}`);
  let stored = found.record.type === 'deletedNote' ? await addAfterDelete(deps, found.record, note, ofItsOwn) : asNote(found.record);
  // Found with another text: edited elsewhere since. The same words from another chat message
  // (its fingerprint differs from the one that wrote the note) are typed anew, not delivered
  // again: a note of their own, as other words on the same form are. (Deleted too, `addAgain` decides.)
  if (stored.text !== note.text && !sameAdd(stored, note)) {
    const own = ofItsOwn();
    const held = await createNote(deps, own);
    stored = held.record.type === 'deletedNote' ? await addAfterDelete(deps, held.record, own, ofItsOwn) : await answeredWith(deps, held);
  } else if (found.record.type === 'note') stored = await answeredWith(deps, found);
  // A note shared as it is written reaches the manager's prep cards as a later "share" would.
  // Also when the note was already there (a redelivery): the first turn may have stopped before this.
  if (stored.visibility === 'shared') await deps.sharingChanged?.(userId);
  return stored;
}

/** What a note's create found or wrote, with its version when the store gave one. */
type Created = { record: PersonalRecord; created: boolean; version?: string };

/**
 * The create of `note` (keeping to the save window, `deps` from withinSaveWindow). Answered after
 * the window it is refused (`saveTooSlow`), what it wrote taken back; but when another delivery
 * of this save found the note meanwhile and answered "saved" on it (`confirmed`: the take-back
 * left it), this delivery answers with it too (found in review, stop 61: one device was told
 * "Bewaard", the other's late retry took the note back). One point read, only on this rare path.
 */
async function createNote(deps: VerantwoordingDeps, note: AccountabilityNote): Promise<Created> {
  try {
    return await deps.records.create(note);
  } catch (err) {
    if (!isDomainError(err) || err.code !== 'saveTooSlow') throw err;
    const now = await deps.records.get(note.userId, note.id);
    if (now?.type === 'note' && now.confirmed) return { record: now, created: false };
    throw err;
  }
}

/**
 * The note a create found (`created`: false) and the save answers with: another delivery of the
 * save wrote it (Teams delivering it again, or to another instance; the tab's retry), whose create,
 * answered after its window, would take it back as its own (it is exactly as that delivery wrote
 * it). So it is confirmed first (`confirmNote`: one replace under the version the create found),
 * and the take-back leaves a confirmed note. Taken back before the confirm landed: nothing is kept,
 * so nothing is said saved (`saveTooSlow`: "try again", the words kept); deleted by its owner
 * meanwhile: as a delete found by the create (`notFound`). Nothing more when this delivery created
 * it, or it is confirmed already, or changed since (edited, shared: no take-back removes it).
 */
async function answeredWith(deps: VerantwoordingDeps, result: Created): Promise<AccountabilityNote> {
  const note = asNote(result.record);
  // The store gives every document's version; without one (never seen) it answers as before stop 61.
  if (result.created || !mayBeTakenBack(note) || !result.version) return note;
  const confirmed = await deps.records.confirmNote(note.userId, note.id, { record: note, version: result.version });
  if (confirmed === 'deleted') throw new DomainError('notFound', 'note deleted since this add');
  if (confirmed === 'takenBack') throw new DomainError('saveTooSlow', 'the note found was taken back by the delivery that wrote it');
  return confirmed;
}

/**
 * `notitie <tekst>` typed in the person's own chat with the bot (`messageId`: the message's id,
 * which Teams keeps when it delivers it again; `sent`: Teams' stamp). The note's id comes from the
 * message, not its words (chatNoteKey: what a delete leaves under the id tells nothing of them), so
 * the message delivered again finds its note, or what its delete left (nothing comes back). The
 * same words typed again the same day (as Teams stamped both, in `timeZone`; the note keeps its
 * `chatDay`) are still one note: the add first reads the person's records (one query in their own
 * partition) for a chat note saying them that day, and looks once more after its create for one
 * written meanwhile (`addOnce`). Notes from before stop 57 were keyed on their words and day: found
 * under that id, they count as before (the note itself, or the delete that message's note had:
 * nothing comes back). Answers the note, and the person's records as they stand after the add
 * when its own reads tell (see `AddedNote`).
 */
export async function addChatNote(deps: VerantwoordingDeps, userId: string, input: { conversationId: string; messageId: string; text: string; sent: Date; timeZone?: string }): Promise<AddedNote> {
  const timeZone = input.timeZone ?? 'UTC';
  // The day Teams stamped, kept on the note: a later message of the same words compares its own
  // stamp with it, never with when this one was handled (around midnight the two differ).
  const day = chatNoteDay(input.sent, timeZone);
  const note: NoteInput = { key: chatNoteKey(input.conversationId, input.messageId), text: input.text, chatMessage: input.messageId, chatDay: day };
  const write = writeNoteFor(deps, userId, note);
  // The text is checked first: a refused one comes back with its reason even when the store is down.
  const fresh = write(note.key);
  return addOnce(deps, userId, note, {
    fresh,
    legacy: write(wordsAndDayChatNoteKey(input.text, input.sent, timeZone)),
    sameWords: (r) => sameWordsThatDay(r, fresh.text, day, timeZone),
  });
}

/**
 * A note saved from a message with the message extension's dialog (`dialogKey`: random, set when
 * the dialog was first shown and kept when it comes back, never stored; `message`: the chat the
 * action ran in and the message's id, when Teams sent it). Keyed on the dialog's key, as a form's
 * note (stop 57: keyed on the chat, message id and words before, so the id its delete left for
 * three days let a reader of the database test guesses of the words, the message id being its
 * time): its Save delivered again finds its note, or what its delete left (nothing comes back,
 * other words from that dialog are a note of their own). The same words from the same message
 * saved in another dialog (after an answer that never came) are still one note: the add first
 * reads the person's records (one query in their own partition) for a note with the message's
 * link saying them, and looks once more after its create for one saved meanwhile (`addOnce`).
 * Notes from before, under their message-and-words id, count as before.
 */
export async function addMessageNote(deps: VerantwoordingDeps, userId: string, input: { dialogKey: string; text: string; source?: NoteSource; message?: { chat: string; id: string } }): Promise<AccountabilityNote> {
  const note: NoteInput = { key: input.dialogKey, text: input.text, source: input.source };
  if (!input.message) return addNote(deps, userId, note);
  // The text is checked first: a refused one comes back with its reason even when the store is down.
  const fresh = writeNoteFor(deps, userId, note)(note.key);
  const added = await addOnce(deps, userId, note, {
    fresh,
    // As the note was written before stop 57: under the message and words, told apart by the dialog.
    legacy: writeNoteFor(deps, userId, { ...note, chatMessage: input.dialogKey })(wordsAndMessageNoteKey(input.message.chat, input.message.id, input.text)),
    // Without the message's link nothing tells the same message saved again: no second look either.
    sameWords: fresh.source?.link !== undefined ? (r) => sameWordsFromMessage(r, fresh) : undefined,
  });
  return added.note;
}

/**
 * How an add whose words are one note however often they come is told: `fresh` (the note under
 * the add's own id), `legacy` (as it would have been written before stop 57) and `sameWords` (a
 * note saying these words: typed in the chat that day, or saved from the same message).
 */
interface OnceAdd {
  fresh: AccountabilityNote;
  legacy: AccountabilityNote;
  sameWords?: (note: AccountabilityNote) => boolean;
}

/**
 * What an add of a chat note answers: the note, and `records`, all the person's records as they
 * stand after the add, when the add's own query read them so (nothing written after it): the
 * overview after a `notitie` is built from them instead of reading them again. Absent: read them.
 */
export interface AddedNote {
  note: AccountabilityNote;
  records?: PersonalRecord[];
}

/**
 * The add of a chat note or of a note saved from a message: the note its words already are, or
 * a new one. Normal path: one query before the create (also its save window's erasure check:
 * `withinSaveWindowReading`), the create, one query after it (`oneNoteOfSameWords`); the same
 * words found before the create: that query, and the confirm of the note found (one replace)
 * while its own add's late create could still take it back (not confirmed yet, never changed).
 */
async function addOnce(unwindowed: VerantwoordingDeps, userId: string, note: NoteInput, add: OnceAdd): Promise<AddedNote> {
  const { deps, records, versions } = await withinSaveWindowReading(unwindowed, userId);
  const own = records.find((r) => r.id === add.fresh.id);
  // This very message or dialog before (delivered again): its note, or what its delete left, decides
  // (addNote); left by its yielding to the same words saved at the same time: that note.
  const earlier = own ? yieldedTo(own, records, add) : earlierNote(records, add);
  if (earlier === 'deleted') throw new DomainError('notFound', 'note deleted since this add');
  if (earlier) {
    // Found by its words, another add's note: that add's create, answered after its window, would
    // take it back as its own late write, after this one said "Bewaard" (found in review, stop 62).
    // So it is confirmed first, as a note a create finds under its own id (`answeredWith`: one
    // replace under the version the query read; taken back meanwhile: "try again", the words kept).
    // Not under the id of before stop 57: nothing creates under those ids any more.
    const found = earlier.id === add.legacy.id ? earlier : await answeredWith(deps, { record: earlier, created: false, version: versions.get(earlier.id) });
    // As a note found under its id: one shared may not have reached the prep cards yet.
    if (found.visibility === 'shared') await deps.sharingChanged?.(userId);
    // Nothing else written: the records read are as they stand, the note as confirmed.
    return { note: found, records: records.map((r) => (r.id === found.id ? found : r)) };
  }
  const stored = await addWithinWindow(deps, userId, note);
  if (own || stored.id !== add.fresh.id || !add.sameWords) return { note: stored };
  return oneNoteOfSameWords(deps, userId, stored, add.sameWords);
}

/**
 * The note a message's or dialog's words already are: a note under the id they had before stop 57
 * (also by this very message or dialog, delivered again), or a note saying these words; `deleted`
 * when the old id holds what the delete of this very add's note left.
 */
function earlierNote(records: PersonalRecord[], add: OnceAdd): AccountabilityNote | 'deleted' | undefined {
  const old = records.find((r) => r.id === add.legacy.id);
  if (old?.type === 'deletedNote' && addAgain(old, add.legacy) === 'redelivered') return 'deleted';
  if (old?.type === 'note' && (old.text === add.legacy.text || sameAdd(old, add.legacy))) return old;
  return sameWordsIn(records, add);
}

/** The note (the one that stays, `keptOfSameWords`) saying the words of `add`, among `records`. */
function sameWordsIn(records: PersonalRecord[], add: OnceAdd): AccountabilityNote | undefined {
  const same = add.sameWords;
  return same ? keptOfSameWords(records.filter((r): r is AccountabilityNote => r.type === 'note' && r.id !== add.fresh.id && same(r))) : undefined;
}

/**
 * This add delivered again, its id holding what a delete left: the note it yielded to, when it
 * had raced the same words saved at the same time (`oneNoteOfSameWords` left what a delete leaves
 * in its place) and that note is there; else as any add that finds its note deleted (addNote).
 */
function yieldedTo(own: PersonalRecord, records: PersonalRecord[], add: OnceAdd): AccountabilityNote | undefined {
  if (own.type !== 'deletedNote' || addAgain(own, add.fresh) !== 'redelivered') return undefined;
  return sameWordsIn(records, add);
}

/**
 * After an add created `created`: the same words added at the same moment by another message or
 * dialog (each looked before the other's create and found nothing) are a second note. So each
 * add looks again after its create (one query in the person's partition); of the notes saying
 * these words the one with the lowest id stays (`keptOfSameWords`) and each other one is removed,
 * leaving what a delete leaves (its message or dialog delivered again brings nothing back), only
 * while it is as it was read and as its add wrote it (`asAdded`: one edited or shared stays). Of
 * two racing adds the one that looks last sees both notes, so one note is left, and both answer
 * with it; except when the add that looked first (it saw only its own note) has the higher id:
 * its answer named the note the other add then removes. When it removed nothing, what the look
 * read (with the note) is how the person's records stand after the add (`AddedNote`).
 */
async function oneNoteOfSameWords(deps: VerantwoordingDeps, userId: string, created: AccountabilityNote, sameWords: (note: AccountabilityNote) => boolean): Promise<AddedNote> {
  // Stored: from here on nothing may say it failed. A look or a removal the store fails leaves
  // the second note of this rare race (as before the look was made), never an error after a save.
  const read = (await deps.records.listAllVersioned(userId).catch(() => undefined))?.filter((v) => v.record.userId === userId);
  const records = read?.map((v) => v.record);
  const saying = (records ?? []).filter((r): r is AccountabilityNote => r.type === 'note' && (r.id === created.id || sameWords(r)));
  const kept = keptOfSameWords(saying);
  if (!kept || saying.every((n) => n.id === created.id)) return { note: created, ...(records && saying.length ? { records } : {}) };
  // The other add's note stays: confirmed first, as addOnce confirms one found by its words, or its
  // add's late take-back would leave neither. Not confirmed (taken back, deleted, the store failing):
  // this add's own note stays, nothing removed.
  let answer = kept;
  if (kept.id !== created.id) {
    const version = read?.find((v) => v.record.id === kept.id)?.version;
    const confirmed = await answeredWith(deps, { record: kept, created: false, version }).catch(() => undefined);
    if (!confirmed) return { note: created };
    answer = confirmed;
  }
  const now = deps.clock.now();
  for (const other of saying.filter((n) => n.id !== kept.id)) await removeAsRead(deps, other, now).catch(() => undefined);
  if (answer.id !== created.id && answer.visibility === 'shared') await deps.sharingChanged?.(userId);
  return { note: answer };
}

/** `read` replaced by what its delete leaves, only while it is as read and as added (ETag-guarded); already gone is fine. */
async function removeAsRead(deps: VerantwoordingDeps, read: AccountabilityNote, now: Date): Promise<void> {
  try {
    await deps.records.update(read.userId, read.id, (current) => (current.type === 'note' && asAdded(current) && sameAsWritten(current, read) ? deleteNoteKeepingId(current, now) : current));
  } catch (err) {
    if (!isDomainError(err) || err.code !== 'notFound') throw err;
  }
}

/**
 * An add whose note was deleted (see `addAgain`): nothing when it is the add that wrote it, the
 * note again under its id when the same words come in another chat message, and the note of its
 * own that another text on the same form is (`otherText`), unless that one was deleted too.
 */
async function addAfterDelete(deps: VerantwoordingDeps, deleted: DeletedNote, fresh: AccountabilityNote, ofItsOwn: () => AccountabilityNote): Promise<AccountabilityNote> {
  const again = addAgain(deleted, fresh);
  if (again === 'redelivered') throw new DomainError('notFound', 'note deleted since this add');
  if (again === 'anew') return asNote(await deps.records.update(fresh.userId, fresh.id, (r) => (r.type === 'deletedNote' ? fresh : r)));
  const own = await createNote(deps, ofItsOwn());
  if (own.record.type === 'deletedNote') throw new DomainError('notFound', 'note deleted since this add');
  return answeredWith(deps, own);
}

export async function getNote(deps: VerantwoordingDeps, userId: string, noteId: string): Promise<AccountabilityNote> {
  return asNote(await deps.records.get(userId, noteId));
}

/**
 * Edits a note's text from the version the editor saw; a newer version wins and the editor gets
 * `conflict`. `visibilityRev`: the sharing's revision the editor showed; a note shared since (or
 * shared, and none sent) takes no new words unseen by the manager (`requireSharingSeen`).
 */
export async function editNote(deps: VerantwoordingDeps, userId: string, noteId: string, input: { text: string; rev: number; visibilityRev?: number }): Promise<AccountabilityNote> {
  // The text is checked first: a refused one comes back with its reason even when the store is down.
  cleanNoteText(input.text);
  await refuseWhileErasing(deps, userId);
  await getNote(deps, userId, noteId);
  const now = deps.clock.now();
  const note = asNote(await deps.records.update(userId, noteId, (r) => withSharingSeen(asNote(r), editNoteText(asNote(r), input.text, input.rev, now), input.visibilityRev)));
  // A shared note's new text replaces the old one wherever the manager was shown it.
  if (note.visibility === 'shared') await deps.sharingChanged?.(userId);
  return note;
}

/** The edited note, when its words go nowhere its editor did not see (checked on the note as it is replaced, under its ETag). */
function withSharingSeen(stored: AccountabilityNote, edited: AccountabilityNote, seenVisibilityRev: number | undefined): AccountabilityNote {
  // The same text again (also a redelivered edit) puts no new words anywhere.
  if (edited !== stored) requireSharingSeen(stored, seenVisibilityRev);
  return edited;
}

/**
 * Deletes a note. `seenRev` is the version the card showed: a text edited since (in the tab, on
 * another card) is not deleted unseen; the person gets the newest text to decide on. A note that
 * is already gone (deleted in the tab, or by this same press whose answer was lost) is no
 * refusal: what the person asked for is true. Its prep cards are rebuilt then too, since it may
 * have been shared and a first rebuild may not have happened.
 *
 * The note is replaced by what keeps its id taken for a few days, without its text
 * (`deleteNoteKeepingId`): the add that wrote it, delivered again, then brings nothing back.
 * One read and one write, as a plain delete.
 */
export async function deleteNote(deps: VerantwoordingDeps, userId: string, noteId: string, seenRev?: number): Promise<void> {
  // While the erasure is unfinished nothing of theirs changes: it takes the note with the rest.
  await refuseWhileErasing(deps, userId);
  const now = deps.clock.now();
  const outcome: { deleted?: AccountabilityNote; notANote?: boolean } = {};
  try {
    // Checked as it stands when replaced (its ETag): an edit elsewhere after the check is never deleted unseen.
    await deps.records.update(userId, noteId, (current) => {
      outcome.deleted = undefined;
      if (current.type === 'deletedNote') return current;
      outcome.notANote = current.type !== 'note';
      if (current.type !== 'note') throw new DomainError('notFound', 'note');
      if (seenRev !== undefined && current.rev !== seenRev) throw new DomainError('conflict', 'note edited since the card showed it');
      outcome.deleted = current;
      return deleteNoteKeepingId(current, now);
    });
  } catch (err) {
    if (!isDomainError(err) || err.code !== 'notFound' || outcome.notANote) throw err;
    // Nothing under its id (deleted before notes left their id behind, or by an erasure): gone as asked.
  }
  // A deleted shared note leaves the manager's prep cards too; one already gone may have been shared.
  if (!outcome.deleted || outcome.deleted.visibility === 'shared') await deps.sharingChanged?.(userId);
}
