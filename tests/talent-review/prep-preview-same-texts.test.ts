import { createTranslator } from '../../src/i18n/i18n';
import { prepCard } from '../../src/teams/cards/talent-review/prep.card';
import { PrepView } from '../../src/usecases/talent-review/prep';

const translator = createTranslator();
const long = (n: number) => 'woord '.repeat(Math.ceil(n / 6)).slice(0, n);

/** Every string in the card that starts with `prefix` (a TextRun or TextBlock text). */
function textsStartingWith(card: unknown, prefix: string): string[] {
  const found: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.startsWith(prefix)) found.push(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(card);
  return found;
}

/**
 * "Wat ziet mijn leidinggevende?" must show exactly what the manager's card shows. The size budget
 * is chosen per render, and the manager's card carries their own facilitation form (their saved
 * account, up to 2000 characters) that the preview does not: near the limit the preview keeps the
 * professional's texts at 700 characters while the manager's card cut them to 400. The cut is now
 * chosen for the manager's card with the longest account, for both. Found in review, stop 38.
 */
describe('the preview and the manager card cut the professional\'s texts alike', () => {
  const t = translator.t('nl');
  const view = (preview: boolean): PrepView => ({
    review: { id: 'r', reportName: 'Anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', ...(preview ? {} : { facilitated: long(2000), shareFacilitation: true }) },
    preview,
    time: { hoursUsed: 80, granted: { hours: 80, hoursPerWeek: 4, weeks: 20, weeksFrom: 'traject' }, weeks: [] },
    // Eight proposals of a half-year, each with the AI's full text, a reason and a first step.
    proposals: Array.from({ length: 8 }, (_, i) => ({ groupName: 'Groep', source: 'decision' as const, text: `Voorstel ${i}: ${long(2000)}`, status: 'adapt' as const, reason: long(1000), firstStep: long(1000) })),
    reflections: Array.from({ length: 12 }, (_, i) => ({ question: 'Vraag', text: `Reflectie ${i}: ${long(4000)}` })),
    notes: Array.from({ length: 10 }, (_, i) => `Notitie ${i}: ${long(4000)}`),
    traject: { learningNeeds: long(2000), talents: long(2000), plannedWeeks: 20 },
    phase: { own: 'actie' },
    teams: [],
    aiSummary: long(2000),
  });

  it('shows the manager the same reflection text the professional previewed', () => {
    const previewed = textsStartingWith(prepCard(view(true), t, 'nl'), 'Reflectie 0:');
    const managers = textsStartingWith(prepCard(view(false), t, 'nl'), 'Reflectie 0:');
    expect(previewed).toHaveLength(1);
    expect(managers).toEqual(previewed);
  });
});
