import type { TeamAccountRecord } from './team-account';

/**
 * Where one send's record stands under its id (one per press), as any delivery of the press, a
 * take-back, a confirm or her delete reads it. Every decision of a send is made on this state.
 * Derived from the stored fields (`confirmed`, `keptAfterCards`), so records written before it was
 * named read the same; `confirmed` outranks the mark.
 * - `absent`: nothing under the id: never stored, taken back, or gone with her erasure (which leaves
 *   no mark, and leaves the keys of the cards it took out held, as if they went).
 * - `deletedFromList`: her delete's mark (DeletedTeamAccount): it went; nothing is kept again.
 * - `kept`: stored, not yet confirmed: the delivery that created it may still take it back.
 * - `afterItsCards`: stored while its first card's key was held already (`keptAfterCards`): its
 *   cards ended before it, and a delivery finding it cannot tell it from a record kept before its
 *   cards were queued; never said "verstuurd" on while every key is held.
 * - `confirmed`: a delivery that found it kept by another queued every card and said "verstuurd":
 *   never taken back.
 */
export type TeamAccountState = 'absent' | 'deletedFromList' | 'kept' | 'afterItsCards' | 'confirmed';

/** What moves a record from one state to another. `storeAfterCards`: a store while the first card's key was held. */
export type TeamAccountEvent = 'store' | 'storeAfterCards' | 'confirm' | 'takeBack' | 'deleteFromList' | 'erase';

/** The state of what a point read found under the record's id (`deleted`: her delete's mark). */
export function teamAccountState(found: Pick<TeamAccountRecord, 'confirmed' | 'keptAfterCards'> | 'deleted' | undefined): TeamAccountState {
  if (!found) return 'absent';
  if (found === 'deleted') return 'deletedFromList';
  if (found.confirmed) return 'confirmed';
  return found.keptAfterCards ? 'afterItsCards' : 'kept';
}

/**
 * The allowed transitions; an event a state does not allow leaves it as it is (the store writes
 * nothing). A store is idempotent (it finds what holds the id), a mark is never stored over, and
 * only an erasure takes a confirmed record or a mark. A confirm that finds the record absent is the
 * store's error (the delivery that created it took it back): it may not say "verstuurd".
 */
export function nextState(state: TeamAccountState, event: TeamAccountEvent): TeamAccountState {
  switch (event) {
    case 'store':
      return state === 'absent' ? 'kept' : state;
    case 'storeAfterCards':
      return state === 'absent' ? 'afterItsCards' : state;
    case 'confirm':
      return state === 'kept' || state === 'afterItsCards' ? 'confirmed' : state;
    case 'takeBack':
      return mayTakeBack(state) ? 'absent' : state;
    case 'deleteFromList':
      return state === 'kept' || state === 'afterItsCards' || state === 'confirmed' ? 'deletedFromList' : state;
    case 'erase':
      return 'absent';
  }
}

/** A take-back deletes only a record nobody said "verstuurd" on. */
export function mayTakeBack(state: TeamAccountState): state is 'kept' | 'afterItsCards' {
  return state === 'kept' || state === 'afterItsCards';
}

/** The state a send stores its record in: marked when a blank held its first card's key already. */
export function stateToStore(firstKeyHeld: boolean): 'kept' | 'afterItsCards' {
  return nextState('absent', firstKeyHeld ? 'storeAfterCards' : 'store') as 'kept' | 'afterItsCards';
}

/** The record with the stored fields of `state` (the mark kept once confirmed: old and new code read it alike). */
export function withState<R extends TeamAccountRecord>(record: R, state: 'kept' | 'afterItsCards' | 'confirmed'): R {
  if (state === 'confirmed') return record.confirmed ? record : { ...record, confirmed: true };
  if (state === 'afterItsCards') return record.keptAfterCards ? record : { ...record, keptAfterCards: true };
  return record;
}

/**
 * Which try of a press this is: its first, or the one send once more after a take-back met the
 * record stored anew by another delivery (`afterOwnCardsWent`: cards this try queued went, so the
 * keys they hold, not an erasure, are why that delivery marked the record).
 */
