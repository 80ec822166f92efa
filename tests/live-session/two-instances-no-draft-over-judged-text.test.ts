/**
 * Found in review, stop 61 (fixed then: the first judgement moves the proposal's version on, and a
 * draft's start stored on a later version than it read reads the judgements again).
 *
 * The rule (README "The group decides explicitly", proposal.ts `startDrafting`): once members judge
 * the group's own proposal, no AI draft starts: it would put the AI's text in place of the text they
 * judge, and their judgements would stop counting. "AI denkt mee" read the judgements once and carried
 * what it read into the proposal's write; an "eens" is a document of its own that left the proposal's
 * ETag as it was, and a retry after an "oneens" (which moves it on) applied the old reading again. So a
 * judgement stored on B between A's read and A's write of the "drafting" mark let A's draft start, and
 * land over the judged text. Two instances make that window ordinary: the presses share no process.
 * The other way round (the mark stored first) the judgement is stored, as README says: a draft asked
 * before the first judgement may still land, and the judgement then shows as one of an earlier text.
 */
import { execute } from '../support/activities';
import { aiDraft } from '../support/ai-fixtures';
import { buttonData } from '../support/card-fields';
import { cosmosGate, isBatch, isMemberWrite, replaceOf } from '../support/cosmos-gate';
import { FakeAzureOpenAi, aiSettings, startFakeAzureOpenAi, success } from '../support/fake-azure-openai';
import { gatedAzureOpenAi } from '../support/gated-azure-openai';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { ERROR_TITLE, postStraight, startTwoInstances, stopEach } from './support';

const OWN = 'EIGEN-VOORSTEL: vaste overdracht van tien minuten aan het begin van elke dienst';
const AI_TEXT = 'AI-CONCEPT: een digitaal overdrachtsformulier';
const answered = (body: { value?: unknown } | undefined) => (typeof body?.value === 'string' ? body.value : cardText(body?.value));

