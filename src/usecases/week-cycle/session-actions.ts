import { findQuestion } from '../../domain/framework/framework';
import { DomainError } from '../../domain/shared/errors';
import { personalAnswerId, writePersonalAnswer } from '../../domain/personal/personal-answer';
import { checkEnergy, closeSession, contribute, EnergyPhase, goToQuestion, markWarned, Session } from '../../domain/week-cycle/session';
import { Actor, WeekCycleDeps } from './deps';
import { loadGroup, requireMember } from './membership';
import { carryOverFrom } from './start-session';

async function openSessionOf(deps: WeekCycleDeps, groupId: string, sessionId: string): Promise<Session> {
  const s = await deps.sessions.get(groupId, sessionId);
  if (!s) throw new DomainError('notFound', 'session');
  return s;
}

export async function addContribution(deps: WeekCycleDeps, groupId: string, sessionId: string, actor: Actor, input: { questionId: number; text: string; key: string }): Promise<Session> {
  const group = await requireMember(deps, groupId, actor);
  const framework = deps.frameworks[group.language];
  const contribution = { key: input.key, authorId: actor.id, authorName: actor.name, text: input.text, at: deps.clock.now().toISOString() };
  return deps.sessions.update(groupId, sessionId, (s) => contribute(framework, s, contribution, input.questionId));
}

export async function recordEnergy(deps: WeekCycleDeps, groupId: string, sessionId: string, actor: Actor, phase: EnergyPhase, score: number): Promise<Session> {
  await requireMember(deps, groupId, actor);
  return deps.sessions.update(groupId, sessionId, (s) => (s.energy[phase][actor.id] === score ? s : checkEnergy(s, phase, actor.id, score)));
}

export async function moveToQuestion(deps: WeekCycleDeps, groupId: string, sessionId: string, actor: Actor, index: number): Promise<Session> {
  await requireMember(deps, groupId, actor);
  return deps.sessions.update(groupId, sessionId, (s) => (s.currentIndex === index ? s : goToQuestion(s, index)));
}

/** Questions 9-10: stored in the member's own partition, never in the shared session. */
export async function answerPersonally(deps: WeekCycleDeps, groupId: string, sessionId: string, actor: Actor, input: { questionId: number; text: string }): Promise<Session> {
  const group = await requireMember(deps, groupId, actor);
  const session = await openSessionOf(deps, groupId, sessionId);
  if (session.status !== 'open') throw new DomainError('sessionClosed');
  const q = findQuestion(deps.frameworks[group.language], input.questionId);
  if (!q || q.scope !== 'personal' || !session.questionIds.includes(q.id)) throw new DomainError('wrongQuestionKind', String(input.questionId));
  const existing = await deps.personalAnswers.get(actor.id, personalAnswerId(actor.id, sessionId, q.id));
  await deps.personalAnswers.upsert(
    writePersonalAnswer({ userId: actor.id, groupId, cycleId: session.cycleId, sessionId, questionId: q.id, text: input.text, visibility: existing?.visibility, updatedAt: deps.clock.now().toISOString() }),
  );
  return deps.sessions.update(groupId, sessionId, (s) => (s.attendeeIds.includes(actor.id) ? s : { ...s, attendeeIds: [...s.attendeeIds, actor.id] }));
}

export async function rememberCard(deps: WeekCycleDeps, groupId: string, sessionId: string, activityId: string): Promise<Session> {
  return deps.sessions.update(groupId, sessionId, (s) => (s.cardActivityId === activityId ? s : { ...s, cardActivityId: activityId }));
}

/** The 10-minute warning: true only for the one caller that flips the flag. */
export async function warnOnce(deps: WeekCycleDeps, groupId: string, sessionId: string): Promise<{ session: Session; warned: boolean }> {
  let flipped = false;
  const session = await deps.sessions.update(groupId, sessionId, (s) => {
    flipped = false;
    if (s.warned || s.status !== 'open') return s;
    flipped = true;
    return markWarned(s);
  });
  return { session, warned: flipped };
}

/** Ends a session, by a member or by the clock; true only for the caller that closed it. */
export async function endSession(deps: WeekCycleDeps, groupId: string, sessionId: string, actor?: Actor): Promise<{ session: Session; closed: boolean }> {
  if (actor) await requireMember(deps, groupId, actor);
  let flipped = false;
  const session = await deps.sessions.update(groupId, sessionId, (s) => {
    flipped = s.status === 'open';
    return closeSession(s, deps.clock.now());
  });
  if (flipped) {
    deps.events.record({
      name: 'sessionHeld',
      day: session.day,
      attendees: session.attendeeIds.length,
      questionsAnswered: Object.values(session.answers).filter((a) => a.length > 0).length,
      closedBy: actor ? 'member' : 'timebox',
    });
    await deps.scheduler.cancel(`${sessionId}_warn`);
    await deps.scheduler.cancel(`${sessionId}_close`);
    await completeCycleIfDone(deps, session);
  }
  return { session, closed: flipped };
}

/** A cycle is complete when its day-4 session closes with nothing left to resume. */
async function completeCycleIfDone(deps: WeekCycleDeps, session: Session): Promise<void> {
  if (session.day !== 4) return;
  const group = await loadGroup(deps, session.groupId);
  if ((await carryOverFrom(deps, group.language, session)).length) return;
  const at = deps.clock.now().toISOString();
  await deps.cycles.update(session.groupId, session.cycleId, (c) => (c.completedAt ? c : { ...c, completedAt: at }));
}
