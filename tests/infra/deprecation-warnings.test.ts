/**
 * The two DEP0111 warnings ("Access to process.binding('http_parser') is deprecated") come from
 * restify 11, which loads spdy at start although the app never asks for it; spdy's http-deceiver
 * reads process.binding('http_parser'). restify 12 no longer ships spdy but needs Node 22 (we
 * support 20 too). Until then every command that starts the app silences exactly that warning
 * with Node's --disable-warning=DEP0111, and no other.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { stripBicepComments } from './bicep-text';

const ROOT = path.resolve(__dirname, '../..');
const FLAG = '--disable-warning=DEP0111';

function stderrOf(args: string[]): string {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // jest's own options must not hide what a plain start prints
  return spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env }).stderr;
}

describe('the DEP0111 deprecation warnings', () => {
  it('come from restify loading spdy (when this fails, restify stopped doing so: drop the flag)', () => {
    const stderr = stderrOf(['--trace-deprecation', '-e', "require('restify')"]);
    expect(stderr).toContain('[DEP0111]');
    expect(stderr).toContain('http-deceiver');
    expect(stderr).toContain('spdy');
  });

  it('are silenced by the flag, and other deprecations still show', () => {
    const stderr = stderrOf([FLAG, '-e', "require('restify'); process.emitWarning('still shown', 'DeprecationWarning', 'DEP0999')"]);
    expect(stderr).not.toContain('DEP0111');
    expect(stderr).toContain('[DEP0999]');
  });

  it('are silenced wherever the app starts: npm start, npm test, npm run bench, the Toolkit\'s local run, npm run dev, App Service', () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const webApp = stripBicepComments(fs.readFileSync(path.join(ROOT, 'infra', 'modules', 'web-app.bicep'), 'utf8'));
    const commands = {
      start: scripts.start,
      test: scripts.test,
      'dev:teamsfx': scripts['dev:teamsfx'],
      bench: scripts.bench,
      appCommandLine: webApp.match(/appCommandLine:\s*'([^']*)'/)?.[1],
      'dev.mjs': fs.readFileSync(path.join(ROOT, 'scripts', 'dev.mjs'), 'utf8').match(/start\('app'.*$/m)?.[0],
    };
    expect(Object.entries(commands).filter(([, command]) => !command?.includes(FLAG)).map(([name]) => name)).toEqual([]);
  });
});
