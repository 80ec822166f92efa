import { QueryIterator } from '@azure/cosmos';

/**
 * @azure/cosmos 4.x sends a query-plan request to the gateway beside every item query, and uses
 * the plan only when the gateway answers that the query needs one (a cross-partition ORDER BY,
 * an aggregate over partitions). Our queries on a user's turn are single-partition queries that
 * never need one, so each of them cost two HTTP requests. On demand, the plan is asked for only
 * after the gateway has said so: the rare query that needs a plan takes one round trip more, and
 * every other query takes one request instead of two.
 *
 * The SDK has no option for this; it reaches into two internal methods of QueryIterator. If a
 * new SDK version renames them, nothing is changed (the plan is fetched eagerly again) and the
 * request-count tests fail, which is where that upgrade should be noticed.
 */

interface IteratorInternals {
  queryPlanPromise?: Promise<unknown>;
  fetchQueryPlan?(diagnosticNode: unknown): Promise<unknown>;
  createExecutionContext?(diagnosticNode: unknown): Promise<void>;
}

/** Stands in for the plan until a query turns out to need one. */
const NOT_ASKED = Symbol('query plan not asked for');

const proto = QueryIterator.prototype as unknown as IteratorInternals;
const eagerPlan = proto.fetchQueryPlan;
const createExecutionContext = proto.createExecutionContext;

/** True when this SDK version has the internals the shim relies on. */
export const queryPlanOnDemandSupported = typeof eagerPlan === 'function' && typeof createExecutionContext === 'function';

export function queryPlanOnDemand<T>(iterator: QueryIterator<T>): QueryIterator<T> {
  if (!queryPlanOnDemandSupported) return iterator;
  const it = iterator as unknown as IteratorInternals;
  it.fetchQueryPlan = function (this: IteratorInternals) {
    return this.queryPlanPromise ?? Promise.resolve(NOT_ASKED);
  };
  it.createExecutionContext = async function (this: IteratorInternals, diagnosticNode: unknown) {
    if ((await this.queryPlanPromise) === NOT_ASKED) {
      this.queryPlanPromise = undefined;
      this.queryPlanPromise = eagerPlan!.call(this, diagnosticNode);
    }
    return createExecutionContext!.call(this, diagnosticNode);
  };
  return iterator;
}
