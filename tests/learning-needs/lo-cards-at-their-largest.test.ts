/**
 * A guard (held when written, in review of stop 55, "every card at its largest"). L&O's cards at their largest:
 * the weekly card (every text a learning need may hold, more than the card shows) and the
 * proposal-to-L&O cards (the member's preview, L&O's answer form with a refused answer kept, and
 * L&O's list page) with a 200-character group name, the longest proposal and reason, and L&O's
 * longest answer, all written with quotation marks and line breaks (two characters each in JSON).
 */
import { MAX_LEARNING_NEED_TEXT } from '../../src/domain/learning-needs/learning-need';
import { MAX_PROPOSAL_LENGTH, MAX_REASON_LENGTH } from '../../src/domain/proposal/proposal';
import { MAX_LO_ANSWER_LENGTH, SHARED_PROPOSALS_PAGE, SharedProposal } from '../../src/domain/proposal/proposal-to-lo';
import { overLimit } from '../../src/domain/shared/text';
import { createTranslator } from '../../src/i18n/i18n';
import { loWeeklyCard } from '../../src/teams/cards/learning-needs/lo-weekly.card';
import { loAnswerFormCard } from '../../src/teams/cards/proposal-to-lo/lo-answer-form.card';
import { loProposalsCard } from '../../src/teams/cards/proposal-to-lo/lo-proposals.card';
import { sharePreviewCard } from '../../src/teams/cards/proposal-to-lo/share-preview.card';
import { cardProblems } from '../support/card-validator';

const fill = (n: number) => '"Ja" – "nee" ✨\n'.repeat(Math.ceil(n / 15)).slice(0, n);
const t = createTranslator().t('nl');
const shared = (i: number): SharedProposal => ({
  id: `s${i}`, tenantId: 't', groupId: `g${i}`, proposalId: `p${i}`, groupName: 'Lerende groep "wijk" 👩‍⚕️ '.repeat(10).slice(0, 200),
  proposal: { verdict: 'adapt', source: 'adaptedFromAiDraft', text: fill(MAX_PROPOSAL_LENGTH), reason: fill(MAX_REASON_LENGTH) },
  decidedAt: '2026-11-20T10:00:00Z', sharedAt: '2026-11-21T10:00:00Z', revision: 2, answer: { text: fill(MAX_LO_ANSWER_LENGTH), at: '2026-11-22T10:00:00Z', key: 'k' }, keys: ['k'],
} as SharedProposal);

describe("L&O's cards at their largest", () => {
  it('the weekly card to L&O', () => {
    const texts = Array.from({ length: 40 }, () => fill(MAX_LEARNING_NEED_TEXT));
    const card = loWeeklyCard({ week: '2026-W49', weekNumber: 49, from: '2026-11-30', to: '2026-12-06', late: true, unfinished: Array.from({ length: 52 }, (_, i) => i + 1),
      section: { minimum: 5, batches: 1, total: 200, counted: 200, restsLeftOut: 0, themesHidden: true, themes: (['coachen', 'samenwerken', 'reflecteren'] as never[]).map((theme) => ({ theme, needs: 60, texts })) } } as never, t, 'nl');
    console.log('weekly card:', Buffer.byteLength(JSON.stringify(card), 'utf16le'), 'bytes');
    expect(cardProblems(card)).toEqual([]);
  });

  it('the member preview of a share, and L&O answer form with a refused answer kept', () => {
    const s = shared(1);
    const preview = sharePreviewCard({ preview: s, shared: s, language: 'nl', timeZone: 'Europe/Amsterdam' }, t);
    const form = loAnswerFormCard({ shared: s, key: 'k', language: 'nl', timeZone: 'Europe/Amsterdam', refused: { values: { answer: fill(MAX_LO_ANSWER_LENGTH + 500) }, errors: { answer: 'te lang' }, answeredMeanwhile: true } }, t);
    console.log('preview:', Buffer.byteLength(JSON.stringify(preview), 'utf16le'), 'form:', Buffer.byteLength(JSON.stringify(form), 'utf16le'));
    expect(cardProblems(preview)).toEqual([]);
    expect(cardProblems(form).filter((p) => p.startsWith('size'))).toEqual([]);
  });

  // Limits count characters as they show, with a ceiling of twice the limit in code units: a
  // text of only emoji at every limit is the most code units a stored text can take.
  it('the same cards with every text at its code-unit ceiling (only emoji)', () => {
    const emoji = (max: number) => '🙂'.repeat(max);
    expect(overLimit(emoji(MAX_LO_ANSWER_LENGTH), MAX_LO_ANSWER_LENGTH)).toBeUndefined();
    const s = { ...shared(1), groupName: emoji(100), proposal: { verdict: 'adapt', source: 'adaptedFromAiDraft', text: emoji(MAX_PROPOSAL_LENGTH), reason: emoji(MAX_REASON_LENGTH) }, answer: { text: emoji(MAX_LO_ANSWER_LENGTH), at: '2026-11-22T10:00:00Z', key: 'k' } } as SharedProposal;
    const texts = Array.from({ length: 40 }, () => emoji(MAX_LEARNING_NEED_TEXT));
    const cards = {
      weekly: loWeeklyCard({ week: '2026-W49', weekNumber: 49, from: '2026-11-30', to: '2026-12-06', late: true, unfinished: Array.from({ length: 52 }, (_, i) => i + 1),
        section: { minimum: 5, batches: 1, total: 200, counted: 200, restsLeftOut: 0, themesHidden: true, themes: (['coachen', 'samenwerken', 'reflecteren'] as never[]).map((theme) => ({ theme, needs: 60, texts })) } } as never, t, 'nl'),
      preview: sharePreviewCard({ preview: s, shared: s, language: 'nl', timeZone: 'Europe/Amsterdam' }, t),
      form: loAnswerFormCard({ shared: s, key: 'k', language: 'nl', timeZone: 'Europe/Amsterdam', refused: { values: { answer: emoji(MAX_LO_ANSWER_LENGTH + 1) }, errors: { answer: 'te lang' }, answeredMeanwhile: true } }, t),
      list: loProposalsCard({ items: Array.from({ length: SHARED_PROPOSALS_PAGE }, (_, i) => ({ ...s, id: `s${i}` })), total: 100, skip: 8, language: 'nl', timeZone: 'Europe/Amsterdam' }, t),
    };
    for (const [name, card] of Object.entries(cards)) {
      console.log(`${name} at the ceiling:`, Buffer.byteLength(JSON.stringify(card), 'utf16le'), 'bytes');
      expect({ name, problems: cardProblems(card).filter((p) => name !== 'form' || p.startsWith('size')) }).toEqual({ name, problems: [] });
    }
  });

  it("L&O's list, a full page", () => {
    const card = loProposalsCard({ items: Array.from({ length: SHARED_PROPOSALS_PAGE }, (_, i) => shared(i)), total: 100, skip: 8, language: 'nl', timeZone: 'Europe/Amsterdam' }, t);
    console.log('list page:', Buffer.byteLength(JSON.stringify(card), 'utf16le'), 'bytes');
    expect(cardProblems(card)).toEqual([]);
  });
});
