import type { IncomingMessage, ServerResponse } from 'node:http';
import { CosmosProxy } from './cosmos-proxy';

/**
 * Holds one Cosmos DB request at the proxy until the test lets it go: a member's turn stopped
 * between what it read and what it writes, while another member's step runs to the end. No
 * timing: the test waits for the request to arrive, and releases it.
 */
export function cosmosGate(proxy: CosmosProxy) {
  const p = proxy as unknown as { handle: (req: IncomingMessage, res: ServerResponse) => void };
  const original = p.handle.bind(proxy);
  const holds: { match: (req: IncomingMessage) => boolean; arrived: () => void; released: Promise<void> }[] = [];
  p.handle = (req, res) => {
    const i = holds.findIndex((h) => h.match(req));
    if (i < 0) return original(req, res);
    const [h] = holds.splice(i, 1);
    h!.arrived();
    void h!.released.then(() => original(req, res));
  };
  return {
    hold(match: (req: IncomingMessage) => boolean) {
      let arrived!: () => void;
      let release!: () => void;
      const arrivedP = new Promise<void>((r) => (arrived = r));
      const released = new Promise<void>((r) => (release = r));
      holds.push({ match, arrived, released });
      return { arrived: arrivedP, release };
    },
  };
}

const header = (req: IncomingMessage, name: string) => String(req.headers[name] ?? '').toLowerCase() === 'true';
const path = (req: IncomingMessage) => (req.url ?? '').split('?')[0]!;

/**
 * A member's item (an answer, presence, a check-in, a judgement) being written into the group's
 * container: a transactional batch with the reads that go with it, or a plain create or upsert.
 */
export const isMemberWrite = (req: IncomingMessage) =>
  req.method === 'POST' && /\/colls\/sessions\/docs\/?$/.test(path(req)) && !header(req, 'x-ms-documentdb-isquery') && !header(req, 'x-ms-cosmos-is-query-plan-request');

/** A transactional batch (of any container). */
export const isBatch = (req: IncomingMessage) => header(req, 'x-ms-cosmos-is-batch-request');

/** A replace of one document of the group's container. */
export const replaceOf = (docId: string) => (req: IncomingMessage) => req.method === 'PUT' && path(req).endsWith(`/docs/${docId}`);

/**
 * A step's write of the session: a replace, or a transaction with what goes with it (the
 * check-ins a round it closes counts, the open gate its close removes).
 */
export const stepWriteOf = (sessionId: string) => (req: IncomingMessage) => replaceOf(sessionId)(req) || (req.method === 'POST' && isBatch(req));

/**
 * A change of the proposal: a replace, or (a decision while the session is open) a transaction
 * with a read of the session's open gate.
 */
export const proposalWriteOf = (proposalId: string) => (req: IncomingMessage) => replaceOf(proposalId)(req) || (req.method === 'POST' && isBatch(req));

/** A delete of one document of the group's container. */
export const deleteOf = (docId: string) => (req: IncomingMessage) => req.method === 'DELETE' && path(req).endsWith(`/docs/${docId}`);
