/**
 * The manager's prep card for the talentontwikkelgesprek, with the optional AI summary on, against
 * the professional's preview ("wat ziet mijn leidinggevende").
 *
 * The right behaviour, from DOMAIN.md ("Before sharing, the professional can preview exactly what
 * the manager's card would show"; "it shows only what that report shared") and README ("`wat
 * ziet mijn leidinggevende` shows exactly the prep card the manager would get today"; the card
 * follows what the professional shares; "With AI on, an optional labelled summary"):
 * - nothing on the manager's card that the preview of the same shared items does not show: the
 *   summary is made once for what is shared, stored in the professional's own partition, and every
 *   render (preview, the manager's card, the scheduled card, a rebuild) shows that stored text;
 * - the AI summary is made from shared items only, and does not outlive an un-share or an erasure,
 *   not on a card and not in storage;
 * - it is labelled as AI output, never presented as the professional's own words.
 *
 * A model never writes the same text twice: each scripted answer below is a different text, and
 * a render that reuses the stored summary makes no request to the model at all.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrepSummarizer } from '../../src/domain/talent-review/ports';
import { prepSummaryItems } from '../../src/domain/talent-review/prep-summary';
import { CosmosPrepSummaryStore } from '../../src/store/prep-summary.repository';
import { prepSummary, PrepSummaryDeps } from '../../src/usecases/talent-review/prep-summary';
import { exportMyData } from '../../src/usecases/verantwoording/my-data';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { sharedWithManager } from '../../src/usecases/verantwoording/shared-with-manager';
import { setVisibility } from '../../src/usecases/verantwoording/visibility';
import { waitUntil } from '../outbox/wait-until';
import { execute, message, user } from '../support/activities';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi } from '../support/fake-azure-openai';
import { gatedAzureOpenAi } from '../support/gated-azure-openai';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, allDocuments, PersonalChat, verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia'); // Anna's manager
const anna = user('Anna');
const AI_LABEL = 'Samenvatting door AI: controleer het zelf';
const AI_LABEL_EN = 'AI-generated summary: check it yourself';
const TITLE = 'Voorbereiding: talentontwikkelgesprek met Anna';

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
  return file;
}

/** A plain-text chat completion, as the model answers the prep summarizer. */
const says = (content: string) => ({ kind: 'success' as const, content });

/** The text of the AI summary block on a prep card (what follows the AI label, up to the next section). */
function aiSummaryOf(text: string, label = AI_LABEL): string | undefined {
  const at = text.indexOf(label);
  if (at < 0) return undefined;
  return text.slice(at + label.length).split('\n').map((l) => l.trim()).filter(Boolean)[0];
}

/** What the app sent Azure OpenAI for prep summaries (its user message with the shared items). */
function summaryPrompts(ai: FakeAzureOpenAi, from = 0): string[] {
  return ai.requests.slice(from).map((r) => JSON.stringify(r.body)).filter((b) => b.includes('shared-items'));
}

/** A summarizer that holds every request until the test answers it: the order of a race, decided by the test. */
function heldSummarizer() {
  const calls: { items: string[]; answer: (text: string | undefined) => void }[] = [];
  let released = false;
  const summarizer: PrepSummarizer = {
    enabled: true,
    summarize: (input) => (released ? Promise.resolve(undefined) : new Promise((resolve) => calls.push({ items: input.items, answer: resolve }))),
  };
  /** Answers every request still held, and any that comes later, with no summary (a test's clean-up). */
  const releaseAll = () => {
    released = true;
    for (const call of calls) call.answer(undefined);
  };
  return { summarizer, calls, releaseAll };
}

