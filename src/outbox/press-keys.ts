import { randomUUID } from 'node:crypto';
import type { OutboxHook } from './outbox-job';

/**
 * A button's press key the outbox mints when it sends the card, set in the queued card in its
 * place (`k: PRESS_KEY_WHEN_SENT` in a button's data). A press key keys what its press
 * stores (a note's id and its `firstText`, see accountability-note.ts), on the promise that it is
 * never stored: so it must not wait in a queued job either (up to 7 days for one given up or
 * unconfirmed). The job holds only this placeholder; the key exists only in the card sent to Teams.
 */
export const PRESS_KEY_WHEN_SENT = 'outbox:press-key-minted-when-sent';

/**
 * The built-in render of a job whose card asks for a press key (set by `newJob`). As a render,
 * a sender from before it (a rolling deploy) finds no renderer for it and leaves the job pending,
 * instead of sending the placeholder itself as the key, known to anyone.
 */
export const PRESS_KEY_RENDER: OutboxHook = { kind: 'outbox.pressKey', args: {} };

/** Where a button carries its press key (`data.k`, and `k` in its fallback's data). */
const KEY_FIELD = 'k';

/**
 * `node` with every press key (`k`) equal to the placeholder replaced by `key()`; the same object
 * where none is (only what holds one is copied). Only a `k`: words someone typed or a group's name
 * that happen to read as the placeholder are sent as they are.
 */
function replaced(node: unknown, key: () => string): unknown {
  if (!node || typeof node !== 'object') return node;
  let copy: unknown[] | Record<string, unknown> | undefined;
  for (const [name, value] of Object.entries(node)) {
    const next = name === KEY_FIELD && value === PRESS_KEY_WHEN_SENT ? key() : replaced(value, key);
    if (next === value) continue;
    copy ??= Array.isArray(node) ? [...node] : { ...(node as Record<string, unknown>) };
    (copy as Record<string, unknown>)[name] = next;
  }
  return copy ?? node;
}

/** The placeholder as a press key in a card's JSON: what a scan for it looks for (never a text that quotes it). */
const ASKED = JSON.stringify({ [KEY_FIELD]: PRESS_KEY_WHEN_SENT }).slice(1, -1);

/**
 * Whether the payload's cards ask for a press key anywhere (a button in the body's action sets too):
 * one serialisation per message queued, so no button that asks is ever sent with the placeholder
 * itself as its key (one key for everyone's card).
 */
export function asksForPressKey(payload: Record<string, unknown>): boolean {
  return Array.isArray(payload.attachments) && JSON.stringify(payload.attachments).includes(ASKED);
}

/**
 * The payload as it is sent: one fresh random key in every place that asks for one (a card's
 * buttons, a button's fallback: one card, one key, so a press Teams delivers twice, through either,
 * saves once). Minted anew at each send: a send retried after Teams failed it is another card,
 * with its own key; a card that may have gone out (unconfirmed) is never sent again.
 */
export function withPressKeyMinted(payload: Record<string, unknown>): Record<string, unknown> {
  let key: string | undefined;
  const mint = () => (key ??= randomUUID());
  const attachments = payload.attachments;
  if (!Array.isArray(attachments)) return payload;
  return { ...payload, attachments: replaced(attachments, mint) };
}
