import { OpenAnswer, PollAnswer, readOpenAnswer, readScores, respondentHash } from '../../domain/pulse-poll/answer';
import { PollError } from '../../domain/pulse-poll/poll-error';
import { findTarget, localDate, Poll } from '../../domain/pulse-poll/poll';
import { PulsePollDeps } from './deps';

export type AnswerView = 'form' | 'answered' | 'closed';

/** Where an answer came from: a team channel, or a 1:1 chat with the bot. */
export type AnswerPlace = { kind: 'channel'; teamId?: string } | { kind: 'personal' };

async function loadPoll(deps: PulsePollDeps, pollId: string): Promise<Poll> {
  const poll = await deps.polls.get(pollId);
  if (!poll) throw new PollError('noPoll');
  return poll;
}

function isClosed(deps: PulsePollDeps, poll: Poll): boolean {
  return poll.status === 'closed' || deps.clock.now() >= new Date(poll.closesAt);
}

/** What this person sees on the card: the questions, only that they answered, or that it closed. */
export async function viewFor(deps: PulsePollDeps, pollId: string, userId: string): Promise<{ poll: Poll; view: AnswerView }> {
  const poll = await loadPoll(deps, pollId);
  if (await deps.answers.hasResponded(pollId, respondentHash(deps.hashKey, pollId, userId))) return { poll, view: 'answered' };
  return { poll, view: isClosed(deps, poll) ? 'closed' : 'form' };
}

export interface SubmitOutcome {
  poll: Poll;
  result: 'stored' | 'alreadyAnswered' | 'closed';
  /** The scores were stored but the comment could not be; it is not asked again. */
  commentLost?: boolean;
}

/**
 * Stores one answer, anonymously. Order, and why nothing is counted twice:
 * 1. the input is checked (nothing is written for an incomplete answer);
 * 2. the respondent marker is created: this create is the gate, a second answer fails here (409);
 * 3. the scores are written under a random id, with the date only; if that write fails the marker
 *    is removed again, so the person can retry.
 * A crash between 2 and 3 leaves a marker without an answer: that person is counted as answered
 * but their answer is lost (one too few, never one too many). Writing the answer first would risk
 * the opposite: an answer without a marker, and a second answer accepted later.
 */
export async function submitAnswer(
  deps: PulsePollDeps,
  input: { pollId: string; targetId: string; userId: string; place: AnswerPlace; values: Record<string, unknown> },
): Promise<SubmitOutcome> {
  const poll = await loadPoll(deps, input.pollId);
  const target = findTarget(poll, input.targetId);
  const rightPlace =
    poll.delivery === 'private' ? input.place.kind === 'personal' : input.place.kind === 'channel' && (!input.place.teamId || input.place.teamId === target.teamId);
  if (!rightPlace) throw new PollError('wrongPlace');
  const hash = respondentHash(deps.hashKey, poll.id, input.userId);
  if (isClosed(deps, poll)) {
    return { poll, result: (await deps.answers.hasResponded(poll.id, hash)) ? 'alreadyAnswered' : 'closed' };
  }
  const scores = readScores(input.values);
  const comment = readOpenAnswer(input.values.open);

  if (!(await deps.answers.markRespondent(poll.id, hash))) return { poll, result: 'alreadyAnswered' };
  const answer: PollAnswer = { id: deps.newId(), pollId: poll.id, type: 'answer', targetId: target.id, onDate: localDate(deps.clock.now()), scores };
  try {
    await deps.answers.addAnswer(answer);
  } catch (err) {
    await deps.answers.unmarkRespondent(poll.id, hash).catch(() => undefined);
    throw err;
  }
  if (!comment) return { poll, result: 'stored' };
  const open: OpenAnswer = { id: deps.newId(), pollId: poll.id, type: 'openAnswer', targetId: target.id, text: comment };
  try {
    await deps.answers.addOpenAnswer(open);
    return { poll, result: 'stored' };
  } catch {
    // The scores are in and the marker stays (no second answer); only the comment is lost.
    return { poll, result: 'stored', commentLost: true };
  }
}
