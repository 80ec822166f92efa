// Hands package.json's version to the Microsoft 365 Agents Toolkit as APP_VERSION (a `script`
// step in m365agents*.yml, before the manifest is filled): the app's version has one source.
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
console.log(`::set-teamsfx-env APP_VERSION=${version}`);
