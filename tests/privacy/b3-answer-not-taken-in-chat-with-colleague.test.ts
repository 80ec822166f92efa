/**
 * Found in review, stop 47 (left over from stop 46's own-chat check). Teams calls a 1:1 chat
 * between two people "personal" too (its id is a thread's, "19:…"; the bot's own chat's is "a:…").
 * A member's B3 answer buttons took any "personal" chat for the member's own: a private poll's card
 * forwarded into a 1:1 chat with a colleague (or a press forged with that chat's id) stored the
 * answer there, and its refresh showed the form (or "you answered") on the card in that chat.
 *
 * Clock: Monday 23 November 2026. HR started a private poll for Zorgteam Oost (each member has the
 * card in their own chat with the bot) and a channel poll for Zorgteam Zuid.
 * 1. Oost's member Ola presses "Versturen" with every score on the private card in her 1:1 chat
 *    with a colleague: on the Action.Submit fallback (an older client), the same press delivered
 *    twice by Teams, and on Action.Execute (also with a comment over the limit, which the payload
 *    check refuses); and the card there is refreshed for her.
 * 2. Zuid's member Zeno presses "Versturen" on Zuid's channel card forwarded into his 1:1 chat
 *    with a colleague (Submit fallback and Action.Execute).
 * 3. Ola answers on her own card in her own chat.
 * Must hold (an answer is given privately on one's own card; it can never be tied to a person;
 * nothing about it is shown in a chat another person reads): in a chat with a colleague the press
 * stores nothing, nothing at all is posted into that chat, and the presser alone hears where to
 * answer (the invoke's reply, or on the Submit fallback once in their own chat, also when the press
 * comes twice), in words that name no poll. No outbox job or stored document names the member
 * together with the poll. In her own chat, Ola's answer is stored and thanked for as before.
 */
import { ConversationSpec, execute, submit, TestUser } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

const POINTER = 'alleen op je eigen kaart';

