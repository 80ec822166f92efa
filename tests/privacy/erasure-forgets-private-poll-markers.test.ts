import { ConversationSpec } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { inviteeHash, respondentHash } from '../../src/domain/pulse-poll/answer';
import { CosmosPollRepository, CosmosTallyRepository } from '../../src/store/pulse-poll.repositories';
import { forgetPollMarkers } from '../../src/usecases/pulse-poll/forget-respondent';

/**
 * Found in review of erasure. A member of a team in an open private B3-spiegel poll answers, then
 * erases their data. The poll's tally kept their invitee marker and their respondent marker
 * (keyed hashes of poll and person) until the poll closed: whoever holds POLL_HASH_KEY could
 * still tell that this person was asked and that they answered. What must hold: the erasure's
 * poll step (forgetPollMarkers) drops both markers from every open private poll, keeps their
 * scores (nobody's) in the count, leaves everyone else's markers, writes nothing on a second run,
 * and the erased person can no longer answer (no longer asked). A channel poll keeps its markers:
 * there the respondent marker is what refuses a second answer from the team's channel.
 */
describe('erasure and the markers of open B3-spiegel polls', () => {
  const KEY = 'erasure-markers'.padEnd(40, 'k');
  let t: TestApp;
  let d: PulseDriver;
  const west: TestTeam = team('Zorgteam West', 'west', [HR, ...members('west', 6)]);
  const oost: TestTeam = team('Zorgteam Oost', 'oost', [HR, ...members('oost', 6)]);
  const personal = (userId: string): ConversationSpec => ({ id: `a:1on1-${userId}`, type: 'personal', tenantId: 'tenant-1', serviceUrl: t.connector.url });
  const deps = () => ({ polls: new CosmosPollRepository(t.store), tallies: new CosmosTallyRepository(t.store), hashKey: KEY });
  const tallyOf = async (pollId: string) => (await t.store.container('pollAnswers').item('tally', pollId).read()).resource as { respondents: string[]; invitees?: Record<string, string[]>; teams: Record<string, { count: number }> };
  /** Which markers of this person the tally holds for this team. */
  const markersOf = async (pollId: string, targetId: string, who: { id: string; aadObjectId: string }) => {
    const tally = await tallyOf(pollId);
    const found: string[] = [];
    for (const id of [who.aadObjectId, who.id]) {
      if (tally.respondents.includes(respondentHash(KEY, pollId, id))) found.push('respondent');
      if ((tally.invitees?.[targetId] ?? []).includes(inviteeHash(KEY, pollId, targetId, id))) found.push('invitee');
    }
    return found.sort();
  };
  const privateCardOf = (userId: string) => {
    const card = t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${userId}`)[0]!;
    return { id: card.call.id, ...(card.card.refresh.action.data as { pollId: string; targetId: string }) };
  };

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: KEY, B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(west);
    await d.install(oost);
    await d.say(HR, west, 'peiling start dit team 2026-12-04 privé');
    await d.startPoll(oost, 'peiling start Zorgteam Oost 2026-12-04');
    await d.settle();
  }, 60_000);
  afterAll(() => t.stop());

  it('drops the erased member\'s markers from the open private poll and keeps everything else', async () => {
    const [erased, other] = [west.members[3]!, west.members[4]!];
    const card = privateCardOf(erased.id);
    const answered = await d.press(erased, personal(erased.id), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(4) }, card.id);
    expect(cardText(answered.value)).toContain('Dank je wel!');
    const channelPoll = d.pollCard(oost.id);
    await d.answerOnCard(oost, oost.members[2]!);
    expect({
      erased: await markersOf(card.pollId, card.targetId, erased),
      other: await markersOf(card.pollId, card.targetId, other),
      channel: await markersOf(channelPoll.pollId, channelPoll.targetId, oost.members[2]!),
    }).toEqual({ erased: ['invitee', 'respondent'], other: ['invitee'], channel: ['invitee', 'respondent'] });

    const person = { userId: erased.aadObjectId, platformIds: [erased.id] };
    expect(await forgetPollMarkers(deps(), person)).toBe(1);
    expect({
      erased: await markersOf(card.pollId, card.targetId, erased),
      other: await markersOf(card.pollId, card.targetId, other),
      count: (await tallyOf(card.pollId)).teams[card.targetId]!.count,
      channel: await markersOf(channelPoll.pollId, channelPoll.targetId, oost.members[2]!),
    }).toEqual({ erased: [], other: ['invitee'], count: 1, channel: ['invitee', 'respondent'] });

    // Safe to run again: nothing left to forget, nothing written.
    expect(await forgetPollMarkers(deps(), person)).toBe(0);
    // No longer asked: a second answer from their old card is refused (a private poll's card data from
    // someone it did not go to tells nothing of their team: "a card of another team or chat").
    const again = await d.press(erased, personal(erased.id), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(1) }, card.id);
    expect(cardText(again.value)).toContain('Dat lukte niet');
    expect((await tallyOf(card.pollId)).teams[card.targetId]!.count).toBe(1);
  }, 120_000);
});
