import { createTranslator } from '../../src/i18n/i18n';
import { MAX_LO_ANSWER_LENGTH, SharedProposal, SHARED_PROPOSALS_PAGE } from '../../src/domain/proposal/proposal-to-lo';
import { MAX_PROPOSAL_LENGTH, MAX_REASON_LENGTH } from '../../src/domain/proposal/proposal';
import { loAnswerFormCard, loAnswerSentCard, loProposalGoneCard } from '../../src/teams/cards/proposal-to-lo/lo-answer-form.card';
import { loAnswerToGroupCard } from '../../src/teams/cards/proposal-to-lo/lo-answer-to-group.card';
import { loProposalsCard } from '../../src/teams/cards/proposal-to-lo/lo-proposals.card';
import { loSharedWithYouCard } from '../../src/teams/cards/proposal-to-lo/lo-shared-with-you.card';
import { sharedNoticeCard } from '../../src/teams/cards/proposal-to-lo/shared-notice.card';
import { sharePreviewCard, shareRefusedCard } from '../../src/teams/cards/proposal-to-lo/share-preview.card';
import { overviewCard } from '../../src/teams/cards/verantwoording/overview.card';
import { CycleEntry, VerantwoordingOverview } from '../../src/usecases/verantwoording/overview';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

const TZ = 'Europe/Amsterdam';
/** A shared proposal at its longest: every text at its limit, answered at the limit too. */
const longest: SharedProposal = {
  id: 'plo_x', tenantId: 't', groupId: 'g', proposalId: 'g_w1_p', groupName: 'G'.repeat(120),
  proposal: { verdict: 'adapt', source: 'decision', text: 'p'.repeat(MAX_PROPOSAL_LENGTH), reason: 'r'.repeat(MAX_REASON_LENGTH), firstStep: 's'.repeat(MAX_REASON_LENGTH) },
  decidedAt: '2026-11-23T10:00:00.000Z', sharedAt: '2026-11-24T10:00:00.000Z', revision: 2,
  answer: { text: 'a'.repeat(MAX_LO_ANSWER_LENGTH), at: '2026-11-25T10:00:00.000Z', key: 'k' }, keys: ['k'],
};
const aiAdopted: SharedProposal = { ...longest, proposal: { ...longest.proposal, verdict: 'accept', source: 'adoptedAiDraft' } };
const page = Array.from({ length: SHARED_PROPOSALS_PAGE }, (_, i) => ({ ...longest, id: `plo_${i}` }));

