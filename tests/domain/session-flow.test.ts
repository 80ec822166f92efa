import { loadFrameworks } from '../../src/framework/load-frameworks';
import { DomainError } from '../../src/domain/shared/errors';
import { checkEnergy, closeSession, contribute, goToQuestion, minutesLeft, openSession, Session, unfinishedQuestions } from '../../src/domain/week-cycle/session';

const { nl } = loadFrameworks({});
const start = new Date('2026-11-23T08:00:00Z');
const fresh = () => openSession({ id: 's1', groupId: 'g', cycleId: 'c', seq: 1, day: 1, questionIds: [1, 2, 3], carriedOver: [], startedAt: start, minutes: 60 });
const c = (key: string, authorId: string, text: string) => ({ key, authorId, authorName: authorId.toUpperCase(), text, at: start.toISOString() });

type Step = [description: string, act: (s: Session) => Session, expect: (s: Session) => void];

/** The session rules as a table of steps: each acts on the result of the one before. */
const steps: Step[] = [
  ['anna adds to question 1', (s) => contribute(nl, s, c('a1', 'anna', ' De overdracht '), 1), (s) => expect(s.answers['1']).toEqual([c('a1', 'anna', 'De overdracht')])],
  ['bram adds to question 1', (s) => contribute(nl, s, c('b1', 'bram', 'Op maandag'), 1), (s) => expect(s.answers['1']!.map((x) => x.authorId)).toEqual(['anna', 'bram'])],
  ['the same activity again changes nothing', (s) => contribute(nl, s, c('a1', 'anna', 'De overdracht'), 1), (s) => expect(s.answers['1']).toHaveLength(2)],
  ['a check-in is kept per member', (s) => checkEnergy(s, 'in', 'anna', 4), (s) => expect(s.energy.in).toEqual({ anna: 4 })],
  ['a second check-in replaces the first', (s) => checkEnergy(s, 'in', 'anna', 2), (s) => expect(s.energy.in).toEqual({ anna: 2 })],
  ['moving to question 3', (s) => goToQuestion(s, 2), (s) => expect(s.currentIndex).toBe(2)],
  ['attendance follows who acted', (s) => s, (s) => expect(s.attendeeIds).toEqual(['anna', 'bram'])],
  ['questions 2 and 3 are still open', (s) => s, (s) => expect(unfinishedQuestions(nl, s, false, false)).toEqual([2, 3])],
  ['closing keeps the answers', (s) => closeSession(s, new Date(start.getTime() + 30 * 60_000)), (s) => expect([s.status, s.answers['1']!.length]).toEqual(['closed', 2])],
];

describe('session rules, step by step', () => {
  let state = fresh();
  it.each(steps)('%s', (_d, act, check) => {
    state = act(state);
    check(state);
  });
});

describe('session rules that refuse', () => {
  const cases: [string, () => unknown, string][] = [
    ['a question not on the agenda', () => contribute(nl, fresh(), c('k', 'a', 'x'), 9), 'questionNotInAgenda'],
    ['an empty contribution', () => contribute(nl, fresh(), c('k', 'a', '   '), 1), 'invalidInput'],
    ['an over-long contribution', () => contribute(nl, fresh(), c('k', 'a', 'x'.repeat(2001)), 1), 'invalidInput'],
    ['an energy score of 6', () => checkEnergy(fresh(), 'in', 'a', 6), 'invalidInput'],
    ['a fractional energy score', () => checkEnergy(fresh(), 'in', 'a', 2.5), 'invalidInput'],
    ['an index past the agenda', () => goToQuestion(fresh(), 3), 'invalidInput'],
    ['writing into a closed session', () => contribute(nl, closeSession(fresh(), start), c('k', 'a', 'x'), 1), 'sessionClosed'],
  ];
  it.each(cases)('%s', (_d, act, code) => {
    expect(act).toThrow(DomainError);
    try {
      act();
    } catch (e) {
      expect((e as DomainError).code).toBe(code);
    }
  });

  it('counts down the time left and never below zero', () => {
    const s = fresh();
    expect(minutesLeft(s, start)).toBe(60);
    expect(minutesLeft(s, new Date(start.getTime() + 50 * 60_000 + 1))).toBe(10);
    expect(minutesLeft(s, new Date(start.getTime() + 90 * 60_000))).toBe(0);
  });

  it('puts carried-over questions first without doubling them', () => {
    const s = openSession({ id: 's2', groupId: 'g', cycleId: 'c', seq: 2, day: 2, questionIds: [3, 4, 5], carriedOver: [2, 3], startedAt: start, minutes: 60 });
    expect(s.questionIds).toEqual([2, 3, 4, 5]);
  });

  it('does not let personal questions hold the group back', () => {
    const s = openSession({ id: 's4', groupId: 'g', cycleId: 'c', seq: 4, day: 4, questionIds: [8, 9, 10], carriedOver: [], startedAt: start, minutes: 60 });
    expect(unfinishedQuestions(nl, s, false, false)).toEqual([8]);
  });
});
