/**
 * Stop 48: the loop of a proposal shared with L&O is closed.
 * 1. L&O hears of a share: each HR person in HR_USER_IDS gets one card in their own 1:1 chat (in
 *    their language where they chose one), also when two members press at once and Teams delivers
 *    a press again; a repeated share later sends none; the card shows what the record holds and
 *    opens the answer form. The outbox queues those cards once the group's notice went out, so the
 *    share's turn costs what it did before (a query, the record's create, the notice's create),
 *    however many HR people there are; and a press whose turn failed after the record was stored
 *    (the notice not queued) is made good by the next press: the HR people still get their card.
 * 2. The members see it where they look back: "Mijn verantwoording" and the tab show, next to the
 *    week's proposal, that it was shared with L&O and on what date, and L&O's latest answer with
 *    its date; someone outside the group sees none of it; an English member sees it in English.
 *
 * Clock: Monday 23 November 2026. Anna, Bram and Cem (group A) adapt a proposal; Dewi, Eva and
 * Finn (group B) adopt one; so do Gijs, Hugo and Jet (group C) and Kees, Lies and Mo (group D).
 * Hanna (Dutch) and Iris (English) are HR/L&O.
 */
import { JSDOM } from 'jsdom';
import { Drafts } from '../../src/tab/drafts';
import { translator } from '../../src/tab/i18n';
import { Actions, renderOverview } from '../../src/tab/view';
import { documentProblems } from '../../src/store/document-schemas';
import { DEFAULT_KEEP_SECONDS } from '../../src/outbox/outbox-job';
import { sharedNoticeKey } from '../../src/usecases/proposal-to-lo/proposal-to-lo';
import { execute, TestUser, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { SeenCosmosRequest } from '../support/cosmos-proxy';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { actionData, PersonalChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const [anna, bram, cem, dewi, eva, finn] = MEMBERS as [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser];
const hanna = user('Hanna');
const iris = user('Iris');
const [gijs, hugo, jet] = [user('Gijs'), user('Hugo'), user('Jet')];
const [kees, lies, mo] = [user('Kees'), user('Lies'), user('Mo')];
const ANSWERS = ['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier', 'Een vaste tafel'];
const OWN_WORDS = 'GROEPSWOORDEN: de overdracht doen we samen aan het bed.';
const LO_ANSWER = 'L&O-ANTWOORD: we nemen dit op in het scholingsplan.';
const LO_ANSWER_2 = 'L&O-ANTWOORD-2: het scholingsplan begint in januari.';
const TITLE = { nl: 'Een groepslid deelde dit voorstel namens de groep met L&O', en: "A group member shared this proposal with L&O on the group's behalf" } as const;

const identities = (people: TestUser[]) => people.flatMap((p) => [p.name, p.aadObjectId, p.id]);
const pressPath = (seen: SeenCosmosRequest[]) => seen.filter((r) => r.kind !== 'metadata' && (r.container !== 'outbox' || r.kind === 'create')).map((r) => `${r.kind} ${r.container}`);

/** The tab's view drawn from what the tab API answered (the same code the browser runs), as text. */
function tabText(overview: unknown, locale: 'nl' | 'en'): string {
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  const g = globalThis as Record<string, unknown>;
  const saved = { document: g.document, HTMLInputElement: g.HTMLInputElement, HTMLTextAreaElement: g.HTMLTextAreaElement };
  Object.assign(g, { document: dom.window.document, HTMLInputElement: dom.window.HTMLInputElement, HTMLTextAreaElement: dom.window.HTMLTextAreaElement });
  try {
    const noAction = () => Promise.resolve({ ok: true }) as never;
    const actions = new Proxy({}, { get: () => noAction }) as unknown as Actions;
    return renderOverview(overview as Parameters<typeof renderOverview>[0], translator(locale), locale, actions, new Drafts()).map((n) => n.textContent).join('\n');
  } finally {
    Object.assign(g, saved);
  }
}

describe('the loop of a proposal shared with L&O', () => {
  let t: TestApp;
  let a: { g: GroupDriver; proposalId: string; summaryId: string };
  let b: { g: GroupDriver; proposalId: string; summaryId: string };
  const hrCards = (who: TestUser) => t.connector.cards((c) => c.method === 'POST' && c.conversationId === t.connector.personalChats.get(who.aadObjectId)).filter((x) => Object.values(TITLE).some((title) => cardText(x.card).includes(title)));
  /** The HR person's cards about the share of group `x` (by the record id their button opens). */
  const cardsAbout = (who: TestUser, sharedId: string) => hrCards(who).filter((x) => (actionData(x.card, 'proposalToLo.open') as { id?: string } | undefined)?.id === sharedId);
  const recordOf = async (x: { g: GroupDriver }) => (await t.store.container('installations').items.query(`SELECT * FROM c WHERE c.type = 'proposalToLo' AND c.groupId = '${x.g.groupId}'`).fetchAll()).resources[0];
  const proposalDoc = async (x: { g: GroupDriver; proposalId: string }) => (await t.store.container('sessions').item(x.proposalId, x.g.groupId).read()).resource;

  async function decided(chatId: string, members: TestUser[], decision: Record<string, string>) {
    const g = await new GroupDriver(t, t.conversation('groupChat', chatId), members).answeredOnDayOne(ANSWERS, { checkIn: 4 });
    const proposalId = `${g.groupId}_w1_p`;
    for (const who of members.slice(0, 2)) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed' });
    await g.press(members[2]!, 'proposal.decide', { ...g.ids(), proposalId, decisionReason: 'Omdat', firstStep: 'Stap', ...decision });
    await g.end(members[0]);
    await t.app.outbox.drain(10_000);
    const summary = t.connector.cards((c) => c.method === 'POST' && c.conversationId === g.conv.id).find((c) => /Samenvatting|Summary/.test(cardText(c.card)));
    return { g, proposalId, summaryId: summary!.call.id as string };
  }

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna,AAD-IRIS' }, '2026-11-23T08:00:00Z', { proxy: true });
    // Iris chose English for herself; Hanna chose nothing (the default, Dutch).
    await new PersonalChat(t, iris).say('taal en');
    a = await decided('19:loop-a@thread.v2', [anna, bram, cem], { decision: 'adapt', adoptedText: OWN_WORDS });
    b = await decided('19:loop-b@thread.v2', [dewi, eva, finn], { decision: 'accept', adoptedText: '' });
  }, 120_000);
  afterAll(() => t?.stop());

  it('sends each HR person one card, in their language, despite two members at once and a redelivery; none for a repeated share', async () => {
    const data = { groupId: a.g.groupId, proposalId: a.proposalId };
    const press = (who: TestUser, id?: string) => t.send(execute(a.g.conv, who, 'proposalToLo.share', data, a.summaryId, id));
    const results = await Promise.all([press(anna, 'share-anna'), press(bram), press(anna, 'share-anna')]);
    for (const r of results) expect(cardText(r.body.value)).toContain('Gedeeld met L&O op');
    await t.app.outbox.drain(10_000);
    await waitUntil('both HR people got the card', () => hrCards(hanna).length > 0 && hrCards(iris).length > 0, { state: () => `${hrCards(hanna).length}/${hrCards(iris).length}` });
    expect(hrCards(hanna)).toHaveLength(1);
    expect(hrCards(iris)).toHaveLength(1);

    // Hanna's in the default language, Iris's in the one she chose; both valid, what the record holds, nobody named.
    const [nl, en] = [hrCards(hanna)[0]!.card, hrCards(iris)[0]!.card];
    for (const card of [nl, en]) {
      expect(cardProblems(card)).toEqual([]);
      expect(cardText(card)).toContain(OWN_WORDS);
      expect(cardText(card)).toContain('Team Zorg');
      for (const absent of identities([anna, bram, cem])) expect(JSON.stringify(card)).not.toContain(absent);
    }
    expect(cardText(nl)).toContain(TITLE.nl);
    expect(cardText(nl)).toContain('Gedeeld met L&O op');
    expect(cardText(en)).toContain(TITLE.en);
    expect(cardText(en)).toContain('Shared with L&O on');
    expect(cardText(en)).not.toContain(TITLE.nl);

    // Its button opens the answer form of `voorstellen`, for this proposal.
    const form = await new PersonalChat(t, hanna).press('proposalToLo.open', actionData(nl, 'proposalToLo.open')!);
    expect(cardProblems(form)).toEqual([]);
    expect(cardText(form)).toContain(OWN_WORDS);
    expect(actionData(form, 'proposalToLo.answer')).toMatchObject({ id: (await t.store.container('installations').items.query("SELECT * FROM c WHERE c.type = 'proposalToLo'").fetchAll()).resources[0].id });

    // Cem shares again later: the record exists, no new card for anyone.
    await press(cem);
    await t.app.outbox.drain(10_000);
    expect(hrCards(hanna)).toHaveLength(1);
    expect(hrCards(iris)).toHaveLength(1);
  });

  it('costs the share\'s turn a query, the record\'s create and the notice\'s create, whatever the number of HR people; a repeated share queues none', async () => {
    await t.app.outbox.drain(10_000);
    t.proxy!.reset();
    const res = await t.send(execute(b.g.conv, eva, 'proposalToLo.share', { groupId: b.g.groupId, proposalId: b.proposalId }, b.summaryId, 'share-eva'));
    expect(cardText(res.body.value)).toContain('Gedeeld met L&O op');
    const seen = [...t.proxy!.seen];
    // As before L&O was told (stop 47, proposal-to-lo-requests.test.ts): the HR cards are queued by the outbox after the turn.
    expect(pressPath(seen)).toEqual(['query sessions', 'create installations', 'create outbox']);
    expect(seen.filter((r) => r.container !== 'outbox' && (r.crossPartition || r.kind === 'queryPlan'))).toEqual([]);
    await t.app.outbox.drain(10_000);
    await waitUntil('group B\'s share reached Hanna', () => hrCards(hanna).length === 2);

    // Finn shares it again: the record is there and marked as noticed by the notice's hook, so nothing is queued (no notice, no card for L&O).
    await waitUntil('group B\'s record marked as noticed', async () => !!(await recordOf(b))?.noticedAt);
    t.proxy!.reset();
    await t.send(execute(b.g.conv, finn, 'proposalToLo.share', { groupId: b.g.groupId, proposalId: b.proposalId }, b.summaryId, 'share-finn'));
    expect(pressPath([...t.proxy!.seen])).toEqual(['query sessions', 'create installations', 'pointRead installations']);
  });

  it('a press whose turn failed after the record was stored: the next member\'s press still brings each HR person one card', async () => {
    const c = await decided('19:loop-c@thread.v2', [gijs, hugo, jet], { decision: 'accept', adoptedText: '' });
    const data = { groupId: c.g.groupId, proposalId: c.proposalId };
    let sharedIdOfC = '';
    const aboutC = (who: TestUser) => cardsAbout(who, sharedIdOfC);
    await t.app.outbox.drain(10_000);

    // Gijs's press stores the record, then neither the outbox nor the scheduler's jobs (where a notice
    // that cannot be queued waits, stop 56) can be written to: his turn fails, nothing is queued.
    const failOutboxCreates = (req: { kind: string; container?: string }) => ((req.container === 'outbox' || req.container === 'jobs') && req.kind === 'create' ? ({ kind: 'status', status: 503 } as const) : undefined);
    const first = await t.proxy!.withFaults(failOutboxCreates, () => t.send(execute(c.g.conv, gijs, 'proposalToLo.share', data, c.summaryId, 'share-gijs')));
    expect(cardText(first.body?.value ?? {})).not.toContain('Gedeeld met L&O op');
    sharedIdOfC = (await recordOf(c))?.id;
    expect(sharedIdOfC).toBeTruthy();
    expect(await t.app.outbox.statusOf(sharedNoticeKey(sharedIdOfC))).toBeUndefined();
    await t.app.outbox.drain(10_000);
    expect([aboutC(hanna).length, aboutC(iris).length]).toEqual([0, 0]);

    // Hugo presses later: the record is there (not created by his press), and still both HR people hear of it, once.
    const second = await t.send(execute(c.g.conv, hugo, 'proposalToLo.share', data, c.summaryId, 'share-hugo'));
    expect(cardText(second.body.value)).toContain('Gedeeld met L&O op');
    await t.app.outbox.drain(10_000);
    await waitUntil('both HR people got group C\'s card', () => aboutC(hanna).length > 0 && aboutC(iris).length > 0, { state: () => `${aboutC(hanna).length}/${aboutC(iris).length}` });
    // Jet presses too (Teams delivers it twice): nothing more for anyone.
    await t.send(execute(c.g.conv, jet, 'proposalToLo.share', data, c.summaryId, 'share-jet'));
    await t.send(execute(c.g.conv, jet, 'proposalToLo.share', data, c.summaryId, 'share-jet'));
    await t.app.outbox.drain(10_000);
    expect([aboutC(hanna).length, aboutC(iris).length]).toEqual([1, 1]);
    for (const x of [...aboutC(hanna), ...aboutC(iris)]) expect(cardProblems(x.card)).toEqual([]);
    // The group's chat was told once.
    expect(t.connector.cards((x) => x.method === 'POST' && x.conversationId === c.g.conv.id).filter((x) => cardText(x.card).includes('Een groepslid deelde dit voorstel namens de groep met L&O'))).toHaveLength(1);
  }, 120_000);

  it('HR cards that could not be queued when the notice went out are queued when the outbox runs its hook again', async () => {
    const d = await decided('19:loop-d@thread.v2', [kees, lies, mo], { decision: 'accept', adoptedText: '' });
    await t.app.outbox.drain(10_000);
    // The press's own create (the notice) goes through; the next two creates in the outbox (the hook's HR cards) fail.
    let pressCreate = false;
    let failed = 0;
    t.proxy!.faults = (req) => {
      if (req.container !== 'outbox' || req.kind !== 'create') return undefined;
      if (!pressCreate) return void (pressCreate = true);
      if (failed >= 2) return undefined;
      failed++;
      return { kind: 'status', status: 503 };
    };
    let sharedId = '';
    try {
      const res = await t.send(execute(d.g.conv, kees, 'proposalToLo.share', { groupId: d.g.groupId, proposalId: d.proposalId }, d.summaryId, 'share-kees'));
      expect(cardText(res.body.value)).toContain('Gedeeld met L&O op');
      sharedId = (await recordOf(d))?.id;
      await t.app.outbox.drain(10_000);
      await waitUntil('both HR people got group D\'s card after the hook ran again', () => cardsAbout(hanna, sharedId).length > 0 && cardsAbout(iris, sharedId).length > 0, {
        state: () => `failed ${failed}, cards ${cardsAbout(hanna, sharedId).length}/${cardsAbout(iris, sharedId).length}`,
      });
    } finally {
      t.proxy!.faults = undefined;
    }
    expect(failed).toBe(2);
    expect(t.logs.some((l) => l.includes('proposalToLo.shared') && l.includes('hook failed; it runs again later'))).toBe(true);
    await t.app.outbox.drain(10_000);
    expect([cardsAbout(hanna, sharedId).length, cardsAbout(iris, sharedId).length]).toEqual([1, 1]);
  }, 120_000);

  it('shows the share and L&O\'s latest answer to the group\'s members in verantwoording and the tab, not to someone outside', async () => {
    // Once the group's chat was told, the proposal itself says it was shared (valid by its schema).
    await waitUntil('the share copied onto the proposal', async () => (await proposalDoc(a))?.lo !== undefined);
    expect(documentProblems('sessions', await proposalDoc(a))).toEqual([]);
    const annaChat = new PersonalChat(t, anna);
    const before = (await annaChat.say('verantwoording')).cards.map(cardText).join('\n');
    expect(before).toContain('Gedeeld met L&O op');
    expect(before).not.toContain('Antwoord van L&O');

    // Hanna answers twice: the members see the latest answer only.
    const hr = new PersonalChat(t, hanna);
    const id = (await t.store.container('installations').items.query(`SELECT * FROM c WHERE c.type = 'proposalToLo' AND c.groupId = '${a.g.groupId}'`).fetchAll()).resources[0].id;
    for (const answer of [LO_ANSWER, LO_ANSWER_2]) {
      const form = await hr.press('proposalToLo.open', { id });
      await hr.press('proposalToLo.answer', { ...actionData(form, 'proposalToLo.answer'), answer });
      await t.app.outbox.drain(10_000);
    }
    await waitUntil('the latest answer copied onto the proposal', async () => (await proposalDoc(a))?.lo?.answer?.text === LO_ANSWER_2);
    expect(documentProblems('sessions', await proposalDoc(a))).toEqual([]);

    const cards = (await annaChat.say('verantwoording')).cards;
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
    const chat = cards.map(cardText).join('\n');
    expect(chat).toContain('Gedeeld met L&O op');
    expect(chat).toContain('Antwoord van L&O op');
    expect(chat).toContain(LO_ANSWER_2);
    expect(chat).not.toContain(LO_ANSWER);

    const signIn = async (userId: string) => (await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })).json()).token as string;
    const api = async (userId: string, locale: 'nl' | 'en') => (await fetch(`${t.app.url}/api/verantwoording`, { headers: { authorization: `Bearer ${await signIn(userId)}`, 'accept-language': locale } })).json();
    const annaTab = await api(anna.aadObjectId, 'nl');
    const shown = annaTab.cycles.flatMap((c: any) => c.proposals).find((p: any) => p.id === a.proposalId);
    expect(shown.lo).toMatchObject({ answer: { text: LO_ANSWER_2 } });
    const tabNl = tabText(annaTab, 'nl');
    expect(tabNl).toContain('Gedeeld met L&O op');
    expect(tabNl).toContain(LO_ANSWER_2);

    // Bram reads in English, in the chat and the tab.
    const bramChat = new PersonalChat(t, bram);
    await bramChat.say('taal en');
    const chatEn = (await bramChat.say('verantwoording')).cards.map(cardText).join('\n');
    expect(chatEn).toContain('Shared with L&O on');
    expect(chatEn).toContain("L&O's answer of");
    expect(chatEn).toContain(LO_ANSWER_2);
    const tabEn = tabText(await api(bram.aadObjectId, 'en'), 'en');
    expect(tabEn).toContain('Shared with L&O on');
    expect(tabEn).toContain("L&O's answer of");

    // Someone outside group A (Finn, of group B, whose own share is not answered) sees nothing of A's answer.
    const finnChat = (await new PersonalChat(t, finn).say('verantwoording')).cards.map(cardText).join('\n');
    expect(finnChat).not.toContain(LO_ANSWER_2);
    expect(finnChat).not.toContain(OWN_WORDS);
    expect(JSON.stringify(await api(finn.aadObjectId, 'nl'))).not.toContain(LO_ANSWER_2);
  });

  // Last: it moves the clock on.
  it('a share pressed again after the outbox let the notice go asks for no notice: the group and L&O are not told twice', async () => {
    await t.app.outbox.drain(10_000);
    const postsInB = () => t.connector.cards((c) => c.method === 'POST' && c.conversationId === b.g.conv.id).length;
    const [before, hannaBefore] = [postsInB(), hrCards(hanna).length];
    // The notice went out, so its hook marked the record (valid by its schema): presses from now on ask for none.
    const record = await recordOf(b);
    expect(record.noticedAt).toBeDefined();
    expect(documentProblems('installations', record)).toEqual([]);
    // Past the days the outbox keeps a sent notice under its key (after which a queue would send it again).
    t.clock.set(new Date(t.clock.now().getTime() + DEFAULT_KEEP_SECONDS * 1000 + 24 * 3600 * 1000));
    t.proxy!.reset();
    const res = await t.send(execute(b.g.conv, dewi, 'proposalToLo.share', { groupId: b.g.groupId, proposalId: b.proposalId }, b.summaryId, 'share-dewi-later'));
    expect(cardText(res.body.value)).toContain('Gedeeld met L&O op');
    expect(pressPath([...t.proxy!.seen])).toEqual(['query sessions', 'create installations', 'pointRead installations']);
    await t.app.outbox.drain(10_000);
    expect(postsInB()).toBe(before);
    expect(hrCards(hanna)).toHaveLength(hannaBefore);
  });
});
