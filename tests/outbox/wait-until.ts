import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls until `check` holds. Fails after `timeoutMs` with what did not happen and, when given,
 * the state it last saw, so a failure on a busy machine says what was missing.
 */
export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, opts: { timeoutMs?: number; everyMs?: number; state?: () => string } = {}): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms, but this did not happen: ${what}${opts.state ? ` (last seen: ${opts.state()})` : ''}`);
    await sleep(opts.everyMs ?? 5);
  }
}
