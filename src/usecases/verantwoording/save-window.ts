import { isDeepStrictEqual } from 'node:util';
import { DomainError, isDomainError } from '../../domain/shared/errors';
import { erasureTicketId } from '../../domain/verantwoording/erasure-ticket';
import { PersonalRecord } from '../../domain/verantwoording/personal-record';
import { PersonalRecordRepository } from '../../domain/verantwoording/ports';
import { VerantwoordingDeps } from './deps';
import { erasureUnfinishedIn, refuseWhileErasing } from './erasure-ticket';
import { processClock, WindowClock } from './window-clock';

/**
 * The save window: the longest a save of the person's own records may take, from just before its
 * "no erasure under way" check to the answer of its last create or upsert in their partition.
 * Production's is well inside Teams' five seconds for an invoke (the message extension's Save): a
 * save that takes longer was answered too late for Teams anyway. Tests shorten it (`saveWindowMs`).
 */
export const SAVE_WINDOW_MS = 3_000;


/** What a save window needs: the person's records (its check, its take-backs) and its length and clock. */
export type SaveWindowDeps = Pick<VerantwoordingDeps, 'records' | 'saveWindowMs' | 'windowClock'>;

const windowOf = (deps: Pick<VerantwoordingDeps, 'saveWindowMs'>) => deps.saveWindowMs ?? SAVE_WINDOW_MS;
const clockOf = (deps: Pick<VerantwoordingDeps, 'windowClock'>) => deps.windowClock ?? processClock;

/**
 * A save of the person's own records that no erasure outlives. Refuses (`erasureUnderway`) while
 * their erasure is unfinished, as `refuseWhileErasing` (one point read, nothing more), and returns
 * the deps to save with: their creates and upserts keep to the save window.
 *
 * Why this bounds every such save against an erasure (see `saveWindowClosed`): the check read "no
 * ticket", so it was made before the erasure's ticket was written, and the erasure's last sweep
 * of the partition starts a whole window after that ticket. A create or upsert answered within the
 * window from the check was stored before that sweep, which deletes it. One answered later (a slow
 * store: the SDK's throttling retries, the app's own retries, a request held up on its way) may have
 * landed after the erasure said "gewist": the save takes back what it wrote (only while it is as
 * written) and is refused, so it is never answered as saved and nothing of it stays. Updates need
 * no window: they replace a record under its ETag, which fails once the erasure deleted it.
 * A take-back the store refuses as well is kept and tried again in the background, and by the
 * person's next save before anything else (`RefusedTakeBack`); the save is refused all the same.
 * Not covered: a write whose answer never came (the store's tries ran out on a broken connection)
 * and that the server still applies after the window; the save then failed and is not answered as
 * saved, but what the server applied later stays until the person erases again. Nor a refused
 * take-back beyond this instance: it is kept in memory, so a restart drops it (what it would have
 * taken back stays until the person erases again), and a save of theirs on another instance does
 * not wait for it (one that finds the note answers with it, which the retry may take back after),
 * and a request's card checked on another instance may go while its record is being taken back.
 */
export async function withinSaveWindow(deps: VerantwoordingDeps, userId: string): Promise<VerantwoordingDeps> {
  const window = await openSaveWindow(deps, userId);
  return { ...deps, records: windowedRecords(deps.records, window) };
}

/**
 * As `withinSaveWindow`, for a save that reads all the person's records before it writes (a chat
 * note's add, a note's from a message): that read is the "no erasure under way" check, their
 * erasure's ticket being one of their records, so the check costs no point read of its own. The
 * window opens just before the read, as before the check. Returns the records read with the deps,
 * and each one's version as read (`versions`, by id: a note the save answers with is confirmed under it).
 */
export async function withinSaveWindowReading(deps: VerantwoordingDeps, userId: string): Promise<{ deps: VerantwoordingDeps; records: PersonalRecord[]; versions: ReadonlyMap<string, string> }> {
  await settleRefusedTakeBacks(deps.records, userId);
  const closesAt = clockOf(deps).now() + windowOf(deps);
  const read = (await deps.records.listAllVersioned(userId)).filter((v) => v.record.userId === userId);
  const records = read.map((v) => v.record);
  if (erasureUnfinishedIn(records, userId)) throw new DomainError('erasureUnderway', 'their erasure is unfinished');
  const window = saveWindow(deps.records, userId, clockOf(deps), closesAt, windowOf(deps));
  return { deps: { ...deps, records: windowedRecords(deps.records, window) }, records: withoutPendingTakeBacks(deps.records, userId, records), versions: new Map(read.map((v) => [v.record.id, v.version])) };
}

