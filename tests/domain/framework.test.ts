import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FrameworkError, loadFrameworks } from '../../src/framework/load-frameworks';
import builtInNl from '../../src/framework/data/framework.nl.json';

const dir = mkdtempSync(join(tmpdir(), 'framework-'));
const write = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('the framework as data', () => {
  it('loads the built-in nl and en frameworks with ten questions and four days', () => {
    const { nl, en } = loadFrameworks({});
    expect(nl.questions).toHaveLength(10);
    expect(en.days.map((d) => d.questionIds)).toEqual(nl.days.map((d) => d.questionIds));
    expect(nl.questions.filter((q) => q.scope === 'personal').map((q) => q.id)).toEqual([9, 10]);
  });

  it('lets an organisation rephrase questions in its own file', () => {
    const own = { ...builtInNl, questions: builtInNl.questions.map((q) => (q.id === 1 ? { ...q, text: 'Welk knelpunt kiezen we?' } : q)) };
    const { nl } = loadFrameworks({ nl: write('own.nl.json', own) });
    expect(nl.questions[0]!.text).toBe('Welk knelpunt kiezen we?');
  });

  it.each([
    ['not JSON', '{ nope'],
    ['a day naming an unknown question', { ...builtInNl, days: builtInNl.days.map((d) => (d.day === 1 ? { ...d, questionIds: [1, 99] } : d)) }],
    ['a duplicate question id', { ...builtInNl, questions: [...builtInNl.questions, builtInNl.questions[0]] }],
    ['three days', { ...builtInNl, days: builtInNl.days.slice(0, 3) }],
    ['the wrong language', { ...builtInNl, language: 'en' }],
    ['a personal AI question', { ...builtInNl, questions: builtInNl.questions.map((q) => (q.id === 6 ? { ...q, scope: 'personal' } : q)) }],
  ])('stops start-up with a clear error for %s', (_name, content) => {
    expect(() => loadFrameworks({ nl: write(`bad-${Math.random()}.json`, content) })).toThrow(FrameworkError);
  });

  it('refuses nl and en files whose questions do not match', () => {
    const fewer = { ...builtInNl, questions: builtInNl.questions.slice(0, 9), days: builtInNl.days.map((d) => ({ ...d, questionIds: d.questionIds.filter((i) => i !== 10) })) };
    expect(() => loadFrameworks({ nl: write('fewer.json', fewer) })).toThrow(/same question ids/);
  });
});
