/**
 * One opening at a time per group, in this process. A press posts the session's card before the
 * session is stored (so the card's id is stored with it, in the same transaction); presses that
 * arrive meanwhile, on this instance, wait and then find the session open with its card instead
 * of posting a second one. Across instances the store still decides: a press that loses there
 * turns the card it posted into a pointer to the one that won.
 */
export class OpeningLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const mine = before.catch(() => undefined).then(work);
    const tail = mine.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await mine;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