describe('the AI summary on the manager\'s prep card is the one the professional\'s preview shows', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;
  const SHARED = 'Anna wil graag meer regie over haar rooster';
  const PRIVATE = 'Anna overweegt te solliciteren bij een andere organisatie';
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const annaChat = () => t.conversation('personal', 'a:personal-anna');
  let reviewId = '';

  /** Mia opens the prep card from her list: the card that message now shows. */
  const miaOpensPrep = async () => cardText((await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, 'list-card'))).body.value);
  /** Anna's preview, "wat ziet mijn leidinggevende". */
  const annaPreviews = async () => cardText((await new PersonalChat(t, anna).say('wat ziet mijn leidinggevende')).cards[0]);
  /** Anna shares one more note (not through a chat turn: nothing is rebuilt by it), so the next render has a new input to summarise. */
  const annaShares = async (key: string, text: string) => (await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key, text, shared: true })).id;
  /** The prep summaries stored in Anna's partition, read directly. */
  const storedSummaries = async () =>
    (await t.store.container('personal').items.query<{ text: string }>({ query: "SELECT * FROM c WHERE c.userId = 'aad-anna' AND c.type = 'prepSummary'" }, { partitionKey: 'aad-anna' }).fetchAll()).resources.map((d) => d.text);
  /** The use case itself, on the app's store, with a summarizer the test holds. */
  const summaryDeps = (summarizer: PrepSummarizer): PrepSummaryDeps => ({ prepSummaries: new CosmosPrepSummaryStore(t.cosmos, t.clock), summarizer, verantwoording: verantwoordingDeps(t.cosmos) });
  const inputNow = async () => ({ language: 'nl' as const, items: prepSummaryItems(await sharedWithManager(verantwoordingDeps(t.cosmos), 'aad-anna')) });

  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    t = await startTestApp({ ...aiSettings(ai, { timeoutMs: 2000, retries: 0 }), DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z');
    const v = verantwoordingDeps(t.cosmos);
    await addNote(v, 'aad-anna', { key: 'shared', text: SHARED, shared: true });
    await addNote(v, 'aad-anna', { key: 'private', text: PRIVATE, shared: false });
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
  });
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });

  it('attack: a private note reaches the AI summarizer (for the preview or the manager\'s card)', async () => {
    const from = ai.requests.length;
    const SUMMARY = 'Anna wil meer regie over haar rooster.';
    ai.script(says(SUMMARY));
    expect(aiSummaryOf(await annaPreviews())).toBe(SUMMARY);
    expect(aiSummaryOf(await miaOpensPrep())).toBe(SUMMARY);
    // Made once, for the preview; Mia's card shows the stored text.
    const prompts = summaryPrompts(ai, from);
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toContain(SHARED);
    expect(prompts[0]).not.toContain(PRIVATE);
    expect(await storedSummaries()).toEqual([SUMMARY]);
  });

  it('attack: the AI summary is presented as Anna\'s own words (it must be labelled as AI and come before any of her items)', async () => {
    await annaShares('labelled', 'Anna wil vaker meedraaien op de spoedpost');
    const SUMMARY = 'Anna wil meer regie over haar rooster en zoekt ruimte om dat te bespreken.';
    ai.script(says(SUMMARY));
    const card = await miaOpensPrep();
    expect(card).toContain(AI_LABEL);
    expect(aiSummaryOf(card)).toBe(SUMMARY);
    // Not inside the sections that hold her own words.
    for (const section of ['Reflecties', 'Notities', 'Prof-traject']) expect(card.indexOf(SUMMARY)).toBeLessThan(card.indexOf(section));
    const preview = await annaPreviews();
    expect(aiSummaryOf(preview)).toBe(SUMMARY);
    for (const section of ['Reflecties', 'Notities', 'Prof-traject']) expect(preview.indexOf(SUMMARY)).toBeLessThan(preview.indexOf(section));
  });

  it('attack: the manager\'s card carries an AI text about Anna that her preview (of the same shared items) never showed', async () => {
    await annaShares('same-items', 'Anna wil een dag per week thuiswerken');
    const SUMMARY = 'Anna wil meer regie over haar rooster en af en toe thuiswerken.';
    ai.script(says(SUMMARY));
    const preview = await annaPreviews();
    expect(aiSummaryOf(preview)).toBe(SUMMARY);
    const from = ai.requests.length;
    // Mia's card, opened twice, and the scheduled prep card rendered when it is sent.
    expect(aiSummaryOf(await miaOpensPrep())).toBe(SUMMARY);
    expect(aiSummaryOf(await miaOpensPrep())).toBe(SUMMARY);
    const fromCall = t.connector.calls.length;
    t.clock.set('2026-12-07T08:00:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    const scheduled = t.connector.calls.slice(fromCall).filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia').map((c) => cardText(c.activity?.attachments?.[0]?.content));
    expect(scheduled.filter((text) => text.includes(TITLE)).map((text) => aiSummaryOf(text))).toEqual([SUMMARY]);
    // None of them asked the model: nothing it could write anew reached Mia.
    expect(ai.requests.length).toBe(from);
    expect(aiSummaryOf(await annaPreviews())).toBe(SUMMARY);
  });

  it('attack: the preview shows no AI summary (the model was busy), the manager\'s card then shows one Anna\'s preview does not', async () => {
    await annaShares('busy', 'Anna wil minder avonddiensten');
    ai.script({ kind: 'serverError' });
    const preview = await annaPreviews();
    expect(preview).toContain(TITLE);
    expect(preview).not.toContain(AI_LABEL);
    // Nothing is stored of a failed summary, and the summary of what she shared before is gone.
    expect(await storedSummaries()).toEqual([]);
    const SUMMARY = 'Anna wil meer regie over haar rooster en minder avonddiensten.';
    ai.script(says(SUMMARY));
    const managers = await miaOpensPrep();
    expect(aiSummaryOf(managers)).toBe(SUMMARY);
    // From then on Anna's preview shows that very text, without asking the model again.
    const from = ai.requests.length;
    expect(aiSummaryOf(await annaPreviews())).toBe(aiSummaryOf(managers));
    expect(ai.requests.length).toBe(from);
    expect(await storedSummaries()).toEqual([SUMMARY]);
  });

  it('attack: Mia reads her card in English while Anna previews in Dutch, and each is given an AI text of its own', async () => {
    await t.send(message(miaChat(), mia, 'taal en'));
    try {
      await annaShares('languages', 'Anna wil een cursus roosterplanning volgen');
      const SUMMARY = 'Anna would like more say over her roster and a course in roster planning.';
      const from = ai.requests.length;
      ai.script(says(SUMMARY));
      // Her preview shows the summary Mia will read: in Mia's language, under Anna's own (Dutch) label.
      expect(aiSummaryOf(await annaPreviews())).toBe(SUMMARY);
      expect(summaryPrompts(ai, from)).toEqual([expect.stringContaining('Language: English')]);
      expect(aiSummaryOf(await miaOpensPrep(), AI_LABEL_EN)).toBe(SUMMARY);
      expect(summaryPrompts(ai, from)).toHaveLength(1);
    } finally {
      await t.send(message(miaChat(), mia, 'taal nl'));
    }
  });

  it('attack: the preview and Mia\'s card are rendered at the same moment, and each stores and shows its own AI text', async () => {
    await annaShares('race', 'Anna wil mentor worden voor nieuwe collega\'s');
    const input = await inputNow();
    // A held summarizer per render: which render's store reads finish first (and so which asks the
    // model first) is a race of two requests; the test answers each render's own request.
    const heldFirst = heldSummarizer();
    const heldSecond = heldSummarizer();
    // Both renders read the store before either has a summary of this input: both ask the model.
    const first = prepSummary(summaryDeps(heldFirst.summarizer), 'aad-anna', input);
    const second = prepSummary(summaryDeps(heldSecond.summarizer), 'aad-anna', input);
    try {
      await waitUntil('both renders asked the model', () => heldFirst.calls.length === 1 && heldSecond.calls.length === 1, {
        state: () => `first render asked ${heldFirst.calls.length}, second ${heldSecond.calls.length}`,
      });
      // The second render's model answers first and stores its text; the first one's answer comes later.
      heldSecond.calls[0]!.answer('Anna wil mentor worden (tekst B).');
      expect(await second).toBe('Anna wil mentor worden (tekst B).');
      heldFirst.calls[0]!.answer('Anna wil mentor worden (tekst A).');
      expect(await first).toBe('Anna wil mentor worden (tekst B).');
    } finally {
      // A failed look must not leave a render waiting on its model into the next test.
      heldFirst.releaseAll();
      heldSecond.releaseAll();
      await Promise.allSettled([first, second]);
    }
    expect(await storedSummaries()).toEqual(['Anna wil mentor worden (tekst B).']);
    // And the app's own renders show it too, without asking.
    const from = ai.requests.length;
    expect(aiSummaryOf(await miaOpensPrep())).toBe('Anna wil mentor worden (tekst B).');
    expect(aiSummaryOf(await annaPreviews())).toBe('Anna wil mentor worden (tekst B).');
    expect(ai.requests.length).toBe(from);
  });

  it('attack: Anna takes a note back while the model is summarising it, and the summary of it is stored after all', async () => {
    const NOTE = 'Anna wil stoppen met de nachtdiensten';
    const noteId = await annaShares('taken-back', NOTE);
    const { summarizer, calls } = heldSummarizer();
    const render = prepSummary(summaryDeps(summarizer), 'aad-anna', await inputNow());
    await waitUntil('the render asked the model', () => calls.length === 1);
    expect(calls[0]!.items).toContain(NOTE);
    await setVisibility(verantwoordingDeps(t.cosmos), 'aad-anna', { kind: 'note', id: noteId, visibility: 'private' });
    calls[0]!.answer(`Samenvatting: ${NOTE}.`);
    // The render shows none, and keeps none: it summarised what is no longer shared.
    expect(await render).toBeUndefined();
    expect(await storedSummaries()).toEqual([]);
  });

  it('attack: the AI summary of a note survives Anna taking that note back (rebuilt card, AI busy on the rebuild)', async () => {
    const NOTE = 'Anna wil graag een andere afdeling zien';
    const noteId = await annaShares('rebuilt', NOTE);
    const OLD = `Samenvatting: ${NOTE}.`;
    ai.script(says(OLD));
    expect(aiSummaryOf(await miaOpensPrep())).toBe(OLD);
    expect(await storedSummaries()).toEqual([OLD]);
    const from = ai.requests.length;
    // Anna takes the note back; the model is unavailable when the card is rebuilt (an unscripted request gets a 500).
    await t.send(execute(annaChat(), anna, 'verantwoording.visibility', { kind: 'note', id: noteId, visibility: 'private' }, 'overview-card'));
    await t.app.outbox.drain(60_000);
    const now = cardText(t.connector.latest('list-card'));
    expect(now).toContain(TITLE);
    expect(now).not.toContain(OLD);
    expect(now).not.toContain(NOTE);
    // Nor in storage: the rebuild removed the summary of what she no longer shares.
    expect(await storedSummaries()).toEqual([]);
    // Nothing sent to the model after she took it back carried the note.
    for (const p of summaryPrompts(ai, from)) expect(p).not.toContain(NOTE);
  });

  it('attack: the AI text about Anna is kept where her own export does not show it', async () => {
    const SUMMARY = 'Anna wil meer regie over haar rooster, minder avonddiensten en mentor worden.';
    ai.script(says(SUMMARY));
    expect(aiSummaryOf(await annaPreviews())).toBe(SUMMARY);
    const exported = await exportMyData(verantwoordingDeps(t.cosmos), 'aad-anna', 'nl');
    expect(exported.prepSummary).toMatchObject({ text: SUMMARY, language: 'nl' });
  });

  // Last: Anna is gone after it.
  it('attack: the AI summary survives Anna erasing her data (the card Mia already has, or her partition)', async () => {
    const NOTE = 'Anna wil een coachingstraject volgen';
    await annaShares('before-erasure', NOTE);
    const SUMMARY = `Samenvatting: ${NOTE}.`;
    ai.script(says(SUMMARY));
    expect(aiSummaryOf(await miaOpensPrep())).toBe(SUMMARY);
    expect(await storedSummaries()).toEqual([SUMMARY]);
    const chat = new PersonalChat(t, anna);
    const ask = (await chat.say('wis mijn gegevens')).cards[0];
    expect(cardText(await chat.press('verantwoording.erase.confirm', actionData(ask, 'verantwoording.erase.confirm')!))).toContain('Je gegevens zijn gewist');
    await t.app.outbox.drain(60_000);
    const now = cardText(t.connector.latest('list-card'));
    expect(now).not.toContain(SUMMARY);
    expect(now).not.toContain(NOTE);
    expect(now).not.toMatch(/Anna/);
    // The stored summary went with her partition; no container keeps its text.
    expect(await storedSummaries()).toEqual([]);
    expect(JSON.stringify(await allDocuments(t.store))).not.toContain(SUMMARY);
  });
});

