import { showsNothing } from '../../src/domain/shared/text';
import { loAnswerText } from '../../src/domain/proposal/proposal-to-lo';

/**
 * Unicode's prepended concatenation marks are format characters (\p{Cf}) that DO show: a sign drawn
 * over the digits after it, or alone (the end of an ayah, U+06DD). Since stop 66 every session text,
 * a decision and L&O's answer ask `showsNothing` whether anything is written; a text of one such
 * mark was then refused as empty next to a field that visibly held it (found in review, stop 66).
 */
const MARKS: Record<string, string> = {
  arabicNumberSign: '\u0600',
  arabicSignSanah: '\u0601',
  arabicEndOfAyah: '\u06DD',
  syriacAbbreviationMark: '\u070F',
  arabicPoundMarkAbove: '\u0890',
  arabicDisputedEndOfAyah: '\u08E2',
  kaithiNumberSign: '\u{110BD}',
  kaithiNumberSignAbove: '\u{110CD}',
};

describe('showsNothing and the prepended concatenation marks', () => {
  it.each(Object.entries(MARKS))('%s alone shows something', (_name, mark) => {
    expect(showsNothing(mark)).toBe(false);
    expect(loAnswerText(mark)).toBe(mark);
  });

  it('the format characters that show nothing still count as nothing', () => {
    const nothing = ['\u{E0041}\u{E0042}\u{E007F}', '\uFE0F', '\u200B\u2060', '\u00AD', ' \u200E '];
    expect(nothing.filter((text) => !showsNothing(text))).toEqual([]);
  });
});
