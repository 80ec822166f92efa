import { createTranslator } from '../../src/i18n/i18n';
import { SharedProposal } from '../../src/domain/proposal/proposal-to-lo';
import { truncate } from '../../src/teams/cards/card-kit';
import { loAnswerToGroupCard } from '../../src/teams/cards/proposal-to-lo/lo-answer-to-group.card';

/**
 * Found in review, stop 56 (fixed then: `truncate` cuts between graphemes, never inside an emoji).
 * A text shortened for a card must not be cut inside what the reader sees as one character.
 * `truncate` (card-kit) is what shortens a shared note and Prof-traject on the manager's prep
 * card, L&O's answer on HR's report and the overview, and the proposal on L&O's answer in the
 * group's chat.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('a card text is never cut inside an emoji', () => {
  it('truncate keeps an emoji whole (or leaves it out) at the cut', () => {
    const cut = truncate(`${'a'.repeat(298)}😀 en verder`, 300);
    expect(LONE_SURROGATE.test(cut)).toBe(false);
  });

  it('the proposal on L&O\'s answer in the group\'s chat, cut at 600, holds no half emoji', () => {
    const t = createTranslator().t('nl');
    const shared: Pick<SharedProposal, 'proposal' | 'sharedAt' | 'answer'> = {
      proposal: { verdict: 'adapt', source: 'decision', text: `${'p'.repeat(598)}🚀 daarna nog meer tekst`, reason: 'Omdat' },
      sharedAt: '2026-11-24T10:00:00.000Z',
      answer: { text: 'Dank jullie wel 🙏', at: '2026-11-25T10:00:00.000Z', key: 'k' },
    };
    const card = loAnswerToGroupCard(shared, t, 'nl', 'Europe/Amsterdam');
    const texts: string[] = [];
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) return n.forEach(walk);
      if (n && typeof n === 'object') for (const [k, v] of Object.entries(n)) (k === 'text' && typeof v === 'string' ? texts.push(v) : walk(v));
    };
    walk(card);
    expect(texts.filter((x) => LONE_SURROGATE.test(x))).toEqual([]);
  });

  it('a text within the limit is left whole, emoji and all', () => {
    const text = `${'a'.repeat(290)}👨‍👩‍👧`;
    expect(truncate(text, 300)).toBe(text);
  });
});