describe('a draft asked on one instance while a member judges on another', () => {
  let ai: FakeAzureOpenAi;
  let gated: Awaited<ReturnType<typeof gatedAzureOpenAi>>;
  let a: TestApp;
  let b: TestApp;
  /** A third instance on the same store whose drafts wait at the model until the test answers. */
  let slow: TestApp;
  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    gated = await gatedAzureOpenAi();
    const env = aiSettings(ai, { timeoutMs: 2000, retries: 1 });
    [a, b] = await startTwoInstances(env, { proxy: true, sharedCardIntervalMs: 0 });
    slow = await startTestApp(gated.env, '2026-11-23T08:00:00Z', { cosmos: a.cosmos, sharedCardIntervalMs: 0 });
  }, 60_000);
  afterAll(async () => {
    // The held model requests end with the gated fake's sockets, so the app's drafts end before it stops.
    await gated.close();
    await stopEach(slow, b, a);
    await ai.close();
  });

  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  const proposalDoc = async (g: GroupDriver) =>
    (await a.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'proposal'" }, { partitionKey: g.groupId }).fetchAll()).resources[0];
  const judgements = async (g: GroupDriver) =>
    (await a.store.container('sessions').items.query({ query: "SELECT c.memberName, c.opinion FROM c WHERE c.type = 'judgement'" }, { partitionKey: g.groupId }).fetchAll()).resources;
  const atQuestionSeven = async (name: string) => {
    const g = await new GroupDriver(a, a.conversation('groupChat', `19:two-instances-draft-${name}@thread.v2`), [anna, bram, cem]).answeredOnDayOne(['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier'], { checkIn: 4 });
    await g.contribute(cem, 6, OWN);
    await g.goTo(anna, 6);
    expect((await proposalDoc(g))?.ai?.status ?? 'none').toBe('none');
    return g;
  };

  it.each([
    ['eens', 'agree'],
    ['oneens', 'disagree'],
  ])('an "%s" stored on B before A marks the draft: no AI draft lands over the judged text, and the presser hears why', async (name, opinion) => {
    const g = await atQuestionSeven(name);
    const proposal = await proposalDoc(g);
    ai.script(success(aiDraft(AI_TEXT)));
    const asked = ai.requests.length;
    // A's draft press has read the session (no judgement yet) and is about to store its "drafting" mark.
    const held = cosmosGate(a.proxy!).hold(replaceOf(proposal.id));
    const draft = g.press(bram, 'proposal.draft', g.ids());
    await held.arrived;
    const judged = await postStraight(b, execute(g.conv, cem, 'proposal.judge', { ...g.ids(), opinion, reason: 'Goed voorstel, zo doen' }, g.sessionMessageId));
    expect(judged.status).toBe(200);
    held.release();
    const draftAnswer = await draft;
    await Promise.all([a.app.background.idle(), b.app.background.idle()]);
    await Promise.all([a.app.sharedCards.idle(), b.app.sharedCards.idle()]);

    const after = await proposalDoc(g);
    expect({
      judgements: await judgements(g),
      ai: after.ai?.status,
      textToJudge: after.ai?.status === 'drafted' ? after.ai.draft.proposal : "the group's own",
      askedAzure: ai.requests.length > asked,
      toldWhy: answered(draftAnswer).includes('beoordeelt al jullie eigen voorstel'),
    }).toEqual({
      judgements: [{ memberName: cem.name, opinion }],
      ai: expect.not.stringMatching(/^(drafted|drafting)$/),
      textToJudge: "the group's own",
      askedAzure: false,
      toldWhy: true,
    });
  }, 90_000);

  it('only the judgement that begins the judging moves the proposal\'s version on, at no request more than a later one', async () => {
    const g = await atQuestionSeven('cost');
    const etag = async () => (await proposalDoc(g))._etag as string;
    // Both short of a decision (one judgement of the two it needs), so both read the session once more after their write.
    const judgeOnA = async (reason: string) => {
      a.proxy!.reset();
      await g.press(cem, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason });
      const seen = a.proxy!.seen.filter((r) => r.kind !== 'queryPlan');
      return { kinds: seen.map((r) => `${r.kind} ${r.container}`), crossPartition: seen.filter((r) => r.crossPartition).length };
    };
    const before = await etag();
    const first = await judgeOnA('Goed voorstel');
    const marked = await etag();
    const later = await judgeOnA('Goed voorstel, kort en duidelijk');
    expect({ firstMoved: marked !== before, laterMoved: (await etag()) !== marked, sameCost: first.kinds.join() === later.kinds.join(), first }).toEqual({
      firstMoved: true,
      laterMoved: false,
      sameCost: true,
      // The read, the judgement's batch (the proposal's replace in it, in place of its read), the read after it (`asStoredNow`).
      first: { kinds: ['query sessions', 'batch sessions', 'query sessions'], crossPartition: 0 },
    });
  }, 90_000);

  it('a guard: a judgement whose press read the proposal before the draft was marked is stored, and shows as one of an earlier text once the draft lands', async () => {
    const g = await atQuestionSeven('mark-first');
    const cemView = (await g.press(cem, 'session.refresh', g.ids())).value;
    // Cem's judgement on A has read the session (no draft yet) and is about to be stored.
    const held = cosmosGate(a.proxy!).hold((req) => isMemberWrite(req) && isBatch(req));
    const judging = postStraight(a, execute(g.conv, cem, 'proposal.judge', { ...buttonData(cemView, 'proposal.judge'), opinion: 'agree', reason: 'Goed voorstel, zo doen' }, g.sessionMessageId));
    await held.arrived;
    const draft = await postStraight(slow, execute(g.conv, bram, 'proposal.draft', g.ids(), g.sessionMessageId));
    expect({ status: draft.status, error: answered(draft.body).includes(ERROR_TITLE) }).toEqual({ status: 200, error: false });
    await gated.held();
    expect((await proposalDoc(g)).ai.status).toBe('drafting');
    held.release();
    const judged = await judging;
    expect({ status: judged.status, error: answered(judged.body).includes(ERROR_TITLE) }).toEqual({ status: 200, error: false });
    expect(await judgements(g)).toEqual([{ memberName: cem.name, opinion: 'agree' }]);

    gated.answer(aiDraft(AI_TEXT));
    await Promise.all([a.app.background.idle(), slow.app.background.idle()]);
    await Promise.all([a.app.sharedCards.idle(), slow.app.sharedCards.idle()]);
    const after = await proposalDoc(g);
    const view = cardText((await g.press(anna, 'session.refresh', g.ids())).value);
    expect({ ai: after.ai.status, text: after.ai.draft?.proposal, earlier: view.includes('1 oordeel over een eerdere tekst') }).toEqual({ ai: 'drafted', text: AI_TEXT, earlier: true });
  }, 90_000);
});
