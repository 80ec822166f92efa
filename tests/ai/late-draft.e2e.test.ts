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

describe('an AI draft that lands while the group writes and judges its own proposal', () => {
  let t: TestApp;
  let ai: Awaited<ReturnType<typeof gatedAzureOpenAi>>;
  beforeAll(async () => {
    ai = await gatedAzureOpenAi();
    t = await startTestApp(ai.env, undefined, { sharedCardIntervalMs: 0 });
  });
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });

  const [anna, bram, cem] = MEMBERS;

  /** Question 6: someone asks AI; while it thinks, the group writes its own proposal, and Anna and Bram judge it. */
  async function ownProposalJudgedWhileAiThinks(chat: string, reason: string): Promise<{ g: GroupDriver; proposalId: string }> {
    const g = await new GroupDriver(t, t.conversation('groupChat', chat), MEMBERS.slice(0, 3)).answeredOnDayOne(['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier'], { checkIn: 4 });
    await g.press(bram!, 'proposal.draft', g.ids());
    await ai.held();
    await g.contribute(cem!, 6, 'EIGEN-VOORSTEL: vaste overdracht van tien minuten');
    await g.goTo(anna!, 6);
    const proposalId = (await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'proposal'", parameters: [{ name: '@g', value: g.groupId }] }).fetchAll()).resources[0].id;
    for (const who of [anna!, bram!]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason });
    return { g, proposalId };
  }

  it('does not turn a decided proposal into an AI draft the group is asked to judge', async () => {
    const { g, proposalId } = await ownProposalJudgedWhileAiThinks('19:late-draft@thread.v2', 'Goed');
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

  /**
   * The session summary showed the members' judgements of the group's OWN proposal text
   * underneath an AI draft that landed after they judged, without saying they were of another
   * text. The card then reads as "Anna and Bram agreed" with the AI's proposal, which they never
   * judged. The live card marks them as "over een eerdere tekst; telt niet mee"; the summary now
   * lists only the judgements of the text it shows, and counts the others apart. Found in review, stop 32.
   */
  it('the summary shows judgements given before the AI draft landed as judgements of an earlier text, not of the AI proposal', async () => {
    const { g } = await ownProposalJudgedWhileAiThinks('19:summary-earlier@thread.v2', 'OORDEEL-OVER-EIGEN-TEKST');
    // The AI answers now, before any decision.
    ai.answer(LATE_DRAFT);
    await t.app.background.idle();
    // The live card says these judgements are of an earlier text.
    const live = cardText((await g.goTo(anna!, 6)).value);
    expect(live).toContain('LAATKOMER-AI');
    expect(live).toMatch(/eerdere tekst/);

    const before = t.connector.calls.length;
    await g.end(anna!);
    await t.app.outbox.drain(30_000);
    const summary = t.connector.calls.slice(before).map((c) => c.activity?.attachments?.[0]?.content).find((c) => c && cardText(c).includes('Samenvatting'));
    expect(summary).toBeDefined();
    const text = cardText(summary);
    expect(text).toContain('LAATKOMER-AI');
    // The judgements shown with the AI draft: are they said to be of an earlier text?
    const shownAsJudgementsOfAiDraft = text.includes('OORDEEL-OVER-EIGEN-TEKST') && !/eerdere tekst|earlier text/i.test(text);
    expect({ shownAsJudgementsOfAiDraft }).toEqual({ shownAsJudgementsOfAiDraft: false });
    // Not listed under the AI draft at all: counted apart as judgements of an earlier text.
    expect(text).not.toContain('OORDEEL-OVER-EIGEN-TEKST');
    expect(text).toMatch(/oordelen gingen over een eerdere tekst/);
  });
});
