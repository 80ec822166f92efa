import { questionsBeforeProposal } from '../../domain/framework/framework';
import { decide, finishDrafting, judge, Proposal, startDrafting, Verdict } from '../../domain/proposal/proposal';
import { DomainError } from '../../domain/shared/errors';
import { sharedAnswer } from '../../domain/week-cycle/session';
import { Actor, WeekCycleDeps } from './deps';
import { requireMember } from './membership';
import { ensureProposal } from './start-session';

/** The group's answers to the questions before the proposal, across the cycle's sessions. */
export async function cycleAnswers(deps: WeekCycleDeps, groupId: string, cycleId: string, language: 'nl' | 'en') {
  const sessions = await deps.sessions.listByCycle(groupId, cycleId);
  const questions = questionsBeforeProposal(deps.frameworks[language]);
  return questions.map((q) => {
    const contributions = sessions.flatMap((s) => sharedAnswer(s, q.id));
    return { questionId: q.id, question: q.text, answer: contributions.map((c) => c.text).join('\n'), authorIds: contributions.map((c) => c.authorId) };
  });
}

export type DraftRequest = { started: false; proposal: Proposal } | { started: true; proposal: Proposal; run: () => Promise<Proposal> };

/**
 * Marks the proposal as drafting and hands back the slow part to run after the invoke is
 * answered, because Teams waits only seconds for a card action.
 */
export async function requestDraft(deps: WeekCycleDeps, groupId: string, sessionId: string, actor: Actor): Promise<DraftRequest> {
  const group = await requireMember(deps, groupId, actor);
  const session = await deps.sessions.get(groupId, sessionId);
  if (!session || session.status !== 'open') throw new DomainError('sessionClosed');
  const base = await ensureProposal(deps, session, group.name);
  if (!deps.drafter.enabled) {
    const proposal = await deps.proposals.update(groupId, base.id, (p) => (p.ai.status === 'failed' ? p : finishDrafting(p, { ok: false, reason: 'not-configured' }, deps.clock.now())));
    return { started: false, proposal };
  }
  let started = false;
  const proposal = await deps.proposals.update(groupId, base.id, (p) => {
    const r = startDrafting(p, actor.id, deps.clock.now());
    started = r.started;
    return r.proposal;
  });
  if (!started) return { started: false, proposal };
  const run = async () => {
    const answers = await cycleAnswers(deps, groupId, session.cycleId, group.language);
    const result = await deps.drafter.draft({ language: group.language, answers: answers.filter((a) => a.answer).map(({ authorIds: _a, ...a }) => a) });
    const contributors = [...new Set(answers.flatMap((a) => a.authorIds))];
    return deps.proposals.update(groupId, base.id, (p) => {
      const done = finishDrafting(p, result, deps.clock.now());
      return { ...done, contributorIds: [...new Set([...done.contributorIds, ...contributors])] };
    });
  };
  return { started: true, proposal, run };
}

export async function judgeProposal(deps: WeekCycleDeps, groupId: string, proposalId: string, actor: Actor, input: { verdict: Verdict; reason: string }): Promise<Proposal> {
  await requireMember(deps, groupId, actor);
  const at = deps.clock.now().toISOString();
  return deps.proposals.update(groupId, proposalId, (p) => judge(p, { memberId: actor.id, memberName: actor.name, verdict: input.verdict, reason: input.reason, at }));
}

export async function decideProposal(deps: WeekCycleDeps, groupId: string, proposalId: string, actor: Actor, input: { verdict: Verdict; text: string; firstStep: string }): Promise<Proposal> {
  await requireMember(deps, groupId, actor);
  const at = deps.clock.now().toISOString();
  let decidedNow = false;
  const proposal = await deps.proposals.update(groupId, proposalId, (p) => {
    decidedNow = !p.decision;
    return p.decision ? p : decide(p, { ...input, decidedBy: actor.id, at });
  });
  if (decidedNow) {
    deps.events.record({ name: 'proposalValidated', verdict: input.verdict, aiDrafted: proposal.ai.status === 'drafted', judgements: Object.keys(proposal.judgements).length });
  }
  return proposal;
}
