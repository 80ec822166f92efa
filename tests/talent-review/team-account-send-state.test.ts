/**
 * The team account send's one record state and its allowed transitions (stop 64): the decisions
 * account-to-team.ts takes from the domain, pinned as tables so a change to one shows here first.
 */
import {
  afterFailedQueue,
  afterHeldCardsTakenBack,
  earlierTry,
  mayKeepAgain,
  nextState,
  onceQueued,
  SendAttempt,
  stateToStore,
  TakeBackResult,
  takeBackStopsAt,
  TeamAccountEvent,
  TeamAccountState,
  teamAccountState,
  withState,
} from '../../src/domain/talent-review/team-account-send';
import { TeamAccountRecord } from '../../src/domain/talent-review/team-account';

const STATES: TeamAccountState[] = ['absent', 'deletedFromList', 'kept', 'afterItsCards', 'confirmed'];
const EVENTS: TeamAccountEvent[] = ['store', 'storeAfterCards', 'confirm', 'takeBack', 'deleteFromList', 'erase'];
const ATTEMPTS: SendAttempt[] = ['first', 'againAfterStoredAnew', 'againAfterOwnCardsWent'];

const record: TeamAccountRecord = { id: 'tar-1', type: 'teamAccount', userId: 'aad-mia', text: 'Wat ik deed.', sentAt: '2026-12-07T10:00:00.000Z', language: 'nl', recipientCount: 2, toOwnManager: false };

describe('the state read from what is stored (records written before stop 64 read the same)', () => {
  it.each([
    ['nothing under the id', undefined, 'absent'],
    ['her delete\'s mark', 'deleted' as const, 'deletedFromList'],
    ['a record without marks', record, 'kept'],
    ['a record marked keptAfterCards', { ...record, keptAfterCards: true as const }, 'afterItsCards'],
    ['a confirmed record', { ...record, confirmed: true as const }, 'confirmed'],
    ['a confirmed record that also carries the mark', { ...record, keptAfterCards: true as const, confirmed: true as const }, 'confirmed'],
  ])('%s', (_name, found, state) => {
    expect(teamAccountState(found)).toBe(state);
  });

  it('writes each state back as the fields old code reads, and reads them again as that state', () => {
    for (const state of ['kept', 'afterItsCards', 'confirmed'] as const) expect(teamAccountState(withState(record, state))).toBe(state);
    expect(withState({ ...record, keptAfterCards: true }, 'confirmed')).toEqual({ ...record, keptAfterCards: true, confirmed: true });
    expect(stateToStore(false)).toBe('kept');
    expect(stateToStore(true)).toBe('afterItsCards');
  });
});

describe('the transition table', () => {
  // Rows: the state before; columns: the state after each event, in EVENTS order
  // (store, storeAfterCards, confirm, takeBack, deleteFromList, erase).
  const table: Record<TeamAccountState, TeamAccountState[]> = {
    absent: ['kept', 'afterItsCards', 'absent', 'absent', 'absent', 'absent'],
    deletedFromList: ['deletedFromList', 'deletedFromList', 'deletedFromList', 'deletedFromList', 'deletedFromList', 'absent'],
    kept: ['kept', 'kept', 'confirmed', 'absent', 'deletedFromList', 'absent'],
    afterItsCards: ['afterItsCards', 'afterItsCards', 'confirmed', 'absent', 'deletedFromList', 'absent'],
    confirmed: ['confirmed', 'confirmed', 'confirmed', 'confirmed', 'deletedFromList', 'absent'],
  };

  it.each(STATES)('from %s', (state) => {
    expect(EVENTS.map((event) => nextState(state, event))).toEqual(table[state]);
  });

  it('a take-back deletes, and a card that went keeps again, only a record nobody said "verstuurd" on', () => {
    expect(STATES.filter((s) => nextState(s, 'takeBack') !== s)).toEqual(['kept', 'afterItsCards']);
    expect(STATES.filter(mayKeepAgain)).toEqual(['kept', 'afterItsCards']);
    expect(STATES.map(takeBackStopsAt)).toEqual([undefined, 'deletedFromList', undefined, undefined, 'confirmed']);
  });
});