/**
 * A race the AI makes wide: the scheduled prep card is rendered when it is sent, and its AI summary
 * takes seconds. The card does not wait for it (stop 41: the outbox sends every rebuild and card at
 * once), so the summary is still being written after the card reached Mia. Anna erases her data
 * while the model is still writing about her. Nothing built from her data may reach Mia's chat
 * after that (the summary's own follow-up rebuild included), nor stay stored in Anna's partition.
 */
describe('erasure while the prep card\'s AI summary is being written', () => {
  let t: TestApp;
  let gate: Awaited<ReturnType<typeof gatedAzureOpenAi>>;
  const NOTE = 'Anna wil leren delegeren aan nieuwe collega\'s';
  const miaChat = () => t.conversation('personal', 'a:personal-mia');

  beforeAll(async () => {
    gate = await gatedAzureOpenAi();
    t = await startTestApp({ ...gate.env, DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z');
    await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'n', text: NOTE, shared: true });
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
  });
  afterAll(async () => {
    await t.stop();
    await gate.close();
  });

  it('attack: the prep card\'s AI summary, written while Anna erases, reaches Mia or stays stored', async () => {
    const beforeCard = t.connector.calls.length;
    t.clock.set('2026-12-07T08:00:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    await gate.held(); // the card went out without the summary; the model is still writing it
    const card = t.connector.calls.slice(beforeCard).filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia').map((c) => cardText(c.activity?.attachments?.[0]?.content));
    expect(card.filter((text) => text.includes(TITLE)).map((text) => [text.includes(NOTE), text.includes(AI_LABEL)])).toEqual([[true, false]]);
    const fromCall = t.connector.calls.length;
    const chat = new PersonalChat(t, anna);
    const ask = (await chat.say('wis mijn gegevens')).cards[0];
    expect(cardText(await chat.press('verantwoording.erase.confirm', actionData(ask, 'verantwoording.erase.confirm')!))).toContain('Je gegevens zijn gewist');
    gate.answer(`Samenvatting: ${NOTE}`);
    await t.app.background.idle();
    await t.app.outbox.drain(60_000);
    const toMia = t.connector.calls.slice(fromCall).filter((c) => c.conversationId === 'a:personal-mia' && (c.method === 'POST' || c.method === 'PUT'));
    expect(toMia.map((c) => cardText(c.activity?.attachments?.[0]?.content)).filter((text) => text.includes(NOTE) || text.includes(TITLE))).toEqual([]);
    // The summary the model wrote after she was erased is not kept in her partition.
    const left = (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.userId = 'aad-anna'" }, { partitionKey: 'aad-anna' }).fetchAll()).resources;
    expect(left).toEqual([]);
    expect(JSON.stringify(await allDocuments(t.store))).not.toContain(`Samenvatting: ${NOTE}`);
  });
});
