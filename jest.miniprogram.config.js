/**
 * Page and component tests for the mini-program (miniprogram-simulate + TDesign in jsdom).
 * How it works: test/miniprogram/README.md.   Run: npx jest -c jest.miniprogram.config.js
 */
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/test/miniprogram/tsconfig.json' }];

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'miniprogram',
  rootDir: __dirname,
  roots: ['<rootDir>/test/miniprogram'],
  testMatch: ['**/*.spec.ts'],
  testEnvironment: 'jsdom',
  moduleFileExtensions: ['ts', 'js', 'json'],
  // TDesign's files import bare `tslib`, which packNpm puts in a nested miniprogram_npm.
  moduleDirectories: ['node_modules', 'miniprogram_npm'],
  // WXML is compiled once per run by the global setup; see test/miniprogram/support/wxml-cache.js.
  moduleNameMapper: { '^miniprogram-compiler$': '<rootDir>/test/miniprogram/support/cached-compiler.js' },
  transform: {
    // Pages and services (TypeScript) and the packed TDesign (ES modules) both go through ts-jest;
    // isolatedModules in the tsconfig makes it transpile only (tsc does the type checking).
    '^.+\\.ts$': tsJest,
    '/miniprogram_npm/.+\\.js$': tsJest,
  },
  globalSetup: '<rootDir>/test/miniprogram/support/global-setup.js',
  setupFilesAfterEnv: ['<rootDir>/test/miniprogram/support/setup.ts'],
  clearMocks: true,
  restoreMocks: true,
  testTimeout: 30000,
};
