/**
 * What `atk deploy` ships to App Service: the files of the deploy step's artifact folder that its
 * ignore file lets through, as the Agents Toolkit's `azureAppService/zipDeploy` decides it (the
 * `ignore` package, gitignore syntax, one pattern per line, plus the Toolkit's own temp folder).
 *
 *   node dist/scripts/deploy-package.js      # lists the files and refuses when a secret would ship
 *
 * Run it after the deploy step's build (npm ci, npm run build, npm prune --omit=dev), from the
 * project root. The pure parts are exported for tests.
 */
import * as fs from 'fs';
import * as path from 'path';
import ignore from 'ignore';

/** The Toolkit always leaves out its own working folder. */
const TOOLKIT_TEMP_FOLDER = '.deployment';

/** Files that hold secrets and must never be in the package. */
export const SECRET_FILES = [/(^|\/)\.env(\..*)?$/, /(^|\/)\.localConfigs$/, /\.user$/];

export interface DeployStep {
  artifactFolder: string;
  ignoreFile: string;
}

/** The zipDeploy step of m365agents.yml: its artifact folder and ignore file. */
export function deployStepOf(yml: string): DeployStep {
  const step = yml.split(/\n\s*-\s+uses:\s*/).find((s) => s.startsWith('azureAppService/zipDeploy'));
  const value = (key: string) => step?.match(new RegExp(`\\n\\s*${key}:\\s*(\\S+)`))?.[1];
  const artifactFolder = value('artifactFolder');
  const ignoreFile = value('ignoreFile');
  if (!artifactFolder || !ignoreFile) throw new Error('m365agents.yml has no azureAppService/zipDeploy step with artifactFolder and ignoreFile');
  return { artifactFolder, ignoreFile };
}

/** The package's files (paths relative to the artifact folder, with /), as the Toolkit walks them. */
export function packageFiles(artifactFolder: string, ignoreFileText: string): string[] {
  const ig = ignore().add(TOOLKIT_TEMP_FOLDER);
  for (const line of ignoreFileText.split('\n')) ig.add(line.trim());
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(artifactFolder, full).split(path.sep).join('/');
      // The Toolkit filters every file and folder it walks, folders without a trailing slash.
      if (ig.test(rel).ignored) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(rel);
    }
  };
  walk(artifactFolder);
  return files.sort();
}

export function secretsIn(files: readonly string[]): string[] {
  return files.filter((f) => SECRET_FILES.some((re) => re.test(f)));
}

function main(): void {
  const root = process.cwd();
  const step = deployStepOf(fs.readFileSync(path.join(root, 'm365agents.yml'), 'utf8'));
  const folder = path.resolve(root, step.artifactFolder);
  const files = packageFiles(folder, fs.readFileSync(path.join(folder, step.ignoreFile), 'utf8'));
  const secrets = secretsIn(files);
  process.stdout.write(`${files.length} files would be deployed (node_modules: ${files.filter((f) => f.startsWith('node_modules/')).length}).\n`);
  for (const f of files.filter((f) => !f.startsWith('node_modules/'))) process.stdout.write(`  ${f}\n`);
  if (secrets.length) {
    process.stderr.write(`Secrets would be deployed: ${secrets.join(', ')}. Add them to ${step.ignoreFile}.\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) main();
