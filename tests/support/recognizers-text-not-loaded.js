// Test-only stand-in for @microsoft/recognizers-text-{suite,number,date-time,choice,...}.
//
// botbuilder-dialogs loads these ~20 MB of language recognisers at start (teams-ai requires it), and
// only its prompts (number, date, confirm, choice) ever call them. The app uses no dialog prompts
// (tests/architecture/no-dialog-prompts.test.ts holds that), yet every test file paid ~0.25 s of CPU
// to load them again: about a minute of the suite. Production loads the real packages.
// Culture (the only thing read at load time) is the real one; anything else throws, so a prompt
// reaching a test would fail loudly instead of recognising nothing.
'use strict';
const { Culture, CultureInfo } = require('@microsoft/recognizers-text');

const known = { __esModule: true, Culture, CultureInfo };
module.exports = new Proxy(known, {
  get(target, name) {
    if (name in target || typeof name === 'symbol' || name === 'then') return target[name];
    throw new Error(
      `@microsoft/recognizers-text "${String(name)}" is not loaded under jest: the app uses no dialog prompts (see tests/support/recognizers-text-not-loaded.js)`,
    );
  },
});
