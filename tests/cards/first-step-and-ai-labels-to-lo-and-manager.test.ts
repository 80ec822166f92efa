import { createTranslator } from '../../src/i18n/i18n';
import { SharedProposal } from '../../src/domain/proposal/proposal-to-lo';
import { loAnswerFormCard } from '../../src/teams/cards/proposal-to-lo/lo-answer-form.card';
import { loAnswerToGroupCard } from '../../src/teams/cards/proposal-to-lo/lo-answer-to-group.card';
import { loProposalsCard } from '../../src/teams/cards/proposal-to-lo/lo-proposals.card';
import { loSharedWithYouCard } from '../../src/teams/cards/proposal-to-lo/lo-shared-with-you.card';
import { sharedNoticeCard } from '../../src/teams/cards/proposal-to-lo/shared-notice.card';
import { sharePreviewCard } from '../../src/teams/cards/proposal-to-lo/share-preview.card';
import { proposalToManagerCard } from '../../src/teams/cards/talent-review/proposal-to-manager.card';
import { proposalToManagerFormCard } from '../../src/teams/cards/talent-review/proposal-to-manager-form.card';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

/**
 * Stop 49 (ownership), the cards of L&O, HR and the manager:
 * - the first step names who does what ("wie doet wat, wanneer?") and stays with the group: no card
 *   shows it, also not of a record stored when it still went along (render-time); the previews say so;
 * - whose words the proposal is, on every card, L&O's answer in the group's chat included: the AI's
 *   draft adopted as it is, the group's words made from an AI draft, or the group's own words;
 * - L&O reads that a group member shared it on the group's behalf.
 */
const TZ = 'Europe/Amsterdam';
const FIRST_STEP = 'Bram belt vrijdag de apotheek over de nieuwe lijst.';
const TEXT = 'Een vaste tafel voor de overdracht.';
/** A record stored before the first step stayed with the group: it holds one. */
const older: SharedProposal = {
  id: 'plo_x', tenantId: 't', groupId: 'g', proposalId: 'g_w1_p', groupName: 'Team Zorg',
  proposal: { verdict: 'accept', source: 'adoptedAiDraft', text: TEXT, reason: 'Eenvoudig', firstStep: FIRST_STEP },
  decidedAt: '2026-11-23T10:00:00.000Z', sharedAt: '2026-11-24T10:00:00.000Z', revision: 2,
  answer: { text: 'We nemen het op.', at: '2026-11-25T10:00:00.000Z', key: 'k' }, keys: ['k'],
};
const withSource = (source: SharedProposal['proposal']['source']): SharedProposal => ({ ...older, proposal: { ...older.proposal, verdict: source === 'adoptedAiDraft' ? 'accept' : 'adapt', source } });
const LABELS = {
  nl: { adopted: 'Opgesteld door AI, aangenomen door de groep', adapted: 'Aangepast door de groep, op basis van een concept van AI', stays: 'De eerste stap (wie doet wat, wanneer) blijft in de groep.', member: 'Een groepslid deelde dit voorstel namens de groep' },
  en: { adopted: 'Drafted by AI, adopted by the group', adapted: 'Adapted by the group from an AI draft', stays: 'The first step (who does what, when) stays in the group.', member: "A group member shared this proposal with L&O on the group's behalf" },
} as const;

describe.each(['nl', 'en'] as const)('what L&O, HR and a manager see of a decided proposal (%s)', (language) => {
  const t = createTranslator().t(language);
  const vm = { language, timeZone: TZ };
  const label = LABELS[language];
  const cards = (s: SharedProposal) => ({
    'the member\'s preview': sharePreviewCard({ preview: s, ...vm }, t),
    'the preview once shared': sharePreviewCard({ preview: s, shared: s, ...vm }, t),
    "the group's notice": sharedNoticeCard(s, t, language, TZ),
    "HR/L&O's card of the share": loSharedWithYouCard({ shared: s, ...vm }, t),
    "L&O's list": loProposalsCard({ items: [s], total: 1, skip: 0, ...vm }, t),
    "L&O's answer form": loAnswerFormCard({ shared: s, key: 'k', ...vm }, t),
    "L&O's answer in the group's chat": loAnswerToGroupCard(s, t, language, TZ),
    "the member's form to the manager": proposalToManagerFormCard({ groupId: 'g', proposalId: 'g_w1_p', managerId: 'aad-mia', managerName: 'Mia', proposal: s.proposal }, t, 'k'),
    "the manager's card": proposalToManagerCard({ recordId: 'r', memberId: 'aad-anna', memberName: 'Anna', proposal: s.proposal }, t, 'k'),
  });

  it('never shows the first step, also not of a record that holds one', () => {
    for (const [where, card] of Object.entries(cards(older))) {
      expect({ where, problems: cardProblems(card) }).toEqual({ where, problems: [] });
      expect({ where, text: cardText(card).includes(TEXT), firstStep: cardText(card).includes(FIRST_STEP) }).toEqual({ where, text: true, firstStep: false });
    }
  });

  it('says in the previews that the first step stays with the group, and to L&O that a group member shared it', () => {
    expect(cardText(sharePreviewCard({ preview: older, ...vm }, t))).toContain(label.stays);
    expect(cardText(proposalToManagerFormCard({ groupId: 'g', proposalId: 'g_w1_p', managerId: 'aad-mia', proposal: older.proposal }, t, 'k'))).toContain(label.stays);
    expect(cardText(loSharedWithYouCard({ shared: older, ...vm }, t))).toContain(label.member);
    expect(cardText(sharedNoticeCard(older, t, language, TZ))).toContain(label.member);
  });

  it.each([
    ['adoptedAiDraft', 'adopted'],
    ['adaptedFromAiDraft', 'adapted'],
    ['decision', undefined],
  ] as const)('labels the words of a %s on every card', (source, which) => {
    for (const [where, card] of Object.entries(cards(withSource(source)))) {
      const text = cardText(card);
      const shown = { adopted: text.includes(label.adopted), adapted: text.includes(label.adapted) };
      expect({ where, shown }).toEqual({ where, shown: { adopted: which === 'adopted', adapted: which === 'adapted' } });
      if (which) expect({ where, labelBeforeText: text.indexOf(label[which]) < text.indexOf(TEXT) }).toEqual({ where, labelBeforeText: true });
    }
  });
});
