// Two projects: fast pure unit tests, and everything that touches real components
// (lmdb, Redis, gRPC, HTTP). swc strips types and emits Nest's decorator metadata.
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
  },
];
const moduleNameMapper = { '^@libs/([a-z-]+)(/.*)?$': '<rootDir>/libs/$1/src$2' };
const base = { transform: { '^.+\\.ts$': swc }, moduleNameMapper, testEnvironment: 'node' };

module.exports = {
  // Once per run, before any project's tests (declared here, not per project, so it also runs once for
  // --selectProjects): checks that redis-server and Chromium are installed, then starts the run's own redis-server on
  // a free port and hands its URL to the tests as TEST_REDIS_URL (test/support/test-redis.ts). Tests never use 6379.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.unit.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.{int,e2e}.spec.ts'],
    },
  ],
  // Jest's default on a 2-core machine is a single worker; the suite is mostly I/O-bound, so use both cores.
  maxWorkers: 2,
  testTimeout: 30000,
};
