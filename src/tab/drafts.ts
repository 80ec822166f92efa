/**
 * What the person typed and has not saved, carried over a redraw: after any stored change the page
 * is drawn anew from what is stored, and without this a half-written note or an open editor
 * elsewhere on the page would be wiped. Each form registers, under a key that stays the same
 * across redraws, how to read its unsaved state; drawn again, it takes that state back.
 */
export class Drafts {
  private readers = new Map<string, (saved: boolean) => unknown>();
  private kept = new Map<string, unknown>();

  /**
   * Registers a form's reader and returns what the form held before the redraw, if anything.
   * `read(saved)`: undefined when nothing is unsaved; with `saved`, the redraw follows a stored
   * change, and the form whose save that was (still sending) gives nothing, so its text is not
   * brought back.
   */
  keep<S>(key: string, read: (saved: boolean) => S | undefined): S | undefined {
    this.readers.set(key, read);
    const state = this.kept.get(key) as S | undefined;
    this.kept.delete(key);
    return state;
  }

  /** States kept under `prefix` that no form took back (their record is gone from what is stored). */
  left<S>(prefix: string): S[] {
    return [...this.kept].filter(([key]) => key.startsWith(prefix)).map(([, state]) => state as S);
  }

  /** Just before a redraw: reads every form on the page now. */
  collect(saved: boolean): void {
    this.kept = new Map();
    for (const [key, read] of this.readers) {
      const state = read(saved);
      if (state !== undefined) this.kept.set(key, state);
    }
    this.readers = new Map();
  }

  /** Forgets everything (after erasing all data nothing typed before belongs to anything stored). */
  clear(): void {
    this.kept = new Map();
    this.readers = new Map();
  }
}
