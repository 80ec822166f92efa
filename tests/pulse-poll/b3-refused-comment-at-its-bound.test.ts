// Found in review, stop 59 (fixed then: a text just past 8 times its limit is still counted as it shows; the cut cases held when written).
/**
 * A refused B3 comment comes back cut to its transport bound (`cutWhole(sent, 8 * MAX_OPEN_ANSWER)`,
 * pulse-form.card.ts): at the cut, surrogate pairs, combining marks, family emoji, flags and Hangul
 * jamo stay whole; a comment exactly at the bound or one over comes back in English within Teams'
 * card size. One unit over the bound in emoji was told "8,001" characters while 4,001 show.
 */
import { MAX_OPEN_ANSWER } from '../../src/domain/pulse-poll/answer';
import { cutWhole } from '../../src/domain/shared/text';
import { cardBytes, MAX_CARD_BYTES } from '../../src/teams/cards/card-size';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

const BOUND = 8 * MAX_OPEN_ANSWER;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Where `text`'s graphemes end, in UTF-16 units. */
const ends = (text: string) => [...segmenter.segment(text)].map((g) => g.index + g.segment.length);
/** Whether `cut` is `text`'s first whole graphemes (never half of one). */
const wholeStart = (text: string, cut: string) => text.startsWith(cut) && (cut.length === 0 || ends(text).includes(cut.length));
/** The longest start of whole graphemes within `units`. */
const longestWhole = (text: string, units: number) => Math.max(0, ...ends(text).filter((e) => e <= units));

describe('cutWhole at the comment\'s transport bound', () => {
  it.each([
    ['emoji (surrogate pairs) across the cut', 'a' + '😀'.repeat(BOUND)],
    ['a family emoji (ZWJ) across the cut', 'x'.repeat(BOUND - 5) + '👨‍👩‍👧‍👦'.repeat(3)],
    ['flags across the cut', 'y'.repeat(BOUND - 3) + '🇳🇱🇧🇪'],
    ['accents stacked on letters across the cut', 'z'.repeat(BOUND - 2) + 'e\u0301\u0301\u0301a'],
    ['a Hangul syllable in jamo across the cut', 'h'.repeat(BOUND - 1) + '\u1100\u1161\u11A8'],
  ])('%s: a start of whole characters, within the bound', (_name, text) => {
    const cut = cutWhole(text, BOUND);
    expect(cut.length).toBeLessThanOrEqual(BOUND);
    expect(wholeStart(text, cut)).toBe(true);
    // The longest such start: nothing more is dropped than the character across the cut.
    expect(cut.length).toBe(longestWhole(text, BOUND));
  });

  it('exactly at the bound, and one unit over: the same text back, or that text less one character', () => {
    const at = 'é'.repeat(BOUND);
    expect(cutWhole(at, BOUND)).toBe(at);
    expect(cutWhole(at + 'x', BOUND)).toBe(at);
  });
});

describe('the refused comment at the bound in an English poll', () => {
  let t: TestApp;
  let d: PulseDriver;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'b3-comment-at-bound'.padEnd(40, 'c'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
  }, 120_000);
  afterAll(() => t?.stop());

  it.each([
    ['exactly the bound in emoji', 'east', '😀'.repeat(BOUND / 2), 'At most 1,000'],
    ['one unit over the bound, an emoji across it', 'south', 'a' + '😀'.repeat(BOUND / 2), 'At most 1,000'],
  ])('%s: refused in English with the comment kept whole in its field, within size', async (_name, slug, written, says) => {
    const x = team(`Care team ${slug}`, slug, [HR, ...members(slug, 3)]);
    await d.startPoll(x, 'poll start this team 2026-12-04 language en');
    await d.settle();
    const card = d.pollCard(x.id);
    const refused = (await d.press(x.members[1]!, d.channel(x), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(3), open: written }, card.id, x)).value;
    expect(cardText(refused)).toContain(says);
    expect(cardBytes(refused)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    const field = JSON.stringify(refused).match(/"id":"open"[^}]*?"value":"((?:[^"\\]|\\.)*)"/)?.[1];
    const value = field === undefined ? undefined : (JSON.parse(`"${field}"`) as string);
    expect(value).toBeDefined();
    expect(wholeStart(written, value!)).toBe(true);
    expect(written.length - value!.length).toBeLessThanOrEqual(2);
  }, 120_000);

  it('one unit over the bound in emoji: the count told is the characters shown (4,001), not code units', async () => {
    const x = team('Care team west', 'west', [HR, ...members('west', 3)]);
    await d.startPoll(x, 'poll start this team 2026-12-04 language en');
    await d.settle();
    const card = d.pollCard(x.id);
    const written = 'a' + '😀'.repeat(BOUND / 2);
    const refused = (await d.press(x.members[1]!, d.channel(x), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(3), open: written }, card.id, x)).value;
    const told = /At most 1,000 characters[^0-9]*([0-9,]+)/.exec(cardText(refused))?.[1];
    expect(told).toBe('4,001');
  }, 120_000);
});
