import { MAX_TEAM_ACCOUNT_LENGTH } from '../../src/domain/talent-review/team-account';
import { createTranslator } from '../../src/i18n/i18n';
import { teamAccountGoneSinceCard } from '../../src/teams/cards/talent-review/team-account-gone-since.card';
import { textInput } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { ADVISED, dutch, utf16 } from './largest-content';

/**
 * The answer about a team account she deleted from her list (stop 61): valid Adaptive Cards 1.5
 * within Teams' advised size in both languages with the longest words an account takes, no key
 * left untranslated, the words only in the field to copy (never as sent), and no button that sends.
 */
describe('the card about a team account deleted from her list', () => {
  const translator = createTranslator();
  const longest = `NIET-VERSTUURD ${dutch(MAX_TEAM_ACCOUNT_LENGTH - 15, 'Teamverantwoording')}`;

  it.each([
    ['nl', 'deletedSince'],
    ['nl', 'notFullySent'],
    ['nl', 'goneSince'],
    ['en', 'deletedSince'],
    ['en', 'notFullySent'],
    ['en', 'goneSince'],
  ] as const)('in %s, %s', (language, status) => {
    const card = teamAccountGoneSinceCard(status, translator.t(language), longest);
    expect(cardProblems(card)).toEqual([]);
    expect(utf16(card)).toBeLessThan(ADVISED);
    expect(cardText(card)).not.toMatch(/(^|\n)teamAccount\.|undefined|\{\{/);
    expect(textInput(card, 'notSent.text')).toMatchObject({ value: longest });
    expect(JSON.stringify(card).split('NIET-VERSTUURD').length - 1).toBe(1);
    const verbs = new Set(JSON.stringify(card).match(/"verb":"[^"]+"/g));
    expect([...verbs]).toEqual(['"verb":"review.teamAccount.list"', '"verb":"review.teamAccount.open"']);
  });

  // Stop 62: her erasure overtook the send after a card went. Her words only shown (nothing can be
  // kept or sent while she is erased), no field, no button.
  it.each(['nl', 'en'] as const)('in %s, erasedMidSend: her words shown once, no field, no button', (language) => {
    const card = teamAccountGoneSinceCard('erasedMidSend', translator.t(language), longest);
    expect(cardProblems(card)).toEqual([]);
    expect(utf16(card)).toBeLessThan(ADVISED);
    expect(cardText(card)).not.toMatch(/(^|\n)teamAccount\.|undefined|\{\{/);
    expect(JSON.stringify(card).split('NIET-VERSTUURD').length - 1).toBe(1);
    expect(JSON.stringify(card)).not.toMatch(/"type":"Input\.|"verb":|"actions"/);
  });

  it('no field when she typed nothing', () => {
    const card = teamAccountGoneSinceCard('deletedSince', translator.t('nl'), '  ');
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('notSent.text');
  });
});
