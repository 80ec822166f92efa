import { user } from '../support/activities';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi, success } from '../support/fake-azure-openai';
import { buttonData } from '../support/card-fields';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { cardProblems } from '../support/card-validator';

const SIX = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva', 'Finn'].map(user);
type Member = (typeof SIX)[number];
const [anna, bram, cem, dewi, eva] = SIX as [Member, Member, Member, Member, Member];
const DRAFT = { proposal: 'AI-TEKST: schaf de overdracht af en gebruik een app.', assumptions: ['Iedereen heeft een telefoon'], risks: ['Privacy'], questionsToCheck: ['Mag dat?'] };
const OWN = 'Ons eigen voorstel: een vaste overdrachtstafel om kwart voor.';
const ADDED = 'En iedereen blijft een uur langer.';


/**
 * Question 7 decides on the text the members saw and judged: an AI draft landing late, a line
 * added to the group's own proposal, or another member's decision pressed at the same moment
 * never makes the app record something as the group's decision that the group did not judge.
 */
describe('the group decides on the text it judged', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;

  /** Everyone checked in; Bram wrote the group's own proposal; the group at question 7. */
  async function atQuestionSeven(conversationId: string): Promise<GroupDriver> {
    const g = await new GroupDriver(t, t.conversation('groupChat', conversationId), SIX).answeredOnDayOne(['Overdracht', 'Informatie raakt kwijt', 'Geen vaste tijd', 'Overdracht moet korter', 'Formulier'], { author: anna, checkIn: 4 });
    await g.contribute(bram, 6, OWN);
    await g.goTo(anna, 6);
    return g;
  }

  /** Three of the six judge from the card they see: the decision opens. */
  async function judgeFromCard(g: GroupDriver, who: readonly Member[], reason = 'Oordeel'): Promise<void> {
    for (const [i, m] of who.entries()) {
      const view = (await g.press(m, 'session.refresh', g.ids())).value;
      await g.press(m, 'proposal.judge', { ...buttonData(view, 'proposal.judge'), opinion: i === 2 ? 'doubt' : 'agree', reason: `${reason} (${m.name})` });
    }
  }

  async function judgedOwnProposal(conversationId: string): Promise<GroupDriver> {
    const g = await atQuestionSeven(conversationId);
    await judgeFromCard(g, [anna, bram, cem]);
    return g;
  }

  const proposalDoc = async (g: GroupDriver) => (await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource;
  const accept = (form: unknown) => ({ ...buttonData(form, 'proposal.decide'), decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Tafel neerzetten' });

  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    t = await startTestApp(aiSettings(ai, { timeoutMs: 2000, retries: 1 }));
  });
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });

  it('does not start an AI draft once the group judges its own proposal, and adopts the text the group judged', async () => {
    const g = await judgedOwnProposal('19:integrity-ai-late@thread.v2');
    // The decision form is open, showing the group's own proposal: that is what the three judged.
    const dewisForm = g.sharedCard();
    expect(cardText(dewisForm)).toContain('Jullie eigen voorstel, zoals het er nu staat');
    expect(cardText(dewisForm)).toContain(OWN);

    // Eva's card is still at question 6, with the draft button: pressing it starts nothing, and says why.
    ai.script(success(DRAFT));
    const requests = ai.requests.length;
    const refused = await g.press(eva, 'proposal.draft', g.ids());
    await t.app.background.idle();
    expect(refused.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(refused.value)).toContain('De groep beoordeelt al jullie eigen voorstel');
    expect(ai.requests.length).toBe(requests);
    expect((await proposalDoc(g)).ai.status).toBe('none');
    // At question 6 the button is gone, with the reason.
    await g.goTo(anna, 5);
    expect(cardText(g.sharedCard())).not.toContain('Vraag AI om een voorstel');
    expect(cardText(g.sharedCard())).toContain('De groep beoordeelt al jullie eigen voorstel');
    await g.goTo(anna, 6);

    await g.press(dewi, 'proposal.decide', accept(dewisForm));
    const stored = (await proposalDoc(g)).decision;
    expect(stored).toMatchObject({ verdict: 'accept', text: OWN, judged: { agree: 2, doubt: 1, disagree: 0 } });
  });

  it('does not adopt an AI draft that landed after the group judged its own text: those judgements no longer count', async () => {
    const g = await atQuestionSeven('19:integrity-ai-race@thread.v2');
    // The draft is asked for before anyone judged, and lands only after three judged the group's own text.
    const held: (() => Promise<void>)[] = [];
    const run = t.app.background.run.bind(t.app.background);
    t.app.background.run = (_name: string, work: () => Promise<void>) => void held.push(work);
    try {
      await g.press(eva, 'proposal.draft', g.ids());
    } finally {
      t.app.background.run = run;
    }
    expect(held).toHaveLength(1);
    await judgeFromCard(g, [anna, bram, cem]);
    const dewisForm = g.sharedCard();
    expect(cardText(dewisForm)).toContain(OWN);
    ai.script(success(DRAFT));
    await held[0]!();
    expect((await proposalDoc(g)).ai.status).toBe('drafted');

    // Dewi accepts from the form that showed the group's own text: refused, her inputs kept, the AI text shown as it stands.
    const answer = (await g.press(dewi, 'proposal.decide', accept(dewisForm))).value;
    expect((await proposalDoc(g)).decision).toBeUndefined();
    expect(cardProblems(answer)).toEqual([]);
    const text = cardText(answer);
    expect(text).toContain('Het voorstel is veranderd sinds je kaart het toonde');
    expect(text).toContain('Het voorstel van AI, zoals het er nu staat');
    expect(text).toContain(DRAFT.proposal);
    expect(text).toContain('Eenvoudig');
    expect(text).toContain('Tafel neerzetten');
    expect(text).toContain('3 oordelen over een eerdere tekst van het voorstel; tellen niet mee');
    expect(text).toContain('0 oordelen, van 6 aanwezigen.');

    // An old card that names no text cannot adopt it either: nobody judged the AI text yet.
    await g.press(dewi, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Tafel neerzetten' });
    expect((await proposalDoc(g)).decision).toBeUndefined();

    // Judged again, of the AI text, the group can adopt it.
    await judgeFromCard(g, [anna, bram, cem], 'Over de AI-tekst');
    await g.press(dewi, 'proposal.decide', accept(g.sharedCard()));
    expect((await proposalDoc(g)).decision).toMatchObject({ verdict: 'accept', text: DRAFT.proposal, judged: { agree: 2, doubt: 1, disagree: 0 } });
  });

  it('does not adopt a line added to the group\'s own proposal that the deciding member never saw', async () => {
    const g = await judgedOwnProposal('19:integrity-edit@thread.v2');
    // Dewi's own view: the proposal, her judgement form and the decision form.
    const dewisForm = (await g.press(dewi, 'session.refresh', g.ids())).value;
    expect(cardText(dewisForm)).toContain(OWN);
    // Eva adds a line to question 6 from her card; her own addition edits only her own card.
    await g.contribute(eva, 6, ADDED);
    expect(cardText(g.sharedCard())).not.toContain(ADDED);

    const answer = (await g.press(dewi, 'proposal.decide', accept(dewisForm))).value;
    expect((await proposalDoc(g)).decision).toBeUndefined();
    const text = cardText(answer);
    expect(text).toContain('Het voorstel is veranderd sinds je kaart het toonde');
    expect(text).toContain(`${OWN}\n${ADDED}`);
    expect(text).toContain('Eenvoudig');
    // A card that names no text: the judgements were of the text without the line, so nothing is adopted.
    await g.press(dewi, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Tafel neerzetten' });
    expect((await proposalDoc(g)).decision).toBeUndefined();
    // A judgement pressed on a card from before the line is refused too, the member's words kept.
    const stale = (await g.press(dewi, 'proposal.judge', { ...buttonData(dewisForm, 'proposal.judge'), opinion: 'agree', reason: 'Prima zo' })).value;
    expect(cardText(stale)).toContain('Het voorstel is veranderd sinds je kaart het toonde');
    expect(cardText(stale)).toContain('Prima zo');

    // Judged again, with the line in view, the group adopts the text as it stands.
    await judgeFromCard(g, [anna, bram, cem], 'Met de extra regel');
    await g.press(dewi, 'proposal.decide', accept(g.sharedCard()));
    expect((await proposalDoc(g)).decision?.text).toBe(`${OWN}\n${ADDED}`);
  });

  it('two members deciding at once with different choices: the one not stored is told so, with what they entered', async () => {
    const g = await judgedOwnProposal('19:integrity-two-deciders@thread.v2');
    const form = g.sharedCard();
    const dewisPress = { ...buttonData(form, 'proposal.decide'), decision: 'accept', decisionReason: 'Dewi: eenvoudig', adoptedText: '', firstStep: 'Tafel neerzetten' };
    const evasPress = { ...buttonData(form, 'proposal.decide'), decision: 'reject', decisionReason: 'Eva: het lost niets op', adoptedText: '', firstStep: '' };
    const [a, b] = await Promise.all([g.press(dewi, 'proposal.decide', dewisPress), g.press(eva, 'proposal.decide', evasPress)]);
    const stored = (await proposalDoc(g)).decision;
    const dewiWon = stored.verdict === 'accept';
    expect(stored.reason).toBe(dewiWon ? 'Dewi: eenvoudig' : 'Eva: het lost niets op');
    const loser = dewiWon ? { who: eva, card: b.value, press: evasPress, choice: 'Afwijzen' } : { who: dewi, card: a.value, press: dewisPress, choice: 'Aannemen zoals het is' };
    const winner = dewiWon ? { who: dewi, card: a.value, press: dewisPress } : { who: eva, card: b.value, press: evasPress };

    // Not an error card, not silent: the group's decision, the notice, and what the member entered.
    expect(cardProblems(loser.card)).toEqual([]);
    const text = cardText(loser.card);
    expect(text).not.toContain('Dat lukte niet');
    expect(text).toContain(`Besluit van de groep: ${dewiWon ? 'aannemen zoals het is' : 'afwijzen'}`);
    expect(text).toContain('Een ander lid heeft het besluit van de groep al vastgelegd');
    expect(text).toContain('Wat je invulde (niet opgeslagen)');
    expect(text).toContain(loser.press.decisionReason);
    expect(text).toContain(loser.choice);
    expect(cardText(winner.card)).not.toContain('Een ander lid heeft het besluit');

    // Teams redelivering either press stores nothing new: the winner sees the decision, the other hears it again.
    const again = await g.press(winner.who, 'proposal.decide', winner.press);
    expect(cardText(again.value)).not.toContain('Een ander lid heeft het besluit');
    const loserAgain = await g.press(loser.who, 'proposal.decide', loser.press);
    expect(cardText(loserAgain.value)).toContain('Een ander lid heeft het besluit van de groep al vastgelegd');
    expect((await proposalDoc(g)).decision).toEqual(stored);
  });

  it('keeps judgements stored before they named their text counting for the text as it stands', async () => {
    const g = await judgedOwnProposal('19:integrity-legacy@thread.v2');
    const container = t.store.container('sessions');
    const { resources } = await container.items
      .query({ query: "SELECT * FROM c WHERE c.type = 'judgement' AND c.proposalId = @p", parameters: [{ name: '@p', value: `${g.groupId}_w1_p` }] }, { partitionKey: g.groupId })
      .fetchAll();
    expect(resources).toHaveLength(3);
    for (const doc of resources) {
      expect(doc.textFingerprint).toEqual(expect.any(String));
      const { textFingerprint: _fp, _rid, _self, _etag, _attachments, _ts, ...old } = doc;
      await container.items.upsert(old);
    }
    // The text changes; the old judgements count as they always did, for the text as it stands.
    await g.contribute(eva, 6, ADDED);
    const view = (await g.press(dewi, 'session.refresh', g.ids())).value;
    expect(cardText(view)).toContain('3 oordelen, van 6 aanwezigen.');
    await g.press(dewi, 'proposal.decide', accept(view));
    expect((await proposalDoc(g)).decision).toMatchObject({ verdict: 'accept', text: `${OWN}\n${ADDED}`, judged: { agree: 2, doubt: 1, disagree: 0 } });
  });
});
