import { DateTime } from 'luxon';
import { Visibility } from '../personal/personal-answer';
import { DomainError } from '../shared/errors';
import { keyedDigest, stableId } from '../shared/ids';
import { overLimit, showsNothing, trimText, withoutControlCharacters } from '../shared/text';

/** Where a note came from, when it was saved from a Teams message through the message extension. */
export interface NoteSource {
  kind: 'message';
  /** A deep link back to the message (Teams' linkToMessage); https only. */
  link?: string;
}

/**
 * A free note in Mijn verantwoording. `rev` counts text edits, so an edit made from a stale
 * view (a card or a tab opened earlier) is refused instead of silently overwriting a newer text.
 */
export interface AccountabilityNote {
  id: string;
  type: 'note';
  userId: string;
  text: string;
  visibility: Visibility;
  source?: NoteSource;
  rev: number;
  /**
   * A fingerprint of the text the note was created with: the same save delivered again after the
   * note was edited elsewhere finds this note, without the note keeping a text its owner replaced.
   * Since stop 57 keyed with the form's own press key, which is never stored (`nk_`, see
   * `firstTextFingerprint`); before, salted only with the note's id (`nt_`), which let a reader of
   * the database test guesses of the first words. Notes from before stop 35 have none; nor, since
   * stop 57, has a note with a `chatMessage` (that tells its add delivered again by itself).
   */
  firstText?: string;
  /**
   * A fingerprint of the chat message (`notitie ...`) that wrote it, or of the dialog for a note
   * saved from a message before stop 57: that message delivered again finds this note (also once
   * edited, or deleted: it adds nothing), while the same words sent anew are another add (see
   * `addAgain`).
   */
  chatMessage?: string;
  /**
   * The day (yyyy-mm-dd, in the app's time zone) Teams stamped the chat message that wrote it: the
   * same words typed again are one note per day as Teams stamped them (`sameWordsThatDay`), also
   * when a message is handled after midnight; `createdAt` is the app's clock. Chat notes from
   * before have none (their `createdAt` stands in).
   */
  chatDay?: string;
  /** Counts the changes of who may see it (see `withVisibility`); absent: never changed. */
  visibilityRev?: number;
  /**
   * Another delivery of the save that wrote it (Teams delivering it again, or to another instance;
   * the tab's retry with the same key) found it and answered "saved" on it: the delivery that
   * created it, should its create be answered after its save window, no longer takes it back (the
   * take-back deletes only a note exactly as written), and answers "saved" as well. Machinery, not
   * shown; listed in the export as kept. Absent on older notes, and on a note only its creating
   * delivery answered on.
   */
  confirmed?: true;
  createdAt: string;
  updatedAt: string;
}

/**
 * Whether a late save's take-back could still remove `note` (it removes only a note exactly as
 * its add wrote it): never edited, its sharing never changed, not confirmed. A save that answers
 * with such a note, found and not created by it, confirms it first (`confirmNote`).
 */
export function mayBeTakenBack(note: AccountabilityNote): boolean {
  return note.rev === 1 && note.visibilityRev === undefined && note.confirmed === undefined;
}

/**
 * What is left of a deleted note for a few days, under the note's own id: that it was deleted,
 * and nothing it said, nor anything a reader could test a guess of its words against (stop 57: a
 * fingerprint of its first text only when keyed with its form's press key, never stored). Teams may
 * deliver the press that added the note again (a retried invoke, a redelivered message) after its
 * owner deleted it; the add then finds this where the note was and creates nothing, at no extra
 * request (a create whose id is taken reads what holds it anyway). Expires by itself (`ttl`);
 * redeliveries come within minutes.
 */
