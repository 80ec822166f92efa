import * as fs from 'fs';
import * as path from 'path';

/** Removes // and /* *\/ comments from Bicep source, leaving strings ('...', with \' escapes) alone. */
export function stripBicepComments(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    const next = src[i + 1];
    if (ch === "'") {
      // A string literal; '''...''' multi-line strings have no escapes.
      if (src.startsWith("'''", i)) {
        const end = src.indexOf("'''", i + 3);
        const stop = end < 0 ? src.length : end + 3;
        out += src.slice(i, stop);
        i = stop;
        continue;
      }
      let j = i + 1;
      while (j < src.length && src[j] !== "'") j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (ch === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? src.length : end + 2;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

export function bicepFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return bicepFiles(full);
    return e.name.endsWith('.bicep') ? [full] : [];
  });
}
