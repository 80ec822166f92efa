/**
 * The app's version has one source, package.json: the app package built here and the one the
 * Agents Toolkit builds (m365agents*.yml) both take it from there.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { packageApp } from '../../scripts/package-app';

const ROOT = path.resolve(__dirname, '../..');
const APP_PACKAGE = path.join(ROOT, 'appPackage');
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const template = JSON.parse(fs.readFileSync(path.join(APP_PACKAGE, 'manifest.json'), 'utf8')) as { version: string };

describe('the app version', () => {
  it('is package.json\'s in the package built by npm run package', async () => {
    const { manifest } = await packageApp({ appPackageDir: APP_PACKAGE, env: {}, dev: true });
    expect(manifest.version).toBe(version);
  });

  it('is not written down a second time in the manifest template', () => {
    expect(template.version).toBe('${{APP_VERSION}}');
  });

  it('is handed to the Agents Toolkit from package.json before it fills the manifest', () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'app-version.mjs')], { encoding: 'utf8' });
    expect(out.trim()).toBe(`::set-teamsfx-env APP_VERSION=${version}`);
    for (const file of ['m365agents.yml', 'm365agents.local.yml']) {
      const yml = fs.readFileSync(path.join(ROOT, file), 'utf8');
      // In every lifecycle stage that uses the manifest, the version step comes before the first use.
      for (const stage of yml.split(/^(?=[a-z]+:\s*$)/m).filter((s) => s.includes('appPackage/manifest.json'))) {
        const setsVersion = stage.indexOf('node scripts/app-version.mjs');
        expect({ file, stage: stage.split(':')[0], setsVersion: setsVersion >= 0 && setsVersion < stage.indexOf('appPackage/manifest.json') }).toEqual({ file, stage: stage.split(':')[0], setsVersion: true });
      }
    }
  });
});