export interface DeletedNote {
  id: string;
  type: 'deletedNote';
  userId: string;
  /**
   * The note's `firstText` when keyed with its form's press key (`nk_`): the same form pressed with
   * another text is still a note of its own, and only that form's key can test words against it.
   * Records left before stop 57 may hold an `nt_` one (salted with the id stored beside it, which
   * let a reader test guesses of the deleted words); a delete no longer keeps such a one.
   */
  firstText?: string;
  /** The note's `chatMessage`. */
  chatMessage?: string;
  deletedAt: string;
  /** Seconds after the delete until the store removes it. */
  ttl: number;
}

/** How long a deleted note's id stays taken: far longer than Teams redelivers an activity in. */
export const DELETED_NOTE_TTL_SECONDS = 3 * 24 * 3600;

export const MAX_NOTE_LENGTH = 4000;
export const MAX_LINK_LENGTH = 2000;

/** Unique per owner, and stable per key, so a redelivered activity saves one note. */
export function noteId(userId: string, key: string): string {
  return stableId('note', userId, key);
}

/**
 * The key of a note typed in the chat: the message (its chat and id, which Teams keeps when it
 * delivers the message again), never its words. A note's id is kept for a few days after its delete
 * (DeletedNote): made from the words, as before stop 57, it let a reader of the database confirm a
 * guess of the deleted words. The same words typed again that day are still one note: the add
 * looks for them among the person's notes (`sameWordsThatDay`).
 */
export function chatNoteKey(conversationId: string, messageId: string): string {
  return `chatMessage:${conversationId}:${messageId}`;
}

/**
 * The key chat notes had before stop 57: their text and the day Teams stamped. Never written any
 * more; an add computes it only to find a note (or what its delete left) from before.
 */
export function wordsAndDayChatNoteKey(text: string, sent: Date, timeZone: string): string {
  return `chat:${chatNoteDay(sent, timeZone)}:${text.replace(/\r\n/g, '\n').trim()}`;
}

/** The day (yyyy-mm-dd) a chat message was sent or a note created, in `timeZone`. */
export function chatNoteDay(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate() ?? at.toISOString().slice(0, 10);
}

/**
 * Whether `note` is a note typed in the chat (a chat message wrote it; not saved from a message)
 * that says these words (as `writeNote` cleaned them) and whose message Teams stamped on `day`: a
 * resend on the same day, what a person does when they doubt it arrived, is that note, not a
 * second one. The day is Teams' stamp on both sides (`chatDay`), not when the app handled it: a
 * message stamped before midnight and handled after it belongs to the evening. A note from before
 * `chatDay` was kept counts by its `createdAt`.
 */
export function sameWordsThatDay(note: AccountabilityNote, cleanText: string, day: string, timeZone: string): boolean {
  const noteDay = note.chatDay ?? chatNoteDay(new Date(note.createdAt), timeZone);
  return note.chatMessage !== undefined && !note.source && note.text === cleanText && noteDay === day;
}

/**
 * The key notes saved from a message had before stop 57: the chat, the message's id and the words.
 * Never written any more; an add computes it only to find a note (or what its delete left) from before.
 */
export function wordsAndMessageNoteKey(chat: string, messageId: string, text: string): string {
  return `message:${chat}:${messageId}:${text.replace(/\r\n/g, '\n').trim()}`;
}

/**
 * Whether `note` was saved from the message `fresh` is saved from (its link, as both keep it) and
 * says the same words: the same message saved again in another dialog, after an answer that never
 * came, is that note, not a second one.
 */
export function sameWordsFromMessage(note: AccountabilityNote, fresh: AccountabilityNote): boolean {
  const link = fresh.source?.link;
  return link !== undefined && note.source?.link === link && note.text === fresh.text;
}

/**
 * Of the notes saying the same words (`sameWordsThatDay`, `sameWordsFromMessage`), written by adds
 * that raced each other (each looked before the other's create, so each created one), the one that
 * stays: one its owner already changed (edited, shared: never removed, see `asAdded`), else the
 * lowest id. Every add that sees them picks the same one, whatever order it read them in.
 */
