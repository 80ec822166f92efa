import { followingWeeks, RhythmPlan } from '../../src/domain/week-cycle/plan';
import { createTranslator } from '../../src/i18n/i18n';
import { followingSentence } from '../../src/teams/cards/rhythm/plan-format';

const planOf = (starts: string[]): RhythmPlan => ({
  id: 'g_plan',
  type: 'plan',
  groupId: 'g',
  weeks: starts.map((start, i) => ({ week: i + 1, dates: [start] })),
  skipped: [],
  basis: { days: [1, 2, 3, 4], plannedWeeks: starts.length, region: 'nl' },
  updatedAt: '2026-11-19T12:00:00Z',
});

/**
 * What a skip or a move did to the weeks after it, as the chat is told. Until stop 37 every
 * message said the weeks after it shifted on, also where a week someone moved stayed put and
 * where a move within a week's own calendar week moved none.
 */
describe('the weeks after a changed one', () => {
  const t = createTranslator();
  const before = planOf(['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14', '2027-01-04']);

  it('tells apart the weeks that shifted and those that stayed', () => {
    const after = planOf(['2026-11-23', '2026-12-07', '2026-12-14', '2026-12-21', '2027-01-04']);
    expect(followingWeeks(before, after, 2)).toEqual({ shifted: [3, 4], stayed: [5] });
    expect(followingWeeks(before, before, 2)).toEqual({ shifted: [], stayed: [3, 4, 5] });
    expect(followingWeeks(before, after, 5)).toEqual({ shifted: [], stayed: [] });
  });

  it.each([
    ['nl', { shifted: [3, 4], stayed: [5] }, 'Week 3 en 4 schuiven mee; de andere weken erna blijven waar ze staan.'],
    ['nl', { shifted: [3], stayed: [4, 5] }, 'Week 3 schuift mee; de andere weken erna blijven waar ze staan.'],
    ['nl', { shifted: [3, 4, 5], stayed: [] }, 'De weken erna schuiven mee.'],
    ['nl', { shifted: [], stayed: [3] }, 'De weken erna blijven waar ze staan.'],
    ['en', { shifted: [3, 4, 5], stayed: [6] }, 'Weeks 3, 4, and 5 shift on too; the other weeks after it stay where they are.'],
    ['en', { shifted: [3], stayed: [4] }, 'Week 3 shifts on too; the other weeks after it stay where they are.'],
    ['en', { shifted: [3], stayed: [] }, 'The weeks after it shift on too.'],
    ['en', { shifted: [], stayed: [4] }, 'The weeks after it stay where they are.'],
  ] as const)('in %s: %j', (language, following, sentence) => {
    expect(followingSentence({ shifted: [...following.shifted], stayed: [...following.stayed] }, language, t.t(language))).toBe(sentence);
  });

  it('says nothing where no week follows or it is not known', () => {
    expect(followingSentence({ shifted: [], stayed: [] }, 'nl', t.t('nl'))).toBe('');
    expect(followingSentence(undefined, 'en', t.t('en'))).toBe('');
  });
});
