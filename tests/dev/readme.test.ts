import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES, envSchema } from '../../src/config/config';
import { CONTAINERS, ContainerName } from '../../src/store/containers';
import { containerTtl } from '../../src/store/retention';

const ROOT = join(__dirname, '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

/** The text of one `## heading` section, up to the next `## `. */
function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README has no "## ${heading}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** Table rows of a section whose first cell names `name` in backticks. */
function rowsNaming(text: string, name: string): string[] {
  return text.split('\n').filter((l) => l.startsWith('|') && (l.split('|')[1] ?? '').includes(`\`${name}\``));
}

/** Keeps the README's reference tables (configuration, commands, storage) true to the code. */
describe('README', () => {
  it('has a configuration row for every variable the config module reads, showing its default', () => {
    const config = section('Configuration');
    const defaults = envSchema.innerType().parse({}) as Record<string, unknown>;
    const problems = CONFIG_VARIABLES.flatMap((name) => {
      const rows = rowsNaming(config, name);
      if (rows.length !== 1) return [`${name}: ${rows.length} rows`];
      const d = defaults[name];
      const shown = typeof d === 'number' || (typeof d === 'string' && d !== '') ? String(d) : undefined;
      return shown && !rows[0]!.includes(shown) ? [`${name}: default ${shown} not in its row`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('names every npm script', () => {
    const named = (s: string) => readme.includes(`npm run ${s}`) || ((s === 'test' || s === 'start') && readme.includes(`npm ${s}`)) || readme.includes(`\`${s}\``);
    expect(scripts.filter((s) => !named(s))).toEqual([]);
  });

  it('has one storage row per container with its partition key and the setting of its retention', () => {
    const storage = section('Storage and retention');
    // Distinct day counts tell which setting drives which container's time-to-live.
    const probe = containerTtl({ groupDays: 1, personalDays: 2, reviewDays: 3, pollDays: 4, outboxDays: 5 });
    const settingOf: Record<number, string> = { 1: 'RETENTION_GROUP_DAYS', 2: 'RETENTION_PERSONAL_DAYS', 3: 'RETENTION_REVIEW_DAYS', 4: 'RETENTION_POLL_DAYS', 5: 'RETENTION_OUTBOX_DAYS' };
    const problems = (Object.keys(CONTAINERS) as ContainerName[]).flatMap((name) => {
      const rows = rowsNaming(storage, name);
      if (rows.length !== 1) return [`${name}: ${rows.length} rows`];
      const row = rows[0]!;
      const out: string[] = [];
      if (!row.includes(`\`${CONTAINERS[name].partitionKey}\``)) out.push(`${name}: partition key ${CONTAINERS[name].partitionKey} missing`);
      const ttl = probe[name];
      if (ttl !== undefined && ttl > 0 && !row.includes(settingOf[ttl / 86_400]!)) out.push(`${name}: ${settingOf[ttl / 86_400]} missing`);
      if (ttl === undefined && !/no TTL/.test(row)) out.push(`${name}: should say "no TTL"`);
      return out;
    });
    expect(problems).toEqual([]);
  });
});
