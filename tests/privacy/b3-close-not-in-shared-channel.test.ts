import { message, TestUser } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 46. Zorgteam Noord hosts a shared channel "Ketenoverleg" and a private
 * channel; Teams sends their activities with channelData.team = Noord and channel.type "shared" or
 * "private". Stop 45 kept B3 figures out of such channels, but `peiling sluiten` typed there still
 * closed Noord's open poll (the host team taken as "this channel's team"). Closing is final, and in
 * a shared or private channel other people than the team read along: HR typing there by mistake,
 * meaning another team, closed Noord's poll for good.
 *
 * What must hold: `peiling sluiten` (with or without a team's name, in either language) typed in a
 * shared or private channel closes no poll; HR is told, in their language, to close it from the
 * team's standard channel or their personal chat with the bot. Noord's poll stays open and
 * answerable, and closes as before from Noord's own channel. (The poll's cards have no close
 * button: a close is only ever typed.)
 */
describe('peiling sluiten typed in a shared or private channel the team hosts', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const SHARED = '19:noord-ketenoverleg@thread.tacv2';
  const PRIVATE = '19:noord-leiding@thread.tacv2';
  const POINTER = 'gewoon kanaal van het team';

  const polls = async () => (await t.store.container('polls').items.query('SELECT * FROM c').fetchAll()).resources.filter((p) => Array.isArray(p.targets));
  const statusOfNoord = async () => (await polls()).map((p) => ({ teams: p.targets.map((x: { teamName: string }) => x.teamName), status: p.status, closedAt: p.closedAt ?? null }));

  /** A message in a shared or private channel of Noord, as Teams sends it there; what the bot said there. */
  async function sayIn(who: TestUser, text: string, channelId: string, type: 'shared' | 'private') {
    const conv = t.conversation('channel', channelId);
    const before = t.connector.calls.length;
    await t.send({ ...message(conv, who, text), channelData: { tenant: { id: conv.tenantId }, team: { id: noord.id }, channel: { id: channelId, type, name: channelId } } });
    await d.settle();
    return t.connector.calls
      .slice(before)
      .filter((c) => c.method === 'POST' && c.conversationId === channelId)
      .map((c) => [c.activity?.text ?? '', ...(c.activity?.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join('\n'))
      .join('\n');
  }

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'b3-close-shared-channel'.padEnd(40, 's'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.startPoll(noord, 'peiling start dit team 2026-12-04');
    await d.answerOnCard(noord, noord.members[1]!);
  }, 120_000);
  afterAll(() => t.stop());

  it('closes no poll, and tells HR where to close it instead', async () => {
    const said = {
      shared: await sayIn(HR, 'peiling sluiten', SHARED, 'shared'),
      'shared, naming the team': await sayIn(HR, 'peiling sluiten Zorgteam Noord', SHARED, 'shared'),
      private: await sayIn(HR, 'peiling sluiten', PRIVATE, 'private'),
    };
    expect(Object.fromEntries(Object.entries(said).map(([where, text]) => [where, { pointed: text.includes(POINTER), closed: /gesloten/i.test(text) && !text.includes(POINTER) }]))).toEqual(
      Object.fromEntries(Object.keys(said).map((where) => [where, { pointed: true, closed: false }])),
    );
    expect(await statusOfNoord()).toEqual([{ teams: ['Zorgteam Noord'], status: 'open', closedAt: null }]);
  }, 60_000);

  it('tells HR in English when the command was English', async () => {
    const said = await sayIn(HR, 'poll close', SHARED, 'shared');
    expect(said).toContain("team's standard channel");
    expect((await statusOfNoord()).map((p) => p.status)).toEqual(['open']);
  }, 60_000);

  it("keeps the poll answerable, and closes it from Noord's own channel as before", async () => {
    const before = t.connector.calls.length;
    await d.answerOnCard(noord, noord.members[2]!);
    await d.say(HR, noord, 'peiling sluiten');
    await d.settle();
    expect(d.saidSince(before)).toContain('De B3-spiegel is gesloten');
    expect((await statusOfNoord()).map((p) => p.status)).toEqual(['closed']);
  }, 60_000);
});
