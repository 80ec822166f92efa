import { loadFrameworks } from '../../src/framework/load-frameworks';
import { checkAgenda, defaultAgenda } from '../../src/domain/week-cycle/cycle';
import { closeRound, combineRounds } from '../../src/domain/week-cycle/energy';
import { CheckIn } from '../../src/domain/week-cycle/session-items';
import { checkGroupSettings, DEFAULT_SCHEDULE } from '../../src/domain/week-cycle/group';
import { decide, finishDrafting, judge, newProposal, startDrafting } from '../../src/domain/proposal/proposal';
import { nextSessionDates } from '../../src/usecases/week-cycle/schedule-dates';

const { nl } = loadFrameworks({});
const members = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `u${i}`, name: `U${i}` }));
const settings = (n: number, over: object = {}) => ({ name: 'Groep', members: members(n), schedule: DEFAULT_SCHEDULE, language: 'nl' as const, plannedWeeks: 20, ...over });

describe('energy averages', () => {
  const at = new Date('2026-11-23T08:10:00Z');
  const scores = (values: Record<string, number>): CheckIn[] =>
    Object.entries(values).map(([memberId, score]) => ({ id: memberId, type: 'checkIn', groupId: 'g', cycleId: 'c', sessionId: 's', phase: 'in', memberId, score, at: at.toISOString() }));
  it.each([
    [{}, { closedAt: at.toISOString() }],
    [{ a: 5, b: 1 }, { closedAt: at.toISOString() }],
    [{ a: 5, b: 1, c: 4 }, { closedAt: at.toISOString(), average: 3.3, answers: 3 }],
    [{ a: 2, b: 3, c: 4, d: 5 }, { closedAt: at.toISOString(), average: 3.5, answers: 4 }],
  ])('a round closing with %j publishes %j', (values, expected) => expect(closeRound(scores(values), 'in', at)).toEqual(expected));
  it('combines published rounds only, weighted by their answers', () => {
    expect(combineRounds([{ closedAt: 'x', average: 3, answers: 3 }, { closedAt: 'x', average: 5, answers: 1 }, { closedAt: 'x' }, {}])).toBe(3.5);
    expect(combineRounds([{ closedAt: 'x' }, {}])).toBeUndefined();
  });
});

describe('group settings', () => {
  it.each([2, 9])('refuses %i members', (n) => expect(() => checkGroupSettings(settings(n))).toThrow('groupSize'));
  it.each([3, 8])('accepts %i members', (n) => expect(checkGroupSettings(settings(n)).members).toHaveLength(n));
  it('counts a member picked twice once', () => expect(() => checkGroupSettings(settings(3, { members: [...members(2), ...members(2)] }))).toThrow('groupSize'));
  it('needs exactly four days, a real time and time zone', () => {
    expect(() => checkGroupSettings(settings(3, { schedule: { ...DEFAULT_SCHEDULE, days: [1, 2, 3] } }))).toThrow('invalidInput');
    expect(() => checkGroupSettings(settings(3, { schedule: { ...DEFAULT_SCHEDULE, startTime: '25:00' } }))).toThrow('invalidInput');
    expect(() => checkGroupSettings(settings(3, { schedule: { ...DEFAULT_SCHEDULE, timeZone: 'Mars/Olympus' } }))).toThrow('invalidInput');
  });
});

describe('agendas', () => {
  it('takes the default agenda from the framework', () => expect(defaultAgenda(nl).map((d) => d.questionIds)).toEqual([[1, 2, 3], [4, 5], [6, 7], [8, 9, 10]]));
  it('accepts a different choice of questions', () => {
    expect(checkAgenda(nl, [{ day: 1, questionIds: [2, 1] }, { day: 2, questionIds: [4] }, { day: 3, questionIds: [6, 7] }, { day: 4, questionIds: [10] }])[0]!.questionIds).toEqual([1, 2]);
  });
  it('refuses a question twice, or validation before the proposal', () => {
    expect(() => checkAgenda(nl, [{ day: 1, questionIds: [1] }, { day: 2, questionIds: [1] }, { day: 3, questionIds: [6] }, { day: 4, questionIds: [8] }])).toThrow('invalidInput');
    expect(() => checkAgenda(nl, [{ day: 1, questionIds: [7] }, { day: 2, questionIds: [2] }, { day: 3, questionIds: [6] }, { day: 4, questionIds: [8] }])).toThrow('invalidInput');
  });
});

describe('proposals', () => {
  const now = new Date('2026-11-25T08:10:00Z');
  const base = newProposal({ id: 'p', groupId: 'g', groupName: 'G', cycleId: 'c', sessionId: 's', title: '' }, now);
  it('starts one draft at a time, and takes over a stuck one', () => {
    const first = startDrafting(base, 'a', now);
    expect(first.started).toBe(true);
    expect(startDrafting(first.proposal, 'b', now).started).toBe(false);
    expect(startDrafting(first.proposal, 'b', new Date(now.getTime() + 3 * 60_000)).started).toBe(true);
  });
  it('needs a judgement before a decision, and a first step unless rejected', () => {
    const drafted = finishDrafting(base, { ok: true, draft: { proposal: 'P', assumptions: ['a'], risks: ['r'], questionsToCheck: ['q'] } }, now);
    const decision = { verdict: 'accept' as const, text: 'P', firstStep: '', decidedBy: 'a', at: now.toISOString() };
    expect(() => decide(drafted, [], decision)).toThrow('proposalNotReady');
    const judgement = judge(drafted, { memberId: 'a', memberName: 'A', verdict: 'accept', reason: 'Goed plan', at: now.toISOString() });
    expect([judgement.proposalId, judgement.memberId, judgement.reason]).toEqual(['p', 'a', 'Goed plan']);
    expect(() => decide(drafted, [judgement], decision)).toThrow('invalidInput');
    expect(decide(drafted, [judgement], { ...decision, verdict: 'reject' }).decision?.verdict).toBe('reject');
    expect(decide(drafted, [judgement], { ...decision, firstStep: 'Morgen beginnen' }).decision?.firstStep).toBe('Morgen beginnen');
  });
  it('refuses a judgement without a reason', () => {
    expect(() => judge(base, { memberId: 'a', memberName: 'A', verdict: 'reject', reason: ' ', at: now.toISOString() })).toThrow('invalidInput');
  });
});

describe('session dates', () => {
  it('plans Monday to Thursday from a Monday morning before the start time', () => {
    expect(nextSessionDates(DEFAULT_SCHEDULE, new Date('2026-11-23T07:00:00Z'))).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']);
  });
  it('includes today when today is a session day, and skips other days', () => {
    expect(nextSessionDates(DEFAULT_SCHEDULE, new Date('2026-11-26T12:00:00Z'))).toEqual(['2026-11-26', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(nextSessionDates(DEFAULT_SCHEDULE, new Date('2026-11-28T12:00:00Z'))).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']);
  });
});
