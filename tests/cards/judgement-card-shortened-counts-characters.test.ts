/**
 * Found as a left-out of stop 56 (fixed in stop 57: the judgement card's "shown X of Y" counts
 * characters as seen, `visibleLength`, and the shortened proposal is cut between whole graphemes, `cutWhole`).
 *
 * The judgement card shortens a proposal too long for a card in Teams and says how much of how much
 * it shows ("Je ziet de eerste X van Y tekens"). Every other count of the app (a refused text's
 * "550 of 300", the limits themselves) counts characters as a reader sees them: an emoji, a family
 * emoji, a letter with its accent is one. The card counted UTF-16 code units, so a proposal of 600
 * family emoji said "van 2700 tekens", and cut a family emoji or an accent from its letter.
 */
import { loadFrameworks } from '../../src/framework/load-frameworks';
import { createTranslator } from '../../src/i18n/i18n';
import { adaptiveCard } from '../../src/teams/cards/card-kit';
import { validationSection } from '../../src/teams/cards/validation.section';
import { Decision } from '../../src/domain/proposal/proposal';
import { SessionView } from '../../src/usecases/week-cycle/session-view';
import { cardText } from '../support/group-driver';

const t = createTranslator().t('nl');
const GRAPHEMES = new Intl.Segmenter('nl', { granularity: 'grapheme' });
const graphemes = (text: string) => [...GRAPHEMES.segment(text)].map((s) => s.segment);
/** Offsets in `text` where a grapheme ends: a cut anywhere else splits what a reader sees as one character. */
const wholeCuts = (text: string) => new Set([0, ...[...GRAPHEMES.segment(text)].map((s) => s.index + s.segment.length)]);

/** The judgement question (7) of an open session, the group's own proposal `text` under judgement, or decided. */
function judgementView(text: string, decision?: Decision): SessionView {
  const question = loadFrameworks({}).nl.questions.find((q) => q.kind === 'validation')!;
  const item = { question, index: 0, answered: false, contributions: [] };
  const energy = { summary: { status: 'open' as const }, checkedIn: 0 };
  return {
    groupId: 'g1', groupName: 'Team Zorg', language: 'nl', weekNumber: 1, dayTitle: 'Kiezen', minutesLeft: 30,
    session: { id: 'g1_c1_s1', cycleId: 'g1_c1', seq: 1, day: 1, status: 'open', warned: false, currentIndex: 0, carriedOver: [] },
    agenda: [item], current: item, energy: { in: energy, out: energy }, aiEnabled: false, draftSources: [1, 2, 3, 4, 5], memberTeamsIds: [], memberCount: 3, actionKey: 'k1',
    proposal: { id: 'p1', ai: { status: 'none' }, judgements: [], ownProposal: text, present: 3, needed: 2, ...(decision ? { decision } : {}) },
    viewer: { id: 'm1', present: true, personalAnswers: {} },
  };
}

/** The section's TextBlock/RichTextBlock texts, in order. */
function texts(view: SessionView, length: number): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === 'object') for (const [k, v] of Object.entries(n)) (k === 'text' && typeof v === 'string' ? out.push(v) : walk(v));
  };
  walk(adaptiveCard(validationSection(view, t, length)).body);
  return out;
}

/** What the card says it shows ("de eerste X van Y tekens"), and the text it shows (without its "…"). */
function shortened(view: SessionView, length: number, whole: string) {
  const all = texts(view, length);
  const note = all.find((x) => x.startsWith('Ingekort:'));
  const [, shown, total] = /de eerste (\d+) van (\d+) tekens/.exec(note ?? '') ?? [];
  const part = all.find((x) => x.endsWith('…') && whole.startsWith(x.slice(0, -1)))?.slice(0, -1);
  return { shown: Number(shown), total: Number(total), part };
}

const FAMILY = '👨‍👩‍👧'; // 8 UTF-16 units, one character on screen
const CASES: [string, string][] = [
  ['600 family emoji', `${FAMILY} `.repeat(300)],
  ['emoji between words', 'Overdracht 🚀 per spraakbericht 👍🏽, '.repeat(120)],
  // Stored before stop 56 (texts are made NFC since): "é" as "e" and a combining accent, two units, one character.
  ['accents stored decomposed', `x${'cafe\u0301 '.repeat(400)}`],
];

describe('the judgement card, shortening a proposal, counts characters as seen', () => {
  it.each(CASES)('%s: "van Y tekens" is the characters of the whole text, X those shown, cut between whole characters', (_name, text) => {
    const view = judgementView(text);
    const { shown, total, part } = shortened(view, 1500, text);
    expect(part).toBeDefined();
    expect({ total, shown, cutWhole: wholeCuts(text).has(part!.length) }).toEqual({ total: graphemes(text).length, shown: graphemes(part!).length, cutWhole: true });
  });

  it('the decided text, shortened, counts the same way', () => {
    const text = `${FAMILY} `.repeat(300);
    const decision: Decision = { verdict: 'accept', reason: 'Omdat', text, firstStep: 'Maandag', judged: { agree: 2, doubt: 0, disagree: 0 }, decidedBy: 'm1', at: '2026-11-23T09:00:00Z' };
    const all = texts(judgementView(text, decision), 1500);
    const [, shown, total] = /de eerste (\d+) van (\d+) tekens/.exec(all.find((x) => x.startsWith('Ingekort:')) ?? '') ?? [];
    const part = all.find((x) => x.endsWith('…') && text.startsWith(x.slice(0, -1)))!.slice(0, -1);
    expect({ total: Number(total), shown: Number(shown), cutWhole: wholeCuts(text).has(part.length) }).toEqual({ total: 600, shown: graphemes(part).length, cutWhole: true });
  });

  it('a proposal of plain text still says its length as before', () => {
    const text = 'a'.repeat(2000);
    expect(shortened(judgementView(text), 1500, text)).toEqual({ shown: 1499, total: 2000, part: 'a'.repeat(1499) });
  });
});
