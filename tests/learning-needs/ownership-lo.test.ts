/**
 * Found in review, stop 49 (ownership): what HR/L&O and the group receive of a proposal shared with L&O.
 *
 * A group (Anna, Bram, Cem) asks the AI for a proposal and adopts the draft as it is; its first
 * step, as the form asks ("wie doet wat, wanneer?"), names a colleague: "Bram belt ...". Anna shares
 * it with L&O; Hanna (HR/L&O) answers; the next week the group says the first step was dropped.
 *
 * 1. L&O's answer in the group's chat showed the proposal ("Jullie voorstel") as the AI's words
 *    without "Opgesteld door AI, aangenomen door de groep", the label every other place carries.
 * 2. HR's report withholds the first step's text because it names who does what and whether they
 *    came to it (tests/hr-report/adoption.e2e.test.ts); yet the same HR/L&O person got that text
 *    on the share card, and the report puts "Eerste stap: losgelaten" and the share's date next to
 *    the same proposal: together they said Bram did not do what he took on.
 * 3. L&O's card said the group shared it, while one member pressed "Delen namens de groep".
 *
 * What must hold: the answer card labels the AI's words; the first step stays with the group (not
 * stored with the share, not shown to L&O, also not of a record stored before); L&O reads that a
 * group member shared it on the group's behalf.
 */
import { TestUser, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi } from '../support/fake-azure-openai';
import { aiDraft, groupWithAiDraft } from '../support/ai-fixtures';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { reportCard } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { actionData, PersonalChat } from '../verantwoording/support';

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const hanna = user('Hanna'); // HR/L&O
const AI_TEXT = 'AI-TEKST: elke overdracht begint aan een vaste tafel met een checklist.';
const FIRST_STEP = 'Bram belt vrijdag de apotheek over de nieuwe lijst.';
const LO_ANSWER = 'L&O-ANTWOORD: we nemen dit op in het scholingsplan.';
const AI_LABEL = 'Opgesteld door AI, aangenomen door de groep';
const SHARE_TITLE = 'Een groepslid deelde dit voorstel namens de groep met L&O';

