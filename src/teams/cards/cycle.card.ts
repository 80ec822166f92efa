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
  /** The dates the plan gave the next week, with the group's start time, when there is no cycle running. */
  nextPlanned?: { dates: string[]; startTime: string };
}

/** "Week 3 of 20" within the plan; "week 21, after the 20 planned weeks" beyond it (never "21 of 20"). */
function weekBesidePlan(t: Translate, key: 'title' | 'readyText', week: number, planned: number, group = ''): string {
  return isBeyondPlan(week, planned) ? t(`cycle.${key}Beyond`, { group, week, count: planned }) : t(`cycle.${key}`, { group, week, planned });
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
          ? [textBlock(t('rhythm.nextWeek', { week: view.nextWeek, dates: weekSpan(view.nextPlanned.dates, framework.language), time: view.nextPlanned.startTime }))]
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
          title: [t('cycle.day', { day: d.day }), formatDate(cycle.sessionDates[i], framework.language), cycle.sessionDates[i] ? view.plan.startTime : ''].filter(Boolean).join(' · '),
          value: `${framework.days.find((x) => x.day === d.day)?.title ?? ''}: ${d.questionIds.join(', ')}`,
        })),
      ),
      subtle(t('cycle.agendaHint')),
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
