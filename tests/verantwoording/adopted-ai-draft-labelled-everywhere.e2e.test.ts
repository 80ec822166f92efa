/**
 * Found in review, stop 41.
 *
 * A group asks the AI for a proposal and adopts the draft as it is. The session card and the
 * session summary say "Opgesteld door AI, aangenomen door de groep"; every other place that shows
 * the decided text showed the AI's words as the group's own, with no AI mark: the verantwoording
 * card in the personal chat, the personal tab, the manager's prep card, the message extension's
 * search result and inserted card, the data export and HR's report (adoption).
 * Must hold, in Dutch and English: wherever the adopted text is shown it says AI drafted it and
 * the group adopted it; nothing decided is shown as an undecided AI concept.
 * Stop 49 (ownership): a text the group adapted in its own words after an AI draft says, wherever
 * it is shown, that the group adapted it from an AI draft (never that AI drafted it); and the
 * manager's prep card does not carry the first step, which names who does what.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { Drafts } from '../../src/tab/drafts';
import { translator } from '../../src/tab/i18n';
import { Actions, renderOverview } from '../../src/tab/view';
import { buildOverview } from '../../src/usecases/verantwoording/overview';
import { setVisibility } from '../../src/usecases/verantwoording/visibility';
import { execute, message, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi } from '../support/fake-azure-openai';
import { aiDraft, groupWithAiDraft } from '../support/ai-fixtures';
import { cardText, MEMBERS } from '../support/group-driver';
import { reportCard } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';
import { extensionInvoke, PersonalChat, verantwoordingDeps } from './support';

const mia = user('Mia'); // Anna's manager
const hanna = user('Hanna'); // HR/L&O
const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

const ADOPTED_AI = 'AI-TEKST: elke overdracht begint aan een vaste tafel met een checklist.';
const AI_BEFORE_ADAPT = 'AI-TEKST: de overdracht gaat voortaan per spraakbericht.';
const OWN_WORDS = 'EIGEN-TEKST: de overdracht doen we samen aan het bed.';
const LABEL = { nl: 'Opgesteld door AI, aangenomen door de groep', en: 'Drafted by AI, adopted by the group' } as const;
const ADAPTED_LABEL = { nl: 'Aangepast door de groep, op basis van een concept van AI', en: 'Adapted by the group from an AI draft' } as const;
const UNDECIDED = { nl: 'Concept van AI', en: 'Draft by AI;' } as const;

type Locale = keyof typeof LABEL;

/**
 * The adopted AI text is labelled once, before it, with no other text in between; the adapted text
 * (the group's own words, made from an AI draft) carries the label that says so, once, before it,
 * and neither is shown as an undecided AI concept.
 */
function expectLabelledOnlyTheAdoptedDraft(text: string, locale: Locale, where: string): void {
  const label = text.indexOf(LABEL[locale]);
  const adopted = text.indexOf(ADOPTED_AI);
  const own = text.indexOf(OWN_WORDS);
  expect({ where, adopted: adopted >= 0, own: own >= 0 }).toEqual({ where, adopted: true, own: true });
  expect({ where, labels: text.split(LABEL[locale]).length - 1 }).toEqual({ where, labels: 1 });
  expect({ where, labelBeforeAdopted: label >= 0 && label < adopted }).toEqual({ where, labelBeforeAdopted: true });
  // Nothing else (the group's own text) between the label and the text it labels.
  expect({ where, between: text.slice(label, adopted).includes(OWN_WORDS) }).toEqual({ where, between: false });
  expect({ where, undecided: text.includes(UNDECIDED[locale]) }).toEqual({ where, undecided: false });
  const adaptedLabel = text.indexOf(ADAPTED_LABEL[locale]);
  expect({ where, adaptedLabels: text.split(ADAPTED_LABEL[locale]).length - 1 }).toEqual({ where, adaptedLabels: 1 });
  expect({ where, adaptedLabelBeforeOwn: adaptedLabel >= 0 && adaptedLabel < own && !text.slice(adaptedLabel, own).includes(ADOPTED_AI) }).toEqual({ where, adaptedLabelBeforeOwn: true });
}

