// Every test runs on a pinned date (test/support/clock.ts: TEST_TODAY, 2026-06-15 unless set), never
// the machine's. The date-sensitive suites run a second and third time on the year's last and first
// day, where the rules change (voorschot years, set-offs, KOO mutations, the engine's run date).
const BOUNDARY_DATES = ['2026-12-31', '2027-01-01'];
const DATE_SENSITIVE = [
  'authorization-matrix',
  'betalingen',
  'demo-data',
  'invordering',
  'kinderopvang',
  'persoonlijke-regeling',
  'schulden-overzicht',
  'standaard-regeling',
  'voorschotpercentage',
  'vroegsignalering',
  'vroegsignalering-feed',
  'zaken',
];

/** @type {import('jest').Config} */
const project = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/test'],
  // TypeScript via SWC (legacy decorators + metadata, see .swcrc). jose ships ESM only, so it is
  // transformed to CommonJS too.
  transform: { '^.+\\.(t|j)s$': ['@swc/jest'] },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  setupFiles: ['reflect-metadata'],
};

/** @type {import('jest').Config} */
module.exports = {
  // One PostgreSQL for the run (embedded unless TEST_DATABASE_URL); each test file gets its own
  // database cloned from a migrated template.
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  projects: [
    { ...project, displayName: 'pinned date', testMatch: ['**/*.test.ts'] },
    ...BOUNDARY_DATES.map((date) => ({
      ...project,
      displayName: `on ${date}`,
      testMatch: DATE_SENSITIVE.map((name) => `**/integration/${name}.test.ts`),
      globals: { TEST_TODAY: date },
    })),
  ],
};
