import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepSummaryInputHash, prepSummaryItems } from '../../src/domain/talent-review/prep-summary';
import { CosmosPrepSummaryStore } from '../../src/store/prep-summary.repository';
import { dropStalePrepSummary } from '../../src/usecases/talent-review/prep-summary';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { sharedWithManager } from '../../src/usecases/verantwoording/shared-with-manager';
import { setVisibility } from '../../src/usecases/verantwoording/visibility';
import { user } from '../support/activities';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi } from '../support/fake-azure-openai';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat, tabApi, verantwoordingDeps } from '../verantwoording/support';

/**
 * Found in review, stop 54 (fixed then: the stored AI prep summary of a note outlived the note's
 * un-share or deletion, in storage and in the export, when no prep card render removed it).
 *
 * README: the prep card's AI summary "is made once for what the professional shares and stored in
 * their own partition ... a change in sharing removes it before a new one is asked for";
 * prep-ai-summary.e2e.test.ts: it "does not outlive an un-share ... not on a card and not in
 * storage". The removal only happened inside a render of a prep card (prepSummary /
 * prepSummaryWithoutWaiting): a change of sharing rebuilds the messages a review remembers, and
 * nothing else touched the stored summary. So with no prep card in a manager's chat (no
 * conversation planned yet, only the professional's own "wat ziet mijn leidinggevende"), the AI's
 * summary of a note the professional then made private, or deleted, stayed in their partition
 * (730 days from its last write) and in their export, holding what the note said. A deleted note is
 * otherwise gone at once (only its fingerprints stay three days,
 * export-lists-deleted-note-record.test.ts asserts the export holds nothing of what it said).
 * Now every stored change of sharing checks the stored summary in the background
 * (prepCardsFollowSharing, dropStalePrepSummary) and removes it when it no longer summarises what
 * is shared; the press itself costs no request more.
 */
const anna = user('Anna'); // Anna and Bram: reports of Mia (aad-mia)
const bram = user('Bram');

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
  return file;
}

describe('the AI summary of a note after the note is taken back, with no prep card in a chat', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;

  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    t = await startTestApp({ ...aiSettings(ai, { timeoutMs: 5000, retries: 0 }), DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z');
  }, 120_000);
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });

  const storedSummaries = async (userId: string) =>
    (await t.store.container('personal').items.query<{ text: string }>({ query: "SELECT * FROM c WHERE c.type = 'prepSummary'" }, { partitionKey: userId }).fetchAll()).resources.map((d) => d.text);

  /** The professional shares a note and previews their prep card: the AI summary of it is stored. */
  async function summarised(who: ReturnType<typeof user>, note: string) {
    const userId = `aad-${who.name.toLowerCase()}`;
    const noteId = (await addNote(verantwoordingDeps(t.cosmos), userId, { key: `probe-${who.name}`, text: note, shared: true })).id;
    const summary = `Samenvatting: ${note}.`;
    ai.script({ kind: 'success', content: summary });
    const chat = new PersonalChat(t, who);
    const preview = cardText((await chat.say('wat ziet mijn leidinggevende')).cards[0]);
    await t.app.background.idle();
    // Set-up holds: the preview showed the AI summary of the shared note, and it is stored.
    expect(preview).toContain(summary);
    expect(await storedSummaries(userId)).toEqual([summary]);
    return { chat, noteId, summary, userId };
  }

  it('un-share: the AI summary of the note made private is no longer stored nor exported', async () => {
    const NOTE = 'Anna heeft last van burn-outklachten en overweegt ziekteverlof';
    const { chat, noteId, summary, userId } = await summarised(anna, NOTE);
    await chat.press('verantwoording.visibility', { kind: 'note', id: noteId, visibility: 'private' }, 'overview-card');
    await t.app.outbox.drain(60_000);
    await t.app.background.idle();
    const api = await tabApi(t, userId);
    const exported = (await api('GET', '/export')).json;
    expect({ stored: await storedSummaries(userId), exported: exported.prepSummary?.text }).toEqual({ stored: [], exported: undefined });
    expect(JSON.stringify(exported)).not.toContain(summary);
  }, 120_000);

  it('delete: the AI summary of a deleted note is no longer stored nor exported', async () => {
    const NOTE = 'Bram wil weg bij dit team vanwege een conflict met zijn collega';
    const { chat, noteId, summary, userId } = await summarised(bram, NOTE);
    t.clock.advanceMinutes(5);
    await chat.press('verantwoording.note.delete', { noteId }, 'overview-card');
    await t.app.outbox.drain(60_000);
    await t.app.background.idle();
    const api = await tabApi(t, userId);
    const exported = (await api('GET', '/export')).json;
    expect(exported.notes).toEqual([]);
    // What the deleted note said: nowhere in her data, the AI's paraphrase of it included.
    expect({ stored: await storedSummaries(userId), exported: exported.prepSummary?.text }).toEqual({ stored: [], exported: undefined });
    expect(JSON.stringify(exported)).not.toContain(NOTE);
  }, 120_000);

  it('a change that leaves what is summarised shared keeps the summary (no new request to the model at the next render)', async () => {
    // The check itself, on the app's store: Cem shares one note; his summary of it is stored.
    const userId = 'aad-cem';
    const v = verantwoordingDeps(t.cosmos);
    const deps = { prepSummaries: new CosmosPrepSummaryStore(t.cosmos, t.clock), summarizer: { enabled: true, summarize: async () => undefined }, verantwoording: v };
    const noteId = (await addNote(v, userId, { key: 'cem-shared', text: 'Cem wil meer leren over roosteren', shared: true })).id;
    const items = prepSummaryItems(await sharedWithManager(v, userId));
    await deps.prepSummaries.put(userId, { inputHash: prepSummaryInputHash({ language: 'en', items }), language: 'en', text: 'Cem wants to learn more about rostering.' });
    // A private note: what is shared is the same, the summary (in whatever language it was written) stays.
    await addNote(v, userId, { key: 'cem-private', text: 'Cem twijfelt over zijn contract', shared: false });
    expect(await dropStalePrepSummary(deps, userId)).toBe(false);
    expect(await storedSummaries(userId)).toEqual(['Cem wants to learn more about rostering.']);
    // The shared note taken back: it goes.
    await setVisibility(v, userId, { kind: 'note', id: noteId, visibility: 'private' });
    expect(await dropStalePrepSummary(deps, userId)).toBe(true);
    expect(await storedSummaries(userId)).toEqual([]);
  });
});
