/**
 * Found in review, stop 61 (fixed then: whether a judgement begins the judging is counted by the group
 * as its press read it, before the press made its member one again). Case 2 failed on the first fix;
 * cases 1 and 3 are guards. "AI cannot be asked once judging has begun", also across
 * instances. The first judgement (`beginsJudging`) is stored only on the proposal as read, and a
 * draft's start on a changed version reads again.
 *
 * 1. Two first judgements at the same moment (both read no judgement, both "begin"): one loses its
 *    batch on the proposal's ETag. It must read again and be stored, never an error card.
 * 2. A member who left the chat (their "eens" counts for no one) is back in the chat and judges again
 *    while a draft press on another instance has read the session (the judgement of the leaver did not
 *    count then) and is about to store its "drafting" mark. Their judgement counts from that moment:
 *    judging has begun before the mark is stored, so (as for any first judgement) no draft may start.
 */
import { execute, membersRemoved } from '../support/activities';
import { aiDraft } from '../support/ai-fixtures';
import { buttonData } from '../support/card-fields';
import { cosmosGate, isBatch, isMemberWrite, replaceOf } from '../support/cosmos-gate';
import { FakeAzureOpenAi, aiSettings, startFakeAzureOpenAi, success } from '../support/fake-azure-openai';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { ERROR_TITLE, isNormalCard, postStraight, startTwoInstances, stopEach } from './support';

const OWN = 'EIGEN-VOORSTEL: vaste overdracht van tien minuten aan het begin van elke dienst';
const AI_TEXT = 'AI-CONCEPT: een digitaal overdrachtsformulier';
const answered = (body: { value?: unknown } | undefined) => (typeof body?.value === 'string' ? body.value : cardText(body?.value));

