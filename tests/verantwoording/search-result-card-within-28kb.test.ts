/**
 * A guard (held when written, in review of stop 55, "every card at its largest"). The message extension's search
 * ("Zoek voorstellen"): a result inserted into a message is refused by Teams beyond 28 KB ("The
 * result card size limit is 28 KB. The card isn't sent if its size exceeds 28 KB", Microsoft
 * Learn, "Build message extensions using Bot Framework"). The result card at its largest: a
 * 200-character group name, the longest proposal (4,000, shown to 3,000), the line that the first
 * step stays with the group (stop 56: the step itself never goes into the card),
 * written with quotation marks and line breaks (each two characters in the JSON). Measured both in
 * UTF-16 (as the project counts) and as JSON characters (as tests/ai/draft-card-size counts 28 KB).
 */
import { MAX_PROPOSAL_LENGTH } from '../../src/domain/proposal/proposal';
import { createTranslator } from '../../src/i18n/i18n';
import { proposalResultCard } from '../../src/teams/cards/verantwoording/proposal-result.card';
import { ProposalHit } from '../../src/usecases/verantwoording/search-proposals';
import { cardProblems } from '../support/card-validator';

const LIMIT = 28 * 1024;
const fill = (n: number, unit: string) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const hit = (unit: string, source: ProposalHit['source']): ProposalHit => ({
  id: 'p', groupId: 'g', cycleId: 'c', groupName: fill(200, 'Lerende groep wijkverpleging ✨ '), source, status: source === 'aiDraft' ? 'open' : 'adapt',
  text: fill(MAX_PROPOSAL_LENGTH, unit), hasFirstStep: true, createdAt: '2026-11-20T10:00:00Z',
} as ProposalHit);

describe('message extension result card at its largest', () => {
  it.each([
    ['prose, adapted from an AI draft', 'We bespreken de overdracht elke week samen. ', 'adaptedFromAiDraft'],
    ['quotation marks and line breaks, an undecided AI draft', '"ja"\n', 'aiDraft'],
  ] as const)('%s: within the 28 KB Teams inserts', (_name, unit, source) => {
    const card = proposalResultCard(hit(unit, source), createTranslator().t('nl'), 'nl', 'Europe/Amsterdam');
    const json = JSON.stringify(card);
    console.log(`result card (${_name}): ${json.length} JSON characters, ${Buffer.byteLength(json, 'utf16le')} bytes UTF-16, ${Buffer.byteLength(json, 'utf8')} bytes UTF-8`);
    expect(cardProblems(card)).toEqual([]);
    expect(Buffer.byteLength(json, 'utf16le')).toBeLessThanOrEqual(LIMIT);
  });
});
