/**
 * Found in review, stop 67.
 *
 * While the app ran without Azure OpenAI settings, a member's "Vraag AI om een voorstel" press
 * (from a card of before) was stored as `failed: not-configured`, as versions before stop 67
 * stored it. With Azure OpenAI configured again, the group's card kept saying "AI staat uit in deze
 * omgeving." (untrue now) and offered no way to ask.
 * Must hold: with AI on, that stored outcome reads as no draft yet: the card offers to ask, and the
 * press drafts.
 */
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { success } from '../support/fake-azure-openai';
import { DRAFTED_ANSWERS, HANDOVER_DRAFT, startAppWithAi } from '../support/ai-fixtures';

describe('AI configured again after a press stored while it was off', () => {
  let env: Awaited<ReturnType<typeof startAppWithAi>>;
  beforeAll(async () => { env = await startAppWithAi({ sharedCardIntervalMs: 0 }); });
  afterAll(() => env.stop());

  it('no longer says AI is off, offers to ask, and the press drafts', async () => {
    const { ai, t } = env;
    const members = MEMBERS.slice(0, 3);
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:ai-back-on@thread.v2'), members).answeredOnDayOne(DRAFTED_ANSWERS, { checkIn: 4 });
    // What a press while AI was off stored before stop 67.
    const sessions = t.store.container('sessions');
    const query = { query: "SELECT * FROM c WHERE c.type = 'proposal'", parameters: [] };
    const proposal = (await sessions.items.query(query, { partitionKey: g.groupId }).fetchAll()).resources[0];
    await sessions.item(proposal.id, g.groupId).replace({ ...proposal, ai: { status: 'failed', reason: 'not-configured', at: t.clock.now().toISOString() } });

    const card = (await g.press(members[0]!, 'session.refresh', g.ids())).value;
    expect({ saysAiOff: cardText(card).includes('AI staat uit in deze omgeving'), offersToAsk: JSON.stringify(card).includes('"verb":"proposal.draft"') })
      .toEqual({ saysAiOff: false, offersToAsk: true });

    ai.script(success(HANDOVER_DRAFT));
    await g.press(members[1]!, 'proposal.draft', g.ids());
    await t.app.background.idle();
    expect(cardText(g.sharedCard())).toContain(HANDOVER_DRAFT.proposal);
  }, 60_000);
});
