import { membersAdded, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { showsFigures } from './support/card-figures';

/**
 * Roster change while a channel poll is open: people added to the team AFTER its card went out.
 * Found in review, stop 33; channel polls now list their members at delivery, as private ones do.
 *
 * A private poll lists the members it was sent to (the tally's invitees, fixed at delivery) and
 * takes an answer for a team only from them, "so nobody outside it can pad it past the minimum
 * with answers they know and subtract them again" (src/domain/pulse-poll/tally.ts, PollTally.invitees).
 * A channel poll kept no such list: submitAnswer (src/usecases/pulse-poll/answer-poll.ts:61-63)
 * checks only that the invoke came from a channel of the target's team, and foldAnswer
 * (src/domain/pulse-poll/tally.ts:160, mayAnswerFor with no invitee) takes it. The base of the
 * response rate is still the roster at delivery (deliver-poll.ts:26, `memberCount`), and the rate
 * is capped at 100 (results.ts:94), so nothing published shows that the respondents are not the
 * members the poll was sent to.
 *
 * Attack, step by step (minimum 5; Zorgteam West has 7 members when the card is posted):
 *  1. The poll card goes into West's General channel; the team owner watches the response count
 *     (reminders, `peiling resultaten` in the channel): "1 van 7", so exactly one colleague answered,
 *     and from the timing the owner knows who.
 *  2. The owner adds four accounts to the team (accomplices, or guest accounts they control). As
 *     new members they see the channel history, card included, and answer it with all 3s.
 *  3. The poll closes with 5 respondents, so West's figures are published to HR and mirrored to
 *     West's channel ("5 van 7", 71%: it looks like five of the seven answered).
 *  4. score = (mean - 1) / 4 * 100 with five answers moves in steps of 5 points; the owner takes
 *     off the four known 3s: the victim's own score on each statement is 5 * mean - 12. Here the
 *     victim gave beloning 1 ("my pay is too low"): Beloning shows 40, i.e. mean 2.6 = (4*3 + 1)/5.
 *
 * What a reader learns: one named colleague's complete answer, through a cut that counts one
 * real respondent, though the product promises no aggregate under 5 respondents.
 */
describe('B3: a channel poll padded by people added to the team after delivery', () => {
  let t: TestApp;
  let d: PulseDriver;
  const west: TestTeam = team('Zorgteam West', 'west', [HR, ...members('west', 6)]);
  const victim = west.members[3]!;
  const joiners = ['Xander', 'Yara', 'Zeger', 'Wim'].map(user);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-b3-late-joiners'.padEnd(40, 'j'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(west);
    await d.say(HR, west, 'peiling start dit team 2026-12-04');
    await d.settle();
  }, 120_000);
  afterAll(() => t.stop());

  it('attack: counts no answer from someone who joined the team after the poll was delivered: West stays at 1 of 7, without figures', async () => {
    const card = d.pollCard(west.id);
    await d.press(victim, d.channel(west), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(5, { beloning: 1 }) }, card.id, west);
    expect(cardText(await d.read(west.members[1]!, west, 'peiling resultaten'))).toContain('1 van 7');

    // Four accounts are added to the team (Teams tells the bot; the roster now lists them too).
    t.connector.teamRosters.set(west.id, [...west.members, ...joiners]);
    await t.send(d.inTeam(membersAdded(d.channel(west), west.members[1]!, joiners), west));
    for (const j of joiners) {
      await d.press(j, d.channel(west), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(3) }, card.id, west);
    }

    await d.say(HR, west, 'peiling sluiten');
    await d.settle();
    const mirror = cardText(await d.read(west.members[1]!, west, 'peiling resultaten'));
    // Today: "5 van 7 (71%)" and Beloning 40, from which 5 x 2.6 - 4 x 3 = 1 is the victim's answer.
    expect({ response: /\d+ van 7/.exec(mirror)?.[0], figures: showsFigures(mirror) }).toEqual({ response: '1 van 7', figures: false });
  }, 120_000);
});