export function keptOfSameWords(notes: AccountabilityNote[]): AccountabilityNote | undefined {
  const changed = notes.filter((note) => !asAdded(note));
  return (changed.length ? changed : notes).reduce<AccountabilityNote | undefined>((kept, note) => (!kept || note.id < kept.id ? note : kept), undefined);
}

/**
 * Whether `note` is as its add wrote it: never edited, never shared or made private again. Only
 * such a note of the same words is removed for the one that stays (`keptOfSameWords`): one its
 * owner already changed is theirs to keep.
 */
export function asAdded(note: AccountabilityNote): boolean {
  return note.rev === 1 && note.visibilityRev === undefined && note.visibility === 'private';
}

/** A note as kept: one kind of line break, no control characters, trimmed, within the limit. */
export function cleanNoteText(text: string): string {
  const t = trimText(withoutControlCharacters(text.replace(/\r\n/g, '\n')));
  // Nothing that shows (variation selectors, tag characters alone) is no note either (found in review, stop 62).
  if (showsNothing(t)) throw new DomainError('invalidInput', { detail: 'note empty', input: { field: 'text', rule: 'required' } });
  const over = overLimit(t, MAX_NOTE_LENGTH);
  if (over) throw new DomainError('invalidInput', { detail: 'note length', input: { field: 'text', rule: 'tooLong', params: { max: MAX_NOTE_LENGTH, count: over } } });
  return t;
}

/** Only https links are kept; anything else (javascript:, data:, relative) is dropped. */
export function cleanLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  const trimmed = link.trim();
  if (trimmed.length > MAX_LINK_LENGTH) return undefined;
  try {
    return new URL(trimmed).protocol === 'https:' ? trimmed : undefined;
  } catch {
    return undefined;
  }
}

/** How a `firstText` keyed with the note's key begins (`nt_`: one from before stop 57). */
const KEYED_FIRST_TEXT = 'nk_';

/**
 * See `AccountabilityNote.firstText`: keyed with the note's key (a form's random press key, set
 * when the form was rendered and never stored; the note's id is only a one-way hash of it), so no
 * stored value lets anyone test a guess of the words against it.
 */
function firstTextFingerprint(key: string, cleanText: string): string {
  return `${KEYED_FIRST_TEXT}${keyedDigest('lerend-werken/note-first-text/v1', key, cleanText)}`;
}

/** The fingerprint notes (and what their delete left) kept before stop 57: salted only with the id. */
function idSaltedFirstText(id: string, cleanText: string): string {
  return stableId('nt', id, cleanText);
}

/**
 * Whether `firstText` (a note's, or what its delete kept) was made from the words of `fresh`, as
 * `writeNote` made it under the same key (so the same id): a keyed one equals `fresh`'s own; one
 * from before stop 57 is made again from the id and the words.
 */
function madeFromWordsOf(firstText: string | undefined, fresh: AccountabilityNote): boolean {
  if (firstText === undefined || fresh.firstText === undefined) return false;
  return firstText.startsWith(KEYED_FIRST_TEXT) ? firstText === fresh.firstText : firstText === idSaltedFirstText(fresh.id, fresh.text);
}

/** The fingerprint a note keeps of the chat message that wrote it (never the message's id itself). */
function chatMessageFingerprint(id: string, messageId: string): string {
  return stableId('nm', id, messageId);
}

/**
 * Whether `fresh` (as `writeNote` made it, under `stored`'s id) is the add that wrote `stored`,
 * delivered again: the same chat message or dialog when both know theirs, else the same first text.
 */
export function sameAdd(stored: AccountabilityNote, fresh: AccountabilityNote): boolean {
  if (stored.chatMessage !== undefined && fresh.chatMessage !== undefined) return stored.chatMessage === fresh.chatMessage;
  return madeFromWordsOf(stored.firstText, fresh);
}

