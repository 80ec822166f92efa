import { createTranslator } from '../../src/i18n/i18n';
import { escapeMarkdown } from '../../src/teams/cards/card-kit';
import { numberFromText } from '../../src/domain/shared/number-text';
import { VERBS } from '../../src/teams/verbs';

/**
 * `numberFromText`, the text of a number as a card sends it (found in review of stop 49; the
 * reviewer's probe, made permanent). Stop 49 reads a decimal comma as a decimal point and refuses
 * "1,000" because a comma before three digits may be a thousands separator. In Dutch the thousands
 * separator is the full stop: "1.000" is a thousand, and it was read as 1 (stored as 1 where 1 is
 * allowed, never refused). Now a full stop before exactly three digits is refused too.
 */
describe('number text: thousands separators', () => {
  it('refuses "1.000" as it refuses "1,000": either may be a thousands separator (Dutch writes 1.000 for a thousand)', () => {
    expect(numberFromText('1,000')).toBeUndefined();
    expect(numberFromText('1.000')).toBeUndefined();
    // Where it lands: a group's planned weeks "1.000" (a thousand, out of range) is saved as 1 week.
    expect(VERBS.saveSetup.data.safeParse({ name: 'T', members: 'a', days: '1', startTime: '09:30', timeZone: 'UTC', language: 'nl', weeks: '1.000' }).success).toBe(false);
  });

  it('a full stop before one, two, or four and more digits is still a decimal point', () => {
    expect([numberFromText('1.5'), numberFromText('1.25'), numberFromText('0.1234'), numberFromText('-2.5')]).toEqual([1.5, 1.25, 0.1234, -2.5]);
    for (const text of ['12.000', '0.125', '-1.000', '1.000.000']) expect(numberFromText(text)).toBeUndefined();
  });

  it('held: what is no plain number stays text (refused, named in the reason)', () => {
    for (const text of ['٣', '+2', '2e1', '0x10', 'Infinity', '-Infinity', 'NaN', '1,', ',5', '1 000', '١٢', '１２', '']) expect(numberFromText(text)).toBeUndefined();
    expect([numberFromText(' 2 '), numberFromText('1,5'), numberFromText('1,50'), numberFromText('-0'), numberFromText('0,5')]).toEqual([2, 1.5, 1.5, -0, 0.5]);
    // -0 passes a min(0) whole-number field and is stored as 0 (JSON has no negative zero).
    expect(JSON.stringify(VERBS.saveTime.data.parse({ groupId: 'g', cycleId: 'c', hours: '-0' }).hours)).toBe('0');
  });

  it('held: typed text in the reason stays literal (no nested translation, no Markdown, no interpolation)', () => {
    const t = createTranslator().t('nl');
    for (const typed of ['$t(error.invalidInput)', '{{typed}}', '**Jan** [klik](https://x.example)', '# kop']) {
      const reason = t('error.notANumber', { typed: escapeMarkdown(typed) });
      expect(reason).toBe(`'${escapeMarkdown(typed)}' is geen getal.`);
    }
  });
});
