import { dirname, join } from 'node:path';

const QUICK = Symbol.for('lerend-werken.quick-sdk-retries');

type PolicyClass = new (...args: unknown[]) => { retryAfterInMs: number };

/**
 * @azure/cosmos waits a fixed second before it retries a read or a query whose connection broke
 * (its `DefaultRetryPolicy`, which no option changes). The fault proxy breaks connections on
 * purpose, and tests that use it spent most of their time in those waits. Here the SDK retries
 * the same requests the same number of times, after 10 ms. Tests wait for states, never times,
 * so a quicker retry changes no outcome, only how long it takes to get there.
 */
export function quickSdkRetries(): void {
  const file = join(dirname(require.resolve('@azure/cosmos')), 'retry', 'defaultRetryPolicy.js');
  const policies = require(file) as { DefaultRetryPolicy: PolicyClass }; // eslint-disable-line @typescript-eslint/no-require-imports
  if (QUICK in policies.DefaultRetryPolicy) return;
  const Original = policies.DefaultRetryPolicy;
  policies.DefaultRetryPolicy = class extends Original {
    static readonly [QUICK] = true;
    constructor(...args: unknown[]) {
      super(...args);
      this.retryAfterInMs = 10;
    }
  };
}
