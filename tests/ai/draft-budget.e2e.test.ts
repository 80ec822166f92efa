import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { gatedAzureOpenAi } from '../support/gated-azure-openai';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * An AI draft ends, in all, before the card would call it stalled.
 * Problem this guards against: with the default timeout per request, its retries and Azure's
 * Retry-After waits, one draft could run for about three minutes, past the two minutes after which
 * the card says "Het voorstel van AI kwam niet" and offers to ask again. A member who asked again
 * then started a second paid request beside the first, whose answer was thrown away. The draft now
 * has one time budget over all its attempts (shortened here from its production value).
 */
describe('an AI draft that takes longer than its budget', () => {
  let t: TestApp;
  let ai: Awaited<ReturnType<typeof gatedAzureOpenAi>>;
  beforeAll(async () => {
    ai = await gatedAzureOpenAi();
    // Azure's own timeout per request far beyond the test's: only the draft's budget can end it.
    t = await startTestApp({ ...ai.env, AI_TIMEOUT_MS: '600000' }, undefined, { draftBudgetMs: 500, sharedCardIntervalMs: 0 });
  });
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });

  it('ends as "took too long" while Azure still holds the request, and the group may ask again', async () => {
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:draft-budget@thread.v2'), MEMBERS.slice(0, 3)).answeredOnDayOne(['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier']);
    await g.press(MEMBERS[1]!, 'proposal.draft', g.ids());
    await ai.held(); // Azure has the request and never answers
    await t.app.background.idle();
    const card = g.sharedCard();
    expect(cardText(card)).toContain('AI deed er te lang over');
    expect(JSON.stringify(card)).toContain('"title":"Vraag AI opnieuw"');
  });
});
