/**
 * Stop 48 (a left-out of stop 47). A B3 poll card's "Versturen" pressed in a 1:1 chat with a
 * colleague (a forwarded card) on the Action.Submit fallback (an older client): a valid press gets,
 * in the presser's own chat, the pointer to answer on their own card. A press whose payload fails
 * the check (a comment over the payload's 2,000 characters) got the plain "invalid input" error card there
 * instead, as if the answer could be fixed and sent again from that chat.
 *
 * Must hold: the refused press gets the very same pointer card in their own chat (once, also when
 * Teams delivers the press twice), nothing is posted into the colleague chat, no poll or tally is
 * read, nothing is counted, and the comment is in no stored document (outbox jobs included).
 */
import { ConversationSpec, submit, TestUser } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

const POINTER = 'alleen op je eigen kaart';
const COMMENT = 'MIJN-TE-LANGE-OPMERKING ';

describe('a refused B3 answer on the Submit fallback in a 1:1 chat with a colleague', () => {
  let t: TestApp;
  let d: PulseDriver;
  const oost: TestTeam = team('Zorgteam Oost', 'oost', [HR, ...members('oost', 6)]);
  const ola = oost.members[3]!;
  const chat = (id: string): ConversationSpec => ({ id, type: 'personal', tenantId: 'tenant-1', serviceUrl: t.connector.url });
  const withColleague = (who: TestUser) => chat(`19:${who.id}_colleague@unq.gbl.spaces`);
  const ownChatOf = (who: TestUser) => t.connector.personalChats.get(who.id) ?? `a:1on1-${who.id}`;
  let card: { pollId: string; targetId: string };

  /** Sends a press and lets the outbox deliver; what went into the colleague chat and into her own chat. */
  const ownCards = () => t.connector.cards((c) => c.conversationId === ownChatOf(ola)).map((c) => c.card);
  const pressed = async (activity: Record<string, unknown>) => {
    const before = t.connector.calls.length;
    const ownBefore = ownCards().length;
    t.proxy!.reset();
    const res = await t.send(activity);
    const pollReads = t.proxy!.count((r) => r.container === 'polls' || r.container === 'pollAnswers');
    await d.settle();
    const calls = t.connector.calls.slice(before).filter((c) => c.activity?.type !== 'typing');
    return {
      status: res.status,
      pollReads,
      intoColleagueChat: calls.filter((c) => c.conversationId === withColleague(ola).id).length,
      toOwnChat: ownCards().slice(ownBefore),
    };
  };
  const counted = async () => ((await t.cosmos.container('pollAnswers').item('tally', card.pollId).read()).resource?.teams?.[card.targetId]?.count ?? 0) as number;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'b3-refused-colleague-chat'.padEnd(40, 'c') }, '2026-11-23T08:00:00Z', { proxy: true });
    d = new PulseDriver(t);
    await d.startPoll(oost, 'peiling start dit team 2026-12-04 privé');
    const delivered = t.connector.cards((c) => c.method === 'POST' && c.conversationId === ownChatOf(ola)).filter((c) => c.card.refresh?.action?.verb === 'pulse.view');
    expect(delivered).toHaveLength(1);
    card = delivered[0]!.card.refresh.action.data;
  }, 60_000);
  afterAll(() => t.stop());

  it('gets the same pointer as a valid press there, once, reading no poll and storing nothing', async () => {
    const valid = await pressed(submit(withColleague(ola), ola, { verb: 'pulse.answer', pollId: card.pollId, targetId: card.targetId, ...scores(2) }, 'forwarded-card'));
    expect(valid.toOwnChat.map(cardText)).toEqual([expect.stringContaining(POINTER)]);

    const tooLong = submit(withColleague(ola), ola, { verb: 'pulse.answer', pollId: card.pollId, targetId: card.targetId, ...scores(2), open: COMMENT.repeat(100) }, 'forwarded-card');
    const refused = await pressed(tooLong);
    const again = await pressed(tooLong);
    expect(refused.toOwnChat.map(cardText)).toEqual([expect.stringContaining(POINTER)]);
    expect(refused.toOwnChat[0]).toEqual(valid.toOwnChat[0]);
    expect({ ...refused, toOwnChat: refused.toOwnChat.length }).toEqual({ status: 200, pollReads: 0, intoColleagueChat: 0, toOwnChat: 1 });
    expect(cardText(refused.toOwnChat[0])).not.toContain('MIJN-TE-LANGE');
    expect({ ...again, toOwnChat: again.toOwnChat.length }).toEqual({ status: 200, pollReads: 0, intoColleagueChat: 0, toOwnChat: 0 });

    expect(await counted()).toBe(0);
    expect((await d.everything()).filter(({ doc }) => JSON.stringify(doc).includes('MIJN-TE-LANGE'))).toEqual([]);
  });
});
