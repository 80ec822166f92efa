/**
 * HR's status card of an "alle teams" poll in an organisation of more than 60 teams. README (B3
 * invitee cap): a team whose list would pass 20,000 markers is not delivered, and HR's status card
 * says "not delivered" and why. In such a poll the teams over the cap are the last ones, and the
 * card showed only the first 60 teams and said nothing of the rest. Now the teams not delivered
 * come first, and a last line counts the teams not named and how many of those were not delivered.
 * 1. 70 teams, the last 6 not delivered (over the cap): each of the 6 is named with why, and the
 *    card says 10 more teams are not named (nl and en).
 * 2. 130 teams, the last 70 not delivered: 60 are named, and the line says 70 more, 10 of them
 *    not delivered; the card stays within Teams' size.
 */
import { createTranslator } from '../../src/i18n/i18n';
import { pollStatusCard } from '../../src/teams/cards/pulse/pulse-status.card';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

/** `n` teams, the last `notDelivered` over the invitee cap. */
function statusOf(n: number, notDelivered: number) {
  const teams = Array.from({ length: n }, (_, i) => {
    const teamName = `Team ${String(i + 1).padStart(3, '0')}`;
    return i < n - notDelivered ? { teamName, respondents: 3, memberCount: 300, delivered: true } : { teamName, respondents: 0, memberCount: 12, delivered: false, notDelivered: 'tooMany' as const };
  });
  return { poll: {} as never, open: true, daysLeft: 10, teams, respondents: 3 * (n - notDelivered), memberCount: 300 * (n - notDelivered) + 12 * notDelivered, messages: { sent: 19_200 } };
}

describe("HR's status card of an all-teams poll over 60 teams", () => {
  it.each([
    ['en', 'Team 065\nnot delivered: with this poll', 'Not named here\nand 10 more teams'],
    ['nl', 'Team 065\nniet bezorgd: met de andere teams', 'Niet genoemd\nen nog 10 teams'],
  ] as const)('(%s) names every team not delivered, with why, and counts the teams not named', (lang, undeliveredLine, moreLine) => {
    const text = cardText(pollStatusCard({ status: statusOf(70, 6), closesLabel: 'x' }, createTranslator().t(lang)));
    const undelivered = ['Team 065', 'Team 066', 'Team 067', 'Team 068', 'Team 069', 'Team 070'];
    expect({ named: undelivered.filter((n) => text.includes(n)), why: text.includes(undeliveredLine), more: text.includes(moreLine) }).toEqual({ named: undelivered, why: true, more: true });
  });

  it('with more teams not delivered than it names: how many of the rest were not delivered either, within the size', () => {
    const card = pollStatusCard({ status: statusOf(130, 70), closesLabel: 'x' }, createTranslator().t('en'));
    const text = cardText(card);
    expect({ named: (text.match(/Team \d{3}/g) ?? []).length, more: text.includes('and 70 more teams (10 not delivered)'), problems: cardProblems(card) }).toEqual({ named: 60, more: true, problems: [] });
  });
});
