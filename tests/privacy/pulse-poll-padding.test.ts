import { ConversationSpec, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

const WRONG_PLACE = 'Deze kaart hoort bij een ander team of een andere chat.';

/**
 * Padding a small team: people outside it answer for it with scores they know, until it passes
 * the minimum, and subtract their own answers from the figures shown (5 x mean - 4 x 3 is the one
 * real member's score). The poll id is on every card and a team's target id is derived from the
 * team's id, so card data is no proof of membership: only the place and the poll's own record are.
 */
describe('a B3-spiegel team padded with answers from outside it', () => {
  const outsiders = ['Xander', 'Yara', 'Zeger', 'Wim'].map(user);
  const personal = (t: TestApp, userId: string): ConversationSpec => ({ id: `a:1on1-${userId}`, type: 'personal', tenantId: 'tenant-1', serviceUrl: t.connector.url });

  async function pollOf(key: string, mode: '' | ' privé') {
    const t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: key.padEnd(40, 'p'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    const d = new PulseDriver(t);
    const west: TestTeam = team('Zorgteam West', 'west', [HR, ...members('west', 6)]);
    await d.install(west);
    await d.say(HR, west, `peiling start dit team 2026-12-04${mode}`);
    await d.settle();
    return { t, d, west, victim: west.members[3]! };
  }

  async function resultsAfterClosing(t: TestApp, d: PulseDriver, west: TestTeam, pollId: string) {
    await d.say(HR, west, 'peiling sluiten');
    await d.settle();
    return cardText((await d.press(HR, d.channel(west), 'pulse.results', { pollId }, undefined, west)).value);
  }

  it('a private poll takes an answer for a team only from someone it was sent to for that team', async () => {
    const { t, d, west, victim } = await pollOf('padding-private', ' privé');
    try {
      const card = t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${victim.id}`)[0]!;
      const { pollId, targetId } = card.card.refresh.action.data;
      await d.press(victim, personal(t, victim.id), 'pulse.answer', { pollId, targetId, ...scores(5, { beloning: 1 }), open: 'Mijn salaris is te laag' }, card.call.id);
      for (const o of outsiders) {
        expect(cardText((await d.press(o, personal(t, o.id), 'pulse.answer', { pollId, targetId, ...scores(3) })).value)).toContain(WRONG_PLACE);
      }
      // A member of the team still answers from their own chat.
      const colleague = west.members[4]!;
      expect(cardText((await d.press(colleague, personal(t, colleague.id), 'pulse.answer', { pollId, targetId, ...scores(4) })).value)).toContain('Dank je wel');
      const results = await resultsAfterClosing(t, d, west, pollId);
      expect(results).toContain('2 van 7');
      expect(results).not.toContain('Mijn salaris is te laag');
    } finally {
      await t.stop();
    }
  }, 120_000);

  it('a channel poll takes no answer from a group chat, which is no team\'s channel', async () => {
    const { t, d, west, victim } = await pollOf('padding-channel', '');
    try {
      const card = d.pollCard(west.id);
      await d.press(victim, d.channel(west), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(5, { beloning: 1 }), open: 'Mijn salaris is te laag' }, card.id, west);
      for (const o of outsiders) {
        expect(cardText((await d.press(o, t.conversation('groupChat'), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(3) })).value)).toContain(WRONG_PLACE);
      }
      const results = await resultsAfterClosing(t, d, west, card.pollId);
      expect(results).toContain('1 van 7');
      expect(results).not.toContain('Mijn salaris is te laag');
    } finally {
      await t.stop();
    }
  }, 120_000);
});
