import { readFileSync } from 'node:fs';
import { Framework, frameworkSchema, Language } from '../domain/framework/framework';
import defaultNl from './data/framework.nl.json';
import defaultEn from './data/framework.en.json';

export type Frameworks = Record<Language, Framework>;

/** Raised at start-up when a framework file cannot be used; says which file and what is wrong. */
export class FrameworkError extends Error {
  override name = 'FrameworkError';
}

function validate(source: string, raw: unknown, language: Language): Framework {
  const parsed = frameworkSchema.safeParse(raw);
  if (!parsed.success) {
    throw new FrameworkError(`${source} is not a valid framework: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  if (parsed.data.language !== language) {
    throw new FrameworkError(`${source} declares language "${parsed.data.language}" but is configured for "${language}"`);
  }
  return parsed.data;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new FrameworkError(`cannot read framework file ${path}: ${(err as Error).message}`);
  }
}

/** Loads the built-in frameworks, or an organisation's own files where configured, and validates both. */
export function loadFrameworks(files: { nl?: string; en?: string }): Frameworks {
  const nl = validate(files.nl ?? 'built-in framework.nl.json', files.nl ? readJson(files.nl) : defaultNl, 'nl');
  const en = validate(files.en ?? 'built-in framework.en.json', files.en ? readJson(files.en) : defaultEn, 'en');
  const ids = (f: Framework) => f.questions.map((q) => `${q.id}:${q.scope}:${q.kind}`).join(',');
  if (ids(nl) !== ids(en)) {
    throw new FrameworkError('the nl and en frameworks must have the same question ids, scopes and kinds, so a group can switch language');
  }
  return { nl, en };
}
