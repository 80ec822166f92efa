import { LearningNeedBatch, LearningTheme } from '../../src/domain/learning-needs/learning-need';
import { parse } from 'csv-parse/sync';
import { HrReport } from '../../src/domain/hr-report/report';
import { learningNeedsSection, LearningNeedsSection } from '../../src/domain/learning-needs/report';
import { reportCsv } from '../../src/web/hr-report/report-files';

/**
 * HR differencing the learning-needs section: L&O may ask a report over any period, so an adversary
 * holds every report over every period at once. Whatever fewer than the minimum number of people
 * did in one weekly handover (a theme they chose, the size of the unnamed rest) must leave every
 * one of those reports unchanged: then no sum, difference or comparison of them can reveal it.
 * Pure domain (no store): the section is computed from the batches as the report reads them.
 */
const MIN = 5;
type Themes = LearningNeedBatch['themes'];
const part = (people: number, needs = people) => ({ people, needs, texts: [] });

/** A batch where every person passed on one need (`people` of the batch: the sum of its themes), unless given. */
function batch(weekStart: string, themes: Themes, people?: number): LearningNeedBatch {
  const parts = Object.values(themes);
  return {
    id: `lnb_${weekStart}`,
    type: 'learningNeedBatch',
    tenantId: 't',
    week: weekStart,
    weekStart,
    people: people ?? parts.reduce((n, p) => n + (p!.people ?? 0), 0),
    needs: parts.reduce((n, p) => n + p!.needs, 0),
    themes,
  };
}

const WEEKS = ['2026-03-02', '2026-03-09', '2026-03-16'];
/** Every report HR can ask: from and to on any day around and between the handovers. */
function everyReport(batches: readonly LearningNeedBatch[]): LearningNeedsSection[] {
  const days = ['2026-03-01', ...WEEKS, '2026-03-08', '2026-03-15', '2026-03-22'].sort();
  return days.flatMap((from, i) => days.slice(i).map((to) => learningNeedsSection(batches, { from, to }, MIN)));
}

describe('learning needs: no two report periods together reveal a rest below the minimum', () => {
  /** Week 1: five chose vakkennis (shown), `rest` chose coachen (too few: the rest). */
  const data = (rest: number) => [
    batch(WEEKS[0]!, { vakkennis: part(5), coachen: part(rest) }),
    // Weeks 2 and 3: rests of 3 and 2 people (together 5: once enough to show the total of weeks 2-3).
    batch(WEEKS[1]!, { digitaal: part(5), vitaliteit: part(3) }),
    batch(WEEKS[2]!, { digitaal: part(5), anders: part(2) }),
  ];
  const batches = data(1);

  it('week 1 alone hides its total (its rest is one person)', () => {
    expect(learningNeedsSection(batches, { from: WEEKS[0]!, to: WEEKS[0]! }, MIN).total).toBeUndefined();
  });

  it('the totals of two overlapping periods do not give week 1\'s rest by subtraction', () => {
    const w1 = learningNeedsSection(batches, { from: '2026-03-02', to: '2026-03-08' }, MIN);
    const w123 = learningNeedsSection(batches, { from: '2026-03-02', to: '2026-03-22' }, MIN);
    const w23 = learningNeedsSection(batches, { from: '2026-03-09', to: '2026-03-22' }, MIN);
    const shownWeek1 = w1.themes.reduce((n, th) => n + th.needs, 0);
    const derivable = w123.total !== undefined && w23.total !== undefined;
    const restOfWeek1 = derivable ? w123.total! - w23.total! - shownWeek1 : undefined;
    expect({ derivable, restOfWeek1 }).toEqual({ derivable: false, restOfWeek1: undefined });
    // Nor do the counted needs: they leave every too-small rest out, in every period alike.
    expect(w123.counted - w23.counted - shownWeek1).toBe(0);
  });

  it('no report over any period changes when week 1\'s rest is one person or four', () => {
    expect(everyReport(data(4))).toEqual(everyReport(data(1)));
  });
});

