/** Runs the storage module's tests on their own: `npx jest -c emulator/test/storage/jest.config.js`. */
const path = require('node:path');

module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  rootDir: path.resolve(__dirname, '../../..'),
  roots: ['<rootDir>/emulator/test/storage'],
  testMatch: ['**/*.spec.ts'],
  testTimeout: 20_000,
};
