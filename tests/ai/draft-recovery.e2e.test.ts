import { cardProblems } from '../support/card-validator';
import { CosmosFault } from '../support/cosmos-proxy';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi, success } from '../support/fake-azure-openai';
import { startTestApp, TestApp } from '../support/test-app';
import { groupAtQuestionSix, HANDOVER_DRAFT } from '../support/ai-fixtures';

const DRAFT = HANDOVER_DRAFT;

/**
 * "AI denkt mee" must end: in a draft, or in a way to ask again. Neither a request whose stored
 * answer was lost nor an instance that died while drafting may leave the group waiting for good.
 */
describe('an AI draft that would otherwise never come', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;
  let n = 0;

  const atQuestionSix = () => groupAtQuestionSix(t, `19:ai-recovery-${n++}@thread.v2`);
  async function proposalOf(g: GroupDriver) {
    const query = { query: "SELECT * FROM c WHERE c.type = 'proposal'", parameters: [] };
    const { resources } = await t.store.container('sessions').items.query(query, { partitionKey: g.groupId }).fetchAll();
    return resources[0];
  }

  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    t = await startTestApp(aiSettings(ai, { timeoutMs: 2000, retries: 1 }), '2026-11-23T08:00:00Z', { proxy: true, sharedCardIntervalMs: 0 });
  });
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });

  it('drafts once when the store kept "drafting" but its answer was lost', async () => {
    const g = await atQuestionSix();
    const { id } = await proposalOf(g);
    let lost = false;
    t.proxy!.faults = (req) => (!lost && req.kind === 'replace' && req.path.endsWith(`/docs/${id}`) ? ((lost = true), { kind: 'dropAfter' } as CosmosFault) : undefined);
    ai.script(success(DRAFT));
    const before = ai.requests.length;
    const pressed = await g.press(MEMBERS[1]!, 'proposal.draft', g.ids());
    t.proxy!.faults = undefined;
    expect(lost).toBe(true);
    expect(cardText(pressed.value)).toContain('AI denkt mee');
    await t.app.background.idle();
    expect(ai.requests.length - before).toBe(1);
    expect((await proposalOf(g)).ai.status).toBe('drafted');
    expect(cardText(g.sharedCard())).toContain(DRAFT.proposal);
  });

  it('offers to ask again once a draft has been under way for longer than any draft takes', async () => {
    const g = await atQuestionSix();
    // An instance died while drafting: the proposal says "drafting", and nobody is.
    const proposal = await proposalOf(g);
    await t.store.container('sessions').item(proposal.id, g.groupId).replace({ ...proposal, ai: { status: 'drafting', since: t.clock.now().toISOString(), requestedBy: MEMBERS[0]!.aadObjectId } });
    const waiting = cardText((await g.press(MEMBERS[1]!, 'session.refresh', g.ids())).value);
    expect(waiting).toContain('AI denkt mee');
    expect(waiting).not.toContain('Vraag AI om een voorstel');

    t.clock.advanceMinutes(3);
    const stuckView = (await g.press(MEMBERS[1]!, 'session.refresh', g.ids())).value;
    expect(cardProblems(stuckView)).toEqual([]);
    const stuck = cardText(stuckView);
    expect(stuck).not.toContain('AI denkt mee');
    expect(stuck).toContain('Het voorstel van AI kwam niet.');
    expect(stuck).toContain('Vraag AI om een voorstel');
    ai.script(success(DRAFT));
    await g.press(MEMBERS[1]!, 'proposal.draft', g.ids());
    await t.app.background.idle();
    expect(cardText(g.sharedCard())).toContain(DRAFT.proposal);
  });
});
