'use strict';
/**
 * jest's module runtime, with the files it reads kept for the next test file of the same worker.
 *
 * jest gives every test file a module registry of its own, and with it an empty file cache: each
 * file reads the app's ~2,500 source and package files from disk again and hashes every TypeScript
 * file again to find its compiled output in jest's cache. That cost a typical test file about a
 * tenth of a second. Here the files a worker read once (the repository's sources and installed
 * packages, which do not change while jest runs) and their compiled output are kept per worker
 * process. Modules are still evaluated per test file, in the file's own context, with their own
 * state: only bytes and compiled text are shared. Files outside the repository (a test's temporary
 * files) are read as jest reads them. It also skips jest's mock lookup for every require in a file
 * that mocks nothing (see `_shouldMockCjs`). Overrides methods of jest-runtime 29.7 (a dependency of
 * jest, pinned by the lockfile): check them when jest is upgraded.
 */
const path = require('node:path');
const { default: Runtime } = require('jest-runtime');

const ROOT = path.resolve(__dirname, '../..') + path.sep;
const shared = (filename) => typeof filename === 'string' && filename.startsWith(ROOT);

/** Per worker process: filename -> contents, and filename + options -> compiled output. */
const texts = new Map();
const transforms = new Map();

module.exports = class SharedFilesRuntime extends Runtime {
  readFile(filename) {
    if (!shared(filename)) return super.readFile(filename);
    let source = texts.get(filename);
    if (source === undefined) {
      source = super.readFile(filename);
      texts.set(filename, source);
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
    if (!shared(filename) || options?.isInternalModule) return super.transformFile(filename, options);
    const full = this._getFullTransformationOptions(options);
    const key = `${filename}\0${JSON.stringify(full)}`;
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
