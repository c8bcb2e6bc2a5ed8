/**
 * Four tiers: unit (pure logic), integration (real Kafka + PostgreSQL, in-process), e2e (services as processes),
 * browser (the console's web UI in Debian's Chromium, against the whole system started as `npm start` does).
 */
// Transpile only: `npm run check` type-checks; tests stay fast.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.spec.json' }];
const moduleNameMapper = { '^@app/([a-z-]+)(/.*)?$': '<rootDir>/libs/$1/src$2' };
// jose and request-filtering-agent are published as ES modules only; Node runs require(esm), Jest's module
// system does not: compile them.
const esmOnly = ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true, module: 'commonjs' } }];
const common = {
  rootDir: __dirname,
  transform: { '^.+\\.ts$': tsJest, '/node_modules/(jose|request-filtering-agent)/.+\\.js$': esmOnly },
  transformIgnorePatterns: ['/node_modules/(?!(jose|request-filtering-agent)/)'],
  moduleNameMapper,
  testEnvironment: 'node',
};

module.exports = {
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,bench}/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
  ],
};
