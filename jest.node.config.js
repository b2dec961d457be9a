/** Node-side tests: domain specs, the emulator driven by the real wx-server-sdk, cloud functions. */
module.exports = {
  displayName: 'node',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/emulator/test/**/*.spec.ts', '<rootDir>/domain/**/*.spec.ts', '<rootDir>/cloudfunctions/**/*.spec.ts', '<rootDir>/test/functions/**/*.spec.ts', '<rootDir>/test/scripts/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }] },
  globalSetup: '<rootDir>/test/support/global-build.js',
  testTimeout: 60_000,
};
