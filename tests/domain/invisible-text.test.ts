import { isDomainError } from '../../src/domain/shared/errors';
import { trimText } from '../../src/domain/shared/text';
import { cleanNoteText } from '../../src/domain/verantwoording/accountability-note';
import { readOpenAnswer } from '../../src/domain/pulse-poll/answer';
import { writePersonalAnswer } from '../../src/domain/personal/personal-answer';

/** Text that looks empty on a screen: zero-width spaces, a joiner, a direction mark, a BOM, a no-break space. */
const LOOKS_EMPTY = '\u200B\u200B \u00A0\u200D\u200E\uFEFF';

function refusedAsRequired(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (err) {
    return isDomainError(err) ? err.input?.rule : String(err);
  }
}

describe('text that only looks empty counts as empty', () => {
  it('trims invisible characters at either end, and keeps them inside and the tags that end a flag', () => {
    expect(trimText(LOOKS_EMPTY)).toBe('');
    expect(trimText('\u200BHallo\u200Dwereld\u200B ')).toBe('Hallo\u200Dwereld');
    const scotland = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    expect(trimText(`Vlag ${scotland}`)).toBe(`Vlag ${scotland}`);
  });

  it('refuses a note, a personal answer of only invisible characters as required, and leaves out such a poll comment', () => {
    expect(refusedAsRequired(() => cleanNoteText(LOOKS_EMPTY))).toBe('required');
    const answer = { userId: 'aad-anna', groupId: 'g', cycleId: 'g_w1', sessionId: 'g_w1_s1', questionId: 9, text: LOOKS_EMPTY, updatedAt: '2026-12-02T10:00:00Z' };
    expect(refusedAsRequired(() => writePersonalAnswer(answer))).toBe('required');
    expect(readOpenAnswer(LOOKS_EMPTY)).toBeUndefined();
    expect(cleanNoteText('\u200BEen echte notitie\u200B')).toBe('Een echte notitie');
  });
});

describe('trimText walks in from each end', () => {
  /** The rule as one regular expression (before stop 45): the same result, but a scan from every character of a run in the middle. */
  const BY_REGEX = /^[\s\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]+|[\s\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]+$/g;
  const PIECES = ['a', 'b', ' ', '\n', '\t', '\u3000', '\u00A0', '\u200B', '\u200D', '\u202E', '\u2066', '\uFEFF', '\u00AD', '\u{1F600}', '\u{E0067}', 'é'];

  it('gives what the one regular expression gave, on every mix of visible and invisible characters', () => {
    // A fixed pseudo-random sequence: the same inputs every run.
    let seed = 45;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % PIECES.length;
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: i % 40 }, () => PIECES[next()]).join('');
      expect(trimText(text)).toBe(text.replace(BY_REGEX, ''));
    }
  });

  it('keeps a long run of invisible characters in the middle whole (the run the regular expression scanned again and again)', () => {
    const run = '\u200B \n\u3000'.repeat(50_000);
    expect(trimText(` a${run}b\u200B`)).toBe(`a${run}b`);
  });
});

describe('characters that show nothing, beyond the zero-width ones (found in review, stop 46)', () => {
  it('counts a text of only a Braille blank, a Hangul filler, a grapheme joiner or an Arabic letter mark as empty, and keeps emoji endings', () => {
    for (const blank of ['\u2800', '\u3164', '\u115F\u1160', '\uFFA0', '\u034F', '\u061C', ' \u2800\u3164 ']) expect(trimText(blank)).toBe('');
    expect(trimText('\u3164Anna\u2800')).toBe('Anna');
    // A variation selector and tag characters end emoji: they stay.
    expect(trimText('top \u2764\uFE0F')).toBe('top \u2764\uFE0F');
    expect(trimText('\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}')).toBe('\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}');
  });
});
