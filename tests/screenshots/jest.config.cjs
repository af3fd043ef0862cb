// The README's pictures (docs/screenshots/*.png), taken in Chromium from the built app with the demo data:
// `npm run screenshots`. A script, not a test: it runs on the browser tests' setup (one api serving the built
// web app, see tests/browser/support/global-setup.ts) but is no part of `npm run test:browser`.
const { join } = require('node:path');
const browser = require('../browser/jest.config.cjs');

module.exports = {
  ...browser,
  rootDir: join(__dirname, '..', '..'),
  displayName: 'screenshots',
  testMatch: ['<rootDir>/tests/screenshots/**/*.screenshots.ts'],
};
