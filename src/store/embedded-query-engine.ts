import { createRequire } from 'node:module';

/**
 * The query engine of the embedded server (@zeit/cosmosdb-query, a dependency of
 * @vercel/cosmosdb-server), loaded from where the server loads it so that both use one instance.
 * Its internals are not typed; these are the parts used here.
 */
const fromServer = createRequire(require.resolve('@vercel/cosmosdb-server'));
const engine = (path: string): Record<string | symbol, unknown> => fromServer(`@zeit/cosmosdb-query/${path}`) as Record<string | symbol, unknown>;

type Execute = (...args: unknown[]) => unknown;
interface ExecOptions {
  code: string;
  parameters?: { name: string; value: unknown }[];
  udf?: unknown;
  maxItemCount?: number;
  continuation?: unknown;
  compositeIndexes?: unknown;
}

const PATCHED = Symbol.for('lerend-werken.embedded-query-engine');
const COMPILED_QUERIES = 500;

/**
 * The generated code gathers a query's source documents with `reduce` and an array spread per
 * document, copying everything gathered so far each time. The same result, built once. Code of
 * any other shape is left as generated.
 */
const GATHER = /\$c\.reduce\(\(\$, c\) => typeof c !== "undefined" \? \[\.\.\.\$, \{\s*c: c\s*\}\] : \$, \[\]\)/g;
const GATHERED = '$c.filter(c => typeof c !== "undefined").map(c => ({ c }))';

/** Whether a value holds undefined anywhere (in an array, or as an object's value): then it needs a copy without. */
function holdsUndefined(value: unknown): boolean {
  if (Array.isArray(value)) {
    for (const item of value) if (item === undefined || (typeof item === 'object' && item !== null && holdsUndefined(item))) return true;
    return false;
  }
  if (value && typeof value === 'object') {
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined || (typeof item === 'object' && item !== null && holdsUndefined(item))) return true;
    }
  }
  return false;
}

type Equal = (a: unknown, b: unknown) => boolean | undefined;

/**
 * The engine's `=`: undefined when either side is, false for values of two types, else deep
 * equality. It asks each value's type four times before comparing; every WHERE clause compares
 * each document of the partition this way, mostly a string field with a string parameter. A
 * string, number or boolean on the left is compared here with the same result; anything else
 * goes to the engine's own.
 */
function equalPrimitivesFirst(engineEqual: Equal): Equal {
  return (a, b) => {
    const type = typeof a;
    if (type !== 'string' && type !== 'number' && type !== 'boolean') return engineEqual(a, b);
    if (typeof b === type) return a === b;
    return b === undefined ? undefined : false;
  };
}

/**
 * Drops undefined from arrays and undefined-valued keys from objects, recursively: what the
 * engine's own does, in linear time, and without copying what holds none (stored documents
 * never do: they were parsed from JSON; only projections of missing fields make undefined).
 */
function stripUndefined(value: unknown): unknown {
  if (!holdsUndefined(value)) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) if (item !== undefined) out.push(stripUndefined(item));
    return out;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = stripUndefined(item);
    return out;
  }
  return value;
}

type Sort = (collection: unknown[], getRid: (row: unknown) => unknown, compositeIndexes: unknown, ...orders: unknown[]) => unknown[];

/** Whether every row's rid is a string, each after the one before (`_rid`s are unique). */
function inRidOrder(collection: unknown[], getRid: (row: unknown) => unknown): boolean {
  let previous = '';
  for (let i = 0; i < collection.length; i++) {
    const rid = getRid(collection[i]);
    if (typeof rid !== 'string' || (i > 0 && !(previous < rid))) return false;
    previous = rid;
  }
  return true;
}

/**
 * A query without ORDER BY comes back in `_rid` order: the engine sorts with its general
 * comparator (two type checks per comparison); rids are strings, so compare them as strings
 * (the same order: the comparator's `<` for two values of one type). A single-partition query
 * finds its rows already in that order (embedded-partition-scope.ts keeps each partition so):
 * then one look at each suffices. Anything else goes to the engine's own sort.
 */
function sortByRidFirst(engineSort: Sort): Sort {
  return (collection, getRid, compositeIndexes, ...orders) => {
    if (orders.length) return engineSort(collection, getRid, compositeIndexes, ...orders);
    // The generated code maps what it sorted into new arrays: the one it passed in may come back.
    if (inRidOrder(collection, getRid)) return collection;
    const keyed = collection.map((row) => ({ rid: getRid(row), row }));
    if (!keyed.every((k) => typeof k.rid === 'string')) return engineSort(collection, getRid, compositeIndexes);
    keyed.sort((a, b) => (a.rid === b.rid ? 0 : (a.rid as string) < (b.rid as string) ? -1 : 1));
    return keyed.map((k) => k.row);
  };
}

/**
 * Steps of the embedded server's query engine grew with the square of a partition's documents
 * or repeated work Cosmos DB never does: gathering the source documents and removing undefined
 * values from the result (both by an array spread per element), sorting by `_rid` with its
 * general comparator, comparing two strings through four type checks, parsing each query
 * request's text and compiling its code anew for every execution. This swaps in linear (and
 * cheaper) versions with the same results, and parses and compiles each query once. Only the
 * embedded store (local mode, tests, bench) uses it.
 */
export function speedUpEmbeddedQueries(): void {
  const helpers = engine('lib/helpers');
  if (helpers[PATCHED]) return;
  helpers[PATCHED] = true;
  helpers.stripUndefined = stripUndefined;
  helpers.sort = sortByRidFirst(helpers.sort as Sort);
  helpers.equal = equalPrimitivesFirst(helpers.equal as Equal);

  // The server parses each query request again to check it names its partition key; the
  // parsed query (and its code, once generated) depends on its text only, so parse each once.
  const index = engine('lib/index');
  const parse = index.default as (sql: string) => object;
  const parsed = new Map<string, object>();
  index.default = (sql: string) => {
    let query = parsed.get(sql);
    if (!query) {
      query = parse(sql);
      if (parsed.size >= COMPILED_QUERIES) parsed.clear();
      parsed.set(sql, query);
    }
    return query;
  };

  const proto = Object.getPrototypeOf(parse('SELECT * FROM c')) as object;
  const generate = Object.getOwnPropertyDescriptor(proto, 'code')!.get!;
  Object.defineProperty(proto, 'code', {
    configurable: true,
    get(this: { _code: string | null }) {
      if (this._code === null) this._code = (generate.call(this) as string).replace(GATHER, GATHERED);
      return this._code;
    },
  });

  const aggregateFunctions = engine('lib/aggregate-functions');
  const builtinFunctions = engine('lib/builtin-functions');
  const compiled = new Map<string, Execute>();
  engine('lib/executor').default = (collection: unknown, { code, parameters, udf = {}, maxItemCount, continuation, compositeIndexes }: ExecOptions) => {
    let execute = compiled.get(code);
    if (!execute) {
      // The engine's own executor does exactly this, for every execution.
      execute = new Function(`"use strict";return (${code})`)() as Execute; // eslint-disable-line @typescript-eslint/no-implied-eval
      if (compiled.size >= COMPILED_QUERIES) compiled.clear();
      compiled.set(code, execute);
    }
    const params: Record<string, unknown> = {};
    for (const { name, value } of parameters ?? []) params[name.slice(1)] = value;
    return execute(aggregateFunctions, builtinFunctions, collection, helpers, udf, params, maxItemCount, continuation, compositeIndexes);
  };
}
