import { ConversationSpec, submit } from '../support/activities';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 46 (after the colleague-chat change of the same stop). A privately delivered B3 poll card ends up in a 1:1 chat between two
 * colleagues (forwarded), and a member answers it there on the Action.Submit fallback (an older
 * client). The answer is stored (the private poll takes answers in any "personal" chat). card-actions'
 * `deliver` then queues the outcome card itself ("Dank je wel", the poll's ids, the member's refresh
 * id) for the member's own chat through the outbox, because from a chat with a colleague it sends
 * `outcome.card` when the action set no `privately`. The B3 handler leaves `privately` unset on a
 * stored answer on purpose: "a note next to the tally write would say whose answer it was"
 * (README, stop 42; submit-fallback-refusal-told-privately.test.ts holds it for channels).
 *
 * Must hold: a stored answer queues nothing under the member's name, from a chat with a colleague
 * as from a channel; and nothing of it goes into the chat with the colleague.
 */
describe('a private poll answered on the Submit fallback in a 1:1 chat with a colleague', () => {
  let t: TestApp;
  let d: PulseDriver;
  const oost: TestTeam = team('Zorgteam Oost', 'oost', [HR, ...members('oost', 6)]);
  const own = (userId: string): ConversationSpec => ({ id: `a:1on1-${userId}`, type: 'personal', tenantId: 'tenant-1', serviceUrl: t.connector.url });
  const outboxDocsNaming = async (id: string) =>
    (await d.everything()).filter(({ container, doc }) => container === 'outbox' && JSON.stringify(doc).includes(id)).map(({ doc }) => String(doc.id));

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'own-chat-private-poll'.padEnd(40, 'q'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.startPoll(oost, 'peiling start dit team 2026-12-04 privé');
  }, 60_000);
  afterAll(() => t.stop());

  it('stores the answer and queues nothing under the member\'s name', async () => {
    const who = oost.members[3]!;
    const colleague = oost.members[4]!;
    const delivered = t.connector.cards((c) => c.method === 'POST' && c.conversationId === own(who.id).id).filter((c) => c.card.refresh?.action?.verb === 'pulse.view');
    expect(delivered).toHaveLength(1);
    const { pollId, targetId } = delivered[0]!.card.refresh.action.data;
    const chatWithColleague: ConversationSpec = { id: `19:${who.id}_${colleague.id}@unq.gbl.spaces`, type: 'personal', tenantId: 'tenant-1', serviceUrl: t.connector.url };

    const namingBefore = await outboxDocsNaming(who.id);
    const callsBefore = t.connector.calls.length;
    const res = await t.send(submit(chatWithColleague, who, { verb: 'pulse.answer', pollId, targetId, ...scores(2) }, 'forwarded-card-1'));
    expect(res.status).toBe(200);
    await d.settle();

    const tally = (await t.cosmos.container('pollAnswers').item('tally', pollId).read()).resource;
    const stored = tally?.teams?.[targetId]?.count ?? 0;
    const after = t.connector.calls.slice(callsBefore).filter((c) => c.activity?.type !== 'typing');
    expect(after.filter((c) => c.conversationId === chatWithColleague.id)).toEqual([]);
    if (stored === 1) {
      // Stored: silent, as on the fallback in a channel.
      const namingNow = (await outboxDocsNaming(who.id)).filter((id) => !namingBefore.includes(id));
      expect({ queuedUnderTheirName: namingNow, sentToTheirChat: after.filter((c) => c.conversationId === own(who.id).id).length }).toEqual({ queuedUnderTheirName: [], sentToTheirChat: 0 });
    }
  }, 60_000);
});
