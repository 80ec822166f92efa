import { execute, message, TestUser, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { showsFigures } from './support/card-figures';

/**
 * Found in review, stop 45. Zorgteam Noord hosts a shared channel "Ketenoverleg": Teams sends its
 * activities with channelData.team = Noord and channelData.channel.type = "shared" (as
 * tests/pulse-poll/mirror-not-in-shared-channel.test.ts models it). Xena is a direct member of that
 * shared channel from a partner organisation, not a member of Noord. Noord's B3 poll is open; five
 * of its seven members answered. The poll commands took "this channel's team" from channelData.team
 * alone, so in the shared channel Xena's `peiling resultaten` got Noord's response while open and
 * its full results after closing (also by pressing Toon on HR's restricted card there), and HR's
 * `peiling status` / `peiling resultaten` were posted openly in the shared channel.
 *
 * What must hold: in a shared or private channel nobody counts as the channel's team for B3
 * figures. Someone outside HR gets none, only where to look (a standard channel of their team);
 * HR's status and progress go to HR's personal chat (the channel hears where to find them), HR's
 * closed results stay behind the card only HR's Teams refreshes. Noord's members still get their
 * own figures in Noord's own channel.
 */
describe('B3 figures asked for in a shared or private channel the team hosts', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const SHARED = '19:noord-ketenoverleg@thread.tacv2';
  const PRIVATE = '19:noord-leiding@thread.tacv2';
  const xena = user('Xena');
  const channelData = (conv: { tenantId: string }, id: string, type: 'shared' | 'private') => ({ tenant: { id: conv.tenantId }, team: { id: noord.id }, channel: { id, type, name: id } });

  const postedIn = (conversationId: string | undefined, before: number) => t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === conversationId);
  const textOf = (calls: ReturnType<typeof postedIn>) =>
    calls.map((c) => [c.activity?.text ?? '', ...(c.activity?.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join('\n')).join('\n');

  /** A message in a shared (or private) channel of Noord, as Teams sends it there; what the bot posted there, and to HR's personal chat. */
  async function sayIn(who: TestUser, text: string, channelId = SHARED, type: 'shared' | 'private' = 'shared') {
    const conv = t.conversation('channel', channelId);
    const before = t.connector.calls.length;
    await t.send({ ...message(conv, who, text), channelData: channelData(conv, channelId, type) });
    await d.settle();
    const there = postedIn(channelId, before);
    return { said: textOf(there), cards: there.flatMap((c) => (c.activity?.attachments ?? []).map((a: { content: any }) => a.content)), toHr: textOf(postedIn(t.connector.personalChats.get(HR.id), before)) }; // eslint-disable-line @typescript-eslint/no-explicit-any -- card JSON under test
  }

  /** A press on a card in the shared channel; what Teams shows the presser. */
  async function pressInShared(who: TestUser, verb: string, data: Record<string, unknown>, replyToId: string) {
    const conv = t.conversation('channel', SHARED);
    const res = await t.send({ ...execute(conv, who, verb, data, replyToId), channelData: channelData(conv, SHARED, 'shared') });
    expect(res.status).toBe(200);
    return res.body as { type: string; value: unknown };
  }

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'b3-shared-outsider'.padEnd(40, 's'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(noord);
    await d.say(HR, noord, 'peiling start dit team 2026-12-04');
    await d.settle();
    const card = d.pollCard(noord.id);
    for (const m of noord.members.slice(1, 6)) {
      await d.press(m, d.channel(noord), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(2, { beloning: 1 }) }, card.id, noord);
    }
  }, 120_000);
  afterAll(() => t.stop());

  it("while open: an outsider in the shared channel is not told Noord's response, only where to look", async () => {
    const { said, cards } = await sayIn(xena, 'peiling resultaten');
    expect({ response: /\d+ van 7/.exec(said)?.[0], cards: cards.length }).toEqual({ response: undefined, cards: 0 });
    expect(said).toContain('gewoon kanaal van dat team');
  }, 60_000);

  it("while open: a member in a private channel of Noord is not told the response there either", async () => {
    const { said } = await sayIn(noord.members[1]!, 'peiling resultaten', PRIVATE, 'private');
    expect({ response: /\d+ van 7/.exec(said)?.[0], pointed: said.includes('gewoon kanaal van dat team') }).toEqual({ response: undefined, pointed: true });
  }, 60_000);

  it.each(['peiling status', 'peiling resultaten'])('while open: HR\'s "%s" in the shared channel goes to HR\'s personal chat, not to the channel', async (command) => {
    const { said, cards, toHr } = await sayIn(HR, command);
    expect({ response: /\d+ van 7/.exec(said)?.[0], cards: cards.length, pointed: said.includes('persoonlijke chat') }).toEqual({ response: undefined, cards: 0, pointed: true });
    expect(toHr).toContain('5 van 7');
  }, 60_000);

  it("after closing: an outsider in the shared channel gets no card with Noord's B3 figures, by command or by Toon on HR's card", async () => {
    await d.say(HR, noord, 'peiling sluiten');
    await d.settle();
    // Noord's own members get their figures in Noord's channel (the mirror): that is as it should be.
    expect(showsFigures(await d.read(noord.members[1]!, noord, 'peiling resultaten'))).toBe(true);

    const outsider = await sayIn(xena, 'peiling resultaten');
    expect({ figuresShownToOutsider: showsFigures(outsider.said), response: /\d+ van 7/.exec(outsider.said)?.[0], cards: outsider.cards.length }).toEqual({ figuresShownToOutsider: false, response: undefined, cards: 0 });
    expect(outsider.said).toContain('gewoon kanaal van dat team');

    // HR's results in the shared channel: a card only HR's Teams refreshes into the results.
    const hr = await sayIn(HR, 'peiling resultaten');
    expect(hr.cards).toHaveLength(1);
    const restricted = hr.cards[0];
    expect({ figuresPosted: showsFigures(hr.said), response: /\d+ van 7/.exec(hr.said)?.[0], refreshFor: restricted.refresh?.userIds }).toEqual({ figuresPosted: false, response: undefined, refreshFor: [HR.id] });
    const toon = restricted.body.flatMap((e: { actions?: { verb?: string; data?: Record<string, unknown> }[] }) => e.actions ?? []).find((a: { verb?: string }) => a.verb === 'pulse.results');
    expect(toon).toBeDefined();

    const pressed = await pressInShared(xena, toon.verb, toon.data, 'restricted-card');
    expect({ figuresShownToOutsider: showsFigures(pressed.value), response: /\d+ van 7/.exec(JSON.stringify(pressed.value))?.[0] }).toEqual({ figuresShownToOutsider: false, response: undefined });
    expect(pressed).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: expect.stringContaining('gewoon kanaal van dat team') });

    // HR pressing the same button gets the full results, to them alone.
    const own = await pressInShared(HR, toon.verb, toon.data, 'restricted-card');
    expect(showsFigures(own.value)).toBe(true);
  }, 60_000);
});