describe('learning needs: no two report periods together name a theme fewer than the minimum chose', () => {
  /**
   * Week 1: five chose vakkennis (shown); three chose `small` and two digitaal (a rest of five:
   * its size may show, not its themes). Week 2: five chose coachen. Once, the number of hidden
   * themes of weeks 1-2 (coachen shown in week 2, so not counted as hidden) against week 1's alone
   * told whether week 1's small group had chosen coachen.
   */
  const data = (small: LearningTheme) => [
    batch(WEEKS[0]!, { vakkennis: part(5), [small]: part(3), digitaal: part(2) }),
    batch(WEEKS[1]!, { coachen: part(5), anders: part(5) }),
    batch(WEEKS[2]!, { vakkennis: part(6) }),
  ];

  it('no report over any period changes when week 1\'s small group chose coachen or organiseren', () => {
    expect(everyReport(data('organiseren'))).toEqual(everyReport(data('coachen')));
  });

  // Since stop 54 whether themes are hidden, never how many (their number named them by elimination).
  it('the hidden themes of a period are those of its handovers together', () => {
    const one = (from: string, to: string) => learningNeedsSection(data('coachen'), { from, to }, MIN).themesHidden;
    expect(one(WEEKS[0]!, WEEKS[1]!)).toBe(one(WEEKS[0]!, WEEKS[0]!) || one(WEEKS[1]!, WEEKS[1]!));
  });
});

describe('learning needs: a rest counts people, not needs or themes', () => {
  it('three people who each chose two small themes are a rest of three, not six', () => {
    // Five chose vakkennis; three others each chose coachen and organiseren (3 + 3 in the small themes).
    const b = batch(WEEKS[0]!, { vakkennis: part(5), coachen: part(3), organiseren: part(3) }, 8);
    const s = learningNeedsSection([b], { from: WEEKS[0]!, to: WEEKS[0]! }, MIN);
    expect(s.total).toBeUndefined();
    expect(s).toMatchObject({ counted: 5, restsLeftOut: 1 });
  });
});

describe('learning needs: the rule keeps the report useful', () => {
  const batches = [
    batch(WEEKS[0]!, { vakkennis: part(5), coachen: part(3), anders: part(2) }), // rest of 5: counted
    batch(WEEKS[1]!, { digitaal: part(7) }), // no rest
    batch(WEEKS[2]!, { digitaal: part(5), vitaliteit: part(1) }), // rest of 1: left out
  ];

  it('the total shows where every handover\'s rest is empty or at least the minimum', () => {
    expect(learningNeedsSection(batches, { from: WEEKS[0]!, to: WEEKS[1]! }, MIN)).toMatchObject({ batches: 2, total: 17, counted: 17, restsLeftOut: 0, themesHidden: true });
  });

  it('elsewhere it counts the shown themes and the large enough rests, and says how many handovers\' rests it left out', () => {
    const s = learningNeedsSection(batches, { from: WEEKS[0]!, to: WEEKS[2]! }, MIN);
    expect(s.total).toBeUndefined();
    expect(s).toMatchObject({ batches: 3, counted: 22, restsLeftOut: 1, themesHidden: true }); // 10 + 7 + the 5 of digitaal
    expect(s.themes.map((th) => [th.theme, th.needs])).toEqual([['digitaal', 12], ['vakkennis', 5]]);
  });

  it('the CSV download says the same as the card: what was counted and how many rests were left out', () => {
    const learningNeeds = learningNeedsSection(batches, { from: WEEKS[0]!, to: WEEKS[2]! }, MIN);
    const rows: string[][] = parse(reportCsv({ period: { from: WEEKS[0]!, to: '2026-03-22' }, groupsActive: 0, sessionsHeld: 0, learningHours: 0, proposalsMade: 0, proposalsValidated: 0, proposalsRejected: 0, energy: [], b3: [], facilitation: { conversationsPlanned: 0, withAccount: 0, shared: [] }, adoption: { adopted: 0, lookedBack: 0, taken: 0, takenShare: 0, groups: [] }, learningNeeds } as unknown as HrReport));
    const figure = (name: string) => rows.find((r) => r[0] === 'learningNeeds' && r[2] === name)?.[3];
    expect([figure('total'), figure('counted'), figure('restsLeftOut'), figure('themesHidden')]).toEqual(['', '22', '1', 'true']);
  });
});
