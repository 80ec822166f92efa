/**
 * A draft the group did not wait for does not rewrite its decision.
 * Problem this guards against: a member asked the AI for a draft; while it worked, the group wrote
 * its own proposal, judged it and decided. The late draft was then stored as `drafted` next to the
 * decision: the card went back to asking the group to judge the AI's text, and the HR report
 * counted the decision as AI-drafted. A draft that lands after the decision is now dropped.
 */
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { gatedAzureOpenAi } from '../support/gated-azure-openai';
import { startTestApp, TestApp } from '../support/test-app';

const LATE_DRAFT = { proposal: 'LAATKOMER-AI: schaf de overdracht helemaal af', assumptions: ['a'], risks: ['r'], questionsToCheck: ['q'] };

describe('an AI draft that lands after the group decided', () => {
  let t: TestApp;
  let ai: Awaited<ReturnType<typeof gatedAzureOpenAi>>;
  beforeAll(async () => {
    ai = await gatedAzureOpenAi();
    t = await startTestApp(ai.env);
  });
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });

  it('does not turn a decided proposal into an AI draft the group is asked to judge', async () => {
    const [anna, bram, cem] = MEMBERS;
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:probe-late-draft@thread.v2'), MEMBERS.slice(0, 3)).answeredOnDayOne(['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier'], { checkIn: 4 });
    // Question 6: someone asks AI; while it thinks, the group writes its own proposal.
    await g.press(bram!, 'proposal.draft', g.ids());
    await ai.held();
    await g.contribute(cem!, 6, 'EIGEN-VOORSTEL: vaste overdracht van tien minuten');
    await g.goTo(anna!, 6);
    const proposalId = (await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'proposal'", parameters: [{ name: '@g', value: g.groupId }] }).fetchAll()).resources[0].id;
    for (const who of [anna!, bram!]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed' });
    const decided = await g.press(cem!, 'proposal.decide', { ...g.ids(), proposalId, decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Morgen beginnen.' });
    expect(cardText(decided.value)).toContain('EIGEN-VOORSTEL');

    // Only now does the model answer.
    ai.answer(LATE_DRAFT);
    await t.app.background.idle();

    const stored = (await t.store.container('sessions').item(proposalId, g.groupId).read()).resource;
    expect(stored.decision.text).toContain('EIGEN-VOORSTEL');
    // Back at question 6, would the card ask the group to judge an AI text after the decision was taken?
    const back = cardText((await g.goTo(anna!, 5)).value);
    // The group decided without the AI: its record should not say the AI drafted it (HR report's
    // `drafted`, the message extension), nor show a draft "to judge" after the decision.
    expect({ storedAs: stored.ai.status === 'drafted' ? 'drafted' : 'not drafted', q6ShowsLateDraft: back.includes('LAATKOMER-AI'), q6AsksToJudge: back.includes('Schrijf jullie oordeel hieronder') }).toEqual({ storedAs: 'not drafted', q6ShowsLateDraft: false, q6AsksToJudge: false });
  });
});

