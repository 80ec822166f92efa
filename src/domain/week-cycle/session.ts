import { Framework, findQuestion, Question } from '../framework/framework';
import { DomainError } from '../shared/errors';
import { isEnergyScore } from './energy';

export interface Contribution {
  /** Idempotency key: the Teams activity id, so a redelivered activity is counted once. */
  key: string;
  authorId: string;
  authorName: string;
  text: string;
  at: string;
}

export type EnergyPhase = 'in' | 'out';

/** One hour of a cycle. Group answers live here; personal answers (9-10) are stored per member. */
export interface Session {
  id: string;
  type: 'session';
  groupId: string;
  cycleId: string;
  /** Sequence within the cycle, 1-based; a resumed session gets the next number. */
  seq: number;
  /** The agenda day this session belongs to (1-4). */
  day: number;
  questionIds: number[];
  carriedOver: number[];
  currentIndex: number;
  status: 'open' | 'closed';
  startedAt: string;
  endsAt: string;
  warned: boolean;
  closedAt?: string;
  answers: Record<string, Contribution[]>;
  energy: Record<EnergyPhase, Record<string, number>>;
  attendeeIds: string[];
  /** The shared card in the chat, so it is updated in place rather than posted again. */
  cardActivityId?: string;
}

export const MAX_CONTRIBUTION_LENGTH = 2000;
export const MAX_CONTRIBUTIONS_PER_QUESTION = 60;

export interface SessionPlan {
  id: string;
  groupId: string;
  cycleId: string;
  seq: number;
  day: number;
  questionIds: number[];
  carriedOver: number[];
  startedAt: Date;
  minutes: number;
}

export function openSession(plan: SessionPlan): Session {
  return {
    id: plan.id,
    type: 'session',
    groupId: plan.groupId,
    cycleId: plan.cycleId,
    seq: plan.seq,
    day: plan.day,
    questionIds: [...plan.carriedOver, ...plan.questionIds.filter((q) => !plan.carriedOver.includes(q))],
    carriedOver: [...plan.carriedOver],
    currentIndex: 0,
    status: 'open',
    startedAt: plan.startedAt.toISOString(),
    endsAt: new Date(plan.startedAt.getTime() + plan.minutes * 60_000).toISOString(),
    warned: false,
    answers: {},
    energy: { in: {}, out: {} },
    attendeeIds: [],
  };
}

function requireOpen(s: Session): void {
  if (s.status !== 'open') throw new DomainError('sessionClosed', s.id);
}

function requireAgendaQuestion(framework: Framework, s: Session, questionId: number): Question {
  const q = findQuestion(framework, questionId);
  if (!q || !s.questionIds.includes(questionId)) throw new DomainError('questionNotInAgenda', String(questionId));
  return q;
}

function attend(s: Session, memberId: string): string[] {
  return s.attendeeIds.includes(memberId) ? s.attendeeIds : [...s.attendeeIds, memberId];
}

/** Adds a member's text to the group's shared answer. Returns the session unchanged for a repeated key. */
export function contribute(framework: Framework, s: Session, c: Contribution, questionId: number): Session {
  requireOpen(s);
  const q = requireAgendaQuestion(framework, s, questionId);
  if (q.scope !== 'group' || q.kind === 'validation') throw new DomainError('wrongQuestionKind', String(questionId));
  const text = c.text.trim();
  if (!text || text.length > MAX_CONTRIBUTION_LENGTH) throw new DomainError('invalidInput', 'contribution length');
  const existing = s.answers[String(questionId)] ?? [];
  if (existing.some((e) => e.key === c.key)) return s;
  if (existing.length >= MAX_CONTRIBUTIONS_PER_QUESTION) throw new DomainError('invalidInput', 'too many contributions');
  return {
    ...s,
    answers: { ...s.answers, [String(questionId)]: [...existing, { ...c, text }] },
    attendeeIds: attend(s, c.authorId),
  };
}

export function checkEnergy(s: Session, phase: EnergyPhase, memberId: string, score: number): Session {
  requireOpen(s);
  if (!isEnergyScore(score)) throw new DomainError('invalidInput', 'energy score');
  return { ...s, energy: { ...s.energy, [phase]: { ...s.energy[phase], [memberId]: score } }, attendeeIds: attend(s, memberId) };
}

/** Moves the shared pointer to an explicit index, so two members pressing "next" at once move it once. */
export function goToQuestion(s: Session, index: number): Session {
  requireOpen(s);
  if (!Number.isInteger(index) || index < 0 || index >= s.questionIds.length) throw new DomainError('invalidInput', 'question index');
  return { ...s, currentIndex: index };
}

export function markWarned(s: Session): Session {
  return { ...s, warned: true };
}

export function closeSession(s: Session, now: Date): Session {
  if (s.status === 'closed') return s;
  return { ...s, status: 'closed', closedAt: now.toISOString() };
}

export function minutesLeft(s: Session, now: Date): number {
  return Math.max(0, Math.ceil((new Date(s.endsAt).getTime() - now.getTime()) / 60_000));
}

export function currentQuestionId(s: Session): number | undefined {
  return s.questionIds[s.currentIndex];
}

export function sharedAnswer(s: Session, questionId: number): Contribution[] {
  return s.answers[String(questionId)] ?? [];
}

/**
 * Group questions left without an answer; they carry over to the next session. Personal
 * questions never block the group, and the validation question counts as done once decided.
 */
export function unfinishedQuestions(framework: Framework, s: Session, decided: boolean, proposalDone: boolean): number[] {
  return s.questionIds.filter((id) => {
    const q = findQuestion(framework, id);
    if (!q || q.scope === 'personal') return false;
    if (q.kind === 'validation') return !decided;
    if (q.kind === 'aiProposal') return !proposalDone && sharedAnswer(s, id).length === 0;
    return sharedAnswer(s, id).length === 0;
  });
}
