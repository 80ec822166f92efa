import { PlannedWeek } from '../../../domain/week-cycle/rhythm';
import { Translate } from '../../../i18n/i18n';
import { actionSet, adaptiveCard, AdaptiveCardJson, escapeMarkdown, execute, factSet, heading, subtle, textBlock } from '../card-kit';
import { shortDate, spansYears, weekSpan } from './plan-format';

export interface PlanView {
  groupId: string;
  groupName: string;
  language: string;
  startTime: string;
  plannedWeeks: number;
  weeks: PlannedWeek[];
  /** Weeks up to this one have started; their dates are history. */
  startedWeeks: number;
  /**
   * Weeks up to this one are done: the last one started too once it is complete (`weeksDone` in
   * plan-changes.ts); a started week after them is under way. Absent: those before the last started.
   */
  weeksDone?: number;
  /** Mondays of skipped calendar weeks. */
  skipped: string[];
  /** A line on top: why a change was refused. */
  notice?: string;
}

/** The group's plan for the year: every week's dates, and a way to skip or move a week not yet started. */
export function planCard(view: PlanView, t: Translate): AdaptiveCardJson {
  const open = view.weeks.filter((w) => w.week > view.startedWeeks);
  // A plan into next year would show two weeks as "ma 28 dec – do 31 dec": each says its year.
  const withYear = spansYears(view.weeks);
  const done = view.weeksDone ?? view.startedWeeks - 1;
  const status = (week: number) => (week <= done ? ` · ${t('rhythm.plan.done')}` : week <= view.startedWeeks ? ` · ${t('rhythm.plan.current')}` : '');
  return adaptiveCard(
    [
      heading(t('rhythm.plan.title', { group: escapeMarkdown(view.groupName) })),
      ...(view.notice ? [textBlock(view.notice, { color: 'Attention', weight: 'Bolder' })] : []),
      textBlock(t('rhythm.plan.intro', { count: view.plannedWeeks, time: view.startTime })),
      factSet(view.weeks.map((w) => ({ title: t('rhythm.plan.week', { week: w.week }), value: `${weekSpan(w.dates, view.language, withYear)}${status(w.week)}` }))),
      ...(view.skipped.length ? [subtle(t('rhythm.plan.skipped', { count: view.skipped.length, weeks: view.skipped.map((m) => shortDate(m, view.language)).join(', ') }))] : []),
      ...(open.length
        ? [
            {
              type: 'Input.ChoiceSet' as const,
              id: 'week',
              label: t('rhythm.plan.pickWeek'),
              choices: open.map((w) => ({ title: `${t('rhythm.plan.week', { week: w.week })}: ${weekSpan(w.dates, view.language, withYear)}`, value: String(w.week) })),
              value: String(open[0]!.week),
              isRequired: true,
              errorMessage: t('rhythm.plan.pickWeekError'),
            },
            actionSet([
              execute(t('rhythm.plan.skip'), 'askSkipWeek', { groupId: view.groupId }),
              execute(t('rhythm.plan.move'), 'askMoveWeek', { groupId: view.groupId }),
            ]),
          ]
        : [subtle(t('rhythm.plan.nothingOpen'))]),
    ],
  );
}
