/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // Type checking runs once in `npm run typecheck`; jest only transpiles, which keeps the suite fast.
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
    // jose (Entra token validation for the personal tab) ships only as ES modules; Node loads it
    // with require(), jest's module system needs it transpiled to CommonJS.
    '^.+/node_modules/jose/.+\\.js$': ['ts-jest', { diagnostics: false, tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleNameMapper: {
    '^@microsoft/recognizers-text-(suite|number|number-with-unit|date-time|choice|sequence)$': '<rootDir>/tests/support/recognizers-text-not-loaded.js',
  },
  // One embedded Cosmos DB server for the run (a database per test file): a server per file cost
  // every file the server's modules and a cold start.
  globalSetup: '<rootDir>/tests/support/shared-cosmos.global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/shared-cosmos.global-teardown.ts',
  // jest's runtime, with the source files and their compiled output a worker read once kept for
  // its next test files (each file otherwise reads and hashes ~2,500 files again); modules are
  // still evaluated per file. See the file for what is and is not shared.
  runtime: '<rootDir>/tests/support/shared-files-runtime.js',
  // A deadline for a test that hangs, not a speed check: on a busy two-core machine the 60-member
  // fan-outs take 25 s, and a test cut off at its deadline leaves its work running into the next.
  testTimeout: 90000,
  // Two workers more than the machine's two cores: many tests wait on real timers (rate limits,
  // back-offs) or on a browser, and the extra workers use that idle time (a quiet run took 490 s
  // with three instead of 569 s with two; in stop 48 609 s with four instead of 653 s with three).
  // Tests wait for states, not times, so a busier machine only makes them slower.
  maxWorkers: 4,
};
