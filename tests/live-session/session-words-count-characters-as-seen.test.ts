/**
 * Found in stop 57 (fixed then: the session card's verbs take typed words with a transport bound,
 * and the week-cycle use cases check their limits in characters as they show before they read the session).
 *
 * Since stop 56 every text limit counts characters as they show (an emoji is one, though two UTF-16
 * code units), and the card's inputs let a member type that far. The session card's verbs still
 * bounded the words by the limit in code units: an answer of 1,900 characters, 150 of them emoji
 * (2,050 units), was refused as "2.050 of 2.000". The limit check still runs before the session is
 * read: after the close the closed card names the reason next to the kept text, and with the store
 * down the refused form comes back, not the store's error card.
 */
import { TestUser } from '../support/activities';
import { field, inputValues } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { CLOSED_REFUSAL, decidedThenWeekTwo, ERROR_TITLE } from './support';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

/** `letters` letters, then `emoji` emoji: `letters + emoji` characters as they show, `letters + 2 * emoji` code units. */
const withEmoji = (letter: string, letters: number, emoji: string, count: number) => letter.repeat(letters) + emoji.repeat(count);

describe("the session card's words count characters as they show", () => {
  let t: TestApp;
  let round = 0;

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES, sharedCardIntervalMs: 0 });
  });
  afterAll(() => t.stop());
  afterEach(() => {
    t.proxy!.faults = undefined;
  });

  /** Day 1 open with questions 1, 9 and 10 (9 and 10 are personal). */
  async function dayOne() {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:words-as-seen-${round++}@thread.v2`), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,9,10', day2: '2,3,4', day3: '5,6,7', day4: '8' }, 'cycle-card');
    await g.startSession();
    return g;
  }

  /** Day 1 with questions 1-7 answered up to the judgement (question 7). */
  async function atJudgement() {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:words-as-seen-${round++}@thread.v2`), [anna, bram, cem, dewi]);
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4 });
    return g;
  }

  it('a group answer of 1,900 characters, 150 of them emoji (2,050 code units), is stored', async () => {
    const g = await dayOne();
    const answer = withEmoji('a', 1750, '😀', 150);
    expect({ units: answer.length, seen: [...answer].length }).toEqual({ units: 2050, seen: 1900 });
    const res = await g.contribute(bram, 1, answer);
    expect(cardText(res.value)).not.toMatch(/Hoogstens|Nog niet bewaard|Dat lukte niet/);
    expect((await g.items('contribution')).map((c) => c.text)).toEqual([answer]);
  });

  it('a personal answer of 4,000 characters, 300 of them emoji (4,300 code units), is stored', async () => {
    const g = await dayOne();
    await g.goTo(anna, 1);
    const answer = withEmoji('p', 3700, '🌱', 300);
    const res = await g.press(cem, 'session.personal', { ...g.ids(), questionId: 9, text: answer });
    expect(cardText(res.value)).not.toMatch(/Hoogstens|Nog niet bewaard|Dat lukte niet/);
    const stored = (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'personalAnswer' AND c.sessionId = @s", parameters: [{ name: '@s', value: g.sessionId }] }).fetchAll()).resources;
    expect(stored.map((a) => a.text)).toEqual([answer]);
  });

  it("a judgement's reason, a decision's reason, own words and first step, and the look back's note, each at its limit with emoji, are stored", async () => {
    const g = await atJudgement();
    const reason = withEmoji('r', 850, '👍', 150);
    for (const who of [anna, bram, cem]) {
      const res = await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason });
      expect(cardText(res.value)).not.toMatch(/Hoogstens|Dat lukte niet/);
    }
    const decision = { decision: 'adapt', decisionReason: withEmoji('d', 800, '🙂', 200), adoptedText: withEmoji('o', 3600, '🌷', 400), firstStep: withEmoji('s', 900, '🚀', 100) };
    const decided = await g.press(dewi, 'proposal.decide', { ...g.ids(), ...decision });
    expect(cardText(decided.value)).not.toMatch(/Hoogstens|Dat lukte niet/);
    const proposal = (await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource;
    expect(proposal.decision).toMatchObject({ verdict: 'adapt', reason: decision.decisionReason, text: decision.adoptedText, firstStep: decision.firstStep });
    const judgements = (await t.store.container('sessions').items.query("SELECT * FROM c WHERE c.type = 'judgement'", { partitionKey: g.groupId }).fetchAll()).resources;
    expect(judgements.map((j) => j.reason)).toEqual([reason, reason, reason]);

    await g.end(anna);
    await g.startCycle(2);
    await g.startSession(anna, `${g.groupId}_w2`);
    const note = withEmoji('n', 700, '🎯', 300);
    const looked = await g.press(bram, 'proposal.firstStep', { ...g.ids(), proposalId: `${g.groupId}_w1_p`, firstStepStatus: 'underway', firstStepNote: note });
    expect(cardText(looked.value)).not.toMatch(/Hoogstens|Dat lukte niet/);
    expect((await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource.firstStepOutcome).toMatchObject({ status: 'underway', note });
  });

  it('words typed and not saved come back whole on "Vernieuwen"', async () => {
    const g = await dayOne();
    const draft = withEmoji('v', 3700, '😀', 300);
    const res = await g.press(bram, 'session.refresh', { ...g.ids(), questionId: 1, text: draft });
    expect(cardText(res.value)).not.toMatch(/Hoogstens|Dat lukte niet/);
    expect(inputValues(res.value).text).toBe(draft);
    expect(cardProblems(res.value)).toEqual([]);
  });

  it('over the limit: refused next to the field naming the characters as seen, the words kept, nothing stored', async () => {
    const g = await dayOne();
    const long = withEmoji('a', 2000, '😀', 100);
    const res = await g.contribute(bram, 1, long);
    expect({ kept: inputValues(res.value).text === long, reason: field(res.value, 'text')?.next }).toEqual({ kept: true, reason: 'Hoogstens 2.000 tekens; dit zijn er 2.100.' });
    expect(await g.items('contribution')).toEqual([]);

    const j = await atJudgement();
    const reason = withEmoji('r', 1000, '👍', 10);
    const judged = await j.press(anna, 'proposal.judge', { ...j.ids(), opinion: 'agree', reason });
    expect({ kept: inputValues(judged.value).reason === reason, reason: field(judged.value, 'reason')?.next }).toEqual({ kept: true, reason: 'Hoogstens 1.000 tekens; dit zijn er 1.010.' });
  });

  it("a decision's words over their limits are named at once, counted as seen, whatever the verdict; nothing is decided", async () => {
    const g = await atJudgement();
    for (const who of [anna, bram, cem]) await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'disagree', reason: 'Past niet' });
    const typed = { decision: 'reject', decisionReason: withEmoji('d', 1000, '🙂', 10), adoptedText: '', firstStep: withEmoji('s', 1000, '🚀', 20) };
    const res = await g.press(dewi, 'proposal.decide', { ...g.ids(), ...typed });
    expect({ reason: field(res.value, 'decisionReason')?.next, firstStep: field(res.value, 'firstStep')?.next }).toEqual({
      reason: 'Hoogstens 1.000 tekens; dit zijn er 1.010.',
      firstStep: 'Hoogstens 1.000 tekens; dit zijn er 1.020.',
    });
    expect({ reasonKept: inputValues(res.value).decisionReason === typed.decisionReason, firstStepKept: inputValues(res.value).firstStep === typed.firstStep }).toEqual({ reasonKept: true, firstStepKept: true });
    expect((await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource.decision).toBeUndefined();
  });

  it("a look back's note over its limit: refused next to the note, counted as seen, nothing told", async () => {
    const g = await decidedThenWeekTwo(await atJudgement());
    const note = withEmoji('n', 1000, '🎯', 10);
    const res = await g.press(bram, 'proposal.firstStep', { ...g.ids(), proposalId: `${g.groupId}_w1_p`, firstStepStatus: 'done', firstStepNote: note });
    expect({ kept: inputValues(res.value).firstStepNote === note, reason: field(res.value, 'firstStepNote')?.next }).toEqual({ kept: true, reason: 'Hoogstens 1.000 tekens; dit zijn er 1.010.' });
    expect((await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource.firstStepOutcome).toBeUndefined();
  });

  it('over the limit after the session closed: the closed card, the words kept, the reason naming the characters as seen', async () => {
    const g = await dayOne();
    await g.end(anna);
    const long = withEmoji('q', 2000, '🌱', 100);
    const res = await g.contribute(cem, 1, long);
    expect(cardText(res.value)).toContain(CLOSED_REFUSAL);
    expect({ kept: inputValues(res.value)['notSaved.text'] === long, reason: field(res.value, 'notSaved.text')?.next }).toEqual({ kept: true, reason: 'Hoogstens 2.000 tekens; dit zijn er 2.100.' });
    expect(await g.items('contribution')).toEqual([]);
  });

  it("over the limit while the session's store is down: the refused form with the words and the count as seen, not the store's error card", async () => {
    const g = await dayOne();
    const long = withEmoji('w', 2300, '🙂', 100);
    t.proxy!.faults = (req) => (req.container === 'sessions' ? { kind: 'status', status: 503 } : undefined);
    const res = await g.contribute(dewi, 1, long);
    t.proxy!.faults = undefined;
    expect(cardText(res.value)).not.toContain(ERROR_TITLE);
    expect(inputValues(res.value).text).toBe(long);
    expect(cardText(res.value)).toContain('Hoogstens 2.000 tekens; dit zijn er 2.400.');
    expect(await g.items('contribution')).toEqual([]);
  });
});
