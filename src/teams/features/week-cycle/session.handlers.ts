import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { DomainError } from '../../../domain/shared/errors';
import { Group } from '../../../domain/week-cycle/group';
import { loadGroup } from '../../../usecases/week-cycle/membership';
import { decideProposal, judgeProposal, requestDraft } from '../../../usecases/week-cycle/proposal-actions';
import { addContribution, answerPersonally, endSession, moveToQuestion, recordEnergy, rememberCard } from '../../../usecases/week-cycle/session-actions';
import { startNextSession } from '../../../usecases/week-cycle/start-session';
import { onCardAction } from '../../card-actions';
import { postCard } from '../../card-response';
import { actorOf } from '../../turn';
import { FeatureDeps } from '../feature-deps';
import { cycleCardFor } from './cycle.handlers';
import { SessionPresenter } from './session-presenter';

async function sessionOf(deps: FeatureDeps, groupId: string, sessionId: string) {
  const s = await deps.weekCycle.sessions.get(groupId, sessionId);
  if (!s) throw new DomainError('notFound', 'session');
  return s;
}

/** Opens the next session and posts its card as a new message; shared by the button and the "start" command. */
export async function openNextSession(deps: FeatureDeps, presenter: SessionPresenter, context: TurnContext, group: Group): Promise<'opened' | 'alreadyOpen' | 'cycleComplete'> {
  const next = await startNextSession(deps.weekCycle, group.id, actorOf(context));
  if (next.kind === 'cycleComplete') {
    await postCard(context, await cycleCardFor(deps, await loadGroup(deps.weekCycle, group.id)));
    return 'cycleComplete';
  }
  if (!next.created && next.session.cardActivityId) return 'alreadyOpen';
  const fresh = await loadGroup(deps.weekCycle, group.id);
  const id = await postCard(context, await presenter.shared(fresh, next.session));
  if (id) await rememberCard(deps.weekCycle, group.id, next.session.id, id);
  return next.created ? 'opened' : 'alreadyOpen';
}

export function registerSession(app: Application<TurnState>, deps: FeatureDeps, presenter: SessionPresenter): void {
  const wc = deps.weekCycle;
  const respond = async (groupId: string, sessionId: string, viewerId: string) => {
    const [group, session] = await Promise.all([loadGroup(wc, groupId), sessionOf(deps, groupId, sessionId)]);
    return presenter.outcome(group, session, viewerId);
  };

  onCardAction(app, deps.actions, 'refreshSession', async (context, data) => {
    const [group, session] = await Promise.all([loadGroup(wc, data.groupId), sessionOf(deps, data.groupId, data.sessionId)]);
    return { card: await presenter.personal(group, session, actorOf(context).id), personal: true };
  });

  onCardAction(app, deps.actions, 'startSession', async (context, data) => {
    const result = await openNextSession(deps, presenter, context, await loadGroup(wc, data.groupId));
    const group = await loadGroup(wc, data.groupId);
    return { message: deps.translator.t(group.language)(result === 'alreadyOpen' ? 'session.alreadyOpen' : result === 'opened' ? 'session.opened' : 'cycle.complete') };
  });

  onCardAction(app, deps.actions, 'checkIn', async (context, data) => {
    const score = data.phase === 'in' ? data.energyIn : data.energyOut;
    if (score === undefined) throw new DomainError('invalidInput', 'energy score missing');
    await recordEnergy(wc, data.groupId, data.sessionId, actorOf(context), data.phase, score);
    return respond(data.groupId, data.sessionId, actorOf(context).id);
  });

  onCardAction(app, deps.actions, 'contribute', async (context, data) => {
    await addContribution(wc, data.groupId, data.sessionId, actorOf(context), { questionId: data.questionId, text: data.text, key: context.activity.id ?? `${actorOf(context).id}:${Date.now()}` });
    return respond(data.groupId, data.sessionId, actorOf(context).id);
  });

  onCardAction(app, deps.actions, 'goTo', async (context, data) => {
    await moveToQuestion(wc, data.groupId, data.sessionId, actorOf(context), data.index);
    return respond(data.groupId, data.sessionId, actorOf(context).id);
  });

  onCardAction(app, deps.actions, 'answerPersonal', async (context, data) => {
    await answerPersonally(wc, data.groupId, data.sessionId, actorOf(context), { questionId: data.questionId, text: data.text });
    return respond(data.groupId, data.sessionId, actorOf(context).id);
  });

  onCardAction(app, deps.actions, 'draftProposal', async (context, data) => {
    const request = await requestDraft(wc, data.groupId, data.sessionId, actorOf(context));
    if (request.started) {
      deps.background.run('proposal.draft', async () => {
        await request.run();
        const [group, session] = await Promise.all([loadGroup(wc, data.groupId), sessionOf(deps, data.groupId, data.sessionId)]);
        await presenter.pushShared(group, session);
      });
    }
    return respond(data.groupId, data.sessionId, actorOf(context).id);
  });

  onCardAction(app, deps.actions, 'judgeProposal', async (context, data) => {
    await judgeProposal(wc, data.groupId, data.proposalId, actorOf(context), { verdict: data.verdict, reason: data.reason });
    return respond(data.groupId, data.sessionId, actorOf(context).id);
  });

  onCardAction(app, deps.actions, 'decideProposal', async (context, data) => {
    await decideProposal(wc, data.groupId, data.proposalId, actorOf(context), { verdict: data.decision, text: data.adoptedText, firstStep: data.firstStep });
    return respond(data.groupId, data.sessionId, actorOf(context).id);
  });

  onCardAction(app, deps.actions, 'endSession', async (context, data) => {
    const { session, closed } = await endSession(wc, data.groupId, data.sessionId, actorOf(context));
    const group = await loadGroup(wc, data.groupId);
    if (closed) await postCard(context, await presenter.summary(group, session));
    return presenter.outcome(group, session, actorOf(context).id);
  });
}
