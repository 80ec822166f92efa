/**
 * Found in review, stop 62 (fixed then: the answer cards show the press's words without control characters, cut to the account's limit).
 *
 * The answers `erasedMidSend` and `goneSince` (and `deletedSince`, `notFullySent`) showed the words
 * as the press carried them (`data.text`, up to 20,000 characters by the verb's schema), not as the
 * send accepted them (control characters taken out, at most 2,000). A press the send accepts (its
 * words within the limit once control characters are out) so carried a card far over Teams' size:
 * the answer would not show at all.
 */
import { MAX_TEAM_ACCOUNT_LENGTH, teamAccountShown, teamAccountText } from '../../src/domain/talent-review/team-account';
import { emptyIfNothingShows, lengthForLimit } from '../../src/domain/shared/text';
import { createTranslator } from '../../src/i18n/i18n';
import { teamAccountGoneSinceCard } from '../../src/teams/cards/talent-review/team-account-gone-since.card';
import { VERBS } from '../../src/teams/verbs';
import { dutch, TEAMS_LIMIT, utf16 } from '../cards/largest-content';

describe('the answer cards about a team account show the words a press can carry within Teams\' limit', () => {
  const translator = createTranslator();
  // 2,000 visible characters, and control characters (a paste from another program) up to the verb's 20,000.
  const visible = dutch(MAX_TEAM_ACCOUNT_LENGTH, 'Teamverantwoording');
  const raw = `${visible.slice(0, 1000)}${'\u0001'.repeat(20_000 - MAX_TEAM_ACCOUNT_LENGTH)}${visible.slice(1000)}`;

  it('the press is accepted: the verb takes it, and the send takes its words', () => {
    expect(VERBS.sendTeamAccount.data.safeParse({ text: raw, k: 'k-1' }).success).toBe(true);
    expect(teamAccountText(emptyIfNothingShows(raw))).toBe(visible);
  });

  it.each(['erasedMidSend', 'goneSince', 'deletedSince', 'notFullySent'] as const)('%s: within Teams\' limit, the accepted words shown whole', (status) => {
    const card = teamAccountGoneSinceCard(status, translator.t('nl'), raw);
    expect(utf16(card)).toBeLessThan(TEAMS_LIMIT);
    expect(JSON.stringify(card)).toContain(JSON.stringify(visible).slice(1, -1).slice(-200));
  });

  it('words the send would refuse as too long are cut to the limit, between two characters', () => {
    expect(teamAccountShown(raw)).toBe(visible);
    const emoji = '👩‍👩‍👧'.repeat(MAX_TEAM_ACCOUNT_LENGTH + 5);
    const shown = teamAccountShown(emoji);
    expect(lengthForLimit(shown)).toBeLessThanOrEqual(MAX_TEAM_ACCOUNT_LENGTH);
    expect(shown.length % '👩‍👩‍👧'.length).toBe(0);
    const plain = teamAccountShown('a'.repeat(5 * MAX_TEAM_ACCOUNT_LENGTH));
    expect(plain).toBe('a'.repeat(MAX_TEAM_ACCOUNT_LENGTH));
    expect(utf16(teamAccountGoneSinceCard('goneSince', translator.t('nl'), emoji))).toBeLessThan(TEAMS_LIMIT);
  });
});
