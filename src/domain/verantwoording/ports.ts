import { Mutate } from '../week-cycle/ports';
import { AccountabilityNote } from './accountability-note';
import { ErasureTicket } from './erasure-ticket';
import { PersonalRecord } from './personal-record';

/**
 * Port: one professional's own partition (notes, personal answers, Prof-traject, time used,
 * preferences). Every method takes the owner's id and never returns another person's record,
 * whatever id it is given.
 */
export interface PersonalRecordRepository {
  get(userId: string, id: string): Promise<PersonalRecord | undefined>;
  /** Creates the record; returns the stored one if the id is taken (a redelivered activity), with its version (ETag) when the store gave one. */
  create(record: PersonalRecord): Promise<{ record: PersonalRecord; created: boolean; version?: string }>;
  /**
   * Marks the note `found` (as read at `version`, by a save that did not create it) `confirmed`,
   * before that save answers "saved" on it: one replace under that very version, no read first.
   * Changed since, read again: confirmed already, or changed by its owner (edited, shared: no
   * take-back removes it), it is answered as it stands. `takenBack`: gone, or exactly as found
   * under another version (taken back and written again meanwhile, as an erasure's sweep and a
   * late create do); `deleted`: its owner deleted it (what a delete leaves is under its id).
   */
  confirmNote(userId: string, id: string, found: { record: AccountabilityNote; version: string }): Promise<AccountabilityNote | 'takenBack' | 'deleted'>;
  upsert(record: PersonalRecord): Promise<PersonalRecord>;
  /** ETag read-modify-write; `mutate` may throw a DomainError (e.g. conflict) to abort. */
  update(userId: string, id: string, mutate: Mutate<PersonalRecord>): Promise<PersonalRecord>;
  delete(userId: string, id: string): Promise<boolean>;
  /**
   * ETag read-modify-write that may delete: `mutate` returns the next record, the same object for
   * no write, or undefined to delete it under the ETag of the read. A concurrent change makes it
   * read and decide again (never lost). Returns the stored record, undefined when deleted; throws
   * `notFound` when there is none of this owner.
   */
  updateOrDelete(userId: string, id: string, mutate: (current: PersonalRecord) => PersonalRecord | undefined): Promise<PersonalRecord | undefined>;
  /** All of the professional's records (bounded by what one person writes). */
  listAll(userId: string): Promise<PersonalRecord[]>;
  /**
   * As `listAll` (the same one query), with each record's version (ETag): a save that answers with
   * a note it read and did not write confirms it under that version (`confirmNote`).
   */
  listAllVersioned(userId: string): Promise<{ record: PersonalRecord; version: string }[]>;
  /** Only the records the professional marked "gedeeld met leidinggevende". */
  listShared(userId: string): Promise<PersonalRecord[]>;
  /**
   * The erasure ticket with this random marker, whoever's it is: the background resume of an
   * unfinished erasure knows only the marker (its job must not name the person). A query across
   * partitions, run by that job alone.
   */
  erasureTicketWithMarker(marker: string): Promise<ErasureTicket | undefined>;
}
