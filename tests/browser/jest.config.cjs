// Browser tests: the built app served by the built api (one process for the whole run, see
// support/global-setup.ts), driven in Debian's Chromium through playwright-core. `npm run test:browser`.
const { join } = require('node:path');

const swcTransform = ['@swc/jest', require('../support/swc-jest-options.cjs')];

module.exports = {
  rootDir: join(__dirname, '..', '..'),
  displayName: 'browser',
  transform: { '^.+\\.(t|j|mj)sx?$': swcTransform },
  transformIgnorePatterns: require('../support/jest-transform-ignore.cjs'),
  moduleNameMapper: {
    '^@samverkan/contracts$': '<rootDir>/libs/contracts/src',
    '^@samverkan/contracts/(.*)$': '<rootDir>/libs/contracts/src/$1',
    '^@samverkan/geo$': '<rootDir>/libs/geo/src',
    '^@samverkan/geo/(.*)$': '<rootDir>/libs/geo/src/$1',
    '^@samverkan/text$': '<rootDir>/libs/text/src',
    '^@samverkan/text/(.*)$': '<rootDir>/libs/text/src/$1',
  },
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/browser/**/*.browser-spec.ts'],
  globalSetup: '<rootDir>/tests/browser/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/browser/support/global-teardown.ts',
  testTimeout: 120000,
  // CI runs a failed test once more and names it (support/retry-in-ci.ts).
  setupFilesAfterEnv: ['<rootDir>/tests/browser/support/retry-in-ci.ts'],
  // Each worker has an api with the demo data of its own (support/global-setup.ts): files that change it
  // (approvals, meetings) run one after another within a worker.
  maxWorkers: Math.max(1, Math.min(2, require('node:os').availableParallelism())),
};