/** The cards of sharing with L&O, in both languages, at their longest, against the Adaptive Cards schema and Teams' size limit. */
describe.each(['nl', 'en'] as const)('proposal-to-L&O cards (%s)', (language) => {
  const t = createTranslator().t(language);
  const vm = { language, timeZone: TZ };

  it.each([
    ['the preview before sharing', sharePreviewCard({ preview: longest, ...vm }, t)],
    ['the preview of an adopted AI draft', sharePreviewCard({ preview: aiAdopted, ...vm }, t)],
    ['the card once shared and answered', sharePreviewCard({ preview: longest, shared: longest, ...vm }, t)],
    ['a refused share (not a member)', shareRefusedCard('notAMember', t)],
    ['a refused share (not decided)', shareRefusedCard('notDecided', t)],
    ["the group's notice", sharedNoticeCard(longest, t, language, TZ)],
    ["L&O's answer in the group's chat", loAnswerToGroupCard(longest, t, language, TZ)],
    ["L&O's empty list", loProposalsCard({ items: [], total: 0, skip: 0, ...vm }, t)],
    ["L&O's full page, with more after it and before it", loProposalsCard({ items: page, total: 100, skip: SHARED_PROPOSALS_PAGE, ...vm }, t)],
    ['the answer form', loAnswerFormCard({ shared: longest, key: 'k', ...vm }, t)],
    ['a refused answer over the limit', loAnswerFormCard({ shared: longest, key: 'k', ...vm, refused: { values: { answer: 'x'.repeat(20_000) }, errors: { answer: 'te lang' }, answeredMeanwhile: false } }, t)],
    ['a stale answer form', loAnswerFormCard({ shared: longest, key: 'k', ...vm, refused: { values: { answer: 'y'.repeat(MAX_LO_ANSWER_LENGTH) }, errors: {}, answeredMeanwhile: true } }, t)],
    ['the sent card', loAnswerSentCard(longest, t, language)],
    ['the gone card', loProposalGoneCard(t, language)],
    ["an HR person's card of a new share (answered meanwhile, at its longest)", loSharedWithYouCard({ shared: longest, ...vm }, t)],
    ["an HR person's card of a new share (an adopted AI draft, not answered)", loSharedWithYouCard({ shared: (({ answer: _a, ...rest }) => rest)(aiAdopted), ...vm }, t)],
  ])('%s is a valid card', (_name, card) => {
    expect(cardProblems(card)).toEqual([]);
  });

  it('labels an adopted AI draft as such, and the group\'s words without an AI label', () => {
    expect(cardText(sharePreviewCard({ preview: aiAdopted, ...vm }, t))).toMatch(/Opgesteld door AI|Drafted by AI/);
    expect(cardText(sharePreviewCard({ preview: longest, ...vm }, t))).not.toMatch(/Opgesteld door AI|Drafted by AI/);
    expect(cardText(loSharedWithYouCard({ shared: aiAdopted, ...vm }, t))).toMatch(/Opgesteld door AI|Drafted by AI/);
    expect(cardText(loSharedWithYouCard({ shared: longest, ...vm }, t))).not.toMatch(/Opgesteld door AI|Drafted by AI/);
  });

  it("an HR person's card opens the answer form of `voorstellen` for this proposal, in the card's language", () => {
    const card = JSON.stringify(loSharedWithYouCard({ shared: longest, ...vm }, t));
    expect(card).toContain('"verb":"proposalToLo.open"');
    expect(card).toContain(JSON.stringify({ id: longest.id, language }).slice(1, -1));
  });

  it("shows L&O's words and the group's texts as written, never as Markdown", () => {
    const md = '**vet** [klik](https://x.example) <b>';
    const s: SharedProposal = { ...longest, groupName: md, proposal: { ...longest.proposal, text: md }, answer: { text: md, at: longest.sharedAt, key: 'k' } };
    for (const card of [loAnswerToGroupCard(s, t, language, TZ), sharedNoticeCard(s, t, language, TZ), loSharedWithYouCard({ shared: s, ...vm }, t), loProposalsCard({ items: [s], total: 1, skip: 0, ...vm }, t)]) {
      const json = JSON.stringify(card);
      // Every occurrence is inside a TextRun (a RichTextBlock), which no client reads as Markdown.
      expect(json.split(JSON.stringify(md).slice(1, -1)).length - 1).toBeGreaterThan(0);
      const blocks: string[] = [];
      const walk = (n: unknown): void => {
        if (Array.isArray(n)) return n.forEach(walk);
        if (n && typeof n === 'object') {
          const o = n as Record<string, unknown>;
          if (o.type === 'TextBlock' && typeof o.text === 'string') blocks.push(o.text);
          Object.values(o).forEach(walk);
        }
      };
      walk(card);
      expect(blocks.filter((b) => b.includes('[klik]'))).toEqual([]);
    }
  });
});

/** "Mijn verantwoording" with every week's proposal shared with L&O and answered at the limit: still valid and within Teams' size. */
describe.each(['nl', 'en'] as const)('the verantwoording overview with shares with L&O (%s)', (language) => {
  const t = createTranslator().t(language);
  const long = (n: number) => 'woord '.repeat(Math.ceil(n / 6)).slice(0, n);
  const cycle = (i: number): CycleEntry => ({
    groupId: `g${i}`, groupName: `Team ${i}`, cycleId: `g${i}_w${i}`, weekNumber: i, at: '2026-11-23T08:00:00Z', sessionsAttended: 4, hours: 4, hoursCorrected: false, timeRev: 0, correctable: true, timeVisibility: 'private',
    proposals: [{ id: `p${i}`, groupId: `g${i}`, groupName: `Team ${i}`, cycleId: `g${i}_w${i}`, source: 'decision', text: long(4000), status: 'adapt', firstStep: long(1000), lo: { sharedAt: '2026-11-24T10:00:00Z', answer: { text: long(MAX_LO_ANSWER_LENGTH), at: '2026-11-25T10:00:00Z' } } }],
    answers: [9, 10].map((q) => ({ id: `pa_${i}_${q}`, questionId: q, question: 'Vraag', text: long(4000), visibility: 'private' as const, updatedAt: '' })),
  });
  const overview: VerantwoordingOverview = {
    userId: 'u', cycles: [1, 2, 3, 4, 5, 6].map(cycle), notes: [], totals: { cycles: 6, sessions: 24, hours: 24, notes: 0 },
    granted: { hours: 80, hoursPerWeek: 4, weeks: 20, weeksFrom: 'default' }, conversations: [],
  };

  it('is a valid card, with the date shared and L&O\'s answer with its date', () => {
    const card = overviewCard(overview, t, language, TZ);
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(language === 'nl' ? 'Gedeeld met L&O op' : 'Shared with L&O on');
    expect(cardText(card)).toContain(language === 'nl' ? 'Antwoord van L&O op' : "L&O's answer of");
  });
});
