import { PlannedWeek } from '../../../domain/week-cycle/rhythm';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, textBlock, withFieldError } from '../card-kit';
import { weekSpan } from './plan-format';

export interface MoveWeekView {
  groupId: string;
  language: string;
  week: PlannedWeek;
  /** The earliest date to pick: today in the group's time zone, or tomorrow once today's start time has passed. */
  earliest: string;
  /** The latest date to pick: a year from today. */
  latest: string;
  /** What the member entered, when it comes back refused. */
  entered?: string;
  /** Why it was refused, shown under the field and read with it (in its label). */
  error?: string;
}

/** Picks another start date for a week; a refused date comes back with the reason next to it. */
export function moveWeekCard(view: MoveWeekView, t: Translate): AdaptiveCardJson {
  const { week } = view;
  return adaptiveCard(
    [
      heading(t('rhythm.move.title', { week: week.week })),
      textBlock(t('rhythm.move.explain', { dates: weekSpan(week.dates, view.language) })),
      ...withFieldError({ type: 'Input.Date', id: 'start', label: t('rhythm.move.start'), value: view.entered ?? week.dates[0], min: view.earliest, max: view.latest, isRequired: true, errorMessage: t('rhythm.refused.invalidDate') }, view.error),
    ],
    [
      execute(t('rhythm.move.confirm'), 'moveWeek', { groupId: view.groupId, week: week.week, from: week.dates[0] ?? '' }, { style: 'positive' }),
      execute(t('rhythm.back'), 'showPlan', { groupId: view.groupId }, { associatedInputs: 'none' }),
    ],
  );
}
