import { createTranslator } from '../../src/i18n/i18n';
import { proposalResultCard } from '../../src/teams/cards/verantwoording/proposal-result.card';
import { cardText } from '../support/group-driver';

/** A card shows an instant as the date it was in the organisation's time zone, not in Amsterdam always. */
describe('dates on cards follow the organisation\'s time zone', () => {
  const t = createTranslator().t('en');
  // 23:30 UTC on 1 December: already 2 December in Amsterdam, still 1 December in New York.
  const proposal = { id: 'p', groupId: 'g', groupName: 'Team Zorg', cycleId: 'g_w1', source: 'decision' as const, text: 'Beter overdragen', status: 'adapt' as const, createdAt: '2026-12-01T23:30:00Z' };

  it.each([
    ['Europe/Amsterdam', '2 Dec 2026'],
    ['America/New_York', '1 Dec 2026'],
  ])('in %s the proposal is dated %s', (zone, date) => {
    expect(cardText(proposalResultCard(proposal, t, 'en', zone))).toContain(date);
  });
});
