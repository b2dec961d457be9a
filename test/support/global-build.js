/** Builds the emulator and the cloud functions once before the node tests run. */
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
  execFileSync(process.execPath, [path.join(__dirname, '../../scripts/build.js')], { stdio: 'inherit' });
};
