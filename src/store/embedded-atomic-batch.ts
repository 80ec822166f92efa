import type { IncomingMessage, ServerResponse } from 'node:http';
import * as operations from '@vercel/cosmosdb-server/lib/handler/_document-operations';
import readJson from '@vercel/cosmosdb-server/lib/json';
import { parsePartitionKey } from '@vercel/cosmosdb-server/lib/utils/get-partition-from-header';

/**
 * A transactional batch on the embedded server as Cosmos DB runs it: all of its operations or none.
 * @vercel/cosmosdb-server stops at the first operation that fails and keeps the ones before it, so
 * a batch the app relies on for "both or neither" (a move that replaces, deletes and creates; a
 * session's close that removes its open gate) could leave half of itself stored in local runs and
 * tests, which Azure Cosmos DB never does. Here each operation's document is kept as it was before
 * the operation ran; when one fails, the earlier ones are undone, newest first, each document
 * restored exactly (its ETag and `_ts` too), and they answer 424 (failed dependency) as Cosmos DB's
 * do. The rest is the server's own handler (same operations, same answers). Installed before the
 * server's routes load (embedded-server.ts imports this module first): they keep the handler they load.
 */
type Doc = Record<string, unknown> & { id: string; _etag?: string };
interface Documents {
  _set(doc: Doc): Doc;
  delete(id: string, partition: unknown): void;
  _getPartition(doc: Doc): unknown;
}
interface Collection {
  documents: Documents;
  read(): unknown;
  document(id: string, partition: unknown): { read(): Doc | undefined };
}
interface Account {
  database(id: string): { collection(id: string): Collection };
}
interface Operation {
  operationType?: string;
  id?: string;
  partitionKey?: string;
  resourceBody?: { id?: string };
}
type Handler = (account: Account, req: IncomingMessage, res: ServerResponse, params: { dbId: string; collId: string }) => Promise<unknown>;
type Run = (collection: never, input: never) => { statusCode: number; body?: unknown };

const RUN: Record<string, Run> = {
  Create: operations.createOperation as Run,
  Upsert: operations.upsertOperation as Run,
  Read: operations.readOperation as Run,
  Delete: operations.deleteOperation as Run,
  Replace: operations.replaceOperation as Run,
};

const INSTALLED = Symbol.for('lerend-werken.embedded-atomic-batch');
// The module's own exports object, whose `default` the routes read when they load: required, not
// imported, because a bundler's `import *` is a copy with read-only getters (esbuild's is).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const batchModule = require('@vercel/cosmosdb-server/lib/handler/batch-documents') as { default: Handler; [INSTALLED]?: boolean };

const isTrue = (req: IncomingMessage, name: string) => String(req.headers[name] ?? '').toLowerCase() === 'true';

/** The document an operation is about, as stored before it runs (`doc` undefined: it did not exist). */
interface Before {
  id: string;
  partition: unknown;
  doc: Doc | undefined;
}

function before(collection: Collection, op: Operation): Before | undefined {
  const id = op.id ?? op.resourceBody?.id;
  if (!id) return undefined;
  try {
    // A create names no partition: its document does (as the server's create reads it).
    const partition = op.partitionKey !== undefined ? parsePartitionKey(op.partitionKey, id) : op.resourceBody ? collection.documents._getPartition(op.resourceBody as Doc) : id;
    return { id, partition, doc: collection.document(id, partition).read() };
  } catch {
    return undefined;
  }
}

/** Puts a document back as it was before the batch touched it: gone if it did not exist. */
function restore(collection: Collection, was: Before): void {
  const current = collection.document(was.id, was.partition).read();
  if (current) collection.documents.delete(current.id, collection.documents._getPartition(current));
  if (was.doc) collection.documents._set(was.doc);
}

/** Installs the atomic batch once per process; a batch sent as not atomic runs as the server runs it. */
function installAtomicBatch(): void {
  if (batchModule[INSTALLED]) return;
  batchModule[INSTALLED] = true;
  const original = batchModule.default;
  batchModule.default = async (account, req, res, params) => {
    if (!isTrue(req, 'x-ms-cosmos-batch-atomic') || isTrue(req, 'x-ms-cosmos-batch-continue-on-error')) return original(account, req, res, params);
    const body = (await readJson(req)) as unknown;
    const collection = account.database(params.dbId).collection(params.collId);
    if (!collection.read()) {
      res.statusCode = 404;
      return {};
    }
    if (!Array.isArray(body)) {
      res.statusCode = 400;
      return { message: 'Invalid request body' };
    }
    const ops = body as (Operation | null)[];
    const unknownOp = ops.find((op) => !Object.hasOwn(RUN, String(op?.operationType)));
    if (unknownOp !== undefined) {
      res.statusCode = 400;
      return { message: `Operation type '${String(unknownOp?.operationType ?? null)}' is not supported in Batch.` };
    }
    const done: (Before | undefined)[] = [];
    const results: Record<string, unknown>[] = [];
    // Undone newest first: a later operation may have written over what an earlier one wrote.
    const undo = () => {
      for (let i = done.length - 1; i >= 0; i--) if (done[i]) restore(collection, done[i]!);
    };
    for (const op of ops) {
      const was = before(collection, op!);
      let result: { statusCode: number; body?: unknown };
      try {
        result = RUN[op!.operationType!]!(collection as never, op as never);
      } catch (err) {
        // An operation the server cannot run (it throws, e.g. a partition key it cannot parse): nothing stays either.
        undo();
        throw err;
      }
      if (result.statusCode >= 400) {
        undo();
        return [
          ...results.map(() => ({ statusCode: 424, requestCharge: 0 })),
          { statusCode: result.statusCode, requestCharge: 0 },
          ...ops.slice(results.length + 1).map(() => ({ statusCode: 424, requestCharge: 0 })),
        ];
      }
      done.push(was);
      const doc = result.body as Doc | undefined;
      results.push({ statusCode: result.statusCode, requestCharge: 1, eTag: doc?._etag, resourceBody: doc });
    }
    return results;
  };
}

// On import, before anything loads the server's routes (see embedded-server.ts).
installAtomicBatch();
