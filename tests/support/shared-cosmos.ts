/** Where jest's global setup tells the test files the run's embedded Cosmos DB server listens. */
export const SHARED_COSMOS_ENV = 'LW_TEST_COSMOS_ENDPOINT';

/** The run's shared server, when the tests run under jest's global setup (always, in `npm test`). */
export function sharedCosmosEndpoint(): string | undefined {
  return process.env[SHARED_COSMOS_ENV] || undefined;
}
