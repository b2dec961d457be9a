/** Runs the cloudPay / openapi emulation tests on their own: `npx jest -c emulator/test/wxapi/jest.config.js`. */
const path = require('node:path');

module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  rootDir: path.resolve(__dirname, '../../..'),
  roots: ['<rootDir>/emulator/test/wxapi'],
  testMatch: ['**/*.spec.ts'],
  testTimeout: 20_000,
};
