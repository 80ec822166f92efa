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
