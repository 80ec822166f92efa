/**
 * Found in review, stop 66 (probe own-decision-own-words-show-nothing).
 *
 * A decision "adapt" whose own words, reason or first step were only characters that show nothing
 * on a screen (tag characters U+E0041..E007F, a lone variation selector U+FE0F) was stored for good,
 * and could be shared with L&O as "the group's own words": a record L&O reads nothing in. The
 * decision form tested only for spaces and the invisible characters `trimText` drops. The other
 * words of the session card had the same gap: a judgement's reason, a group answer, a personal answer.
 * Must hold: such words get the refusal an empty field gets, next to the field, with what was typed
 * kept, and nothing stored; a decision stored before with such words is offered to nobody for L&O,
 * and a share press of it stores nothing.
 */
import { TestUser } from '../support/activities';
import { field } from '../support/card-fields';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { ANSWERS, executeButton, summaryIn } from '../learning-needs/support-shared-proposal';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const TAG_CHARACTERS = '\u{E0041}\u{E0042}\u{E007F}';
const LONE_VARIATION_SELECTOR = '\uFE0F';
const VALID = { decision: 'adapt', decisionReason: 'echte reden', adoptedText: 'Onze eigen woorden: samen overdragen', firstStep: 'Anna belt vrijdag' };

describe('session words that show nothing are no words', () => {
  let t: TestApp;
  let round = 0;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  });
  afterAll(() => t?.stop());

  const sessions = () => t.store.container('sessions');
  const proposalOf = async (g: GroupDriver): Promise<any> => (await sessions().item(`${g.groupId}_w1_p`, g.groupId).read()).resource;
  const dayOne = async () => new GroupDriver(t, t.conversation('groupChat', `19:shows-nothing-${round++}@thread.v2`), [anna, bram, cem]).answeredOnDayOne(ANSWERS, { checkIn: 4 });
  /** What a press's card says next to `name`, and the value it kept there. */
  const refusalAt = (card: any, name: string) => ({ value: field(card, name)?.value, next: field(card, name)?.next });

  it("a judgement's reason that shows nothing is refused next to the field as an empty one is, nothing stored", async () => {
    const g = await dayOne();
    const judgements = async () => (await sessions().items.query({ query: "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'judgement'", parameters: [{ name: '@g', value: g.groupId }] }).fetchAll()).resources;
    const judge = async (reason: string) => refusalAt((await g.press(anna, 'proposal.judge', { ...g.ids(), proposalId: `${g.groupId}_w1_p`, opinion: 'agree', reason })).value, 'reason');
    const empty = await judge('');
    expect({ refusal: await judge(TAG_CHARACTERS), stored: (await judgements()).length }).toEqual({ refusal: { value: TAG_CHARACTERS, next: empty.next }, stored: 0 });
    expect(empty.next).toEqual(expect.any(String));
  }, 120_000);

  it.each([
    ['own words are tag characters', 'adoptedText', TAG_CHARACTERS],
    ['reason is a lone variation selector', 'decisionReason', LONE_VARIATION_SELECTOR],
    ['first step is tag characters', 'firstStep', TAG_CHARACTERS],
  ])('a decision "adapt" whose %s is refused next to that field as an empty one is, nothing stored; words that show decide', async (_name, name, typed) => {
    const g = await dayOne();
    const proposalId = `${g.groupId}_w1_p`;
    for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'ok' });
    const decide = async (fields: Record<string, string>) => (await g.press(cem, 'proposal.decide', { ...g.ids(), proposalId, ...fields })).value;
    const empty = refusalAt(await decide({ ...VALID, [name]: '' }), name);
    const shown = refusalAt(await decide({ ...VALID, [name]: typed }), name);
    expect({ value: shown.value, next: shown.next, decision: (await proposalOf(g)).decision ?? 'none' }).toEqual({ value: typed, next: empty.next, decision: 'none' });
    expect(empty.next).toEqual(expect.any(String));
    // The same press with words that show decides: nothing above kept the group from deciding.
    await decide(VALID);
    expect((await proposalOf(g)).decision).toMatchObject({ verdict: 'adapt', text: VALID.adoptedText, reason: VALID.decisionReason, firstStep: VALID.firstStep });
  }, 120_000);

  it('a rejection beside own words and a first step that show nothing is stored with none (nothing typed to lose, nothing to read)', async () => {
    const g = await dayOne();
    const proposalId = `${g.groupId}_w1_p`;
    for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'disagree', reason: 'niet haalbaar' });
    await g.press(cem, 'proposal.decide', { ...g.ids(), proposalId, decision: 'reject', decisionReason: 'past niet', adoptedText: TAG_CHARACTERS, firstStep: ` ${TAG_CHARACTERS} ` });
    expect((await proposalOf(g)).decision).toMatchObject({ verdict: 'reject', reason: 'past niet', text: '', firstStep: '' });
  }, 120_000);

  it('a group answer and a personal answer that show nothing are refused as empty ones are, nothing stored', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:shows-nothing-${round++}@thread.v2`), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,9,10', day2: '2,3,4', day3: '5,6,7', day4: '8' }, 'cycle-card');
    await g.startSession();
    const personalAnswers = async () => (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'personalAnswer' AND c.sessionId = @s", parameters: [{ name: '@s', value: g.sessionId }] }).fetchAll()).resources;
    const contribute = async (text: string) => refusalAt((await g.contribute(bram, 1, text)).value, 'text');
    const contribution = { refusal: await contribute(TAG_CHARACTERS), empty: await contribute(''), stored: (await g.items('contribution')).length };
    await g.goTo(anna, 1);
    const personal = async (text: string) => refusalAt((await g.press(cem, 'session.personal', { ...g.ids(), questionId: 9, text })).value, 'text');
    const personalAnswer = { refusal: await personal(LONE_VARIATION_SELECTOR), empty: await personal(''), stored: (await personalAnswers()).length };
    expect({ contribution, personalAnswer }).toEqual({
      contribution: { refusal: { value: TAG_CHARACTERS, next: contribution.empty.next }, empty: { value: '', next: expect.any(String) }, stored: 0 },
      personalAnswer: { refusal: { value: LONE_VARIATION_SELECTOR, next: personalAnswer.empty.next }, empty: { value: '', next: expect.any(String) }, stored: 0 },
    });
  }, 120_000);

  it('a decision stored before with own words that show nothing: no "Delen met L&O" on the summary, and a share press stores nothing', async () => {
    const g = await dayOne();
    const proposalId = `${g.groupId}_w1_p`;
    for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'ok' });
    await g.press(cem, 'proposal.decide', { ...g.ids(), proposalId, ...VALID });
    // As the decision form stored such words before stop 66.
    const stored = await proposalOf(g);
    await sessions().item(proposalId, g.groupId).replace({ ...stored, decision: { ...stored.decision, text: TAG_CHARACTERS } });
    await g.end(anna);
    const { summary } = await summaryIn(t, g);
    await g.press(bram, 'proposalToLo.share', { groupId: g.groupId, proposalId });
    const shared = (await t.store.container('installations').items.query({ query: "SELECT * FROM c WHERE c.type = 'proposalToLo' AND c.groupId = @g", parameters: [{ name: '@g', value: g.groupId }] }).fetchAll()).resources;
    expect({ offered: !!executeButton(summary, 'proposalToLo.preview'), shared: shared.map((d: any) => d.proposal.text) }).toEqual({ offered: false, shared: [] });
  }, 180_000);
});