describe('ownership of what L&O and the group receive of a shared proposal', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;
  let g: GroupDriver;
  let proposalId = '';
  const groupCards = () => t.connector.cards((c) => c.method === 'POST' && c.conversationId === g.conv.id);
  const hrCards = () => t.connector.cards((c) => c.method === 'POST' && c.conversationId === t.connector.personalChats.get(hanna.aadObjectId)).filter((x) => cardText(x.card).includes(SHARE_TITLE));
  const sharedRecords = async () => (await t.store.container('installations').items.query("SELECT * FROM c WHERE c.type = 'proposalToLo'").fetchAll()).resources;

  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    t = await startTestApp({ ...aiSettings(ai, { timeoutMs: 2000, retries: 0 }), HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z');
    g = await groupWithAiDraft(t, ai, '19:ownership-lo@thread.v2', aiDraft(AI_TEXT));
    proposalId = `${g.groupId}_w1_p`;
    for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed te doen' });
    await g.press(cem, 'proposal.decide', { ...g.ids(), proposalId, decision: 'accept', adoptedText: '', decisionReason: 'Eenvoudig', firstStep: FIRST_STEP });
    const stored = (await t.store.container('sessions').item(proposalId, g.groupId).read()).resource;
    expect(stored.decision).toMatchObject({ verdict: 'accept', text: AI_TEXT, firstStep: FIRST_STEP });
    expect(stored.ai.status).toBe('drafted');
    await g.end(anna);
    await t.app.outbox.drain(10_000);
    const summary = groupCards().find((c) => /Samenvatting/.test(cardText(c.card)));
    // The group's own summary keeps its first step: it is the group's.
    expect(cardText(summary!.card)).toContain(AI_LABEL);
    expect(cardText(summary!.card)).toContain(FIRST_STEP);
    const shared = await g.press(anna, 'proposalToLo.share', { groupId: g.groupId, proposalId }, summary!.call.id as string);
    expect(cardText(shared.value)).toContain('Gedeeld met L&O op');
    await t.app.outbox.drain(10_000);
    await waitUntil('Hanna got the share card', () => hrCards().length > 0);
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await ai?.close();
  });

  it('keeps the first step out of the share, and says a group member shared it on behalf of the group', async () => {
    const records = await sharedRecords();
    expect(records).toHaveLength(1);
    expect(records[0].proposal).toEqual({ verdict: 'accept', source: 'adoptedAiDraft', text: AI_TEXT, reason: 'Eenvoudig' });
    const notice = groupCards().map((c) => cardText(c.card)).find((x) => x.includes('namens de groep met L&O'));
    expect(notice).toBeDefined();
    expect(notice).toContain('Een groepslid deelde dit voorstel namens de groep met L&O');
    expect(notice).toContain('de eerste stap blijft in de groep');
    expect(notice).not.toContain(FIRST_STEP);
    const hrCard = hrCards()[0]!.card;
    expect(cardProblems(hrCard)).toEqual([]);
    expect(cardText(hrCard)).toContain(AI_LABEL);
  });

  it("L&O's answer in the group's chat labels the adopted AI draft as the AI's text", async () => {
    const hr = new PersonalChat(t, hanna);
    const form = await hr.press('proposalToLo.open', actionData(hrCards()[0]!.card, 'proposalToLo.open')!);
    expect(cardText(form)).not.toContain(FIRST_STEP);
    const before = groupCards().length;
    await hr.press('proposalToLo.answer', { ...actionData(form, 'proposalToLo.answer'), answer: LO_ANSWER });
    await t.app.outbox.drain(10_000);
    await waitUntil("L&O's answer reached the group's chat", () => groupCards().slice(before).some((x) => cardText(x.card).includes(LO_ANSWER)));
    const answerCard = groupCards().slice(before).find((x) => cardText(x.card).includes(LO_ANSWER))!.card;
    expect(cardProblems(answerCard)).toEqual([]);
    const text = cardText(answerCard);
    // The card shows the proposal the answer is about, the AI's words, under the label every other place carries.
    expect(text).toContain(AI_TEXT);
    expect({ labelled: text.includes(AI_LABEL), labelBeforeText: text.indexOf(AI_LABEL) < text.indexOf(AI_TEXT) }).toEqual({ labelled: true, labelBeforeText: true });
  });

  it("HR/L&O does not get the first step's text that names a colleague, which HR's report withholds next to its outcome", async () => {
    // The group looks back on its first step the next week: Bram did not get to it.
    t.clock.set('2026-11-30T08:00:00Z');
    await g.startCycle(2);
    await g.startSession();
    await g.press(anna, 'proposal.firstStep', { ...g.ids(), proposalId, firstStepStatus: 'dropped', firstStepNote: 'Kwam er niet van.' });
    expect((await t.store.container('sessions').item(proposalId, g.groupId).read()).resource.firstStepOutcome).toMatchObject({ status: 'dropped' });

    // HR's report shows, for this proposal, that it was shared with L&O and that its first step was dropped, without the step's text.
    t.clock.set('2026-11-30T10:00:00Z');
    const report = cardText(await reportCard(t, t.conversation('channel', '19:hr-channel@thread.tacv2'), hanna, 'rapport 2026-11-01 2026-11-30'));
    expect(report).toContain('Team Zorg');
    expect(report).toContain(AI_TEXT.slice(0, 40));
    expect(report).toContain('Eerste stap: losgelaten');
    expect(report).toContain('Gedeeld met L&O op 23 nov 2026');
    expect(report).not.toContain(FIRST_STEP);

    // Nor does the same HR/L&O person hold the step's text, naming Bram, on the card of the share or in 'voorstellen'.
    const shareCard = cardText(hrCards()[0]!.card);
    const list = (await new PersonalChat(t, hanna).say('voorstellen')).cards.map(cardText).join('\n');
    expect({ shareCard: shareCard.includes(FIRST_STEP), list: list.includes(FIRST_STEP) }).toEqual({ shareCard: false, list: false });
  });

  it('does not show L&O the first step of a record stored when it still went along', async () => {
    // A share stored before the first step stayed with the group holds its text.
    const [record] = await sharedRecords();
    await t.store.container('installations').item(record.id, record.tenantId).replace({ ...record, proposal: { ...record.proposal, firstStep: FIRST_STEP } });
    const hr = new PersonalChat(t, hanna);
    const list = await hr.say('voorstellen');
    for (const card of list.cards) expect(cardProblems(card)).toEqual([]);
    const listText = list.cards.map(cardText).join('\n');
    expect(listText).toContain(AI_TEXT);
    const form = await hr.press('proposalToLo.open', { id: record.id });
    expect(cardText(form)).toContain(AI_TEXT);
    expect({ list: listText.includes(FIRST_STEP), form: cardText(form).includes(FIRST_STEP) }).toEqual({ list: false, form: false });
  });
});