describe('the judgement that begins the judging, against drafts and other first judgements', () => {
  let ai: FakeAzureOpenAi;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    const env = aiSettings(ai, { timeoutMs: 2000, retries: 1 });
    [a, b] = await startTwoInstances(env, { proxy: true, sharedCardIntervalMs: 0 });
  }, 60_000);
  afterAll(async () => {
    await stopEach(b, a);
    await ai.close();
  });

  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  const proposalDoc = async (g: GroupDriver) =>
    (await a.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'proposal'" }, { partitionKey: g.groupId }).fetchAll()).resources[0];
  const judgements = async (g: GroupDriver) =>
    (await a.store.container('sessions').items.query({ query: "SELECT c.memberName, c.opinion, c.reason FROM c WHERE c.type = 'judgement'" }, { partitionKey: g.groupId }).fetchAll()).resources;
  const atQuestionSeven = async (name: string, members = [anna, bram, cem]) => {
    const g = await new GroupDriver(a, a.conversation('groupChat', `19:probe-own61b-${name}@thread.v2`), members).answeredOnDayOne(['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier'], { checkIn: 4 });
    await g.contribute(cem, 6, OWN);
    await g.goTo(anna, 6);
    return g;
  };

  it('two first judgements at the same moment: both stored, neither gets an error card', async () => {
    const g = await atQuestionSeven('two-first');
    const before = (await proposalDoc(g))._etag;
    const gate = cosmosGate(a.proxy!);
    const first = gate.hold((req) => isMemberWrite(req) && isBatch(req));
    const second = gate.hold((req) => isMemberWrite(req) && isBatch(req));
    const annaJudges = postStraight(a, execute(g.conv, anna, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed plan' }, g.sessionMessageId));
    await first.arrived;
    const bramJudges = postStraight(a, execute(g.conv, bram, 'proposal.judge', { ...g.ids(), opinion: 'disagree', reason: 'Te weinig tijd' }, g.sessionMessageId));
    await second.arrived;
    first.release();
    second.release();
    const [x, y] = await Promise.all([annaJudges, bramJudges]);
    await a.app.background.idle();
    const stored = (await judgements(g)).map((j: { memberName: string; opinion: string }) => `${j.memberName}:${j.opinion}`).sort();
    expect({
      statuses: [x.status, y.status],
      errors: [answered(x.body).includes(ERROR_TITLE), answered(y.body).includes(ERROR_TITLE)],
      busy: [answered(x.body).includes('tegelijk'), answered(y.body).includes('tegelijk')],
      stored,
      moved: (await proposalDoc(g))._etag !== before,
    }).toEqual({ statuses: [200, 200], errors: [false, false], busy: [false, false], stored: [`${anna.name}:agree`, `${bram.name}:disagree`].sort(), moved: true });
  }, 90_000);

  it('control: a member back in the chat judges again, then a draft is asked: refused as judging begun', async () => {
    const g = await atQuestionSeven('rejoin-control');
    const cemView = (await g.press(cem, 'session.refresh', g.ids())).value;
    await g.press(cem, 'proposal.judge', { ...buttonData(cemView, 'proposal.judge'), opinion: 'agree', reason: 'Goed plan' });
    expect((await a.send(membersRemoved(g.conv, anna, [cem]))).status).toBe(200);
    a.connector.roster = [anna, bram];
    expect(cardText((await g.press(anna, 'session.refresh', g.ids())).value)).toContain('0 oordelen');
    a.connector.roster = [anna, bram, cem];
    await g.press(cem, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed plan, echt doen' });
    const asked = ai.requests.length;
    const draftAnswer = await g.press(bram, 'proposal.draft', g.ids());
    await a.app.background.idle();
    expect({ ai: (await proposalDoc(g)).ai?.status ?? 'none', askedAzure: ai.requests.length > asked, toldWhy: answered(draftAnswer).includes('beoordeelt al jullie eigen voorstel') }).toEqual({
      ai: 'none',
      askedAzure: false,
      toldWhy: true,
    });
  }, 90_000);

  it('a member back in the chat judges again while a draft press is about to mark: no AI draft over the text they judge', async () => {
    const g = await atQuestionSeven('rejoin');
    // Cem judges, then leaves the chat: his "eens" counts for no one, so the draft button shows.
    const cemView = (await g.press(cem, 'session.refresh', g.ids())).value;
    await g.press(cem, 'proposal.judge', { ...buttonData(cemView, 'proposal.judge'), opinion: 'agree', reason: 'Goed plan' });
    expect((await a.send(membersRemoved(g.conv, anna, [cem]))).status).toBe(200);
    a.connector.roster = [anna, bram];
    b.connector.roster = [anna, bram];
    const annaView = cardText((await g.press(anna, 'session.refresh', g.ids())).value);
    expect(annaView).toContain('0 oordelen');
    // Cem is added to the chat again.
    a.connector.roster = [anna, bram, cem];
    b.connector.roster = [anna, bram, cem];

    const proposal = await proposalDoc(g);
    expect(proposal.ai?.status ?? 'none').toBe('none');
    ai.script(success(aiDraft(AI_TEXT)));
    const asked = ai.requests.length;
    // Bram's draft press on A has read the session (Cem's judgement counted for no one) and is about to store its mark.
    const held = cosmosGate(a.proxy!).hold(replaceOf(proposal.id));
    const draft = g.press(bram, 'proposal.draft', g.ids());
    await held.arrived;
    // Cem, back, judges again on B: from now on his judgement counts, judging has begun.
    const judged = await postStraight(b, execute(g.conv, cem, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed plan, echt doen' }, g.sessionMessageId));
    expect({ status: judged.status, error: answered(judged.body).includes(ERROR_TITLE) }).toEqual({ status: 200, error: false });
    held.release();
    const draftAnswer = await draft;
    await Promise.all([a.app.background.idle(), b.app.background.idle()]);
    await Promise.all([a.app.sharedCards.idle(), b.app.sharedCards.idle()]);

    const after = await proposalDoc(g);
    const view = cardText((await g.press(anna, 'session.refresh', g.ids())).value);
    expect({
      ai: after.ai?.status,
      askedAzure: ai.requests.length > asked,
      toldWhy: answered(draftAnswer).includes('beoordeelt al jullie eigen voorstel'),
      earlierText: view.includes('over een eerdere tekst'),
    }).toEqual({ ai: expect.not.stringMatching(/^(drafted|drafting)$/), askedAzure: false, toldWhy: true, earlierText: false });
  }, 90_000);

  it('the whole group judges "eens" at once while one member asks the AI: every judgement stored, no error card, no draft over a judged text unseen', async () => {
    const g = await atQuestionSeven('all-at-once', [...MEMBERS]);
    ai.script(success(aiDraft(AI_TEXT)));
    const [draft, ...answers] = await Promise.all([
      g.press(bram, 'proposal.draft', g.ids()),
      ...MEMBERS.map((who) => g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: `${who.name}: eens` })),
    ]);
    await a.app.background.idle();
    const after = await proposalDoc(g);
    const stored = await judgements(g);
    const view = cardText((await g.press(anna, 'session.refresh', g.ids())).value);
    expect({
      refused: MEMBERS.filter((_, i) => !isNormalCard(answers[i])).map((m) => m.name),
      draftError: answered(draft).includes(ERROR_TITLE),
      stored: stored.length,
      // Either the draft's mark came first (its text then replaces, the judgements show as of an earlier text), or no draft.
      consistent: after.ai?.status === 'drafted' ? view.includes('over een eerdere tekst') : !['drafting', 'drafted'].includes(after.ai?.status),
    }).toEqual({ refused: [], draftError: false, stored: MEMBERS.length, consistent: true });
  }, 120_000);
});
