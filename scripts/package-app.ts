/**
 * Builds the Teams app package without the Agents Toolkit:
 *
 *   1. reads appPackage/manifest.json and the localization files it names,
 *   2. fills every `${{NAME}}` placeholder from the environment (`--dev` supplies local defaults), and
 *      APP_VERSION from package.json (the one source of the app's version),
 *   3. validates the filled manifest and each localization file against the official JSON schemas
 *      shipped (offline) in @microsoft/app-manifest, for the manifest's own manifestVersion,
 *   4. checks the icons (192x192 colour, 32x32 white-on-transparent outline),
 *   5. writes appPackage/build/appPackage.<env>.zip holding exactly manifest.json, the two icons and
 *      the localization files.
 *
 * Usage (after `npm run build`):
 *   node dist/scripts/package-app.js --dev                  # local defaults, env "local"
 *   node --env-file=env/.env.dev dist/scripts/package-app.js --env dev
 *
 * The pure parts are exported for tests: fillPlaceholders, validateManifest, validateLocalization,
 * checkIcons, buildZip.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { PNG } from 'pngjs';
import * as yazl from 'yazl';

// ---- placeholders ----------------------------------------------------------------------------

/** Agents Toolkit placeholder syntax: `${{NAME}}`, optional spaces inside the braces. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Names that may be empty (e.g. no name suffix in production); an unset one counts as empty. */
export const MAY_BE_EMPTY: readonly string[] = ['APP_NAME_SUFFIX'];

/** What `--dev` fills in when the environment doesn't say: enough to build and sideload locally. */
export const DEV_DEFAULTS: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: '00000000-0000-0000-0000-000000000000',
  BOT_ID: '00000000-0000-0000-0000-000000000000',
  AAD_APP_CLIENT_ID: '00000000-0000-0000-0000-000000000000',
  BOT_DOMAIN: 'localhost:3978',
  APP_NAME_SUFFIX: '-local',
};

export class MissingPlaceholdersError extends Error {
  constructor(readonly missing: string[], readonly source: string) {
    super(
      `${source} uses placeholders with no value: ${missing.join(', ')}.\n` +
        `Set them in the environment (for example: node --env-file=env/.env.dev dist/scripts/package-app.js --env dev), ` +
        `or pass --dev to use local defaults.`,
    );
    this.name = 'MissingPlaceholdersError';
  }
}

/** The distinct placeholder names in `text`, in order of first use. */
export function findPlaceholders(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (!names.includes(m[1]!)) names.push(m[1]!);
  return names;
}

/**
 * Replaces every `${{NAME}}` in `text` with `values[NAME]`. Throws MissingPlaceholdersError listing
 * every name that is unset or empty (except MAY_BE_EMPTY names, which become '').
 * Values are JSON-string-escaped, because the templates are JSON files.
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string | undefined>>, source = 'template'): string {
  const missing = findPlaceholders(text).filter((name) => {
    const v = values[name];
    return (v === undefined || v === '') && !MAY_BE_EMPTY.includes(name);
  });
  if (missing.length > 0) throw new MissingPlaceholdersError(missing, source);
  return text.replace(PLACEHOLDER, (_all, name: string) => JSON.stringify(values[name] ?? '').slice(1, -1));
}

// ---- schemas ---------------------------------------------------------------------------------

export interface ValidationResult {
  valid: boolean;
  errors: string[];
}

type SchemaKind = 'manifest' | 'localization';

/** Folder of the official Teams schemas for `manifestVersion` inside @microsoft/app-manifest. */
export function schemaDir(manifestVersion: string): string {
  const pkg = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const folder = manifestVersion === 'devPreview' ? 'vDevPreview' : `v${manifestVersion}`;
  const dir = path.join(pkg, 'build', 'json-schemas', 'teams', folder);
  if (!/^(\d+\.\d+|devPreview)$/.test(manifestVersion) || !fs.existsSync(dir)) {
    throw new Error(`No Teams schema for manifestVersion "${manifestVersion}" in @microsoft/app-manifest (looked in ${dir}).`);
  }
  return dir;
}

