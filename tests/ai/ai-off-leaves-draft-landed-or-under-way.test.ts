/**
 * Found in review, stop 67.
 *
 * The group had an AI draft on its card and judged it; the app was restarted without Azure OpenAI
 * settings (AI off). A "draft" press reaching the AI-off instance (Teams delivering the original
 * press again, or a card from before the draft landed) stored `failed: not-configured` over the
 * draft: the text the group judged was gone. In a rolling change (one instance with AI, one
 * without) such a press overwrote a draft under way on the other instance the same way.
 * Must hold: with AI off a press stores nothing on the proposal; the draft landed (and judged) or
 * under way stays, and the press is answered with the card as stored.
 */
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { startTestCosmos } from '../support/cosmos';
import { aiSettings, FakeAzureOpenAi, hang, startFakeAzureOpenAi, success } from '../support/fake-azure-openai';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { DRAFTED_ANSWERS, HANDOVER_DRAFT } from '../support/ai-fixtures';
import { waitUntil } from '../outbox/wait-until';

describe('a draft press on an instance with AI off', () => {
  let ai: FakeAzureOpenAi;
  let cosmos: CosmosConnection;
  const apps: TestApp[] = [];
  const members = MEMBERS.slice(0, 3);
  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    cosmos = await startTestCosmos();
  }, 60_000);
  afterAll(async () => {
    for (const t of apps) await t.stop();
    await ai.close();
    await cosmos.close();
  });

  async function start(withAi: boolean, at?: string, timeoutMs = 2000): Promise<TestApp> {
    const t = await startTestApp(withAi ? aiSettings(ai, { timeoutMs, retries: 0 }) : {}, at, { cosmos, sharedCardIntervalMs: 0 });
    apps.push(t);
    return t;
  }

  /** The same group, driven through another instance (the same store). */
  function onInstance(t: TestApp, g: GroupDriver): GroupDriver {
    return Object.assign(new GroupDriver(t, t.conversation('groupChat', g.conv.id), members), { groupId: g.groupId, sessionId: g.sessionId, sessionMessageId: g.sessionMessageId });
  }

  async function proposalOf(groupId: string) {
    const query = { query: "SELECT * FROM c WHERE c.type = 'proposal'", parameters: [] };
    return (await cosmos.container('sessions').items.query(query, { partitionKey: groupId }).fetchAll()).resources[0];
  }

  it.each([
    ['the original press delivered again', true],
    ['a press from an older card', false],
  ])('%s leaves the landed, judged draft', async (_name, samePress) => {
    const withAi = await start(true);
    const g = await new GroupDriver(withAi, withAi.conversation('groupChat', `19:ai-off-landed-${samePress}@thread.v2`), members).answeredOnDayOne(DRAFTED_ANSWERS, { checkIn: 4 });
    ai.script(success(HANDOVER_DRAFT));
    const pressId = `draft-press-${samePress}`;
    await g.press(members[1]!, 'proposal.draft', g.ids(), g.sessionMessageId, pressId);
    await withAi.app.background.idle();
    await g.goTo(members[0]!, 6);
    const landed = await proposalOf(g.groupId);
    expect(landed.ai).toMatchObject({ status: 'drafted', draft: { proposal: HANDOVER_DRAFT.proposal } });
    await g.press(members[0]!, 'proposal.judge', { ...g.ids(), proposalId: landed.id, opinion: 'agree', reason: 'Oordeel over de AI-tekst' });
    const judged = await proposalOf(g.groupId);

    // Restarted without AI settings, on the same store.
    await withAi.app.stop();
    const off = await start(false, withAi.clock.now().toISOString());
    const again = onInstance(off, g);
    const answer = await again.press(members[2]!, 'proposal.draft', again.ids(), again.sessionMessageId, samePress ? pressId : undefined);
    await off.app.background.idle();

    const stored = await proposalOf(g.groupId);
    const card = cardText((await again.press(members[0]!, 'session.refresh', again.ids())).value);
    expect({ status: stored.ai.status, draft: stored.ai.draft?.proposal, nothingStored: stored._etag === judged._etag, answerShowsDraft: cardText(answer.value).includes(HANDOVER_DRAFT.proposal), cardShowsDraft: card.includes(HANDOVER_DRAFT.proposal) })
      .toEqual({ status: 'drafted', draft: HANDOVER_DRAFT.proposal, nothingStored: true, answerShowsDraft: true, cardShowsDraft: true });
  }, 90_000);

  it('leaves a draft under way on an instance with AI', async () => {
    // The instance with AI waits on Azure until it is stopped: its draft is under way throughout.
    const withAi = await start(true, undefined, 60_000);
    const off = await start(false);
    const g = await new GroupDriver(withAi, withAi.conversation('groupChat', '19:ai-off-under-way@thread.v2'), members).answeredOnDayOne(DRAFTED_ANSWERS, { checkIn: 4 });
    const asked = ai.requests.length;
    ai.script(hang());
    await g.press(members[1]!, 'proposal.draft', g.ids());
    await waitUntil('the draft is sent to Azure', () => ai.requests.length > asked);
    const underWay = (await proposalOf(g.groupId)).ai;
    expect(underWay).toMatchObject({ status: 'drafting' });

    const answer = await onInstance(off, g).press(members[2]!, 'proposal.draft', g.ids());
    await off.app.background.idle();
    expect({ stored: (await proposalOf(g.groupId)).ai, answerSaysWorking: cardText(answer.value).includes('AI denkt mee') }).toEqual({ stored: underWay, answerSaysWorking: true });
  }, 90_000);
});
