import { FollowingWeeks } from '../../../domain/week-cycle/plan';
import { PlannedWeek } from '../../../domain/week-cycle/rhythm';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, textBlock } from '../card-kit';
import { followingSentence, tidy, weekSpan } from './plan-format';

/** Asks before a week is skipped, saying which weeks after it would shift with it. */
export function skipWeekCard(view: { groupId: string; language: string; plannedWeeks: number; week: PlannedWeek; following?: FollowingWeeks }, t: Translate): AdaptiveCardJson {
  const { week } = view;
  return adaptiveCard(
    [heading(t('rhythm.skip.title', { week: week.week })), textBlock(tidy(t('rhythm.skip.explain', { week: week.week, dates: weekSpan(week.dates, view.language), count: view.plannedWeeks, following: followingSentence(view.following, view.language, t) })))],
    [
      execute(t('rhythm.skip.confirm'), 'skipWeek', { groupId: view.groupId, week: week.week, from: week.dates[0] ?? '' }, { style: 'destructive', associatedInputs: 'none' }),
      execute(t('rhythm.back'), 'showPlan', { groupId: view.groupId }, { associatedInputs: 'none' }),
    ],
  );
}
