// Two projects: unit tests beside the code, end-to-end tests in tests/e2e against a real database.
// @swc/jest also transforms node_modules/@nestjs, which ships ESM only since NestJS 12
// (see docs/decisions/0001-build-and-test-toolchain.md).
const swcTransform = ['@swc/jest', require('./tests/support/swc-jest-options.cjs')];
const shared = {
  transform: { '^.+\\.(t|j|mj)sx?$': swcTransform },
  transformIgnorePatterns: require('./tests/support/jest-transform-ignore.cjs'),
  moduleNameMapper: {
    '^@samverkan/contracts$': '<rootDir>/libs/contracts/src',
    '^@samverkan/contracts/(.*)$': '<rootDir>/libs/contracts/src/$1',
    '^@samverkan/geo$': '<rootDir>/libs/geo/src',
    '^@samverkan/geo/(.*)$': '<rootDir>/libs/geo/src/$1',
    '^@samverkan/text$': '<rootDir>/libs/text/src',
    '^@samverkan/text/(.*)$': '<rootDir>/libs/text/src/$1',
  },
  testEnvironment: 'node',
};

module.exports = {
  // One worker per core (each e2e worker gets a database of its own, see tests/support/global-setup.ts); more
  // than four would mostly add embedded databases of about 1 GB each.
  maxWorkers: Math.max(1, Math.min(4, require('node:os').availableParallelism())),
  // A project-level testTimeout is ignored by Jest; e2e tests boot apps and databases, so allow a minute.
  testTimeout: 60000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.tsx'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
};
