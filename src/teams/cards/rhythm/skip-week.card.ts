import { PlannedWeek } from '../../../domain/week-cycle/rhythm';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, textBlock } from '../card-kit';
import { weekSpan } from './plan-format';

/** Asks before a week is skipped: the rest of the plan shifts with it. */
export function skipWeekCard(view: { groupId: string; language: string; plannedWeeks: number; week: PlannedWeek }, t: Translate): AdaptiveCardJson {
  const { week } = view;
  return adaptiveCard(
    [heading(t('rhythm.skip.title', { week: week.week })), textBlock(t('rhythm.skip.explain', { week: week.week, dates: weekSpan(week.dates, view.language), count: view.plannedWeeks }))],
    [
      execute(t('rhythm.skip.confirm'), 'skipWeek', { groupId: view.groupId, week: week.week, from: week.dates[0] ?? '' }, { style: 'destructive', associatedInputs: 'none' }),
      execute(t('rhythm.back'), 'showPlan', { groupId: view.groupId }, { associatedInputs: 'none' }),
    ],
  );
}