/**
 * `chatMessage`: the id of the chat message the note is typed in (`notitie ...`), if it is;
 * `chatDay`: the day Teams stamped that message (`chatNoteDay`).
 */
export function writeNote(input: { userId: string; key: string; text: string; visibility?: Visibility; source?: NoteSource; chatMessage?: string; chatDay?: string }, now: Date): AccountabilityNote {
  const link = cleanLink(input.source?.link);
  const id = noteId(input.userId, input.key);
  const text = cleanNoteText(input.text);
  return {
    id,
    type: 'note',
    userId: input.userId,
    text,
    visibility: input.visibility ?? 'private',
    ...(input.source ? { source: { kind: 'message' as const, ...(link ? { link } : {}) } } : {}),
    rev: 1,
    // A note from a chat message knows its add by that (sameAdd); any other by its first text,
    // keyed with its key: nothing a reader of the database could test guesses against once edited.
    ...(input.chatMessage ? { chatMessage: chatMessageFingerprint(id, input.chatMessage) } : { firstText: firstTextFingerprint(input.key, text) }),
    ...(input.chatMessage && input.chatDay ? { chatDay: input.chatDay } : {}),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

/**
 * A text edit made from the version the editor saw (`expectedRev`). If the note changed since,
 * the edit is refused with `conflict`: two edits of one text cannot be merged meaningfully, and
 * the loser is told rather than losing the winner's words.
 */
export function editNoteText(note: AccountabilityNote, text: string, expectedRev: number, now: Date): AccountabilityNote {
  const clean = cleanNoteText(text);
  if (note.rev !== expectedRev) {
    // The same edit arriving twice (a redelivered action) is not a conflict.
    if (note.text === clean && note.rev === expectedRev + 1) return note;
    throw new DomainError('conflict', 'note changed since it was opened');
  }
  if (note.text === clean) return note;
  return { ...note, text: clean, rev: note.rev + 1, updatedAt: now.toISOString() };
}

/**
 * The note deleted: its id kept for a few days by what tells a redelivered add from a new one,
 * without its text or anything a reader could test a guess of it against: a `firstText` only when
 * keyed with its form's press key, which is never stored (not one from before stop 57: salted only
 * with the id kept beside it, it would let a reader of the database test guesses of the words).
 */
export function deleteNoteKeepingId(note: AccountabilityNote, now: Date): DeletedNote {
  return {
    id: note.id,
    type: 'deletedNote',
    userId: note.userId,
    ...(note.firstText?.startsWith(KEYED_FIRST_TEXT) ? { firstText: note.firstText } : {}),
    ...(note.chatMessage ? { chatMessage: note.chatMessage } : {}),
    deletedAt: now.toISOString(),
    ttl: DELETED_NOTE_TTL_SECONDS,
  };
}

/**
 * What an add (`fresh`, as `writeNote` made it) that finds its note deleted is:
 * - `redelivered`: the add that wrote the deleted note, delivered again: nothing is created;
 * - `anew`: the same words in another chat message or dialog (a key made of the words: a note saved
 *   from a message or a chat note, both from before stop 57): written again under the same id, as the
 *   person asks for it once more;
 * - `otherText`: the same form pressed with other words, told by the `firstText` the delete kept
 *   (keyed with the form's press key; or, in what a delete left before stop 57, salted with the id):
 *   a note of its own, as while it existed.
 * A note from before its fingerprints were kept, or one whose delete kept none (its fingerprint
 * was made before stop 57), is always `redelivered`: nothing deleted comes back.
 */
export function addAgain(deleted: DeletedNote, fresh: AccountabilityNote): 'redelivered' | 'anew' | 'otherText' {
  if (deleted.chatMessage && fresh.chatMessage && deleted.chatMessage !== fresh.chatMessage) return 'anew';
  if (deleted.firstText && fresh.firstText && !madeFromWordsOf(deleted.firstText, fresh)) return 'otherText';
  return 'redelivered';
}
