import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A channel poll takes answers only from the members listed when its card went out (the tally's
 * invitee list). Someone who joins the team afterwards and opens the card in the team's own
 * channel gets no form (every answer of theirs would be refused) but a short card saying the poll
 * went to the members the team had when it started. An answer they send anyway (the shared card
 * shows the questions) is refused with that same reason, not with "This card belongs to another
 * team or chat", which is false for their own team's card in their own team's channel.
 * Found in review, stop 39.
 */
describe('a channel poll and a member who joined after its card went out', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const newbie = user('Nina Nieuw');

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-newcomer-channel'.padEnd(40, 'c') }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.startPoll(noord, 'peiling start dit team 2026-12-04');
    // Nina joins the team after delivery.
    noord.members.push(newbie);
    t.connector.teamRosters.set(noord.id, noord.members);
  }, 60_000);
  afterAll(() => t.stop());

  it('does not hand her an answerable form that every answer of hers is refused from', async () => {
    const card = d.pollCard(noord.id);
    const view = await d.press(newbie, d.channel(noord), 'pulse.view', { pollId: card.pollId, targetId: card.targetId }, card.id, noord);
    const answer = await d.press(newbie, d.channel(noord), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(4), open: 'Fijn team' }, card.id, noord);
    const refusal = cardText(answer.value);
    // Nothing was stored for her (right) ...
    expect(refusal).not.toContain('Dank je wel');
    // ... she is not given the questions to fill in, and the refusal names the true reason (not
    // "another team": this is her own team's card, in her own team's channel).
    expect({ formShown: cardText(view.value).includes('Mijn werk boeit mij.'), refusal }).toEqual({ formShown: false, refusal: expect.not.stringContaining('hoort bij een ander team') });
    // What she is told instead, on opening the card and on sending it anyway.
    expect(cardText(view.value)).toContain('ging naar de leden die Zorgteam Noord had toen de peiling begon');
    expect(refusal).toContain('Wat je invulde, is niet opgeslagen.');
  }, 60_000);
});
