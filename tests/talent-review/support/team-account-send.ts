/**
 * The set-up of the tests of the account Mia sends her team (stop 59 to 61): the app, her send
 * press, her kept accounts, the cards that went, and the requests the Cosmos gate holds.
 */
import type { IncomingMessage } from 'node:http';
import { message, TestUser } from '../../support/activities';
import { buttonData } from '../../support/card-fields';
import { CosmosFaultRule } from '../../support/cosmos-proxy';
import { SHORT_STORE_RETRY_PAUSES, TestApp } from '../../support/test-app';
import { cardText } from '../../support/group-driver';
import { eraseInChat } from '../../verantwoording/support';
import { personalChat, pressIn, startMiaManagingApp } from './proposal-put-before';

/** Mia managing Anna and Bram, through a Cosmos proxy, short pauses between store retries, no pacing between cards: the app of the tests of one send press on two deliveries. */
export function startTwoDeliveriesApp(): Promise<TestApp> {
  return startMiaManagingApp(['Anna', 'Bram'], { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES, sharedCardIntervalMs: 0 });
}

/** How many messages the app posted (to anyone) that carry `words`. */
export const cardsCarrying = (t: TestApp, words: string) => t.connector.calls.filter((c) => c.method === 'POST' && JSON.stringify(c.activity ?? '').includes(words)).length;

/** A store request's path, without its query string. */
export const urlPath = (req: IncomingMessage) => (req.url ?? '').split('?')[0]!;

/** A write in the outbox container (not a query): a card's queue write. */
export const isOutboxWrite = (req: IncomingMessage) => /\/colls\/outbox\/docs/.test(urlPath(req)) && String(req.headers['x-ms-documentdb-isquery'] ?? '') !== 'true';

/** A query or a query-plan request (not a point operation). */
export const isQuery = (req: IncomingMessage) =>
  String(req.headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() === 'true' || String(req.headers['x-ms-cosmos-is-query-plan-request'] ?? '').toLowerCase() === 'true';
/** A document created in `personal` (a record: her team account's). */
export const isPersonalCreate = (req: IncomingMessage) => req.method === 'POST' && /\/colls\/personal\/docs\/?$/.test(urlPath(req)) && !isQuery(req);
/** A delete in `personal` (a take-back's, or her delete's). */
export const isPersonalDelete = (req: IncomingMessage) => req.method === 'DELETE' && /\/colls\/personal\/docs\//.test(urlPath(req));
/** A document created in the outbox (a card's queue write). */
export const isOutboxCreate = (req: IncomingMessage) => req.method === 'POST' && /\/colls\/outbox\/docs\/?$/.test(urlPath(req)) && !isQuery(req);
/** Any point request in the outbox (a card's key read, queue write or withdrawal). */
export const isOutboxRequest = (req: IncomingMessage) => /\/colls\/outbox\/docs/.test(urlPath(req)) && !isQuery(req);

/**
 * For the gate: a send's first request to the outbox once a document was created in `personal`
 * (its record stored): its first card's queue. The read of that card's key before the record (since
 * stop 63) passes.
 */
export function firstCardAfterRecord(): (req: IncomingMessage) => boolean {
  let stored = false;
  return (req) => {
    if (isPersonalCreate(req)) stored = true;
    return stored && isOutboxRequest(req);
  };
}

/** The team accounts Mia's list keeps (her partition, read straight from the store). */
export async function keptOfMia(t: TestApp): Promise<({ id: string; text: string } & Record<string, unknown>)[]> {
  return (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount' AND c.userId = 'aad-mia'" }).fetchAll()).resources;
}

/** `who` types "teamverantwoording"; the send press of the form it brings, with `words` typed in. */
export async function teamAccountPress(t: TestApp, who: TestUser, words: string): Promise<Record<string, unknown>> {
  await t.send(message(personalChat(t, who), who, 'teamverantwoording'));
  const form = t.connector.cards((c) => c.conversationId === personalChat(t, who).id).at(-1)?.card;
  return { ...buttonData(form, 'review.teamAccount.send'), text: words };
}

/**
 * Mia's account sent under `words` (it went), then her data erased ("gewist"): her record is gone,
 * and each card's key stays held. The send press, to deliver again.
 */
export async function sentThenErased(t: TestApp, mia: TestUser, words: string): Promise<Record<string, unknown>> {
  const press = await teamAccountPress(t, mia, words);
  expect(cardText(await pressIn(t, mia, 'review.teamAccount.send', press, 'first'))).toContain('Verantwoording verstuurd');
  await t.app.outbox.drain(60_000);
  await eraseInChat(t, mia);
  expect(await keptOfMia(t)).toEqual([]);
  return press;
}

/**
 * For the gate: a send's second card's queue write (the first card queued, the record stored
 * before it): where a delivery is held mid-queue.
 */
export function secondCardAfterRecord(): (req: IncomingMessage) => boolean {
  let stored = false;
  let creates = 0;
  return (req) => {
    if (isPersonalCreate(req)) stored = true;
    if (stored && isOutboxCreate(req)) creates++;
    return stored && creates === 2;
  };
}

/** Every outbox create refused with a 503 while `failing` says so (a card's queue write failing). */
export function outboxCreatesFailWhile(failing: () => boolean): CosmosFaultRule {
  return (r) => (failing() && r.container === 'outbox' && r.kind === 'create' ? { kind: 'status', status: 503 } : undefined);
}
