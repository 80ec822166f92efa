/**
 * The clock a save window is measured by (save-window.ts): monotonic, and only compared with itself.
 * Production's is the process's own (`performance.now()`); tests pass one that moves only when an
 * erasure waits out a window or the test moves it, so a busy machine never makes a save "too slow"
 * (a retried plan press was refused so on CI, stop 64), and an erasure waits for nothing.
 */
export interface WindowClock {
  /** Milliseconds on this clock. */
  now(): number;
  /** Resolves once `now()` has reached `at`. */
  sleepUntil(at: number): Promise<void>;
}

export const processClock: WindowClock = {
  now: () => performance.now(),
  async sleepUntil(at) {
    // A timer may fire a fraction of a millisecond early by this clock: wait until it says so.
    for (let left = at - performance.now(); left > 0; left = at - performance.now()) await new Promise((resolve) => setTimeout(resolve, Math.ceil(left) + 1));
  },
};