describe('what a delivery does once every card is queued', () => {
  // A delivery that stored the record holds it as it stored it (never confirmed); one that found it, in any stored state.
  const cases: { created: boolean; state: TeamAccountState; everyKeyHeld: boolean; attempt: SendAttempt }[] = [];
  for (const created of [true, false])
    for (const state of created ? (['kept', 'afterItsCards'] as const) : (['kept', 'afterItsCards', 'confirmed'] as const))
      for (const everyKeyHeld of [true, false]) for (const attempt of ATTEMPTS) cases.push({ created, state, everyKeyHeld, attempt });

  it('takes back only when every key was held and it stored the record, or finds it marked after its cards (not on the try whose own cards went)', () => {
    const takeBacks = cases.filter((c) => onceQueued(c) === 'takeBack').map((c) => `${c.created ? 'created' : 'found'} ${c.state} ${c.everyKeyHeld ? 'held' : 'queued'} ${c.attempt}`);
    expect(takeBacks).toEqual([
      'created kept held first',
      'created kept held againAfterStoredAnew',
      'created kept held againAfterOwnCardsWent',
      'created afterItsCards held first',
      'created afterItsCards held againAfterStoredAnew',
      'created afterItsCards held againAfterOwnCardsWent',
      'found afterItsCards held first',
      'found afterItsCards held againAfterStoredAnew',
    ]);
  });

  it('else confirms a record another delivery stored before "verstuurd", and says it at once on its own', () => {
    expect(onceQueued({ created: false, state: 'kept', everyKeyHeld: true, attempt: 'first' })).toBe('confirm');
    expect(onceQueued({ created: false, state: 'afterItsCards', everyKeyHeld: true, attempt: 'againAfterOwnCardsWent' })).toBe('confirm');
    expect(onceQueued({ created: false, state: 'afterItsCards', everyKeyHeld: false, attempt: 'first' })).toBe('confirm');
    expect(onceQueued({ created: true, state: 'afterItsCards', everyKeyHeld: false, attempt: 'first' })).toBe('sayVerstuurd');
  });

  it.each([
    ['takenBack', true, 'goneSince'],
    ['takenBack', false, 'goneSince'],
    ['deletedFromList', false, 'deletedSince'],
    ['confirmed', true, 'sayVerstuurd'],
    ['confirmed', false, 'confirm'],
  ] as [TakeBackResult, boolean, string][])('its take-back of nothing queued ending %s (created: %s): %s', (result, created, next) => {
    expect(afterHeldCardsTakenBack(result, created)).toBe(next);
  });
});

describe('what a take-back after a failed queue leads to (does it send once more?)', () => {
  const RESULTS: TakeBackResult[] = ['takenBack', 'confirmed', 'deletedFromList', 'keptAgain', 'storedAnew', 'storedAnewAfterOwnCards'];

  it.each(ATTEMPTS)('on the %s try', (attempt) => {
    const first = attempt === 'first';
    expect(RESULTS.map((r) => afterFailedQueue(r, attempt))).toEqual([
      { then: 'fail' },
      { then: 'sayVerstuurd' },
      { then: 'finishQueueing' },
      { then: 'fail' },
      first ? { then: 'sendAgain', attempt: 'againAfterStoredAnew' } : { then: 'fail' },
      first ? { then: 'sendAgain', attempt: 'againAfterOwnCardsWent' } : { then: 'fail' },
    ]);
  });
});

describe('a press naming nobody in the team now, by its earlier try\'s record', () => {
  it('answers by the state it finds', () => {
    expect(STATES.map(earlierTry)).toEqual(['nothingWent', 'deletedSince', 'confirm', 'takeBack', 'sayVerstuurd']);
  });
});
