import { createTranslator } from '../../src/i18n/i18n';
import { translator } from '../../src/tab/i18n';

/** The tab's own small translator fills in numbers as the bot's i18next does, e.g. the limits next to a refused field. */
describe('the tab\'s translator', () => {
  it.each([
    ['nl', 'verantwoording.form.noteTooLong', { max: 4000, length: 4521 }, 'Een notitie is hoogstens 4.000 tekens; deze is 4.521 tekens.'],
    ['en', 'verantwoording.form.noteTooLong', { max: 4000, length: 4521 }, 'A note has at most 4,000 characters; this one has 4,521.'],
    ['nl', 'verantwoording.form.hours', { min: 0, max: 40 }, 'Vul een aantal uren in van 0 tot 40.'],
    ['en', 'verantwoording.form.weeks', { min: 1, max: 52 }, 'Choose a number of weeks from 1 to 52.'],
  ] as const)('formats {{x, number}} in %s (%s)', (locale, key, vars, text) => {
    expect(translator(locale)(key, vars)).toBe(text);
    expect(createTranslator().t(locale)(key, vars)).toBe(text);
  });
});
