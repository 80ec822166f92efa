/**
 * One opening at a time per group, in this process. A press posts the session's card before the
 * session is stored (so the card's id is stored with it, in the same transaction); presses that
 * arrive meanwhile, on this instance, wait and then find the session open with its card instead
 * of posting a second one. Across instances the store still decides: a press that loses there
 * turns the card it posted into a pointer to the one that won.
 *
 * The wait is bounded: an opening stuck on a slow Teams call never holds other presses (or the
 * rhythm, or the scheduler behind it) for longer than `maxWaitMs`. After that they go ahead
 * without the lock, which costs at most a second card that turns into a pointer.
 */
export class OpeningLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(private readonly maxWaitMs = 4_000) {}

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.settled(key);
    const mine = before.then(work);
    const tail = mine.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await mine;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Resolves when the group's openings so far have ended, or after `maxWaitMs`; never rejects. */
  settled(key: string): Promise<void> {
    const tail = this.tails.get(key);
    if (!tail) return Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.maxWaitMs);
      timer.unref?.();
    });
    return Promise.race([tail.then(() => undefined), timeout]).finally(() => clearTimeout(timer));
  }
}
