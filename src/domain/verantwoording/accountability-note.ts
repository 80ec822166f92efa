import { DateTime } from 'luxon';
import { Visibility } from '../personal/personal-answer';
import { DomainError } from '../shared/errors';
import { stableId } from '../shared/ids';
import { trimText, withoutControlCharacters } from '../shared/text';

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
   * A fingerprint of the text the note was created with (salted with its id): the same save
   * delivered again after the note was edited elsewhere finds this note, without the note
   * keeping a text its owner replaced. Notes from before stop 35 have none.
   */
  firstText?: string;
  createdAt: string;
  updatedAt: string;
}

export const MAX_NOTE_LENGTH = 4000;
export const MAX_LINK_LENGTH = 2000;

/** Unique per owner, and stable per key, so a redelivered activity saves one note. */
export function noteId(userId: string, key: string): string {
  return stableId('note', userId, key);
}

/**
 * The key of a note typed in the chat: its text and the day it was sent (in `timeZone`; Teams'
 * stamp, which a redelivery handled after midnight keeps). A chat message has no key that
 * survives a resend, and a resend is what a person does when they doubt it arrived; the same
 * words twice on one day add nothing to a verantwoording, so they are one note. (A card's key,
 * set when it is rendered, does this for the card form.)
 */
export function chatNoteKey(text: string, sent: Date, timeZone: string): string {
  const day = DateTime.fromJSDate(sent, { zone: timeZone }).toISODate();
  return `chat:${day}:${text.replace(/\r\n/g, '\n').trim()}`;
}

/** A note as kept: one kind of line break, no control characters, trimmed, within the limit. */
export function cleanNoteText(text: string): string {
  const t = trimText(withoutControlCharacters(text.replace(/\r\n/g, '\n')));
  if (!t) throw new DomainError('invalidInput', { detail: 'note empty', input: { field: 'text', rule: 'required' } });
  if (t.length > MAX_NOTE_LENGTH) throw new DomainError('invalidInput', { detail: 'note length', input: { field: 'text', rule: 'tooLong', params: { max: MAX_NOTE_LENGTH, count: t.length } } });
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

/** See `AccountabilityNote.firstText`. */
function firstTextFingerprint(id: string, cleanText: string): string {
  return stableId('nt', id, cleanText);
}

/** Whether `text` (as a form sends it) is the text this note was created with: a redelivery of its first save. */
export function wasCreatedWith(note: AccountabilityNote, text: string): boolean {
  return note.firstText !== undefined && note.firstText === firstTextFingerprint(note.id, cleanNoteText(text));
}

export function writeNote(input: { userId: string; key: string; text: string; visibility?: Visibility; source?: NoteSource }, now: Date): AccountabilityNote {
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
    firstText: firstTextFingerprint(id, text),
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
