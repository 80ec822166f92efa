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
  // A deadline for a test that hangs, not a speed check: on a busy two-core machine the 60-member
  // fan-outs take 25 s, and a test cut off at its deadline leaves its work running into the next.
  testTimeout: 90000,
  maxWorkers: 2,
};