describe("a member's B3 answer pressed in a 1:1 chat with a colleague", () => {
  let t: TestApp;
  let d: PulseDriver;
  const oost: TestTeam = team('Zorgteam Oost', 'oost', [HR, ...members('oost', 6)]);
  const zuid: TestTeam = team('Zorgteam Zuid', 'zuid', members('zuid', 6));
  const ola = oost.members[3]!;
  const zeno = zuid.members[2]!;
  const chat = (id: string): ConversationSpec => ({ id, type: 'personal', tenantId: 'tenant-1', serviceUrl: t.connector.url });
  const withColleague = (who: TestUser) => chat(`19:${who.id}_colleague@unq.gbl.spaces`);
  const ownChatOf = (who: TestUser) => t.connector.personalChats.get(who.id) ?? `a:1on1-${who.id}`;
  const said = (c: { activity?: { text?: string; attachments?: { content: unknown }[] } }) => [c.activity?.text ?? '', ...(c.activity?.attachments ?? []).map((a) => cardText(a.content))].join('\n');
  const counted = async (pollId: string, targetId: string) => ((await t.cosmos.container('pollAnswers').item('tally', pollId).read()).resource?.teams?.[targetId]?.count ?? 0) as number;
  /** Every stored document (outbox jobs included) that names the member and the poll together. */
  const namingBoth = async (who: TestUser, pollId: string) =>
    (await d.everything()).filter(({ doc }) => [who.id, who.aadObjectId].some((id) => JSON.stringify(doc).includes(id)) && JSON.stringify(doc).includes(pollId)).map(({ container, doc }) => `${container}/${String(doc.id)}`);
  /** Those the presses added: the private poll's own delivery to the member's chat (sent before anyone answered) is no answer. */
  const sentBefore = new Map<string, string[]>();
  const newlyNamingBoth = async (who: TestUser, pollId: string) => (await namingBoth(who, pollId)).filter((id) => !(sentBefore.get(`${who.id} ${pollId}`) ?? []).includes(id));
  let privateCard: { pollId: string; targetId: string; messageId: string };
  let channelCard: { pollId: string; targetId: string; messageId: string };

  /** Sends a press; returns the invoke's reply (if any) and what the bot posted into the colleague chat and the presser's own chat. */
  const pressed = async (who: TestUser, activity: Record<string, unknown>) => {
    const before = t.connector.calls.length;
    const res = await t.send(activity);
    await d.settle();
    const calls = t.connector.calls.slice(before).filter((c) => c.activity?.type !== 'typing');
    const reply = res.body?.value && typeof res.body.value === 'object' ? cardText(res.body.value) : undefined;
    return {
      status: res.status,
      reply: reply === undefined ? 'none' : reply.includes(POINTER) && !/Dank je wel|Versturen|Mijn werk boeit mij/.test(reply) ? 'pointer' : reply,
      intoColleagueChat: calls.filter((c) => c.conversationId === String((activity.conversation as { id: string }).id)).map(said),
      toOwnChat: calls.filter((c) => c.conversationId === ownChatOf(who)).map((c) => (said(c).includes(POINTER) ? 'pointer' : said(c))),
    };
  };

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'b3-answer-colleague-chat'.padEnd(40, 'c') }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.startPoll(oost, 'peiling start dit team 2026-12-04 privé');
    await d.startPoll(zuid, 'peiling start dit team 2026-12-04');
    const delivered = t.connector.cards((c) => c.method === 'POST' && c.conversationId === ownChatOf(ola)).filter((c) => c.card.refresh?.action?.verb === 'pulse.view');
    expect(delivered).toHaveLength(1);
    privateCard = { ...delivered[0]!.card.refresh.action.data, messageId: delivered[0]!.call.id };
    const zuidCard = d.pollCard(zuid.id);
    channelCard = { pollId: zuidCard.pollId, targetId: zuidCard.targetId, messageId: zuidCard.id };
    for (const [who, pollId] of [[ola, privateCard.pollId], [zeno, channelCard.pollId]] as const) sentBefore.set(`${who.id} ${pollId}`, await namingBoth(who, pollId));
  }, 60_000);
  afterAll(() => t.stop());

  it('a private poll\'s card there: stores nothing, posts nothing there, and tells her alone where to answer', async () => {
    const { pollId, targetId } = privateCard;
    const answer = { pollId, targetId, ...scores(2) };
    const onSubmit = submit(withColleague(ola), ola, { verb: 'pulse.answer', ...answer }, 'forwarded-card-1');
    const told = {
      submit: await pressed(ola, onSubmit),
      'submit again (redelivered)': await pressed(ola, onSubmit),
      execute: await pressed(ola, execute(withColleague(ola), ola, 'pulse.answer', answer, 'forwarded-card-1')),
      'execute, comment too long': await pressed(ola, execute(withColleague(ola), ola, 'pulse.answer', { ...answer, open: 'MIJN-OPMERKING '.repeat(200) }, 'forwarded-card-1')),
      refresh: await pressed(ola, execute(withColleague(ola), ola, 'pulse.view', { pollId, targetId }, 'forwarded-card-1')),
    };
    expect(told).toEqual({
      submit: { status: 200, reply: 'none', intoColleagueChat: [], toOwnChat: ['pointer'] },
      'submit again (redelivered)': { status: 200, reply: 'none', intoColleagueChat: [], toOwnChat: [] },
      execute: { status: 200, reply: 'pointer', intoColleagueChat: [], toOwnChat: [] },
      'execute, comment too long': { status: 200, reply: 'pointer', intoColleagueChat: [], toOwnChat: [] },
      refresh: { status: 200, reply: 'pointer', intoColleagueChat: [], toOwnChat: [] },
    });
    expect({ counted: await counted(pollId, targetId), namingHerAndThePoll: await newlyNamingBoth(ola, pollId) }).toEqual({ counted: 0, namingHerAndThePoll: [] });
  });

  it("a team channel's card there: stores nothing, posts nothing there, and tells him alone where to answer", async () => {
    const { pollId, targetId } = channelCard;
    const answer = { pollId, targetId, ...scores(5) };
    const told = {
      submit: await pressed(zeno, submit(withColleague(zeno), zeno, { verb: 'pulse.answer', ...answer }, 'forwarded-card-2')),
      execute: await pressed(zeno, execute(withColleague(zeno), zeno, 'pulse.answer', answer, 'forwarded-card-2')),
    };
    expect(told).toEqual({
      submit: { status: 200, reply: 'none', intoColleagueChat: [], toOwnChat: ['pointer'] },
      execute: { status: 200, reply: 'pointer', intoColleagueChat: [], toOwnChat: [] },
    });
    expect({ counted: await counted(pollId, targetId), namingHimAndThePoll: await newlyNamingBoth(zeno, pollId) }).toEqual({ counted: 0, namingHimAndThePoll: [] });
  });

  it('in her own chat her answer is stored and thanked for, as before', async () => {
    const { pollId, targetId, messageId } = privateCard;
    const reply = await d.press(ola, chat(ownChatOf(ola)), 'pulse.answer', { pollId, targetId, ...scores(2) }, messageId);
    expect({ thanked: cardText(reply.value).includes('Dank je wel'), counted: await counted(pollId, targetId), namingHerAndThePoll: await newlyNamingBoth(ola, pollId) }).toEqual({ thanked: true, counted: 1, namingHerAndThePoll: [] });
  });
});
