import { cardText, MEMBERS } from '../support/group-driver';
import { success } from '../support/fake-azure-openai';
import { groupAtQuestionSix, startAppWithAi } from '../support/ai-fixtures';

/**
 * An AI answer that is empty to the eye (only zero-width and direction characters in every
 * field) is an empty answer: the card must call it unusable. It showed an AI proposal with no
 * text, which the group could judge and adopt. Found in review, stop 37.
 */
describe('an AI answer of invisible characters only', () => {
  let env: Awaited<ReturnType<typeof startAppWithAi>>;
  beforeAll(async () => { env = await startAppWithAi({ sharedCardIntervalMs: 0 }); });
  afterAll(() => env.stop());

  it('is treated as unusable output', async () => {
    const { ai, t } = env;
    const g = await groupAtQuestionSix(t, '19:probe-invisible@thread.v2');
    const blank = '\u200B\u200E\u2060';
    ai.script(success({ proposal: blank, assumptions: [blank], risks: [blank], questionsToCheck: [blank] }));
    await g.press(MEMBERS[1]!, 'proposal.draft', g.ids());
    await t.app.background.idle();
    const shared = cardText(g.sharedCard());
    // What the group can do with it: judge it and adopt it "as is".
    await g.goTo(MEMBERS[0]!, 6);
    const fp = JSON.stringify(g.sharedCard()).match(/"textFingerprint":"([^"]+)"/)?.[1];
    for (const m of MEMBERS.slice(0, 2)) await g.press(m, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Prima', textFingerprint: fp });
    await g.press(MEMBERS[2]!, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'Akkoord', adoptedText: '', firstStep: 'Morgen', textFingerprint: fp });
    const { resources } = await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'proposal'", parameters: [] }, { partitionKey: g.groupId }).fetchAll();
    const adopted = resources[0].decision?.text;
    expect({ shownAsAiDraft: shared.includes('Gemaakt door AI'), saysUnusable: shared.includes('AI gaf een onbruikbaar antwoord'), adoptedInvisibleText: adopted === blank }).toEqual({ shownAsAiDraft: false, saysUnusable: true, adoptedInvisibleText: false });
  }, 60_000);
});
