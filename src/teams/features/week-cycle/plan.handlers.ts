import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { DomainError } from '../../../domain/shared/errors';
import { Group } from '../../../domain/week-cycle/group';
import { FollowingWeeks, latestMoveDay, PlanRefusal, RhythmPlan, weekOf } from '../../../domain/week-cycle/plan';
import { firstPlannableDay, todayIn } from '../../../domain/week-cycle/rhythm';
import { movePlannedWeek, previewSkip, showPlan, skipPlannedWeek } from '../../../usecases/week-cycle/plan-changes';
import { onCardAction } from '../../card-actions';
import { moveWeekCard } from '../../cards/rhythm/move-week.card';
import { followingSentence, tidy, weekSpan } from '../../cards/rhythm/plan-format';
import { escapeMarkdown } from '../../cards/card-kit';
import { planCard } from '../../cards/rhythm/plan.card';
import { skipWeekCard } from '../../cards/rhythm/skip-week.card';
import { actorOf } from '../../turn';
import { chatActorOf } from './roster';
import { FeatureDeps } from '../feature-deps';

export function planCardFor(deps: FeatureDeps, { group, plan, weeksDone }: { group: Group; plan: RhythmPlan; weeksDone: number }, refusal?: PlanRefusal) {
  const t = deps.translator.t(group.language);
  return planCard(
    {
      groupId: group.id,
      groupName: group.name,
      language: group.language,
      startTime: group.schedule.startTime,
      plannedWeeks: group.plannedWeeks,
      weeks: plan.weeks,
      startedWeeks: group.cyclesStarted,
      weeksDone,
      skipped: plan.skipped,
      ...(refusal ? { notice: t(`rhythm.refused.${refusal}`) } : {}),
    },
    t,
  );
}

/** The earliest start date the move form offers: today until today's start time, then tomorrow (as moveWeek checks). */
/** The dates the move form offers: from the first plannable day to a year ahead (or the plan's end). */
function moveRange(deps: FeatureDeps, group: Group, plan: RhythmPlan): { earliest: string; latest: string } {
  const now = deps.weekCycle.clock.now();
  const today = todayIn(now, group.schedule.timeZone);
  return { earliest: firstPlannableDay(today, now, group.schedule.startTime, group.schedule.timeZone), latest: latestMoveDay({ today }, plan) };
}

function plannedWeek(plan: RhythmPlan, week: number) {
  const found = weekOf(plan, week);
  if (!found) throw new DomainError('notFound', 'planned week');
  return found;
}

/**
 * Tells the whole chat what changed, once: only the press that changed the plan says so. Through
 * the outbox under the change's key (written with the plan), queued and not awaited: when Teams
 * refuses the message, the change is stored all the same and the outbox sends it later, so the
 * press answers at once with the plan as it now is, never with an error over a change that was made.
 */
async function confirmInChat(deps: FeatureDeps, context: TurnContext, group: Group, key: 'rhythm.skip.done' | 'rhythm.move.done', week: number, { plan, following }: { plan: RhythmPlan; following?: FollowingWeeks }): Promise<void> {
  const dates = weekSpan(plannedWeek(plan, week).dates, group.language);
  const t = deps.translator.t(group.language);
  // A text message is read as Markdown: the display name as typed, never bold or a link of the bot's.
  const actor = actorOf(context);
  const text = tidy(t(key, { name: escapeMarkdown(actor.name), week, dates, following: followingSentence(following, group.language, t) }));
  await deps.messenger.queueText(group.conversationRef, text, `rhythm.plan:${group.id}:${plan.changedBy ?? plan.updatedAt}`, [actor.id]);
}

/** Teams' id of the press: the same when it delivers the press again. */
function pressKey(context: TurnContext): { key?: string } {
  return context.activity.id ? { key: context.activity.id } : {};
}

/** The plan card and its steps: skip a week (after asking), move a week to another start date. */
export function registerPlan(app: Application<TurnState>, deps: FeatureDeps): void {
  const wc = deps.weekCycle;

  onCardAction(app, deps.actions, 'showPlan', async (_context, data) => {
    return { card: planCardFor(deps, await showPlan(wc, data.groupId)), personal: false };
  });

  onCardAction(app, deps.actions, 'askSkipWeek', async (_context, data) => {
    const shown = await showPlan(wc, data.groupId);
    const { group, plan } = shown;
    if (data.week <= group.cyclesStarted) return { card: planCardFor(deps, shown, 'started'), personal: false };
    const week = plannedWeek(plan, data.week);
    const following = previewSkip(wc, group, plan, data.week, week.dates[0] ?? '');
    return { card: skipWeekCard({ groupId: group.id, language: group.language, plannedWeeks: group.plannedWeeks, week, following }, deps.translator.t(group.language)), personal: false };
  });

  onCardAction(app, deps.actions, 'skipWeek', async (context, data) => {
    const shown = await skipPlannedWeek(wc, data.groupId, chatActorOf(context, deps.logger), { week: data.week, shownStart: data.from, ...pressKey(context) });
    const { group, plan, outcome, following } = shown;
    if (!outcome.ok) return { card: planCardFor(deps, shown, outcome.reason), personal: false };
    if (outcome.changed) await confirmInChat(deps, context, group, 'rhythm.skip.done', data.week, { plan, following });
    return { card: planCardFor(deps, shown), personal: false };
  });

  onCardAction(app, deps.actions, 'askMoveWeek', async (_context, data) => {
    const shown = await showPlan(wc, data.groupId);
    const { group, plan } = shown;
    if (data.week <= group.cyclesStarted) return { card: planCardFor(deps, shown, 'started'), personal: false };
    return { card: moveWeekCard({ groupId: group.id, language: group.language, week: plannedWeek(plan, data.week), ...moveRange(deps, group, plan) }, deps.translator.t(group.language)), personal: false };
  });

  onCardAction(app, deps.actions, 'moveWeek', async (context, data) => {
    const shown = await movePlannedWeek(wc, data.groupId, chatActorOf(context, deps.logger), { week: data.week, shownStart: data.from, newStart: data.start.trim().slice(0, 10), ...pressKey(context) });
    const { group, plan, outcome, following } = shown;
    const t = deps.translator.t(group.language);
    if (!outcome.ok) {
      // A date that does not work comes back in the form, with the reason next to it; so does one
      // refused because the plan changed meanwhile (the form shows the week as planned now). A week
      // that started, or is no longer planned, cannot be moved: the plan as it is now.
      if (outcome.reason === 'started' || outcome.reason === 'notPlanned') return { card: planCardFor(deps, shown, outcome.reason), personal: false };
      const reason = outcome.reason === 'changedMeanwhile' ? 'changedMeanwhileForm' : outcome.reason;
      return { card: moveWeekCard({ groupId: group.id, language: group.language, week: plannedWeek(plan, data.week), ...moveRange(deps, group, plan), entered: data.start, error: t(`rhythm.refused.${reason}`) }, t), personal: false };
    }
    if (outcome.changed) await confirmInChat(deps, context, group, 'rhythm.move.done', data.week, { plan, following });
    return { card: planCardFor(deps, shown), personal: false };
  });
}
