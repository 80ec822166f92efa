import * as fs from 'fs';
import * as path from 'path';
import { stripBicepComments } from './bicep-text';

const INFRA = path.join(__dirname, '..', '..', 'infra');
const files = [path.join(INFRA, 'main.bicep'), ...fs.readdirSync(path.join(INFRA, 'modules')).map((f) => path.join(INFRA, 'modules', f))];

/** The decorators (`@name(...)`) written right above each declaration, per declaration. */
function decoratorsPerDeclaration(src: string): { declaration: string; decorators: string[] }[] {
  const out: { declaration: string; decorators: string[] }[] = [];
  let pending: string[] = [];
  for (const raw of stripBicepComments(src).split('\n')) {
    const line = raw.trim();
    const decorator = /^@(\w+)\(/.exec(line);
    if (decorator) pending.push(decorator[1]!);
    else if (/^(param|var|resource|module|output)\s/.test(line)) {
      out.push({ declaration: line.split(/\s+/).slice(0, 2).join(' '), decorators: pending });
      pending = [];
    } else if (line) pending = [];
  }
  return out;
}

/**
 * No Bicep compiler runs here (no Azure access), so the one mistake merges made before is checked
 * as text: a decorator twice on one declaration, which Bicep refuses (BCP166).
 */
describe('the Bicep templates', () => {
  it.each(files.map((f) => [path.relative(INFRA, f), f]))('%s has no declaration with the same decorator twice', (_name, file) => {
    const doubled = decoratorsPerDeclaration(fs.readFileSync(file, 'utf8'))
      .filter((d) => new Set(d.decorators).size !== d.decorators.length)
      .map((d) => `${d.declaration}: ${d.decorators.join(', ')}`);
    expect(doubled).toEqual([]);
  });

  it('bounds every retention parameter as the app\'s configuration does (1 to 3650 days)', () => {
    const main = decoratorsPerDeclaration(fs.readFileSync(path.join(INFRA, 'main.bicep'), 'utf8')).filter((d) => /^param retention\w+Days$/.test(d.declaration));
    expect(main.map((d) => d.declaration).sort()).toEqual(['param retentionGroupDays', 'param retentionOutboxDays', 'param retentionPersonalDays', 'param retentionPollDays', 'param retentionReviewDays']);
    for (const d of main) expect([d.declaration, d.decorators.sort()]).toEqual([d.declaration, ['description', 'maxValue', 'minValue']]);
  });
});
