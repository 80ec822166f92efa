'use strict';
/**
 * jest's module runtime, with the files it reads kept for the next test file of the same worker.
 *
 * jest gives every test file a module registry of its own, and with it an empty file cache: each
 * file reads the app's ~2,500 source and package files from disk again and hashes every TypeScript
 * file again to find its compiled output in jest's cache. That cost a typical test file about a
 * tenth of a second. Here the files a worker read once (installed packages, and the repository's
 * sources as long as their modification time and size stay the same: see `versionOf`) and their
 * compiled output are kept per worker process. Modules are still evaluated per test file, in the file's own context, with their own
 * state: only bytes and compiled text are shared. Files outside the repository (a test's temporary
 * files) are read as jest reads them. It also skips jest's mock lookup for every require in a file
 * that mocks nothing (see `_shouldMockCjs`). Overrides methods of jest-runtime 29.7 (a dependency of
 * jest, pinned by the lockfile): check them when jest is upgraded.
 */
const path = require('node:path');
const { default: Runtime } = require('jest-runtime');

const fs = require('node:fs');

const ROOT = path.resolve(__dirname, '../..') + path.sep;
const PACKAGES = `${ROOT}node_modules${path.sep}`;
const shared = (filename) => typeof filename === 'string' && filename.startsWith(ROOT);

/**
 * The key a file's text and compiled output are kept under. Installed packages do not change while
 * jest runs: their name. The repository's own files can (a test, or `jest --watch` re-running in
 * the same process after an edit): their name, modification time and size, so a changed file is
 * read and compiled again, in the next test file and after `jest.resetModules` alike.
 */
function versionOf(filename) {
  if (filename.startsWith(PACKAGES)) return filename;
  try {
    const stat = fs.statSync(filename);
    return `${filename}\0${stat.mtimeMs}\0${stat.size}`;
  } catch {
    return undefined;
  }
}

/** Per worker process: file version -> contents, and file version + options -> compiled output. */
const texts = new Map();
const transforms = new Map();

/** Forgets the repository's own files (a test rewrote one within its timestamp's resolution, then reset). */
function forgetSources() {
  for (const map of [texts, transforms]) for (const key of map.keys()) if (!key.startsWith(PACKAGES)) map.delete(key);
}

module.exports = class SharedFilesRuntime extends Runtime {
  constructor(...args) {
    super(...args);
    // jest resets a file's modules itself when it makes and tears down the runtime: only a test's own reset counts.
    this.testMayReset = true;
  }

  /** A test's `jest.resetModules()`: as jest forgets the file's registry and file cache, the kept sources go too. */
  resetModules() {
    if (this.testMayReset) forgetSources();
    return super.resetModules();
  }

  teardown() {
    this.testMayReset = false;
    return super.teardown();
  }

  readFile(filename) {
    const version = shared(filename) ? versionOf(filename) : undefined;
    if (version === undefined) return super.readFile(filename);
    let source = texts.get(version);
    if (source === undefined) {
      source = super.readFile(filename);
      texts.set(version, source);
    }
    return source;
  }

  /**
   * Whether a require gets a mock: jest-runtime first builds the module's id (resolution included)
   * for every require, only to look it up among the file's `jest.mock` calls. Without automock
   * and without any such call the answer is no, as jest's own code would answer.
   */
  _shouldMockCjs(from, moduleName, explicitShouldMock) {
    if (!this._shouldAutoMock && explicitShouldMock.size === 0) return false;
    return super._shouldMockCjs(from, moduleName, explicitShouldMock);
  }

  /** jest-runtime's transformFile (29.7), with the transformer's answer kept per file and options. */
  transformFile(filename, options) {
    const version = shared(filename) && !options?.isInternalModule ? versionOf(filename) : undefined;
    if (version === undefined) return super.transformFile(filename, options);
    const full = this._getFullTransformationOptions(options);
    const key = `${version}\0${JSON.stringify(full)}`;
    let transformedFile = transforms.get(key);
    if (!transformedFile) {
      transformedFile = this._scriptTransformer.transform(filename, full, this.readFile(filename));
      transforms.set(key, transformedFile);
    }
    this._fileTransforms.set(filename, { ...transformedFile, wrapperLength: this.constructModuleWrapperStart().length });
    if (transformedFile.sourceMapPath) this._sourceMapRegistry.set(filename, transformedFile.sourceMapPath);
    return transformedFile.code;
  }
};