/** A record of the person's own `personal` partition, whichever repository writes it. */
export interface OwnRecord {
  id: string;
  userId: string;
}

/**
 * One save's window, opened by its "no erasure under way" check (`openSaveWindow`). The same
 * bound as `withinSaveWindow`'s, for the saves that write their records through another repository
 * than the person's records (the talent review's: a team account, a request, the prep card's
 * teams, a planned conversation).
 */
export interface SaveWindow {
  /** Whether the window has closed: a create or upsert answered now may have landed after an erasure's last sweep. */
  closed(): boolean;
  /** Why a late save is refused: their erasure, when its ticket is there (one point read, only on this rare path); else "too slow, try again". */
  refusal(): Promise<DomainError>;
  /**
   * Takes `written` back from the person's own partition, only while it is as this save wrote it
   * (a change made since, a later save of theirs, stays); already gone is fine. One the store
   * refuses is not thrown: it is tried again later (`RefusedTakeBack`).
   */
  takeBack(written: OwnRecord): Promise<void>;
  /**
   * A create or upsert of `written` into the person's own partition: refused when the window closed
   * before it; answered after it, taken back (when `ours`: this save's own write, not one found) and refused
   * (a take-back the store refuses too is tried again later, `RefusedTakeBack`).
   */
  keep<R>(written: OwnRecord, write: () => Promise<R>, ours: (result: R) => boolean): Promise<R>;
  /** As `keep`, for a write elsewhere than the person's records (`takeBack`: what this save wrote goes). */
  keepWith<R>(write: () => Promise<R>, takeBack: (result: R) => Promise<void>): Promise<R>;
}

/**
 * The "no erasure under way" check of a save of the person's own records (refused with
 * `erasureUnderway` as `refuseWhileErasing`, one point read, nothing more), and the window its
 * creates and upserts keep to. Open it just before the save's first write: the lookups before it
 * (the directory) are then not taken from the window.
 */
export async function openSaveWindow(deps: SaveWindowDeps, userId: string): Promise<SaveWindow> {
  await settleRefusedTakeBacks(deps.records, userId);
  const closesAt = clockOf(deps).now() + windowOf(deps);
  await refuseWhileErasing(deps, userId);
  return saveWindow(deps.records, userId, clockOf(deps), closesAt, windowOf(deps));
}

/**
 * As `openSaveWindow`, for a member's press whose "no erasure under way" check is the group the
 * turn reads next anyway (no request of its own): an erasure names the person there as being
 * erased, off the member list, before its window counts (my-data.ts: the last sweep waits a whole
 * window after the groups were marked, not only after the ticket). Opened before that read; the
 * caller refuses when the read shows the erasure (`ensureMember`). That read checks only for
 * someone it lists as a member (the erasure marks the groups their membership index names); a
 * newcomer's join checks the ticket after this window opened (`openSaveWindow`), which bounds this
 * window as well.
 */
export async function openSaveWindowBeforeGroupRead(deps: SaveWindowDeps, userId: string): Promise<SaveWindow> {
  await settleRefusedTakeBacks(deps.records, userId);
  return saveWindow(deps.records, userId, clockOf(deps), clockOf(deps).now() + windowOf(deps), windowOf(deps));
}

/**
 * Waits, in an erasure, until every save whose check was made before its ticket (written or found
 * at `ticketHeldSince`, by the deps' window clock) has either been answered or will take its writes
 * back: a whole save window after the ticket. The erasure's last sweep of the partition comes after.
 */
export async function saveWindowClosed(deps: Pick<VerantwoordingDeps, 'saveWindowMs' | 'windowClock'>, ticketHeldSince: number): Promise<void> {
  await clockOf(deps).sleepUntil(ticketHeldSince + windowOf(deps));
}

/** Now, by the clock the deps' save windows are measured with (an erasure's ticket is held since). */
export const windowClockNow = (deps: Pick<VerantwoordingDeps, 'windowClock'>) => clockOf(deps).now();

/** As stored: what JSON keeps (a property set to undefined is not stored). */
const asStored = (r: unknown): unknown => JSON.parse(JSON.stringify(r));
/** Whether a stored record is exactly as a save wrote it. */
export const sameAsWritten = (stored: unknown, written: unknown) => isDeepStrictEqual(asStored(stored), asStored(written));

