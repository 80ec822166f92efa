/**
 * The package `atk deploy` builds (m365agents.yml's azureAppService/zipDeploy step, with its
 * ignore file) holds the built app and its runtime dependencies, and never a developer's secrets.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { deployStepOf, packageFiles, secretsIn } from '../../scripts/deploy-package';

const ROOT = path.resolve(__dirname, '../..');
const step = deployStepOf(fs.readFileSync(path.join(ROOT, 'm365agents.yml'), 'utf8'));
const ignoreText = fs.readFileSync(path.join(ROOT, step.artifactFolder, step.ignoreFile), 'utf8');

/** A developer's checkout after the deploy step's build: secrets lying around, as they do. */
const CHECKOUT = [
  'package.json',
  'package-lock.json',
  'dist/src/index.js',
  'dist/tab/index.html',
  'node_modules/restify/package.json',
  'node_modules/debug/src/index.js', // a dependency whose code lives in its own src/
  'src/index.ts',
  'tests/e2e/full-week.test.ts',
  '.env',
  '.env.local',
  '.env.production',
  '.env.example',
  'dist/.env',
  '.localConfigs',
  'env/.env.dev',
  'env/.env.dev.user',
  'appPackage/build/appPackage.dev.zip',
  'devTools/m365agentsplayground.log',
  '.git/config',
];

describe('the deploy package', () => {
  let dir: string;
  let files: string[];
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-package-'));
    for (const f of CHECKOUT) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), f.includes('.env') || f.includes('localConfigs') ? 'MICROSOFT_APP_PASSWORD=not-a-real-secret\n' : '{}\n');
    }
    files = packageFiles(dir, ignoreText);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is built from the project folder with .webappignore', () => {
    expect(step).toEqual({ artifactFolder: '.', ignoreFile: '.webappignore' });
  });

  it('ships no .env file, local configuration or Toolkit user secrets', () => {
    expect(secretsIn(files)).toEqual([]);
    expect(files.filter((f) => f.includes('.env'))).toEqual([]);
  });

  it('ships the built app and its runtime dependencies, not the sources, tests or logs', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'dist/src/index.js', 'dist/tab/index.html', 'node_modules/restify/package.json', 'node_modules/debug/src/index.js']));
    expect(files.filter((f) => /^(src|tests|devTools|appPackage|\.git)\//.test(f))).toEqual([]);
  });
});
