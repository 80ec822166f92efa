import { loadFrameworks } from '../../src/framework/load-frameworks';
import { checkAgenda, defaultAgenda } from '../../src/domain/week-cycle/cycle';
import { closeRound, combineRounds, countedInRound } from '../../src/domain/week-cycle/energy';
import { CheckIn } from '../../src/domain/week-cycle/session-items';
import { checkGroupSettings, defaultSchedule } from '../../src/domain/week-cycle/group';
import { decide, finishDrafting, judge, judgementsNeeded, newProposal, recordFirstStep, startDrafting } from '../../src/domain/proposal/proposal';
import { nextSessionDates } from '../../src/usecases/week-cycle/schedule-dates';

const { nl } = loadFrameworks({});
const members = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `u${i}`, name: `U${i}` }));
const settings = (n: number, over: object = {}) => ({ name: 'Groep', members: members(n), schedule: defaultSchedule('Europe/Amsterdam'), language: 'nl' as const, plannedWeeks: 20, ...over });

describe('energy averages', () => {
  const at = new Date('2026-11-23T08:10:00Z');
  const scores = (values: Record<string, number>): CheckIn[] =>
    Object.entries(values).map(([memberId, score]) => ({ id: memberId, type: 'checkIn', groupId: 'g', cycleId: 'c', sessionId: 's', phase: 'in', memberId, score, at: at.toISOString() }));
  it.each([
    [{}, { closedAt: at.toISOString(), counted: [] }],
    [{ a: 5, b: 1 }, { closedAt: at.toISOString() }],
    [{ a: 5, b: 1, c: 4 }, { closedAt: at.toISOString(), average: 3.3, answers: 3 }],
    [{ a: 2, b: 3, c: 4, d: 5 }, { closedAt: at.toISOString(), average: 3.5, answers: 4 }],
  ])('a round closing with %j publishes %j', (values, expected) => expect(closeRound(scores(values), 'in', at)).toEqual(expected));
  it('lists the check-ins a round closed with by their random tokens, and says exactly which were counted', () => {
    const withTokens = scores({ a: 2, b: 3, c: 4 }).map((c) => ({ ...c, token: `t-${c.memberId}` }));
    const round = closeRound(withTokens, 'in', at);
    expect(round).toEqual({ closedAt: at.toISOString(), average: 3, answers: 3, counted: ['t-a', 't-b', 't-c'] });
    // Stored in the moment between the closing step's read and its write: an earlier time, and still not counted.
    const early = { at: new Date(at.getTime() - 1000).toISOString(), token: 't-d' };
    expect([countedInRound(round, { at: at.toISOString(), token: 't-b' }), countedInRound(round, early)]).toEqual([true, false]);
    // Rounds closed before they listed check-ins: the time says it.
    expect([countedInRound({ closedAt: at.toISOString() }, early), countedInRound({ closedAt: at.toISOString() }, { at: '2026-11-23T08:11:00.000Z' })]).toEqual([true, false]);
    expect(countedInRound({}, early)).toBe(true);
  });
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
    expect(() => checkGroupSettings(settings(3, { schedule: { ...defaultSchedule('Europe/Amsterdam'), days: [1, 2, 3] } }))).toThrow('invalidInput');
    expect(() => checkGroupSettings(settings(3, { schedule: { ...defaultSchedule('Europe/Amsterdam'), startTime: '25:00' } }))).toThrow('invalidInput');
    expect(() => checkGroupSettings(settings(3, { schedule: { ...defaultSchedule('Europe/Amsterdam'), timeZone: 'Mars/Olympus' } }))).toThrow('invalidInput');
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
  it('lets only the draft that runs now finish it: a late answer of a taken-over draft changes nothing', () => {
    const later = new Date(now.getTime() + 3 * 60_000);
    const takenOver = startDrafting(startDrafting(base, 'a', now, 'first').proposal, 'b', later, 'second').proposal;
    const late = finishDrafting(takenOver, { ok: false, reason: 'timeout' }, later, 'first');
    expect(late).toBe(takenOver);
    expect(finishDrafting(takenOver, { ok: false, reason: 'timeout' }, later, 'second').ai.status).toBe('failed');
  });
  const drafted = finishDrafting(base, { ok: true, draft: { proposal: 'Tien minuten overdracht', assumptions: ['a'], risks: ['r'], questionsToCheck: ['q'] } }, now);
  const judged = (opinions: ('agree' | 'doubt' | 'disagree')[]) =>
    opinions.map((opinion, i) => judge(drafted, { memberId: `m${i}`, memberName: `M${i}`, opinion, reason: 'Omdat', at: now.toISOString() }));
  const input = { verdict: 'accept' as const, reason: 'Het past', ownWords: '', firstStep: 'Morgen beginnen', proposalText: 'Tien minuten overdracht', present: 6, quorum: 0.5, decidedBy: 'm0', at: now.toISOString() };
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return { code: (e as { code: string }).code, field: (e as { input?: { field: string } }).input?.field };
    }
    return undefined;
  };

  it.each([
    ['two of six judged: half of those present is needed', judged(['agree', 'agree']), input, { code: 'proposalNotReady', field: 'decision' }],
    ['no verdict chosen: there is no default', judged(['agree', 'doubt', 'agree']), { ...input, verdict: undefined }, { code: 'invalidInput', field: 'decision' }],
    ['a decision without a reason', judged(['agree', 'doubt', 'agree']), { ...input, reason: ' ' }, { code: 'invalidInput', field: 'decisionReason' }],
    ['adapting without the group\'s own words', judged(['agree', 'doubt', 'agree']), { ...input, verdict: 'adapt' as const }, { code: 'invalidInput', field: 'adoptedText' }],
    ['adopting without a first step', judged(['agree', 'doubt', 'agree']), { ...input, firstStep: '' }, { code: 'invalidInput', field: 'firstStep' }],
  ])('refuses: %s', (_d, judgements, d, expected) => expect(refusal(() => decide(drafted, judgements, d))).toEqual(expected));

  it('adopts the proposal as it stands, adapts it only in the group\'s words, rejects without a first step', () => {
    const three = judged(['agree', 'doubt', 'agree']);
    expect(decide(drafted, three, input).decision).toMatchObject({ verdict: 'accept', text: 'Tien minuten overdracht', reason: 'Het past', judged: { agree: 2, doubt: 1, disagree: 0 } });
    expect(decide(drafted, three, { ...input, verdict: 'adapt', ownWords: 'Vijf minuten, met formulier' }).decision?.text).toBe('Vijf minuten, met formulier');
    expect(decide(drafted, three, { ...input, verdict: 'reject', firstStep: '' }).decision).toMatchObject({ verdict: 'reject', text: '', firstStep: '' });
    expect(judgementsNeeded(3, 0.5)).toBe(2);
    expect(judgementsNeeded(0, 0.5)).toBe(1);
  });

  it('refuses a judgement without an opinion or a reason', () => {
    expect(refusal(() => judge(base, { memberId: 'a', memberName: 'A', opinion: undefined, reason: 'x', at: now.toISOString() }))).toEqual({ code: 'invalidInput', field: 'opinion' });
    expect(refusal(() => judge(base, { memberId: 'a', memberName: 'A', opinion: 'disagree', reason: ' ', at: now.toISOString() }))).toEqual({ code: 'invalidInput', field: 'reason' });
  });

  it('looks back on the first step: done, under way or dropped, with a line', () => {
    const d = decide(drafted, judged(['agree', 'agree', 'agree']), input);
    expect(recordFirstStep(d, { status: 'underway', note: 'Formulier in test', at: now.toISOString() }).firstStepOutcome).toMatchObject({ status: 'underway', note: 'Formulier in test' });
    expect(refusal(() => recordFirstStep(d, { status: undefined, note: 'x', at: '' }))).toEqual({ code: 'invalidInput', field: 'status' });
    expect(refusal(() => recordFirstStep(drafted, { status: 'done', note: 'x', at: '' }))).toEqual({ code: 'proposalNotReady', field: undefined });
  });
});

describe('session dates', () => {
  it('plans Monday to Thursday from a Monday morning before the start time', () => {
    expect(nextSessionDates(defaultSchedule('Europe/Amsterdam'), new Date('2026-11-23T07:00:00Z'))).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']);
  });
  it('includes today when today is a session day, and skips other days', () => {
    expect(nextSessionDates(defaultSchedule('Europe/Amsterdam'), new Date('2026-11-26T12:00:00Z'))).toEqual(['2026-11-26', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(nextSessionDates(defaultSchedule('Europe/Amsterdam'), new Date('2026-11-28T12:00:00Z'))).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']);
  });
});
