/** What became of one call to the chat platform, and so what happens to its job next. */
export type Outcome =
  | { kind: 'sent'; activityId?: string; conversationId: string }
  | { kind: 'retry'; afterMs: number; status?: number; code?: string }
  | { kind: 'undeliverable'; status: number; code?: string }
  | { kind: 'failed'; status?: number; code?: string }
  | { kind: 'unconfirmed'; code?: string };

export interface Backoff {
  baseMs: number;
  capMs: number;
}

/** Exponential back-off with full jitter over the upper half. */
export function backoffMs(attempts: number, b: Backoff, random: () => number = Math.random): number {
  const ceiling = Math.min(b.capMs, b.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * An HTTP answer that is not a success. Only answers that prove the message was not delivered
 * (429, 5xx, 412, 408) are retried; 403 (MessageWritesBlocked, ConversationBlockedByUser) is final.
 */
export function classify(res: { status: number; retryAfterMs?: number; code?: string }, attempts: number, b: Backoff, random: () => number = Math.random): Outcome {
  const { status, code } = res;
  if (status === 403) return { kind: 'undeliverable', status, code };
  if (status === 429) {
    // Honour Retry-After; add a little jitter so paused conversations don't all resume at once.
    const base = res.retryAfterMs ?? backoffMs(attempts, b, random);
    return { kind: 'retry', afterMs: base + Math.floor(random() * Math.min(1000, base * 0.2 + 50)), status, code };
  }
  if (status >= 500 || status === 412 || status === 408) return { kind: 'retry', afterMs: backoffMs(attempts, b, random), status, code };
  return { kind: 'failed', status, code };
}
