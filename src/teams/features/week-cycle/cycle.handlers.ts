import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { DomainError } from '../../../domain/shared/errors';
import { Group } from '../../../domain/week-cycle/group';
import { DateTime } from 'luxon';
import { Cycle } from '../../../domain/week-cycle/cycle';
import { GroupSchedule } from '../../../domain/week-cycle/group';
import { weekOf } from '../../../domain/week-cycle/plan';
import { sessionInstant, todayIn } from '../../../domain/week-cycle/rhythm';
import { Session } from '../../../domain/week-cycle/session';
import { changeAgenda, startCycle } from '../../../usecases/week-cycle/start-cycle';
import { loadGroup } from '../../../usecases/week-cycle/membership';
import { ActionOutcome, drawn, onCardAction } from '../../card-actions';
import { fromGroupChat } from '../../group-chat-verbs';
import { agendaCard } from '../../cards/agenda.card';
import { cycleCard } from '../../cards/cycle.card';
import { actorOf, teamsLocale } from '../../turn';
import { chatActorOf } from './roster';
import { FeatureDeps } from '../feature-deps';
import { weekCycleReason } from './refusal-forms';

function localTime(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat('HH:mm');
}

type HeldSession = Pick<Session, 'day' | 'startedAt'>;

/**
 * What each day of the running week shows: a day held, the date and time it began; a day still to
 * come, the time it starts by itself (where the clocks go forward past the start time, the time it
 * really opens); a day whose time passed unheld, its date only. A past moment is never shown as
 * planned: a new start time saved today is not today's held or missed session's.
 */
function dayViews(cycle: Cycle, sessions: readonly HeldSession[], schedule: GroupSchedule, now: Date): { date?: string; time?: string }[] {
  return cycle.agenda.map((d, i) => {
    const held = sessions.filter((s) => s.day === d.day).map((s) => s.startedAt).sort()[0];
    if (held) {
      const began = DateTime.fromISO(held, { zone: schedule.timeZone });
      return { date: began.toISODate()!, time: began.toFormat('HH:mm') };
    }
    const date = cycle.sessionDates[i];
    if (!date) return {};
    const at = sessionInstant(date, schedule.startTime, schedule.timeZone, now);
    return at.getTime() >= now.getTime() ? { date, time: localTime(at, schedule.timeZone) } : { date };
  });
}

/**
 * Today's session of the running week when its time today has passed with nothing held of it or
 * after it: no slot opens it today (a start time saved after it, or an outage). Said on the answer
 * to a settings save, which is where a start time moved behind the clock comes from; the week's
 * last day is then the group's to start by hand, as README's "behind" days are.
 */
function notStartingToday(cycle: Cycle, sessions: readonly HeldSession[], schedule: GroupSchedule, now: Date) {
  const i = cycle.sessionDates.indexOf(todayIn(now, schedule.timeZone));
  const day = cycle.agenda[i]?.day;
  if (i < 0 || day === undefined || sessions.some((s) => s.day >= day)) return undefined;
  if (sessionInstant(cycle.sessionDates[i]!, schedule.startTime, schedule.timeZone, now).getTime() >= now.getTime()) return undefined;
  return { week: cycle.weekNumber, day, time: schedule.startTime, last: i === cycle.sessionDates.length - 1 };
}

/** The next week's sessions that open at another local time than the start time (the clocks go forward past it). */
function shiftedSessions(dates: readonly string[], schedule: GroupSchedule): { date: string; time: string }[] {
  return dates
    .map((date) => ({ date, time: localTime(sessionInstant(date, schedule.startTime, schedule.timeZone), schedule.timeZone) }))
    .filter((s) => s.time !== schedule.startTime);
}

/**
 * The group's week as a card: reads the group (unless given) and the current cycle, never writes.
 * `afterSettings`: the answer to a settings save, which says when today's session no longer starts by itself.
 */
export async function cycleCardFor(deps: FeatureDeps, groupOrId: Group | string, opts: { afterSettings?: boolean } = {}) {
  const group = typeof groupOrId === 'string' ? await loadGroup(deps.weekCycle, groupOrId) : groupOrId;
  const [state, plan] = await Promise.all([
    group.currentCycleId ? deps.weekCycle.sessions.loadCycle(group.id, group.currentCycleId) : undefined,
    deps.weekCycle.plans.get(group.id),
  ]);
  const open = state && !state.cycle.completedAt ? state : undefined;
  const nextPlanned = plan && weekOf(plan, group.cyclesStarted + 1);
  const running = open?.sessions.find((s) => s.status === 'open');
  const now = deps.weekCycle.clock.now();
  const passedToday = open && opts.afterSettings ? notStartingToday(open.cycle, open.sessions, group.schedule, now) : undefined;
  const shifted = nextPlanned ? shiftedSessions(nextPlanned.dates, group.schedule) : [];
  return cycleCard(
    {
      groupId: group.id,
      groupName: group.name,
      plannedWeeks: group.plannedWeeks,
      cycle: open?.cycle,
      ...(running ? { runningDay: running.day } : {}),
      ...(open ? { days: dayViews(open.cycle, open.sessions, group.schedule, now) } : {}),
      ...(passedToday ? { notStartingToday: passedToday } : {}),
      nextWeek: group.cyclesStarted + 1,
      framework: deps.weekCycle.frameworks[group.language],
      plan: { members: group.members.map((m) => m.name), weekdays: group.schedule.days, startTime: group.schedule.startTime, timeZone: group.schedule.timeZone, sessionMinutes: deps.weekCycle.session.minutes },
      ...(nextPlanned ? { nextPlanned: { dates: nextPlanned.dates, startTime: group.schedule.startTime, ...(shifted.length ? { shifted } : {}) } } : {}),
    },
    deps.translator.t(group.language),
  );
}