/**
 * A late save's take-back under way, or one the store refused, still to be done: the store that answered a create late (busy:
 * throttled, 503s) may refuse its delete too. It is not dropped: it is tried again in the
 * background (`retryRefusedTakeBack`) and, first of all, by the person's next save on this instance
 * (`settleRefusedTakeBacks`), so that save neither answers with what is about to be taken back (a
 * Save pressed again finds the note under its key) nor has its own write taken from under it.
 * One try at a time (`inFlight`): a retry and a save never race each other's delete.
 */
interface RefusedTakeBack {
  /** What it takes back (only while it is as written); absent: a write elsewhere than the person's records. */
  written?: OwnRecord;
  run(): Promise<void>;
  inFlight?: Promise<void>;
}

/** Per app (its repository of the person's records; tests run several in one process), per person. */
const refusedTakeBacks = new WeakMap<PersonalRecordRepository, Map<string, Set<RefusedTakeBack>>>();

/** Retried in the background for this long after the refusal (then left to the person's next save, or their erasure). */
const TAKE_BACK_RETRY_MS = 60 * 60_000;
/** The first retry comes a save window after the refusal, then twice as long after each refusal, up to this apart. */
const TAKE_BACK_MAX_PAUSE_MS = 5 * 60_000;

/** One try of a refused take-back, shared by whoever asks meanwhile; done, it is no longer pending. */
function tryTakeBack(pending: Set<RefusedTakeBack>, takeBack: RefusedTakeBack): Promise<void> {
  takeBack.inFlight ??= takeBack
    .run()
    .then(() => {
      pending.delete(takeBack);
    })
    .finally(() => {
      takeBack.inFlight = undefined;
    });
  return takeBack.inFlight;
}

/**
 * A late save's take-back: pending from before its first try (a request's card checked meanwhile
 * does not go, `takeBackPending`), and one the store refuses is kept and tried again in the
 * background (timers that keep no process alive). Never throws.
 */
async function takeBackLate(records: PersonalRecordRepository, userId: string, written: OwnRecord | undefined, run: () => Promise<void>, firstPauseMs: number): Promise<void> {
  const people = refusedTakeBacks.get(records) ?? new Map<string, Set<RefusedTakeBack>>();
  refusedTakeBacks.set(records, people);
  const pending = people.get(userId) ?? new Set<RefusedTakeBack>();
  people.set(userId, pending);
  const takeBack: RefusedTakeBack = { written, run };
  pending.add(takeBack);
  const done = await tryTakeBack(pending, takeBack).then(
    () => true,
    () => false,
  );
  if (done) {
    if (!pending.size) people.delete(userId);
    return;
  }
  const givesUpAt = performance.now() + TAKE_BACK_RETRY_MS;
  const retryAfter = (pauseMs: number) => {
    setTimeout(() => {
      if (!pending.has(takeBack)) return;
      tryTakeBack(pending, takeBack).then(
        () => (pending.size ? undefined : people.delete(userId)),
        () => (performance.now() < givesUpAt ? retryAfter(Math.min(pauseMs * 2, TAKE_BACK_MAX_PAUSE_MS)) : undefined),
      );
    }, pauseMs).unref();
  };
  retryAfter(Math.max(firstPauseMs, 1));
}

/**
 * Before a save of the person's own records: the take-backs of their earlier late saves that the
 * store refused are done first (zero requests when there are none, as nearly always). One the
 * store refuses again stays pending (and retried) and fails only what it concerns (`pendingFor`):
 * a write of the record it would take back (the retry could take that write from under it, or
 * the save would answer with what goes after), found in review, stop 59: it failed every save of
 * theirs with a 500, also a create of another note the store would take. The save's reads do not
 * show the record either (`withoutPendingTakeBacks`): its answer is not built on it.
 */
async function settleRefusedTakeBacks(records: PersonalRecordRepository, userId: string): Promise<void> {
  const pending = refusedTakeBacks.get(records)?.get(userId);
  if (!pending?.size) return;
  for (const takeBack of [...pending]) await tryTakeBack(pending, takeBack).catch(() => undefined);
  if (!pending.size) refusedTakeBacks.get(records)?.delete(userId);
}

/**
 * Whether the record `id` of `userId`'s is being taken back, or is to be once the store takes the
 * delete (on this instance): a request's card whose record goes must not go (requestCardMayGo).
 */
export function takeBackPending(records: PersonalRecordRepository, userId: string, id: string): boolean {
  return [...(refusedTakeBacks.get(records)?.get(userId) ?? [])].some((p) => p.written?.id === id);
}

