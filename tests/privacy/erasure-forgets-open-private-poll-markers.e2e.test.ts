import { ConversationSpec } from '../support/activities';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { inviteeHash, respondentHash } from '../../src/domain/pulse-poll/answer';

/**
 * Found in review, stop 44. A member of a team in an open private B3-spiegel poll answers, then
 * erases their data. The poll's tally kept their invitee marker and their respondent marker
 * (keyed hashes of poll and person) until the poll closed: whoever holds POLL_HASH_KEY could
 * still tell, after the erasure, that this person was asked and that they answered. The erasure
 * now drops both from the open private polls (they are simply no longer asked; their score stays,
 * nobody's). A channel poll keeps them until it closes (README): there the respondent marker is
 * what refuses a second answer from the team's channel.
 */
describe('erasure and an open private B3-spiegel poll', () => {
  const KEY = 'erasure-markers-key'.padEnd(40, 'k');
  let t: TestApp;
  let d: PulseDriver;
  let west: TestTeam;
  const personal = (userId: string): ConversationSpec => ({ id: `a:1on1-${userId}`, type: 'personal', tenantId: 'tenant-1', serviceUrl: t.connector.url });

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: KEY, B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    west = team('Zorgteam West', 'west', [HR, ...members('west', 6)]);
    await d.install(west);
    await d.say(HR, west, 'peiling start dit team 2026-12-04 privé');
    await d.settle();
  });
  afterAll(() => t.stop());

  it('leaves no marker of the erased member in the open poll\'s tally', async () => {
    const victim = west.members[3]!;
    const card = t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${victim.id}`)[0]!;
    const { pollId, targetId } = card.card.refresh.action.data;
    await d.press(victim, personal(victim.id), 'pulse.answer', { pollId, targetId, ...scores(4) }, card.call.id);

    const markersOf = async () => {
      const tally = (await t.store.container('pollAnswers').item('tally', pollId).read()).resource as { respondents: string[]; invitees?: Record<string, string[]> };
      const found: string[] = [];
      for (const id of [victim.aadObjectId, victim.id]) {
        if (tally.respondents.includes(respondentHash(KEY, pollId, id))) found.push('respondent');
        if ((tally.invitees?.[targetId] ?? []).includes(inviteeHash(KEY, pollId, targetId, id))) found.push('invitee');
      }
      return found.sort();
    };
    expect(await markersOf()).toEqual(['invitee', 'respondent']); // the scenario holds

    const signIn = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: victim.aadObjectId }) });
    const { token } = (await signIn.json()) as { token: string };
    const res = await fetch(`${t.app.url}/api/verantwoording/erase`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ confirm: true }) });
    expect(res.status).toBe(200);

    expect(await markersOf()).toEqual([]);
  }, 120_000);
});