/** The tab's view drawn from what the tab API answered (the same code the browser runs). */
function tabText(overview: unknown, locale: Locale): string {
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  const g = globalThis as Record<string, unknown>;
  const saved = { document: g.document, HTMLInputElement: g.HTMLInputElement, HTMLTextAreaElement: g.HTMLTextAreaElement };
  Object.assign(g, { document: dom.window.document, HTMLInputElement: dom.window.HTMLInputElement, HTMLTextAreaElement: dom.window.HTMLTextAreaElement });
  try {
    const noAction = () => Promise.resolve({ ok: true }) as never;
    const actions = new Proxy({}, { get: () => noAction }) as unknown as Actions;
    const nodes = renderOverview(overview as Parameters<typeof renderOverview>[0], translator(locale), locale, actions, new Drafts());
    // One line per list item, its parts separated: as a reader goes through "Voorstellen".
    return nodes.flatMap((n) => [...n.querySelectorAll('li')]).map((li) => [...li.children].map((c) => c.textContent).join('\n')).join('\n');
  } finally {
    Object.assign(g, saved);
  }
}

describe('an AI draft the group adopted as it is, wherever its text is shown', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;

  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ ...aiSettings(ai, { timeoutMs: 2000, retries: 0 }), DIRECTORY_FILE: directory, HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });

    // One group adopts the AI's draft as it is; another has the AI draft too, but adapts it in its own words.
    const decided = async (chat: string, draft: string, decision: Record<string, string>) => {
      const g = await groupWithAiDraft(t, ai, chat, aiDraft(draft));
      const proposalId = `${g.groupId}_w1_p`;
      for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed te doen' });
      await g.press(cem, 'proposal.decide', { ...g.ids(), proposalId, decisionReason: 'Eenvoudig', firstStep: 'Tafel neerzetten', ...decision });
      const stored = (await t.store.container('sessions').item(proposalId, g.groupId).read()).resource;
      await g.end(anna);
      return stored;
    };
    const adopted = await decided('19:adopted-ai@thread.v2', ADOPTED_AI, { decision: 'accept', adoptedText: '' });
    expect(adopted.decision).toMatchObject({ verdict: 'accept', text: ADOPTED_AI });
    expect(adopted.ai.status).toBe('drafted');
    const adapted = await decided('19:adapted-ai@thread.v2', AI_BEFORE_ADAPT, { decision: 'adapt', adoptedText: OWN_WORDS });
    expect(adapted.decision).toMatchObject({ verdict: 'adapt', text: OWN_WORDS });
    expect(adapted.ai.status).toBe('drafted');

    // Anna shares the time of both weeks with her manager: that brings their proposals onto Mia's prep card.
    const v = verantwoordingDeps(t.cosmos);
    for (const cycle of (await buildOverview(v, 'aad-anna', 'nl')).cycles) await setVisibility(v, 'aad-anna', { kind: 'time', id: cycle.cycleId, groupId: cycle.groupId, visibility: 'shared' });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await ai?.close();
  });

  const signIn = async (userId: string) => (await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })).json()).token as string;
  const api = async (token: string, path: string, locale: Locale) =>
    (await fetch(`${t.app.url}/api/verantwoording${path}`, { headers: { authorization: `Bearer ${token}`, 'accept-language': locale } })).json();

  /** Mia plans the conversation about Anna (again: changes nothing) and opens its prep card. */
  async function prepCardText(): Promise<string> {
    const personal = t.conversation('personal', 'a:personal-mia');
    await t.send(execute(personal, mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    const reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
    const card = (await t.send(execute(personal, mia, 'review.prep.show', { reviewId }, 'list-card'))).body.value;
    expect(cardProblems(card)).toEqual([]);
    return cardText(card);
  }

  /** Anna searches her proposals from a chat with the message extension: the list's entries and the cards they insert. */
  async function searchResults(locale: Locale): Promise<{ list: string; cards: string }> {
    const chat = t.conversation('groupChat', '19:elsewhere@thread.v2');
    const res = await t.send(extensionInvoke(chat, anna, 'composeExtension/query', { commandId: 'zoekVoorstellen', parameters: [{ name: 'zoekterm', value: 'overdracht' }], queryOptions: { skip: 0, count: 25 } }, locale === 'nl' ? 'nl-NL' : 'en-US'));
    const attachments: { content: object; preview: { content: { title: string; subtitle: string; text: string } } }[] = res.body.composeExtension.attachments;
    for (const a of attachments) expect(cardProblems(a.content)).toEqual([]);
    const hits = [ADOPTED_AI, OWN_WORDS].map((text) => attachments.find((a) => cardText(a.content).includes(text)));
    expect(hits.every(Boolean)).toBe(true);
    return {
      list: hits.map((a) => `${a!.preview.content.title}\n${a!.preview.content.subtitle}\n${a!.preview.content.text}`).join('\n'),
      cards: hits.map((a) => cardText(a!.content)).join('\n'),
    };
  }

  it('labels it in Dutch in every place, and the text the group adapted from an AI draft as such', async () => {
    const chat = new PersonalChat(t, anna);
    const overview = (await chat.say('verantwoording')).cards[0];
    expect(cardProblems(overview)).toEqual([]);
    expectLabelledOnlyTheAdoptedDraft(cardText(overview), 'nl', 'verantwoording card');

    const token = await signIn('aad-anna');
    expectLabelledOnlyTheAdoptedDraft(tabText(await api(token, '', 'nl'), 'nl'), 'nl', 'tab');

    const prep = await prepCardText();
    expectLabelledOnlyTheAdoptedDraft(prep, 'nl', 'prep card');
    // The first step names who does what: it stays with the group, off the manager's card.
    expect(prep).not.toContain('Tafel neerzetten');

    const search = await searchResults('nl');
    expectLabelledOnlyTheAdoptedDraft(search.list, 'nl', 'search result list');
    expectLabelledOnlyTheAdoptedDraft(search.cards, 'nl', 'inserted card');

    // The export says whose words each text is: the AI's, adopted by the group; the group's own.
    const exported = await api(token, '/export', 'nl');
    const proposals: { text: string; source: string; status: string }[] = exported.proposals;
    expect(proposals.find((p) => p.text === ADOPTED_AI)).toMatchObject({ source: 'adoptedAiDraft', status: 'accept' });
    expect(proposals.find((p) => p.text === OWN_WORDS)).toMatchObject({ source: 'adaptedFromAiDraft', status: 'adapt' });

    t.clock.set('2026-12-01T10:00:00Z');
    const report = await reportCard(t, t.conversation('channel', '19:hr-channel@thread.tacv2'), hanna, 'rapport 2026-11-01 2026-11-30');
    expect(cardProblems(report)).toEqual([]);
    expectLabelledOnlyTheAdoptedDraft(cardText(report), 'nl', 'HR report');
  });

  it('labels it in English in every place, and the text the group adapted from an AI draft as such', async () => {
    const chat = new PersonalChat(t, anna);
    await chat.say('taal en');
    expectLabelledOnlyTheAdoptedDraft(cardText((await chat.say('verantwoording')).cards[0]), 'en', 'verantwoording card');

    const token = await signIn('aad-anna');
    expectLabelledOnlyTheAdoptedDraft(tabText(await api(token, '', 'en'), 'en'), 'en', 'tab');

    await t.send(message(t.conversation('personal', 'a:personal-mia'), mia, 'taal en'));
    expectLabelledOnlyTheAdoptedDraft(await prepCardText(), 'en', 'prep card');

    const search = await searchResults('en');
    expectLabelledOnlyTheAdoptedDraft(search.list, 'en', 'search result list');
    expectLabelledOnlyTheAdoptedDraft(search.cards, 'en', 'inserted card');

    t.clock.set('2026-12-01T10:00:00Z');
    const hrChat = t.conversation('personal', 'a:personal-hanna');
    await t.send(message(hrChat, hanna, 'taal en'));
    expectLabelledOnlyTheAdoptedDraft(cardText(await reportCard(t, hrChat, hanna, 'report 2026-11-01 2026-11-30')), 'en', 'HR report');
  });
});
