/**
 * Found in review, stop 47 (ownership). "Delen namens de groep" shares the group's proposal with
 * L&O on behalf of everyone, and there is no way to take it back: no withdraw button, no verb, and
 * the record stays ("until deleted by hand", README). The preview, the last thing the presser sees
 * before the press, said "Je deelt dit namens de groep. Precies dit ziet L&O:" and what does not go
 * along, but not that the share is final, where the product says so for every press that cannot be
 * undone (the erasure: "Dit kun je niet ongedaan maken").
 *
 * A member presses "Delen met L&O" and reads the preview. What must hold: the preview, in the
 * group's language, says in its body (above the share button) that sharing cannot be undone.
 */
import { createTranslator } from '../../src/i18n/i18n';
import { SharedProposal } from '../../src/domain/proposal/proposal-to-lo';
import { sharePreviewCard } from '../../src/teams/cards/proposal-to-lo/share-preview.card';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

const preview: Pick<SharedProposal, 'groupId' | 'proposalId' | 'groupName' | 'proposal' | 'decidedAt'> = {
  groupId: 'g', proposalId: 'g_w1_p', groupName: 'Team Zorg',
  proposal: { verdict: 'adapt', source: 'decision', text: 'De overdracht doen we samen aan bed.', reason: 'Iedereen hoort hetzelfde', firstStep: 'Rooster aanpassen' },
  decidedAt: '2026-11-23T10:00:00.000Z',
};

describe.each([
  ['nl', /ongedaan|niet (meer )?(in te trekken|intrekken|terug)|kun(t|nen)? (het )?(daarna )?niet (meer )?(intrekken|terugnemen|terugdraaien)|definitief/i, 'Delen kun je niet ongedaan maken'],
  ['en', /undo|undone|cannot be withdrawn|can't be withdrawn|not be withdrawn|cannot take (it )?back|final/i, 'Sharing cannot be undone'],
] as const)('the share preview (%s)', (language, saysFinal, words) => {
  it('says before the press that sharing with L&O cannot be taken back', () => {
    const card = sharePreviewCard({ preview, language, timeZone: 'Europe/Amsterdam' }, createTranslator().t(language));
    // The share button is on this card: the words must be here, before it is pressed.
    expect(JSON.stringify(card)).toContain('proposalToLo.share');
    expect(cardText(card)).toMatch(saysFinal);
    // In the body, which Teams shows above the card's buttons.
    expect(cardText({ ...card, actions: [] })).toContain(words);
    expect(cardProblems(card)).toEqual([]);
  });
});
