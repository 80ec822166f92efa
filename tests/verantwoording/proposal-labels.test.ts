import { createTranslator } from '../../src/i18n/i18n';
import { prepCard } from '../../src/teams/cards/talent-review/prep.card';
import { overviewCard } from '../../src/teams/cards/verantwoording/overview.card';
import { proposalResultCard } from '../../src/teams/cards/verantwoording/proposal-result.card';
import { PrepView } from '../../src/usecases/talent-review/prep';
import { ProposalSummary, VerantwoordingOverview } from '../../src/usecases/verantwoording/overview';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

const translator = createTranslator();
const long = (n: number) => 'woord '.repeat(Math.ceil(n / 6)).slice(0, n);
const LABEL = { nl: 'Concept van AI; de groep heeft er (nog) geen besluit over genomen', en: 'Draft by AI; the group has not (yet) decided on it' } as const;

const base = { groupId: 'g', groupName: 'Team Zorg', cycleId: 'g_w1' };
const draft: ProposalSummary = { ...base, id: 'p1', source: 'aiDraft', text: `AI-TEKST ${long(4000)}`, status: 'open' };
const rejected: ProposalSummary = { ...base, id: 'p2', source: 'decision', text: '', status: 'reject', reason: long(1000) };

function prepView(): PrepView {
  return {
    review: { id: 'r', reportName: 'Anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam' },
    preview: false,
    time: { hoursUsed: 2, granted: { hours: 80, hoursPerWeek: 4, weeks: 20, weeksFrom: 'default' }, weeks: [] },
    proposals: [draft, rejected].map(({ groupName, source, text, status, reason }) => ({ groupName, source, text, status, ...(reason ? { reason } : {}) })),
    reflections: [],
    notes: [],
    phase: {},
    teams: [],
  };
}

function overview(): VerantwoordingOverview {
  const cycle = { ...base, weekNumber: 1, at: '2026-11-23T08:00:00Z', sessionsAttended: 4, hours: 4, hoursCorrected: false, timeRev: 0, correctable: true, timeVisibility: 'shared' as const, answers: [] };
  return {
    userId: 'u', cycles: [{ ...cycle, proposals: [draft, rejected] }], notes: [], totals: { cycles: 1, sessions: 4, hours: 4, notes: 0 },
    granted: { hours: 80, hoursPerWeek: 4, weeks: 20, weeksFrom: 'default' }, conversations: [],
  };
}

/** Each card that shows a proposal summary: an undecided AI draft labelled before its text, a rejection with its reason. */
describe.each(['nl', 'en'] as const)('proposal summaries on cards (%s)', (locale) => {
  const t = translator.t(locale);
  const cards = {
    prep: prepCard(prepView(), t, locale),
    overview: overviewCard(overview(), t, locale, 'Europe/Amsterdam'),
    result: proposalResultCard({ ...draft, createdAt: '2026-11-20T10:00:00Z' }, t, locale, 'Europe/Amsterdam'),
    rejectedResult: proposalResultCard({ ...rejected, createdAt: '2026-11-20T10:00:00Z' }, t, locale, 'Europe/Amsterdam'),
  };

  it.each(Object.keys(cards) as (keyof typeof cards)[])('the %s card is valid and has no raw keys', (name) => {
    expect(cardProblems(cards[name])).toEqual([]);
    expect(cardText(cards[name])).not.toMatch(/(verantwoording|talentReview)\.[a-zA-Z]+\./);
  });

  it.each(['prep', 'overview', 'result'] as const)('the %s card labels the AI draft before its text', (name) => {
    const text = cardText(cards[name]);
    expect(text).toContain(LABEL[locale]);
    expect(text.indexOf(LABEL[locale])).toBeLessThan(text.indexOf('AI-TEKST'));
  });

  it('the inserted card of an AI draft is not titled as the group\'s improvement proposal', () => {
    expect(cardText(cards.result)).not.toContain(t('verantwoording.proposalCard.title', { group: 'Team Zorg' }));
    expect(cardText(cards.rejectedResult)).toContain(t('verantwoording.proposalCard.title', { group: 'Team Zorg' }));
  });

  it('a rejection shows its reason, not "not written out yet"', () => {
    for (const name of ['prep', 'overview', 'rejectedResult'] as const) {
      expect(cardText(cards[name])).toContain(locale === 'nl' ? 'Reden: woord' : 'Reason: woord');
      expect(cardText(cards[name])).not.toContain(t('verantwoording.proposal.noText'));
    }
  });
});
