import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { execute, user } from '../support/activities';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi } from '../support/fake-azure-openai';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat, verantwoordingDeps } from '../verantwoording/support';

/**
 * Found in review, stop 41. Mia never chose a language (`taal`), and her Teams client is English.
 * Anna previews what her manager sees ("wat ziet mijn leidinggevende"): the preview wrote the AI
 * summary in Mia's chosen language or the default (Dutch), while the card Mia opened herself used
 * her Teams client's (English). The language is part of the summary's input, so Mia's card removed
 * the summary Anna previewed and showed Mia an English AI text about Anna that Anna never saw (and
 * Anna's next preview replaced it again, a model call each time).
 *
 * What must hold: both sides show the one stored summary. The rule (PrepSummaryInput): the
 * manager's chosen language; when they chose none, the summary stored of the same items is shown
 * whatever its language, and a new one is written in the language of the render that makes it
 * (the preview: the language Mia's card was last shown in, else the default).
 */
const mia = user('Mia');
const anna = user('Anna');
const AI_LABEL = 'Samenvatting door AI: controleer het zelf';
const AI_LABEL_EN = 'AI-generated summary: check it yourself';

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
  return file;
}

/** The text of the AI summary block on a prep card (what follows the AI label). */
function aiSummaryOf(text: string, label: string): string | undefined {
  const at = text.indexOf(label);
  if (at < 0) return undefined;
  return text.slice(at + label.length).split('\n').map((l) => l.trim()).filter(Boolean)[0];
}

describe('the preview\'s AI summary when the manager\'s Teams client is English', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;
  let reviewId = '';
  const miaChat = () => t.conversation('personal', 'a:personal-mia');

  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    t = await startTestApp({ ...aiSettings(ai, { timeoutMs: 2000, retries: 0 }), DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z');
    await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'shared', text: 'Anna wil graag meer regie over haar rooster', shared: true });
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id as string;
  }, 90_000);
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });

  it('shows Mia the very AI text Anna\'s preview showed her', async () => {
    ai.script({ kind: 'success', content: 'Anna wil meer regie over haar rooster.' }, { kind: 'success', content: 'Anna would like more say over her roster.' });
    const preview = cardText((await new PersonalChat(t, anna).say('wat ziet mijn leidinggevende')).cards[0]);
    const previewed = aiSummaryOf(preview, AI_LABEL);
    expect(previewed).toBeDefined();

    // Mia opens the prep from her list, in Teams set to English (she never typed `taal`).
    const press = { ...execute(miaChat(), mia, 'review.prep.show', { reviewId }, 'list-card'), locale: 'en-US' };
    const card = cardText((await t.send(press)).body.value);
    expect(card).toContain(AI_LABEL_EN);
    expect(aiSummaryOf(card, AI_LABEL_EN)).toBe(previewed);
    // And Anna's next preview shows it still: neither side replaced the other's.
    expect(aiSummaryOf(cardText((await new PersonalChat(t, anna).say('wat ziet mijn leidinggevende')).cards[0]), AI_LABEL)).toBe(previewed);
    expect(ai.requests.filter((r) => JSON.stringify(r.body).includes('shared-items'))).toHaveLength(1);
  }, 90_000);
});