export function loadSchema(kind: SchemaKind, manifestVersion: string): Record<string, unknown> {
  const file = kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json';
  const full = path.join(schemaDir(manifestVersion), file);
  if (!fs.existsSync(full)) throw new Error(`Schema file missing: ${full}`);
  return JSON.parse(fs.readFileSync(full, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
}

const compiled = new Map<string, (data: unknown) => ValidationResult>();

/** Compiles `schema` with the Ajv flavour matching its `$schema` draft (the Teams ones are draft-04). */
function compile(key: string, schema: Record<string, unknown>): (data: unknown) => ValidationResult {
  const cached = compiled.get(key);
  if (cached) return cached;
  const draft = String(schema.$schema ?? '');
  // strictTypes off: the official schemas use additionalProperties without "type" in places.
  // unicodeRegExp off: the localization schema has patterns (`\b]`) that are invalid with the u flag.
  const options = { allErrors: true, strictTypes: false, unicodeRegExp: false } as const;
  const ajv = draft.includes('draft-04')
    ? new AjvDraft04(options)
    : draft.includes('2020-12')
      ? new Ajv2020(options)
      : new Ajv(options);
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const run = (data: unknown): ValidationResult => {
    const valid = validate(data) as boolean;
    const errors = valid
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
    return { valid, errors };
  };
  compiled.set(key, run);
  return run;
}

function unresolved(data: unknown): string[] {
  return findPlaceholders(JSON.stringify(data)).map((n) => `(placeholder) \${{${n}}} was not filled`);
}

/** Validates a filled manifest against the official schema of its own manifestVersion. */
export function validateManifest(manifest: unknown): ValidationResult {
  const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof version !== 'string') return { valid: false, errors: ['/manifestVersion is missing or not a string'] };
  let result: ValidationResult;
  try {
    result = compile(`manifest@${version}`, loadSchema('manifest', version))(manifest);
  } catch (e) {
    return { valid: false, errors: [(e as Error).message] };
  }
  const errors = [...result.errors, ...unresolved(manifest)];
  const schemaUrl = (manifest as { $schema?: unknown }).$schema;
  if (typeof schemaUrl === 'string' && !schemaUrl.includes(`/v${version}/`) && !schemaUrl.includes(`/${version}/`)) {
    errors.push(`/$schema points to ${schemaUrl}, not to the v${version} schema`);
  }
  return { valid: errors.length === 0, errors };
}

/** Validates a localization file against the localization schema of the manifest's version. */
export function validateLocalization(localization: unknown, manifestVersion: string): ValidationResult {
  let result: ValidationResult;
  try {
    result = compile(`localization@${manifestVersion}`, loadSchema('localization', manifestVersion))(localization);
  } catch (e) {
    return { valid: false, errors: [(e as Error).message] };
  }
  const errors = [...result.errors, ...unresolved(localization)];
  const schemaUrl = (localization as { $schema?: unknown } | null)?.$schema;
  // Teams requires the localization file to use the same schema version as the manifest.
  if (typeof schemaUrl === 'string' && !schemaUrl.includes(`/v${manifestVersion}/`)) {
    errors.push(`/$schema points to ${schemaUrl}, not to the v${manifestVersion} localization schema`);
  }
  return { valid: errors.length === 0, errors };
}

// ---- icons -----------------------------------------------------------------------------------

export function checkIcons(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const c = PNG.sync.read(color);
  if (c.width !== 192 || c.height !== 192) problems.push(`color icon is ${c.width}x${c.height}, must be 192x192`);
  const o = PNG.sync.read(outline);
  if (o.width !== 32 || o.height !== 32) problems.push(`outline icon is ${o.width}x${o.height}, must be 32x32`);
  for (let i = 0; i < o.data.length; i += 4) {
    if (o.data[i + 3]! > 0 && (o.data[i] !== 255 || o.data[i + 1] !== 255 || o.data[i + 2] !== 255)) {
      const p = i / 4;
      problems.push(`outline icon pixel (${p % o.width},${Math.floor(p / o.width)}) is visible but not white`);
      break;
    }
  }
  return problems;
}

// ---- zip -------------------------------------------------------------------------------------

export interface PackageEntry {
  name: string;
  data: Buffer;
}

/** A fixed timestamp makes the zip byte-for-byte reproducible for the same inputs. */
const ZIP_MTIME = new Date('2000-01-01T00:00:00Z');

/** Zips `entries` (flat names, in the given order) into one buffer. */
export function buildZip(entries: readonly PackageEntry[]): Promise<Buffer> {
  const names = new Set<string>();
  for (const e of entries) {
    if (names.has(e.name)) return Promise.reject(new Error(`duplicate zip entry ${e.name}`));
    if (e.name.startsWith('/') || e.name.split(/[\\/]/).includes('..')) return Promise.reject(new Error(`unsafe zip entry ${e.name}`));
    names.add(e.name);
  }
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const e of entries) zip.addBuffer(e.data, e.name, { mtime: ZIP_MTIME, mode: 0o100644 });
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.end();
  });
}

// ---- putting it together ---------------------------------------------------------------------

interface ManifestFiles {
  manifestVersion: string;
  icons: { color: string; outline: string };
  localizationInfo?: { defaultLanguageFile?: string; additionalLanguages?: { languageTag: string; file: string }[] };
}