/** Whether a take-back still pending concerns the record `id` of `userId`'s (one of a write elsewhere concerns any). */
function pendingFor(records: PersonalRecordRepository, userId: string, id: string): boolean {
  const pending = refusedTakeBacks.get(records)?.get(userId);
  return [...(pending ?? [])].some((p) => !p.written || p.written.id === id);
}

/** `read` without what a pending take-back is about to remove (a record still as its late save wrote it): as it will stand. */
function withoutPendingTakeBacks<T extends { id: string }>(records: PersonalRecordRepository, userId: string, read: T[]): T[] {
  const pending = [...(refusedTakeBacks.get(records)?.get(userId) ?? [])];
  if (!pending.length) return read;
  return read.filter((r) => !pending.some((p) => p.written?.id === r.id && sameAsWritten(r, p.written)));
}

/** The window of one save of `userId`'s, closing at `closesAt` (by `clock`); `windowMs`: its length. */
function saveWindow(records: PersonalRecordRepository, userId: string, clock: WindowClock, closesAt: number, windowMs: number): SaveWindow {
  const closed = () => clock.now() > closesAt;
  // Only on this rare path a read more: an erasure still under way is said as such; otherwise "not saved, try again".
  const refusal = async (): Promise<DomainError> => {
    const ticket = await records.get(userId, erasureTicketId(userId)).catch(() => undefined);
    return ticket?.type === 'erasureTicket' ? new DomainError('erasureUnderway', 'their erasure began while this save was under way') : new DomainError('saveTooSlow', 'the save outlived its window; what it wrote was taken back');
  };
  // Through the person's records: the same partition holds every record of theirs, whatever its type.
  const takeBack = async (written: OwnRecord) => {
    try {
      await records.updateOrDelete(written.userId, written.id, (current) => (sameAsWritten(current, written) ? undefined : current));
    } catch (err) {
      if (!isDomainError(err) || err.code !== 'notFound') throw err;
    }
  };
  const keepOwn = async <R>(written: OwnRecord | undefined, write: () => Promise<R>, back: (result: R) => Promise<void>): Promise<R> => {
    if (closed()) throw await refusal();
    // A take-back of this very record, refused again: this write could be taken from under it, or
    // answer what goes after. Nothing written; "try again" (the retry goes on meanwhile).
    if (pendingFor(records, userId, written?.id ?? '')) throw new DomainError('saveTooSlow', 'a late save of this record is still to be taken back');
    const result = await write();
    if (!closed()) return result;
    // Refused as well (the store that answered late is busy): retried later, never dropped, and the
    // save still refused as too late, so the person keeps their words (found in review, stop 59).
    await takeBackLate(records, userId, written, () => back(result), windowMs);
    throw await refusal();
  };
  return {
    closed,
    refusal,
    takeBack: (written) => takeBackLate(records, userId, written, () => takeBack(written), windowMs),
    keepWith: (write, back) => keepOwn(undefined, write, back),
    keep: (written, write, ours) => keepOwn(written, write, async (result) => (ours(result) ? takeBack(written) : undefined)),
  };
}

/** The person's records, whose creates and upserts keep to the save's window (see `SaveWindow.keep`). */
function windowedRecords(records: PersonalRecordRepository, window: SaveWindow): PersonalRecordRepository {
  return {
    get: (owner, id) => records.get(owner, id),
    // Ours: created now, or found exactly as this save wrote it (its first try landed and its answer was lost).
    create: (record) => window.keep(record, () => records.create(record), (r) => r.created || sameAsWritten(r.record, record)),
    upsert: (record) => window.keep(record, () => records.upsert(record), () => true),
    update: (owner, id, mutate) => records.update(owner, id, mutate),
    // A replace under the version found, as an update: it fails once an erasure deleted the note.
    confirmNote: (owner, id, found) => records.confirmNote(owner, id, found),
    delete: (owner, id) => records.delete(owner, id),
    updateOrDelete: (owner, id, mutate) => records.updateOrDelete(owner, id, mutate),
    // Without what a pending take-back removes: a save's look after its write (the same words) is not answered with it.
    listAll: async (owner) => withoutPendingTakeBacks(records, owner, await records.listAll(owner)),
    listAllVersioned: async (owner) => {
      const read = await records.listAllVersioned(owner);
      const kept = new Set(withoutPendingTakeBacks(records, owner, read.map((v) => v.record)));
      return read.filter((v) => kept.has(v.record));
    },
    listShared: (owner) => records.listShared(owner),
    erasureTicketWithMarker: (marker) => records.erasureTicketWithMarker(marker),
  };
}