export type SendAttempt = 'first' | 'againAfterStoredAnew' | 'againAfterOwnCardsWent';

/** What a delivery does once every card is queued (or its key found held): take it back, confirm it, or say "verstuurd". */
export type OnceQueued = 'takeBack' | 'confirm' | 'sayVerstuurd';

/**
 * Every key held means this press queued nothing now. A record this delivery stored then holds
 * words nothing new carried, and a record marked after its cards cannot be told from one whose
 * cards went: both are taken back (unless this is the try whose own cards went). A record another
 * delivery stored is confirmed before "verstuurd", so that one no longer takes it back.
 */
export function onceQueued(s: { created: boolean; state: TeamAccountState; everyKeyHeld: boolean; attempt: SendAttempt }): OnceQueued {
  const cannotTellItWent = s.state === 'afterItsCards' && s.attempt !== 'againAfterOwnCardsWent';
  if (s.everyKeyHeld && (s.created || cannotTellItWent)) return 'takeBack';
  return s.created ? 'sayVerstuurd' : 'confirm';
}

/** What a take-back ended in. `keptAgain`: a card went, so the record was stored again (or the take-back failed). */
export type TakeBackResult = 'takenBack' | 'confirmed' | 'deletedFromList' | 'keptAgain' | 'storedAnew' | 'storedAnewAfterOwnCards';

/** A take-back that meets a state it may not delete stops there: the record stays as it is. */
export function takeBackStopsAt(found: TeamAccountState): 'confirmed' | 'deletedFromList' | undefined {
  return found === 'confirmed' || found === 'deletedFromList' ? found : undefined;
}

/**
 * Whether a take-back whose withdrawals found a card gone may store the record again: only one it
 * deleted itself. Found absent, her erasure took it (maybe to its end): never kept again.
 */
export function mayKeepAgain(found: TeamAccountState): boolean {
  return mayTakeBack(found);
}

/** The answer to a take-back of nothing queued (every key held): what the delivery answers or does next. */
export function afterHeldCardsTakenBack(result: TakeBackResult, created: boolean): 'goneSince' | 'deletedSince' | OnceQueued {
  if (result === 'takenBack') return 'goneSince';
  if (result === 'deletedFromList') return 'deletedSince';
  return created ? 'sayVerstuurd' : 'confirm';
}

/**
 * After a card failed to queue and the creating delivery took the send back: confirmed meanwhile,
 * another delivery said "verstuurd" (so does this one); deleted from her list meanwhile, the cards
 * are queued once more (her mark says they go); stored anew by another delivery, which may say
 * "verstuurd" on cards just withdrawn, this press sends once more (only once); else the error card.
 */
export function afterFailedQueue(result: TakeBackResult, attempt: SendAttempt): { then: 'sayVerstuurd' } | { then: 'finishQueueing' } | { then: 'sendAgain'; attempt: SendAttempt } | { then: 'fail' } {
  if (result === 'confirmed') return { then: 'sayVerstuurd' };
  if (result === 'deletedFromList') return { then: 'finishQueueing' };
  if (attempt === 'first' && result === 'storedAnew') return { then: 'sendAgain', attempt: 'againAfterStoredAnew' };
  if (attempt === 'first' && result === 'storedAnewAfterOwnCards') return { then: 'sendAgain', attempt: 'againAfterOwnCardsWent' };
  return { then: 'fail' };
}

/**
 * A press whose form names nobody in the team now, by the state of its earlier try's record:
 * nothing there, nothing went; her mark, she deleted it; marked after its cards, it goes (never
 * "verstuurd"); else that try sent it, confirmed first when not yet.
 */
export function earlierTry(state: TeamAccountState): 'nothingWent' | 'deletedSince' | 'takeBack' | 'confirm' | 'sayVerstuurd' {
  if (state === 'absent') return 'nothingWent';
  if (state === 'deletedFromList') return 'deletedSince';
  if (state === 'afterItsCards') return 'takeBack';
  return state === 'kept' ? 'confirm' : 'sayVerstuurd';
}
