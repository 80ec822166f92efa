import { execute } from '../support/activities';
import { cardText, MEMBERS } from '../support/group-driver';
import { success } from '../support/fake-azure-openai';
import { TestApp } from '../support/test-app';
import { groupAtQuestionSix, HANDOVER_DRAFT, startAppWithAi } from '../support/ai-fixtures';
import { waitUntil } from '../outbox/wait-until';
import { isNormalCard, postStraight } from './support';

/**
 * Found in review, stop 49: "Vraag AI" pressed by three members at once; Teams throttles the "AI
 * denkt mee" card update (429) and answers its retry only after the draft is ready. The draft card
 * lands after it, once, and the shared card ends on the draft.
 */
describe('the AI draft lands while the card update of the request is throttled', () => {
  let stop: () => Promise<void>;
  let t: TestApp;
  let ai: Awaited<ReturnType<typeof startAppWithAi>>['ai'];
  beforeAll(async () => {
    ({ ai, t, stop } = await startAppWithAi());
  });
  afterAll(() => stop());

  it('ends on the draft, the older card never last', async () => {
    const g = await groupAtQuestionSix(t, '19:draft-order@thread.v2');
    await t.app.sharedCards.idle();
    const isSessionPut = (req: { method: string; path: string }) => req.method === 'PUT' && req.path.endsWith(`/activities/${g.sessionMessageId}`);
    let throttled = 0;
    let draftStored = false;
    let letGo!: () => void;
    const mayGo = new Promise<void>((r) => (letGo = r));
    t.connector.faults.push((req) => (throttled === 0 && isSessionPut(req) ? (throttled++, { status: 429, retryAfterSeconds: 1 }) : undefined));
    t.connector.holds.push((req) => (throttled === 1 && !draftStored && isSessionPut(req) ? mayGo : undefined));
    ai.script(success(HANDOVER_DRAFT));
    const presses = await Promise.all(MEMBERS.slice(0, 3).map((m) => postStraight(t, execute(g.conv, m, 'proposal.draft', { ...g.ids(), k: 'k-card-q6' }, g.sessionMessageId))));
    expect(presses.every((p) => isNormalCard(p.body) || p.body?.type === 'application/vnd.microsoft.activity.message')).toBe(true);
    await waitUntil('the draft is stored', async () => {
      const p = (await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource;
      return JSON.stringify(p ?? {}).includes(HANDOVER_DRAFT.proposal);
    });
    draftStored = true;
    letGo();
    await t.app.background.idle();
    await t.app.sharedCards.idle();
    expect(throttled).toBe(1);
    expect(ai.requests.length).toBe(1);
    expect(cardText(g.sharedCard())).toContain(HANDOVER_DRAFT.proposal);
  });
});
