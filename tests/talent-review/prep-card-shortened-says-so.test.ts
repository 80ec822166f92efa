/**
 * Found in review, stop 55 (fixed then: a prep card cut shorter to fit says "Lange teksten staan
 * hier ingekort (…)"; the manager's card at its largest was a guard that held).
 *
 * The manager's prep card (and the professional's preview of it) at its largest, with every text
 * written with quotation marks and line breaks (two characters each in the card's JSON) and a
 * 200-character multi-byte group name. `firstCardThatFits` shortens the professional's texts step
 * by step (700 characters down to 100): the card still fits, and the shortened card says its texts
 * are shortened, as the overview does; before, each text only ended in a "…".
 */
import { createTranslator } from '../../src/i18n/i18n';
import { prepCard } from '../../src/teams/cards/talent-review/prep.card';
import { PrepView } from '../../src/usecases/talent-review/prep';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

const translator = createTranslator();
const long = (n: number) => '"Ja", zei ze.\n'.repeat(Math.ceil(n / 14)).slice(0, n);
const name = 'Lerende groep "wijk" 👩‍⚕️ '.repeat(10).slice(0, 200);

function view(preview: boolean): PrepView {
  const proposal = (i: number): PrepView['proposals'][number] => ({ groupName: name, source: 'decision', text: `Voorstel ${i}: ${long(4000)}`, status: 'adapt', reason: long(1000) });
  return {
    review: { id: 'r', reportName: 'Anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', facilitated: long(2000), shareFacilitation: true },
    preview,
    time: { hoursUsed: 80, granted: { hours: 80, hoursPerWeek: 4, weeks: 20, weeksFrom: 'traject' }, weeks: Array.from({ length: 20 }, (_, i) => ({ groupName: name, weekNumber: i + 1, hours: 4, corrected: false, sessionsAttended: 4 })) },
    proposals: Array.from({ length: 14 }, (_, i) => proposal(i + 1)),
    reflections: Array.from({ length: 12 }, (_, i) => ({ question: long(300), text: `Reflectie ${i}: ${long(4000)}` })),
    moreReflections: 28,
    notes: Array.from({ length: 10 }, (_, i) => `Notitie ${i}: ${long(4000)}`),
    moreNotes: 5,
    traject: { learningNeeds: long(4000), talents: long(4000), plannedWeeks: 20 },
    phase: { own: 'actie', proposed: 'toepassen', talkingPoints: 'actie' },
    teams: Array.from({ length: 7 }, (_, i) => ({ name: `Team ${i} ${name}`, pulse: { status: 'ok' as const, closedOn: '2026-11-01', respondents: 8, scores: { boeien: 4, binden: 4, behouden: 4 } } })),
    aiSummary: long(4000),
  } as PrepView;
}

describe.each(['nl', 'en'] as const)('prep card at its largest, texts that grow in JSON (%s)', (locale) => {
  const t = translator.t(locale);

  it("the manager's card, with a typed account of quotation marks: fits", () => {
    const card = prepCard(view(false), t, locale, { facilitated: long(2500) });
    expect(cardProblems(card).filter((p) => p.startsWith('size'))).toEqual([]);
  });

  it('the shortened card says its texts are shortened (as the overview does)', () => {
    const card = prepCard(view(true), t, locale);
    const text = cardText(card);
    expect(text).toContain('…'); // texts were cut
    // A line says so, in the overview's words: not only a "…" at each text.
    expect(text.split('\n').some((line) => /ingekort|korter|shortened|shorter/i.test(line))).toBe(true);
    expect(text.split('\n')).toContain(t('talentReview.prep.shortened'));
  });

  it('a card that fits with its texts as long as they may be: nothing said about shortening', () => {
    const v = view(true);
    const small: PrepView = { ...v, proposals: v.proposals.slice(0, 2), reflections: v.reflections.slice(0, 2), moreReflections: 0, notes: v.notes.slice(0, 2), moreNotes: 0 };
    const text = cardText(prepCard(small, t, locale));
    expect(text).toContain('…'); // its texts are cut at their usual length, as ever
    expect(text.split('\n')).not.toContain(t('talentReview.prep.shortened'));
  });
});
