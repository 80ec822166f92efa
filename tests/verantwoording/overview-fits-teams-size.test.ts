import { createTranslator } from '../../src/i18n/i18n';
import { MAX_NOTE_LENGTH } from '../../src/domain/verantwoording/accountability-note';
import { OVERVIEW_LIMITS, overviewCard } from '../../src/teams/cards/verantwoording/overview.card';
import { VerantwoordingOverview } from '../../src/usecases/verantwoording/overview';
import { filler, largestOverview, WEEKS } from './largest-overview';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

/**
 * The overview in the person's own chat at its true largest: its fullest fixture in cards.test.ts
 * has no proposals put before the manager and no answers from the manager or L&O, which add
 * several texts of `answerChars` per proposal. Teams refuses a message over ~100 KB (413), and
 * the person would get an error instead of their overview; the card leaves out its oldest weeks
 * (then notes, then shortens texts) until it fits, and says so.
 */
const translator = createTranslator();
const long = filler('woord ');
const { GROUP_NAME, week, note, worst } = largestOverview(long);

const texts = {
  nl: { tab: 'tabblad Mijn verantwoording', copy: 'kopie van je gegevens' },
  en: { tab: 'My accountability tab', copy: 'copy of your data' },
} as const;

describe('the overview in the chat fits in a Teams message', () => {
  it.each(['nl', 'en'] as const)('at its true largest it is a valid card within the size limit, and says what it left out (%s)', (locale) => {
    const t = translator.t(locale);
    const card = overviewCard(worst, t, locale, 'Europe/Amsterdam');
    const bytes = Buffer.byteLength(JSON.stringify(card), 'utf16le');
    expect({ problems: cardProblems(card), bytes }).toEqual({ problems: [], bytes: expect.any(Number) });

    const text = cardText(card);
    const heading = (n: number) => t('verantwoording.cycle.heading', { group: GROUP_NAME, week: n });
    const shown = WEEKS.filter((n) => text.includes(heading(n)));
    // The oldest weeks go first: the newest is always there, and what is shown is the newest few.
    expect(shown).toEqual(WEEKS.slice(0, shown.length));
    expect(shown.length).toBeGreaterThanOrEqual(1);
    // How many were left out, and that the tab and the export have everything.
    if (shown.length < WEEKS.length) expect(text).toContain(t('verantwoording.cycle.more', { count: WEEKS.length - shown.length }));
    expect(text).toContain(t('verantwoording.fit.notAll'));
    expect(t('verantwoording.fit.notAll')).toContain(texts[locale].tab);
    expect(t('verantwoording.fit.notAll')).toContain(texts[locale].copy);
    // The newest note is always there (its text starts the same as every note's: its edit button names it by date).
    expect(text).toContain(t('verantwoording.notes.title'));
    expect(JSON.stringify(card)).toContain('"noteId":"note_1"');
    expect(text).not.toMatch(/verantwoording\.[a-z]+\./);
  });

  it.each(['nl', 'en'] as const)('a refused new note over the limit comes back whole on a card that still fits (%s)', (locale) => {
    const t = translator.t(locale);
    const draft = { text: long(5000), error: t('verantwoording.form.noteTooLong', { max: MAX_NOTE_LENGTH, length: 5000 }) };
    const card = overviewCard(worst, t, locale, 'Europe/Amsterdam', draft);
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain(`"value":"${draft.text}"`);
    expect(cardText(card)).toContain(t('verantwoording.fit.notAll'));
  });

  it.each(['nl', 'en'] as const)('an overview that fits as it is shows everything it did before, without the notice (%s)', (locale) => {
    const t = translator.t(locale);
    const modest: VerantwoordingOverview = {
      ...worst,
      cycles: WEEKS.map((n) => ({ ...week(n), groupName: `Team ${n}`, proposals: week(n).proposals.map((p) => ({ ...p, text: long(200), lo: undefined })), answers: week(n).answers.map((a) => ({ ...a, text: long(300) })) })),
      notes: [1, 2, 3, 4, 5].map((i) => ({ ...note(i), text: long(300), source: undefined })),
      putBefore: [],
      erasureUnfinished: undefined,
    };
    const card = overviewCard(modest, t, locale, 'Europe/Amsterdam');
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    for (const n of WEEKS) expect(text).toContain(t('verantwoording.cycle.heading', { group: `Team ${n}`, week: n }));
    for (const i of [1, 2, 3, 4, 5].slice(0, OVERVIEW_LIMITS.notes)) expect(JSON.stringify(card)).toContain(`"noteId":"note_${i}"`);
    expect(text).not.toContain(t('verantwoording.fit.notAll'));
    expect(text).not.toContain(t('verantwoording.cycle.more', { count: 1 }));
  });
});
