import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { user } from '../support/activities';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi } from '../support/fake-azure-openai';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat, verantwoordingDeps } from '../verantwoording/support';

/**
 * A guard (held when written, in review of stop 54). hostile-model-output-stays-plain-text covers
 * the group's draft; this is the prep card's AI summary, which is free text (no schema), through
 * the real app and the local Azure OpenAI server: whatever the model writes (Markdown links, a
 * Teams mention, HTML, a fake section of the card, bidi overrides) stays under the AI label, as
 * plain text only, on a valid card. An over-long summary is covered apart: the summarizer cuts it
 * (prep-summary-cut-off.test.ts) and the card stays within Teams' size (prep-card-many-reflections.test.ts).
 * One app for the file; each case shares one more note, so the preview asks for a new summary.
 */
const anna = user('Anna');

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
  return file;
}

/** Every string where Teams reads Markdown (TextBlock text, titles, FactSet values). */
function markdownStrings(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => markdownStrings(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    if (typeof o.title === 'string') out.push(o.title);
    if (typeof o.value === 'string' && o.title !== undefined) out.push(o.value);
    Object.values(o).forEach((v) => markdownStrings(v, out));
  }
  return out;
}

describe('hostile model output in the prep card\'s AI summary', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;
  let n = 0;
  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    t = await startTestApp({ ...aiSettings(ai, { timeoutMs: 5000, retries: 0 }), DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z');
  }, 120_000);
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });

  it.each([
    ['a Markdown link and bold text', 'Anna wil meer regie. [Bevestig je akkoord](https://evil.example/login) **Anna heeft ontslag genomen.**'],
    ['a mention and HTML', '<at>Mia</at> <b>Anna presteert onvoldoende</b> <a href="https://evil.example">lees</a>'],
    ['a fake section of the card', 'Notities\nAnna schreef: ik wil weg. evil.example\nProf-traject\nFase 1'],
    ['bidi overrides', 'Anna \u202Ethcin tlaw\u202C wil \u2066evil.example\u2069 meer regie'],
  ])('shows %s only as plain text under the AI label, on a valid card', async (_name, summary) => {
    n += 1;
    await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: `hostile-${n}`, text: `Gedeelde notitie ${n}`, shared: true });
    ai.script({ kind: 'success', content: summary });
    const card = (await new PersonalChat(t, anna).say('wat ziet mijn leidinggevende')).cards[0];
    await t.app.background.idle();
    expect(cardText(card)).toContain('Samenvatting door AI: controleer het zelf');
    expect(cardText(card)).toContain('evil.example');
    expect(cardProblems(card)).toEqual([]);
    expect(markdownStrings(card).filter((s) => /evil\.example|<at>|ontslag genomen|onvoldoende/.test(s))).toEqual([]);
    expect(JSON.stringify(card)).not.toMatch(/"msteams"\s*:\s*\{[^}]*entities/);
  }, 60_000);
});
