import { WindowClock } from '../../src/usecases/verantwoording/window-clock';

/**
 * The save window's clock in tests: it moves only when an erasure waits out a window (at once, to
 * its end) or a test moves it (`advance`), never by itself. A busy machine therefore never makes a
 * save "too slow" (a retried plan press was refused so on CI, stop 64), an erasure waits for no
 * real time, and a save held past its window is one the test held and then moved the clock for.
 */
export class TestWindowClock implements WindowClock {
  private at = 0;

  now(): number {
    return this.at;
  }

  async sleepUntil(at: number): Promise<void> {
    // Past `at`, as a timer's wake-up is: a save whose window ends at `at` is then closed (save-window.ts: `now > closesAt`).
    this.at = Math.max(this.at, at + 1);
    // Still a wait: what is under way meanwhile (a save in flight) gets its turn.
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** A save under way now is answered `ms` later by this clock. */
  advance(ms: number): void {
    this.at += ms;
  }
}

/** One per test file (jest gives each file its own modules): its apps share it, as processes share real time. */
export const testWindowClock = new TestWindowClock();