/**
 * The answer once a change to the group or its week is stored: the week's card, or, when the reads
 * that build it fail now, a short message that the change is saved (`saved`), in the group's
 * language where it is at hand. An error card would say nothing was stored.
 */
export async function cycleCardAfterStored(deps: FeatureDeps, context: TurnContext, groupOrId: Group | string, saved: 'agenda.saved' | 'setup.saved'): Promise<ActionOutcome> {
  try {
    return { card: await cycleCardFor(deps, groupOrId, { afterSettings: saved === 'setup.saved' }), personal: false };
  } catch (err) {
    deps.logger.warn({ saved, err: (err as Error).message }, 'week-cycle change stored; its card could not be built');
    const locale =
      typeof groupOrId === 'string'
        ? await deps.actions.localeFor(context, { groupId: groupOrId }).catch(() => teamsLocale(context) ?? deps.defaultLanguage)
        : groupOrId.language;
    return { message: drawn(locale, (t) => t(saved)) };
  }
}

/**
 * A day's question numbers as the card's multi-select sends them ("1,3,5"). Anything else in the
 * list (a letter, "1-3", from a client that sends typed text) refuses the day rather than being
 * dropped, so the agenda saved is never one the member did not choose.
 */
function parseDay(value: string, day: number): number[] {
  const parts = value.split(',').map((v) => v.trim()).filter((v) => v !== '');
  if (parts.some((v) => !/^\d{1,4}$/.test(v))) throw new DomainError('invalidInput', { detail: 'a day list holds something other than question numbers', input: { field: `day${day}`, rule: 'format', params: { notNumbers: 1 } } });
  return parts.map(Number);
}

export function registerCycle(app: Application<TurnState>, deps: FeatureDeps): void {
  onCardAction(app, deps.actions, 'startCycle', async (context, data) => {
    await startCycle(deps.weekCycle, data.groupId, chatActorOf(context, deps.logger), data.week);
    return { card: await cycleCardFor(deps, data.groupId), personal: false };
  });

  onCardAction(app, deps.actions, 'openAgenda', async (_context, data) => {
    const group = await loadGroup(deps.weekCycle, data.groupId);
    const cycle = await deps.weekCycle.cycles.get(group.id, data.cycleId);
    if (!cycle) throw new DomainError('notFound', 'cycle');
    return { card: agendaCard(group.id, cycle, deps.weekCycle.frameworks[group.language], deps.translator.t(group.language)), personal: false };
  });

  onCardAction(app, deps.actions, 'saveAgenda', async (context, data) => {
    const agenda = [data.day1, data.day2, data.day3, data.day4].map((v, i) => ({ day: i + 1, questionIds: parseDay(v, i + 1) }));
    await changeAgenda(deps.weekCycle, data.groupId, data.cycleId, chatActorOf(context, deps.logger), agenda, data.rev);
    return cycleCardAfterStored(deps, context, data.groupId, 'agenda.saved');
  }, {
    form: {
      // Another member's agenda saved since this card showed it, or one the first session already
      // fixed: the choice comes back, with why it was not saved.
      reason: (p, t) => (p.code === 'conflict' ? t(p.params.changed ? 'agenda.changed' : 'weekCycleForm.agendaFixed') : weekCycleReason(p, t)),
      render: async (context, r) => {
        // The values are the raw card data: onCardAction already refuses other chats, and the
        // form, which shows the group's agenda, does not rely on that alone.
        const groupId = String(r.values.groupId ?? '');
        if (!fromGroupChat(context, groupId)) throw new DomainError('otherGroup', 'agenda form');
        const group = await loadGroup(deps.weekCycle, groupId);
        const cycle = await deps.weekCycle.cycles.get(group.id, String(r.values.cycleId ?? ''));
        if (!cycle) throw new DomainError('notFound', 'cycle');
        const changedMeanwhile = r.problems.some((p) => p.code === 'conflict' && p.params.changed);
        return agendaCard(group.id, cycle, deps.weekCycle.frameworks[group.language], deps.translator.t(group.language), { values: r.values, errors: r.errors, changedMeanwhile });
      },
    },
  });
}
