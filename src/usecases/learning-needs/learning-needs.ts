import { assertWithdrawable, batchIdOf, buildBatch, distinctPeople, handedOver, handoverWeek, LEARNING_NEED_QUESTION_ID, LearningNeedPassOn, nextHandoverAt, passOn } from '../../domain/learning-needs/learning-need';
import { LearningNeedStore } from '../../domain/learning-needs/ports';
import { learningNeedsSection, LearningNeedsSection } from '../../domain/learning-needs/report';
import { personalAnswerId } from '../../domain/personal/personal-answer';
import { JobScheduler } from '../../domain/scheduling/job';
import { Clock } from '../../domain/shared/clock';
import { DomainError } from '../../domain/shared/errors';
import { PersonalRecordRepository } from '../../domain/verantwoording/ports';

export interface LearningNeedDeps {
  store: LearningNeedStore;
  records: PersonalRecordRepository;
  clock: Clock;
  /** B3_MIN_RESPONDENTS: the fewest people a batch, a theme or a text may rest on. */
  minimum: number;
  timeZone: string;
  scheduler: JobScheduler;
}

export const HANDOVER_JOB = 'learningNeeds.handover';

/** Next Monday's handover, scheduled once (a deterministic id per week). */
export async function scheduleHandover(deps: LearningNeedDeps): Promise<void> {
  const at = nextHandoverAt(deps.clock.now(), deps.timeZone);
  await deps.scheduler.schedule({ id: `${HANDOVER_JOB}:${handoverWeek(at, deps.timeZone).week}`, kind: HANDOVER_JOB, dueAt: at.toISOString(), payload: {} });
}

/** What a member sees of their own choice for one answer. */
export type MyLearningNeed = Pick<LearningNeedPassOn, 'answerId' | 'status' | 'theme' | 'text'>;

const mine = (p: LearningNeedPassOn): MyLearningNeed => ({ answerId: p.answerId, status: p.status, ...(p.theme ? { theme: p.theme } : {}), ...(p.text ? { text: p.text } : {}) });

/** The member's own answer to question 9, or a refusal: only that answer carries a learning need. */
async function ownLearningAnswer(deps: LearningNeedDeps, userId: string, answerId: string) {
  const answer = await deps.records.get(userId, answerId);
  if (answer?.type !== 'personalAnswer' || answer.userId !== userId) throw new DomainError('notFound', 'answer');
  if (answer.questionId !== LEARNING_NEED_QUESTION_ID) throw new DomainError('wrongQuestionKind', 'not a learning need');
  return answer;
}

/** The answer id of a member's answer on a session card. */
export function answerIdOn(userId: string, sessionId: string, questionId: number): string {
  return personalAnswerId(userId, sessionId, questionId);
}

export async function myLearningNeed(deps: LearningNeedDeps, userId: string, answerId: string): Promise<MyLearningNeed | undefined> {
  const p = await deps.store.get(userId, answerId);
  return p ? mine(p) : undefined;
}

export async function myLearningNeeds(deps: LearningNeedDeps, userId: string): Promise<MyLearningNeed[]> {
  return (await deps.store.listOfUser(userId)).map(mine);
}

/** Passes the learning need of one of the member's own answers on to L&O (or changes it while it waits). */
export async function passOnLearningNeed(deps: LearningNeedDeps, userId: string, answerId: string, input: { theme?: string; text?: string }): Promise<MyLearningNeed> {
  await ownLearningAnswer(deps, userId, answerId);
  const stored = await deps.store.put(userId, answerId, (current) => {
    const next = passOn(current, { userId, answerId, ...input });
    return current && current.theme === next.theme && current.text === next.text ? current : next;
  });
  await scheduleHandover(deps);
  return mine(stored);
}

/** Withdraws it, until the weekly handover took it; withdrawing what is not there (a repeated press) changes nothing. */
export async function withdrawLearningNeed(deps: LearningNeedDeps, userId: string, answerId: string): Promise<void> {
  await deps.store.remove(userId, answerId, (current) => {
    if (current) assertWithdrawable(current);
  });
}

export type HandoverResult = { result: 'handedOver' | 'alreadyDone'; people: number; needs: number } | { result: 'waiting'; people: number };

/**
 * The weekly handover (a scheduled job, never a member's turn). When at least the minimum number
 * of people have a pending pass-on, all of them are taken: first marked `sealing` under this
 * week's batch (a withdrawal can no longer slip in), then folded into one batch document written
 * once, then stripped to "handed over" in every member's partition. Fewer people: nothing moves,
 * they wait for next week. An interrupted handover that runs again finishes the same batch.
 */
export async function handOverLearningNeeds(deps: LearningNeedDeps): Promise<HandoverResult> {
  const week = handoverWeek(deps.clock.now(), deps.timeZone);
  const batchId = batchIdOf(week.week);
  const existing = await deps.store.getBatch(batchId);
  if (existing) {
    await strip(deps, batchId);
    return { result: 'alreadyDone', people: existing.people, needs: existing.needs };
  }
  const [pending, sealing] = await Promise.all([deps.store.listPending(), deps.store.listSealing(batchId)]);
  if (distinctPeople([...pending, ...sealing]) < deps.minimum) {
    await unseal(deps, sealing);
    return { result: 'waiting', people: distinctPeople([...pending, ...sealing]) };
  }
  for (const p of pending) await deps.store.change(p, (c) => (c.status === 'pending' ? { ...c, status: 'sealing', batchId } : c));
  const sealed = await deps.store.listSealing(batchId);
  const batch = buildBatch(sealed, week, deps.minimum);
  if (!batch) {
    // Withdrawals while sealing left too few: give them back, they wait for next week.
    await unseal(deps, sealed);
    return { result: 'waiting', people: distinctPeople(sealed) };
  }
  await deps.store.createBatch(batch);
  await strip(deps, batchId);
  return { result: 'handedOver', people: batch.people, needs: batch.needs };
}

async function strip(deps: LearningNeedDeps, batchId: string): Promise<void> {
  // In id order: nothing in the order of these writes follows who passed what on.
  const sealed = (await deps.store.listSealing(batchId)).sort((a, b) => a.id.localeCompare(b.id));
  for (const p of sealed) await deps.store.change(p, (c) => (c.status === 'sealing' && c.batchId === batchId ? handedOver(c) : c));
}

async function unseal(deps: LearningNeedDeps, sealed: LearningNeedPassOn[]): Promise<void> {
  for (const p of sealed) await deps.store.change(p, (c) => (c.status === 'sealing' ? { ...handedOver(c), status: 'pending', ...(c.theme ? { theme: c.theme } : {}), ...(c.text ? { text: c.text } : {}) } : c));
}

/** L&O's view for the HR report: whole batches only, under the minimum-respondents rules. */
export async function learningNeedsReport(deps: Pick<LearningNeedDeps, 'store' | 'minimum'>, period: { from: string; to: string }): Promise<LearningNeedsSection> {
  return learningNeedsSection(await deps.store.batchesBetween(period.from, period.to), period, deps.minimum);
}
