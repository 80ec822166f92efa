import { DateTime } from 'luxon';
import { Cycle, isBeyondPlan } from '../../domain/week-cycle/cycle';
import { Framework } from '../../domain/framework/framework';
import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, escapeMarkdown, execute, factSet, heading, subtle, textBlock } from './card-kit';
import { weekSpan } from './rhythm/plan-format';

function planAction(groupId: string, t: Translate) {
  return execute(t('rhythm.plan.show'), 'showPlan', { groupId }, { associatedInputs: 'none' });
}

function formatDate(iso: string | undefined, language: string): string {
  return iso ? DateTime.fromISO(iso).setLocale(language).toFormat('ccc d LLL') : '';
}

/** The group's own plan, as saved on the setup form: confirmed back on the card. */
export interface GroupPlanView {
  members: string[];
  weekdays: number[];
  startTime: string;
  timeZone: string;
  sessionMinutes: number;
}

function endTime(startTime: string, minutes: number): string {
  return DateTime.fromFormat(startTime, 'HH:mm').plus({ minutes }).toFormat('HH:mm');
}

/** Who, which days, what time: what the group chose, so nobody has to reopen the form to check. */
function groupPlanFacts(plan: GroupPlanView, language: string, t: Translate) {
  const weekday = (d: number) => DateTime.fromObject({ weekday: d as 1 }).setLocale(language).toFormat('ccc');
  return factSet([
    // Facts are Markdown in Teams: the members' names are escaped, shown as they are.
    { title: t('cycle.plan.members'), value: plan.members.map(escapeMarkdown).join(', ') },
    { title: t('cycle.plan.days'), value: plan.weekdays.map(weekday).join(', ') },
    { title: t('cycle.plan.time'), value: `${plan.startTime}-${endTime(plan.startTime, plan.sessionMinutes)} (${plan.timeZone})` },
  ]);
}

export interface CycleView {
  groupId: string;
  groupName: string;
  plannedWeeks: number;
  cycle?: Cycle;
  /** The day of the session that is open now, if one is. */
  runningDay?: number;
  nextWeek: number;
  framework: Framework;
  plan: GroupPlanView;
  /**
   * The dates the plan gave the next week, with the group's start time, when there is no cycle
   * running; `shifted`: its sessions that open at another local time (the clocks go forward past
   * the start time that night).
   */
  nextPlanned?: { dates: string[]; startTime: string; shifted?: { date: string; time: string }[] };
  /**
   * What each day of the running week shows (by the cycle's order): the date and time it was held,
   * or the date and the time it starts by itself; no time for a day whose time passed unheld.
   * Absent: the week's dates at the group's start time.
   */
  days?: { date?: string; time?: string }[];
  /** After the settings were saved: today's session no longer starts by itself, its time today being past. */
  notStartingToday?: { week: number; day: number; time: string; last: boolean };
}

/** "Week 3 of 20" within the plan; "week 21, after the 20 planned weeks" beyond it (never "21 of 20"). */
function weekBesidePlan(t: Translate, key: 'title' | 'readyText', week: number, planned: number, group = ''): string {
  return isBeyondPlan(week, planned) ? t(`cycle.${key}Beyond`, { group, week, count: planned }) : t(`cycle.${key}`, { group, week, planned });
}

/** A day of the running week: its date, and its time where it has one (see `CycleView.days`). */
function dayLine(view: CycleView, cycle: Cycle, i: number, language: string): string[] {
  const shown = view.days?.[i] ?? { date: cycle.sessionDates[i], time: cycle.sessionDates[i] ? view.plan.startTime : undefined };
  return [formatDate(shown.date, language), shown.time ?? ''];
}

/** The next week's sessions that open at another time than the start time: the clocks go forward past it that night. */
function clockShifts(next: NonNullable<CycleView['nextPlanned']>, language: string, t: Translate): string[] {
  return (next.shifted ?? []).map((s) => t('rhythm.clockForward', { date: formatDate(s.date, language), time: s.time, planned: next.startTime }));
}

/** Today's session that no longer starts by itself: the week's last is the group's to start; an earlier one opens at the next slot. */
function notStartingTodayText({ week, day, time, last }: NonNullable<CycleView['notStartingToday']>, t: Translate): string {
  return t(last ? 'rhythm.startTimePassedLast' : 'rhythm.startTimePassed', { week, day, time });
}

/** The group's week: its dates and agenda, with start buttons. Without a cycle it offers to start one. */
export function cycleCard(view: CycleView, t: Translate): AdaptiveCardJson {
  const { cycle, framework } = view;
  if (!cycle) {
    return adaptiveCard(
      [
        heading(t('cycle.readyTitle', { group: escapeMarkdown(view.groupName) })),
        textBlock(weekBesidePlan(t, 'readyText', view.nextWeek, view.plannedWeeks)),
        groupPlanFacts(view.plan, framework.language, t),
        ...(view.nextPlanned
          ? [textBlock([t('rhythm.nextWeek', { week: view.nextWeek, dates: weekSpan(view.nextPlanned.dates, framework.language), time: view.nextPlanned.startTime }), ...clockShifts(view.nextPlanned, framework.language, t)].join(' '))]
          : []),
      ],
      [
        execute(t('cycle.start', { week: view.nextWeek }), 'startCycle', { groupId: view.groupId, week: view.nextWeek }, { style: 'positive', associatedInputs: 'none' }),
        planAction(view.groupId, t),
      ],
    );
  }
  return adaptiveCard(
    [
      heading(weekBesidePlan(t, 'title', cycle.weekNumber, view.plannedWeeks, escapeMarkdown(view.groupName))),
      factSet(
        cycle.agenda.map((d, i) => ({
          title: [t('cycle.day', { day: d.day }), ...dayLine(view, cycle, i, framework.language)].filter(Boolean).join(' · '),
          value: `${framework.days.find((x) => x.day === d.day)?.title ?? ''}: ${d.questionIds.join(', ')}`,
        })),
      ),
      subtle(t('cycle.agendaHint')),
      ...(view.notStartingToday ? [textBlock(notStartingTodayText(view.notStartingToday, t))] : []),
      ...(view.runningDay ? [textBlock(t('cycle.running', { day: view.runningDay }), { weight: 'Bolder' })] : []),
    ],
    [
      view.runningDay
        ? execute(t('cycle.showSession'), 'showSession', { groupId: view.groupId, cycleId: cycle.id }, { style: 'positive', associatedInputs: 'none' })
        : execute(t('session.startNow'), 'startSession', { groupId: view.groupId, cycleId: cycle.id }, { style: 'positive', associatedInputs: 'none' }),
      execute(t('cycle.changeAgenda'), 'openAgenda', { groupId: view.groupId, cycleId: cycle.id }, { associatedInputs: 'none' }),
      planAction(view.groupId, t),
    ],
  );
}
