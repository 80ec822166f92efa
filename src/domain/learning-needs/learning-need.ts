import { DateTime } from 'luxon';
import { DomainError } from '../shared/errors';
import { stableId } from '../shared/ids';

/**
 * Learning needs for L&O, anonymously (issue 13, point 5). A member's answer to question 9 stays
 * private; they may choose to pass a learning need on to L&O without their name: a theme from
 * this fixed list, and optionally a few words of their own.
 */
export const LEARNING_THEMES = ['vakkennis', 'digitaal', 'samenwerken', 'communicatie', 'coachen', 'organiseren', 'vitaliteit', 'anders'] as const;
export type LearningTheme = (typeof LEARNING_THEMES)[number];

/** The personal question whose answer is a learning need (talentontwikkeling). */
export const LEARNING_NEED_QUESTION_ID = 9;
export const MAX_LEARNING_NEED_TEXT = 300;

/**
 * The member's choice, in their own partition, one per answer. While `pending` it holds what they
 * pass on (their own private data, like the answer itself) and can be withdrawn. The weekly
 * handover folds the pending ones of enough people into one anonymous batch at once and then
 * strips theme and text from here: `handedOver` says only that it went, not what.
 */
export interface LearningNeedPassOn {
  id: string;
  type: 'learningNeedPassOn';
  userId: string;
  answerId: string;
  status: 'pending' | 'sealing' | 'handedOver';
  theme?: LearningTheme;
  text?: string;
  /** Set while a handover holds it (status `sealing`): which batch. */
  batchId?: string;
}

export function passOnId(userId: string, answerId: string): string {
  return stableId('lnp', userId, answerId);
}

/** A new or changed pass-on; refused once it is being handed over or was. */
export function passOn(current: LearningNeedPassOn | undefined, input: { userId: string; answerId: string; theme?: string; text?: string }): LearningNeedPassOn {
  if (current && current.status !== 'pending') throw new DomainError('conflict', 'learning need already handed over');
  if (!input.theme || !(LEARNING_THEMES as readonly string[]).includes(input.theme)) throw new DomainError('invalidInput', { detail: 'theme', input: { field: 'theme', rule: 'required' } });
  const text = (input.text ?? '').trim();
  if (text.length > MAX_LEARNING_NEED_TEXT) throw new DomainError('invalidInput', { detail: 'text', input: { field: 'learningNeedText', rule: 'tooLong', params: { max: MAX_LEARNING_NEED_TEXT, count: text.length } } });
  return {
    id: passOnId(input.userId, input.answerId),
    type: 'learningNeedPassOn',
    userId: input.userId,
    answerId: input.answerId,
    status: 'pending',
    theme: input.theme as LearningTheme,
    ...(text ? { text } : {}),
  };
}

/** Withdrawing is possible until the handover takes it: after that nothing links it to the member. */
export function assertWithdrawable(current: LearningNeedPassOn | undefined): LearningNeedPassOn {
  if (!current) throw new DomainError('notFound', 'learning need');
  if (current.status !== 'pending') throw new DomainError('conflict', 'learning need already handed over');
  return current;
}

/** What stays in the member's partition after the handover: that it went, nothing of what. */
export function handedOver(p: LearningNeedPassOn): LearningNeedPassOn {
  return { id: p.id, type: p.type, userId: p.userId, answerId: p.answerId, status: 'handedOver' };
}

/**
 * One handover: the learning needs of at least the minimum number of people, folded together,
 * with no user id, no time but the week, and nothing in an order that follows who or when.
 * Per theme the number of needs and of people; texts only for a theme that at least the
 * minimum number of people chose in this batch (else they are not kept at all).
 */
export interface LearningNeedBatch {
  id: string;
  type: 'learningNeedBatch';
  /** ISO week of the handover, e.g. 2026-W49, and its Monday: the only time kept. */
  week: string;
  weekStart: string;
  people: number;
  needs: number;
  themes: Partial<Record<LearningTheme, { people: number; needs: number; texts: string[] }>>;
}

export function batchIdOf(week: string): string {
  return `lnb_${week}`;
}

/** The week (in the organisation's time zone) a handover at `now` belongs to. */
export function handoverWeek(now: Date, timeZone: string): { week: string; weekStart: string } {
  const d = DateTime.fromJSDate(now, { zone: timeZone });
  return { week: d.toFormat("kkkk-'W'WW"), weekStart: d.startOf('week').toISODate()! };
}

/** The next handover: Monday 02:00 in the organisation's time zone, after `now`. */
export function nextHandoverAt(now: Date, timeZone: string): Date {
  const d = DateTime.fromJSDate(now, { zone: timeZone });
  let next = d.startOf('week').set({ hour: 2 });
  if (next <= d) next = next.plus({ weeks: 1 });
  return next.toJSDate();
}

export function distinctPeople(passOns: readonly LearningNeedPassOn[]): number {
  return new Set(passOns.map((p) => p.userId)).size;
}

/** Folds sealed pass-ons into a batch; undefined when fewer than `minimum` people are in it. */
export function buildBatch(sealed: readonly LearningNeedPassOn[], week: { week: string; weekStart: string }, minimum: number): LearningNeedBatch | undefined {
  if (distinctPeople(sealed) < minimum) return undefined;
  const themes: LearningNeedBatch['themes'] = {};
  for (const theme of LEARNING_THEMES) {
    const chosen = sealed.filter((p) => p.theme === theme);
    if (!chosen.length) continue;
    const people = distinctPeople(chosen);
    const texts = people >= minimum ? chosen.map((p) => p.text).filter((t): t is string => !!t).sort() : [];
    themes[theme] = { people, needs: chosen.length, texts };
  }
  return { id: batchIdOf(week.week), type: 'learningNeedBatch', week: week.week, weekStart: week.weekStart, people: distinctPeople(sealed), needs: sealed.length, themes };
}
