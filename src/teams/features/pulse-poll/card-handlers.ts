import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { findTarget, Poll } from '../../../domain/pulse-poll/poll';
import { AnswerPlace, submitAnswer, viewFor } from '../../../usecases/pulse-poll/answer-poll';
import { resultsFor } from '../../../usecases/pulse-poll/poll-results';
import { pollStatus } from '../../../usecases/pulse-poll/poll-status';
import { ActionOutcome, onCardAction } from '../../card-actions';
import { AdaptiveCardJson } from '../../cards/card-kit';
import { pollAnsweredCard } from '../../cards/pulse/pulse-answered.card';
import { pollClosedCard } from '../../cards/pulse/pulse-closed.card';
import { closedAs, displayDate } from '../../cards/pulse/pulse-format';
import { actorOf, conversationKindOf } from '../../turn';
import { PulseTeamsDeps } from './pulse-deps';
import { resultsViewCard, statusCard } from './results-cards';

/** The team whose channel this is, as Teams says in the activity (never taken from card data). */
export function channelTeamOf(context: TurnContext): string | undefined {
  if (conversationKindOf(context) !== 'channel') return undefined;
  return (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
}

function placeOf(context: TurnContext): AnswerPlace {
  if (conversationKindOf(context) === 'personal') return { kind: 'personal' };
  return { kind: 'channel', teamId: (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id };
}

/**
 * The poll's card actions. Every answer goes only to the person who acted (the invoke response);
 * the shared message is never changed by an answer, so nobody sees what anyone else entered.
 */
export function registerPollCardActions(app: Application<TurnState>, deps: PulseTeamsDeps): void {
  const { pulse, translator, instruments } = deps;
  const personal = (card: AdaptiveCardJson): ActionOutcome => ({ card, personal: true });

  const myView = (poll: Poll, targetId: string, view: 'form' | 'answered' | 'closed', refreshId: string | undefined, extra: { state?: 'stored' | 'already'; commentLost?: boolean; late?: boolean } = {}) => {
    const t = translator.t(poll.language);
    const closesLabel = displayDate(poll.closesOn, poll.language);
    const target = findTarget(poll, targetId);
    const refreshUserIds = refreshId ? [refreshId] : [];
    if (view === 'answered') {
      return pollAnsweredCard({ pollId: poll.id, targetId, title: instruments[poll.language].title, closesLabel, state: extra.state ?? 'stored', commentLost: extra.commentLost, refreshUserIds }, t);
    }
    if (view === 'closed') return pollClosedCard({ title: instruments[poll.language].title, closed: closedAs(poll), late: extra.late }, t);
    return deps.notifier.formCard(poll, target, refreshUserIds);
  };

  // A refusal (a DomainError) becomes the error card, for the person who acted only: onCardAction renders it.
  onCardAction(app, deps.actions, 'pulseAnswer', async (context, data) => {
    const actor = actorOf(context);
    const { pollId, targetId, ...values } = data;
    const outcome = await submitAnswer(pulse, { pollId, targetId, userId: actor.id, place: placeOf(context), values });
    if (outcome.commentLost) deps.logger.warn({ pollId }, 'poll comment could not be stored; scores kept');
    if (outcome.result === 'closed') return personal(myView(outcome.poll, targetId, 'closed', actor.teamsId, { late: true }));
    return personal(myView(outcome.poll, targetId, 'answered', actor.teamsId, { state: outcome.result === 'stored' ? 'stored' : 'already', commentLost: outcome.commentLost }));
  });

  onCardAction(app, deps.actions, 'pulseView', async (context, data) => {
    const actor = actorOf(context);
    const { poll, view } = await viewFor(pulse, data.pollId, actor.id);
    return personal(myView(poll, data.targetId, view, actor.teamsId));
  });

  // The invoke answer reaches only the person who pressed, so HR gets the full results here.
  onCardAction(app, deps.actions, 'pulseResults', async (context, data) =>
    personal(resultsViewCard(deps, await resultsFor(pulse, { userId: actorOf(context).id }, data.pollId, { teamId: channelTeamOf(context) }))),
  );

  onCardAction(app, deps.actions, 'pulseStatus', async (context, data) => personal(statusCard(deps, await pollStatus(pulse, { userId: actorOf(context).id }, data.pollId))));
}