export interface PackageOptions {
  appPackageDir: string;
  /** Where placeholder values come from (normally process.env). */
  env: Readonly<Record<string, string | undefined>>;
  /** Fill unset placeholders with DEV_DEFAULTS. */
  dev?: boolean;
}

export interface PackageResult {
  manifest: Record<string, unknown>;
  entries: PackageEntry[];
  zip: Buffer;
}

/** package.json's version, from the project that holds the app package folder. */
export function appVersion(appPackageDir: string): string {
  const version = (JSON.parse(fs.readFileSync(path.join(appPackageDir, '..', 'package.json'), 'utf8')) as { version?: unknown }).version;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`package.json has no version of the form 1.2.3 (Teams needs one): ${String(version)}`);
  return version;
}

function readJsonText(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}

function insideDir(dir: string, rel: string): string {
  const full = path.resolve(dir, rel);
  const r = path.relative(dir, full);
  if (r.startsWith('..') || path.isAbsolute(r)) throw new Error(`${rel} points outside ${dir}`);
  return full;
}

/** Fills, validates and zips the app package; throws with every problem found. */
export async function packageApp(options: PackageOptions): Promise<PackageResult> {
  const dir = path.resolve(options.appPackageDir);
  const values: Record<string, string | undefined> = options.dev
    ? { ...DEV_DEFAULTS, ...Object.fromEntries(Object.entries(options.env).filter(([, v]) => v !== undefined && v !== '')) }
    : { ...options.env };

  // The app's version has one source: package.json (the Toolkit gets it from scripts/app-version.mjs).
  values.APP_VERSION = appVersion(dir);
  const manifestText = fillPlaceholders(readJsonText(path.join(dir, 'manifest.json')), values, 'appPackage/manifest.json');
  const manifest = JSON.parse(manifestText) as Record<string, unknown>;
  const problems: string[] = [];
  const mv = validateManifest(manifest);
  problems.push(...mv.errors.map((e) => `manifest.json: ${e}`));

  const files = manifest as unknown as ManifestFiles;
  const entries: PackageEntry[] = [{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n') }];

  const color = fs.readFileSync(insideDir(dir, files.icons.color));
  const outline = fs.readFileSync(insideDir(dir, files.icons.outline));
  problems.push(...checkIcons(color, outline));
  entries.push({ name: files.icons.color, data: color }, { name: files.icons.outline, data: outline });

  const locFiles = [
    ...(files.localizationInfo?.defaultLanguageFile ? [files.localizationInfo.defaultLanguageFile] : []),
    ...(files.localizationInfo?.additionalLanguages ?? []).map((l) => l.file),
  ];
  for (const rel of locFiles) {
    const text = fillPlaceholders(readJsonText(insideDir(dir, rel)), values, `appPackage/${rel}`);
    const loc = JSON.parse(text) as unknown;
    const lv = validateLocalization(loc, files.manifestVersion);
    problems.push(...lv.errors.map((e) => `${rel}: ${e}`));
    entries.push({ name: rel, data: Buffer.from(JSON.stringify(loc, null, 2) + '\n') });
  }

  if (problems.length > 0) throw new Error(`The app package is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return { manifest, entries, zip: await buildZip(entries) };
}

function parseArgs(argv: string[]): { dev: boolean; envName: string | undefined } {
  let dev = false;
  let envName: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--dev') dev = true;
    else if (a === '--env') envName = argv[++i];
    else if (a.startsWith('--env=')) envName = a.slice('--env='.length);
    else throw new Error(`Unknown argument ${a}. Usage: package-app [--dev] [--env <name>]`);
  }
  return { dev, envName };
}

function findRepoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    let dir = path.resolve(start);
    for (;;) {
      if (fs.existsSync(path.join(dir, 'appPackage', 'manifest.json'))) return dir;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('appPackage/manifest.json not found above this script or the working directory');
}

async function main(): Promise<void> {
  const { dev, envName } = parseArgs(process.argv.slice(2));
  // The one place this script reads process.env: it is the source of the placeholder values.
  const env = process.env;
  const name = envName ?? env.TEAMSFX_ENV ?? (dev ? 'local' : 'dev');
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`invalid environment name ${name}`);
  const root = findRepoRoot();
  const result = await packageApp({ appPackageDir: path.join(root, 'appPackage'), env, dev });
  const out = path.join(root, 'appPackage', 'build', `appPackage.${name}.zip`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, result.zip);
  process.stdout.write(`wrote ${path.relative(root, out)} (${result.entries.map((e) => e.name).join(', ')})\n`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
