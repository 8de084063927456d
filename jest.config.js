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
