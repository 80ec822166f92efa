import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { aiSettings, Behaviour, FakeAzureOpenAi, hang, malformed, outputFiltered, promptFiltered, rateLimited, startFakeAzureOpenAi, success, truncated } from '../support/fake-azure-openai';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * AI that fails well: whatever goes wrong with the draft (Azure's content filter on the prompt or
 * on the answer, an answer too long or malformed, no answer in time), the shared card says so
 * plainly, nothing of the failed answer is shown, and the group goes on with its own proposal.
 */
describe('a failed AI draft in a session', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;
  /** The same app with a one-second time-out, for the one case whose answer never comes. */
  let hanging: TestApp;

  async function groupAtQuestionSix(conversationId: string, app = t) {
    return new GroupDriver(app, app.conversation('groupChat', conversationId), MEMBERS.slice(0, 3)).answeredOnDayOne(['Overdracht', 'Informatie raakt kwijt', 'Geen vaste tijd', 'Overdracht moet beter', 'Formulier']);
  }

  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    // The time-out is a bound for the one case whose answer never comes, not a speed check: with
    // 300 ms, a scripted answer (a filter, a draft) that a busy machine served later was read as
    // "no answer in time" and the card said the wrong thing.
    t = await startTestApp(aiSettings(ai, { timeoutMs: 5_000, retries: 0 }), undefined, { sharedCardIntervalMs: 0 });
    // Where no answer ever comes, a short time-out cannot misread a late one, and the case need
    // not sit out five seconds.
    hanging = await startTestApp(aiSettings(ai, { timeoutMs: 1_000, retries: 0 }), undefined, { sharedCardIntervalMs: 0 });
  });
  afterAll(async () => {
    await hanging?.stop();
    await t.stop();
    await ai.close();
  });

  const cases: [string, Behaviour, string][] = [
    ['the content filter refuses the prompt', promptFiltered('violence'), 'Het inhoudsfilter van AI hield dit tegen'],
    ['the content filter stops the answer', outputFiltered('{"proposal": "GEFILTERDE TEKST', 'hate'), 'Het inhoudsfilter van AI hield dit tegen'],
    ['the answer is cut off', truncated('{"proposal": "AFGEKAPTE TEKST'), 'AI gaf een te lang antwoord'],
    ['the answer is too long', malformed({ proposal: 'TE LANGE TEKST '.repeat(200), assumptions: ['a'], risks: ['r'], questionsToCheck: ['q'] }), 'AI gaf een te lang antwoord'],
    ['the answer is no JSON', malformed('ONBRUIKBARE TEKST'), 'AI gaf een onbruikbaar antwoord'],
    ['no answer comes in time', hang(), 'AI deed er te lang over'],
  ];

  it.each(cases)('when %s, the card says so and the group writes its own proposal', async (name, behaviour, says) => {
    const app = behaviour.kind === 'hang' ? hanging : t;
    const g = await groupAtQuestionSix(`19:ai-${name.replace(/\W+/g, '-')}@thread.v2`, app);
    ai.script(behaviour);
    await g.press(MEMBERS[1]!, 'proposal.draft', g.ids());
    await app.app.background.idle();
    const shared = cardText(g.sharedCard());
    expect(shared).toContain(says);
    expect(shared).toContain('Ga verder met jullie eigen verbetervoorstel');
    expect(shared).not.toMatch(/GEFILTERDE|AFGEKAPTE|TE LANGE|ONBRUIKBARE/);
    const own = await g.contribute(MEMBERS[2]!, 6, 'Ons eigen voorstel: een vaste overdracht');
    expect(cardText(own.value)).toContain('Ons eigen voorstel: een vaste overdracht');
  });

  // Before: the card said only "go on with your own proposal" after a failure that passes by
  // itself (Azure busy, slow), and asking again meant knowing the button of an older card.
  it('offers to ask again after a failure that may pass, and asking again brings the draft', async () => {
    const g = await groupAtQuestionSix('19:ai-ask-again@thread.v2');
    ai.script(rateLimited(1));
    await g.press(MEMBERS[1]!, 'proposal.draft', g.ids());
    await t.app.background.idle();
    const failed = g.sharedCard();
    expect(cardText(failed)).toContain('AI is nu te druk bezet');
    const again = JSON.stringify(failed).includes('"title":"Vraag AI opnieuw"');
    expect(again).toBe(true);
    ai.script(success({ proposal: 'Een vaste overdracht van tien minuten', assumptions: ['a'], risks: ['r'], questionsToCheck: ['q'] }));
    await g.press(MEMBERS[2]!, 'proposal.draft', g.ids());
    await t.app.background.idle();
    expect(cardText(g.sharedCard())).toContain('Een vaste overdracht van tien minuten');
  });

  it('does not offer to ask again where the same answers would fail again (the content filter)', async () => {
    const g = await groupAtQuestionSix('19:ai-no-ask-again@thread.v2');
    ai.script(promptFiltered('violence'));
    await g.press(MEMBERS[1]!, 'proposal.draft', g.ids());
    await t.app.background.idle();
    expect(JSON.stringify(g.sharedCard())).not.toContain('"verb":"proposal.draft"');
  });

  it('says it in English for an English group', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:ai-english@thread.v2'), MEMBERS.slice(0, 3));
    await g.setUp('en');
    await g.startCycle();
    await g.press(MEMBERS[0]!, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,2,3,4,5,6,7', day2: '8', day3: '9', day4: '10' }, 'cycle-card');
    await g.startSession();
    await g.contribute(MEMBERS[0]!, 1, 'Handover');
    await g.goTo(MEMBERS[0]!, 5);
    ai.script(promptFiltered('hate'));
    await g.press(MEMBERS[1]!, 'proposal.draft', g.ids());
    await t.app.background.idle();
    expect(cardText(g.sharedCard())).toContain("AI's content filter stopped this");
  });
});
