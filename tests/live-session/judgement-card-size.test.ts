import { user } from '../support/activities';
import { cardProblems, MAX_CARD_BYTES } from '../support/card-validator';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { MAX_CONTRIBUTION_LENGTH } from '../../src/domain/week-cycle/session';
import { MAX_PROPOSAL_LENGTH, MAX_REASON_LENGTH } from '../../src/domain/proposal/proposal';
import { actionData } from '../verantwoording/support';
import { waitUntil } from '../outbox/wait-until';

/**
 * Attack (by sheer size): eight members with the longest names Teams gives, each adding the longest
 * answer to the proposal question and judging it with the longest reason the form allows. Each
 * judgement press answers with the whole session card; with every reason shown in full it reached
 * 35 KB of JSON (70 KB in UTF-16, as Teams counts), close to the 80 KB Microsoft advises for a bot
 * message, and eight walls of text. Every card the group gets (the presser's own, the shared one)
 * must stay a valid card within that limit, in Dutch and English; the live card shows about two
 * lines of each reason, and says so.
 */
const longName = (n: string) => `${n} ${'van der Berg-Vermeulen de la Fontaine '.repeat(4)}`.slice(0, 100);
const MEMBERS8 = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva', 'Finn', 'Gijs', 'Hana'].map((n) => ({ ...user(n), name: longName(n) }));
const text = (n: number) => 'Lorem ipsum dolor sit amet, consectetur. '.repeat(Math.ceil(n / 41)).slice(0, n);
const SHORTENED = { nl: 'Lange toelichtingen staan hier ingekort', en: 'Long reasons are shortened here' };

describe('the judgement card at the largest inputs the forms allow', () => {
  let t: TestApp;
  let round = 0;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  });
  afterAll(() => t.stop());

  /** Day 1 with questions 1-7, questions 1-5 answered, every member's longest answer to 6, everyone at 7. */
  async function atJudgement(language: 'nl' | 'en') {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:judgement-size-${round++}@thread.v2`), MEMBERS8);
    await g.setUp(language);
    await g.startCycle();
    await g.press(MEMBERS8[0]!, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,2,3,4,5,6,7', day2: '8', day3: '9', day4: '10' }, 'cycle-card');
    await g.startSession();
    for (const [i, answer] of ['Overdracht', 'Info', 'Geen tijd', 'Te traag', 'Vaste momenten'].entries()) {
      await g.goTo(MEMBERS8[0]!, i);
      await g.contribute(MEMBERS8[0]!, i + 1, answer);
    }
    await g.goTo(MEMBERS8[0]!, 5);
    for (const m of MEMBERS8) await g.contribute(m, 6, text(MAX_CONTRIBUTION_LENGTH));
    await g.goTo(MEMBERS8[0]!, 6);
    return g;
  }

  it.each(['nl', 'en'] as const)('keeps every card within Teams\' limit while eight members judge with the longest reasons (%s)', async (language) => {
    const g = await atJudgement(language);
    const problems: Record<string, string[]> = {};
    for (const m of MEMBERS8) {
      const own = await g.press(m, 'proposal.judge', { ...g.ids(), opinion: 'doubt', reason: text(MAX_REASON_LENGTH) });
      problems[`${m.name.slice(0, 4)} own`] = cardProblems(own.value);
    }
    problems.shared = cardProblems(t.connector.latest(g.sessionMessageId));
    expect(Object.entries(problems).filter(([, p]) => p.length)).toEqual([]);
    expect(MAX_CARD_BYTES).toBeLessThanOrEqual(80 * 1024);
  });

  it('says that the reasons are shortened, and keeps the author\'s own reason in full in their form', async () => {
    const g = await atJudgement('nl');
    const reason = text(MAX_REASON_LENGTH);
    const card = (await g.press(MEMBERS8[1]!, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason })).value;
    const shown = cardText(card);
    expect(shown).toContain(`${reason.slice(0, 100)}`);
    expect(shown).toContain('…');
    expect(shown).toContain(SHORTENED.nl);
    expect(JSON.stringify(card)).toContain(JSON.stringify(reason)); // the form's value: theirs to change
  });

  it('shows a short reason as it was written, with no note', async () => {
    const g = await atJudgement('en');
    const card = (await g.press(MEMBERS8[2]!, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Clear and doable.' })).value;
    expect(cardText(card)).toContain('Clear and doable.');
    expect(cardText(card)).not.toContain(SHORTENED.en);
  });

  // Stop 48: the decided card also carries "Delen met L&O" (an adopted or adapted proposal). With the
  // longest decision the form allows after eight of the longest judgements, every card stays valid.
  it.each(['nl', 'en'] as const)('keeps the decided card, with its "Delen met L&O" button, within Teams\' limit at the longest decision (%s)', async (language) => {
    const g = await atJudgement(language);
    for (const m of MEMBERS8) await g.press(m, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: text(MAX_REASON_LENGTH) });
    const own = (await g.press(MEMBERS8[0]!, 'proposal.decide', { ...g.ids(), decision: 'adapt', decisionReason: text(MAX_REASON_LENGTH), adoptedText: text(MAX_PROPOSAL_LENGTH), firstStep: text(MAX_REASON_LENGTH) })).value;
    await waitUntil('the shared card shows the decision', () => actionData(t.connector.latest(g.sessionMessageId), 'proposalToLo.preview') !== undefined);
    const shared = t.connector.latest(g.sessionMessageId);
    expect(actionData(own, 'proposalToLo.preview')).toEqual({ groupId: g.groupId, proposalId: `${g.groupId}_w1_p`, sessionId: g.sessionId });
    expect(actionData(shared, 'proposalToLo.preview')).toEqual({ groupId: g.groupId, proposalId: `${g.groupId}_w1_p`, sessionId: g.sessionId });
    expect({ own: cardProblems(own), shared: cardProblems(shared) }).toEqual({ own: [], shared: [] });
  });
});
