import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { execute, user } from '../support/activities';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi } from '../support/fake-azure-openai';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat, verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia');
const anna = user('Anna');
const note = (i: number) => `Gedeelde notitie nummer ${i} van Anna`;
const AI_LABEL = 'Samenvatting door AI: controleer het zelf';

/**
 * Anna shares twelve notes with Mia. The prep card showed ten and said nothing of the other two:
 * Mia could not tell that Anna shared more, Anna's preview ("wat ziet mijn leidinggevende?") did not
 * tell Anna either, and the AI summary on both was made from all twelve, so it could speak of notes
 * neither card showed. Now the card says "en nog 2 ...", as it does for weeks and teams, and the
 * summary is made from the notes the card shows. Found in review, stop 38.
 */
describe('more shared notes than the prep card shows', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;
  let reviewId = '';
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const summaryPrompts = () => ai.requests.map((r) => JSON.stringify(r.body)).filter((b) => b.includes('shared-items'));

  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ ...aiSettings(ai, { timeoutMs: 2000, retries: 0 }), DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
    const v = verantwoordingDeps(t.cosmos);
    for (let i = 1; i <= 12; i++) {
      v.clock.set(new Date(Date.UTC(2026, 10, 1 + i, 8)).toISOString());
      await addNote(v, 'aad-anna', { key: `n${i}`, text: note(i), shared: true });
    }
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
  });
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });

  // "nummer 1 van" is no part of "nummer 10 van": each note is found by its own number.
  const shownNotes = (text: string) => Array.from({ length: 12 }, (_, i) => i + 1).filter((i) => text.includes(note(i)));

  it('shows Mia the ten newest notes and says there are two more', async () => {
    ai.script({ kind: 'success', content: 'Anna deelde tien recente notities.' });
    const text = cardText((await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, 'list-card'))).body.value);
    expect(shownNotes(text)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(text).toContain('en nog 2 oudere gedeelde notities');
    expect(text).toContain(AI_LABEL);
  });

  it('tells Anna the same in her preview', async () => {
    const text = cardText((await new PersonalChat(t, anna).say('wat ziet mijn leidinggevende')).cards[0]);
    expect(shownNotes(text)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(text).toContain('en nog 2 oudere gedeelde notities');
  });

  it('makes the AI summary from the notes the card shows, not the older ones', () => {
    const prompts = summaryPrompts();
    expect(prompts).toHaveLength(1);
    for (let i = 3; i <= 12; i++) expect(prompts[0]).toContain(note(i));
    expect(prompts[0]).not.toContain(note(1));
    expect(prompts[0]).not.toContain(note(2));
  });
});
