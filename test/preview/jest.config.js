/**
 * The preview's tests: visual regression of every page (visual.spec.ts), a purchase
 * (purchase.spec.ts) and a shop application (merchant-apply.spec.ts) in the browser preview. Each starts a local mall and Chromium, so they run one at a
 * time. Run: npx jest -c test/preview/jest.config.js   (see preview/README.md)
 */
const path = require('path');

const rootDir = path.resolve(__dirname, '../..');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'preview',
  rootDir,
  roots: ['<rootDir>/test/preview'],
  testMatch: ['**/*.spec.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/preview/tsconfig.json' }] },
  maxWorkers: 1,
  testTimeout: 180_000,
};
