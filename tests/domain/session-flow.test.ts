import { loadFrameworks } from '../../src/framework/load-frameworks';
import { DomainError } from '../../src/domain/shared/errors';
import { energySummary } from '../../src/domain/week-cycle/energy';
import { attendeeIds, checkIn, closeSession, contribute, goToQuestion, minutesLeft, openSession, Session, SessionState, sharedAnswer, sharedAnswers, unfinishedQuestions } from '../../src/domain/week-cycle/session';
import { defaultSchedule, Group } from '../../src/domain/week-cycle/group';

const { nl } = loadFrameworks({});
const start = new Date('2026-11-23T08:00:00Z');
const group: Group = { id: 'g', conversationId: 'c', conversationKind: 'groupChat', name: 'G', members: [], schedule: defaultSchedule('Europe/Amsterdam'), language: 'nl', plannedWeeks: 20, conversationRef: {}, cyclesStarted: 1, createdBy: 'a', createdAt: start.toISOString() };
const fresh = (over: Partial<Session> = {}): SessionState => ({
  group,
  session: { ...openSession({ id: 'g_w1_s1', groupId: 'g', cycleId: 'g_w1', seq: 1, day: 1, questionIds: [1, 2, 3], carriedOver: [], startedAt: start, minutes: 60 }), ...over },
  contributions: [],
  checkIns: [],
  presence: [],
  judgements: [],
});
const c = (key: string, authorId: string, text: string, questionId = 1) => ({ key, questionId, authorId, authorName: authorId.toUpperCase(), text, at: start.toISOString() });
const later = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

/** Applies what a rule returns to the state, as the use cases do after storing it. */
const add = (s: SessionState, doc: ReturnType<typeof contribute> | ReturnType<typeof checkIn>): SessionState =>
  doc.type === 'contribution' ? { ...s, contributions: s.contributions.some((x) => x.id === doc.id) ? s.contributions : [...s.contributions, doc] } : { ...s, checkIns: s.checkIns.some((x) => x.id === doc.id) ? s.checkIns : [...s.checkIns, doc] };

type Step = [description: string, act: (s: SessionState) => SessionState, expect: (s: SessionState) => void];

/** The session rules as a table of steps: each acts on the result of the one before. */
const steps: Step[] = [
  ['anna adds to question 1', (s) => add(s, contribute(nl, s, c('k1', 'anna', ' De overdracht '))), (s) => expect(s.contributions.map((x) => [x.authorId, x.text])).toEqual([['anna', 'De overdracht']])],
  ['bram adds to question 1', (s) => add(s, contribute(nl, s, c('k1', 'bram', 'Op maandag'))), (s) => expect(s.contributions.map((x) => x.authorId)).toEqual(['anna', 'bram'])],
  ['the same press again is the same document', (s) => add(s, contribute(nl, s, c('k1', 'anna', 'De overdracht'))), (s) => expect(s.contributions).toHaveLength(2)],
  ['a new text on the same card is a new contribution', (s) => add(s, contribute(nl, s, c('k1', 'anna', 'En de avond'))), (s) => expect(s.contributions).toHaveLength(3)],
  ['a check-in is kept per member', (s) => add(s, checkIn(s, 'in', 'anna', 4, start.toISOString())), (s) => expect(s.checkIns.map((x) => [x.memberId, x.score])).toEqual([['anna', 4]])],
  ['a second check-in keeps the first', (s) => add(s, checkIn(s, 'in', 'anna', 2, start.toISOString())), (s) => expect(s.checkIns.map((x) => x.score)).toEqual([4])],
  ['two more check-ins', (s) => add(add(s, checkIn(s, 'in', 'bram', 2, start.toISOString())), checkIn(s, 'in', 'cem', 3, start.toISOString())), (s) => expect(s.checkIns).toHaveLength(3)],
  ['while the check-in is open, nothing is published', (s) => s, (s) => expect(energySummary(s.session.energy.in)).toEqual({ status: 'open' })],
  ['moving to question 3 closes the check-in and publishes its average', (s) => ({ ...s, session: goToQuestion(s, 2, later(5)) }), (s) => expect([s.session.currentIndex, energySummary(s.session.energy.in)]).toEqual([2, { status: 'published', average: 3 }])],
  ['a late check-in is kept for the member but changes no published figure', (s) => add(s, checkIn(s, 'in', 'dewi', 5, later(6).toISOString())), (s) => expect([s.checkIns.length, energySummary(s.session.energy.in)]).toEqual([4, { status: 'published', average: 3 }])],
  ['moving back and forth never publishes again', (s) => ({ ...s, session: goToQuestion({ ...s, session: goToQuestion(s, 0, later(7)) }, 1, later(8)) }), (s) => expect(s.session.energy.in).toEqual({ closedAt: later(5).toISOString(), average: 3, answers: 3 })],
  ['attendance follows who checked in or wrote', (s) => s, (s) => expect(attendeeIds(s).sort()).toEqual(['anna', 'bram', 'cem', 'dewi'])],
  ['questions 2 and 3 are still open', (s) => s, (s) => expect(unfinishedQuestions(nl, s, false, false)).toEqual([2, 3])],
  ['closing keeps the answers and closes the last round with too few answers', (s) => ({ ...s, session: closeSession(s, later(30)) }), (s) => expect([s.session.status, s.contributions.length, energySummary(s.session.energy.out)]).toEqual(['closed', 3, { status: 'tooFew' }])],
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
    ['a question not on the agenda', () => contribute(nl, fresh(), c('k', 'a', 'x', 9)), 'questionNotInAgenda'],
    ['an empty contribution', () => contribute(nl, fresh(), c('k', 'a', '   ')), 'invalidInput'],
    ['an over-long contribution', () => contribute(nl, fresh(), c('k', 'a', 'x'.repeat(2001))), 'invalidInput'],
    ['an energy score of 6', () => checkIn(fresh(), 'in', 'a', 6, start.toISOString()), 'invalidInput'],
    ['a fractional energy score', () => checkIn(fresh(), 'in', 'a', 2.5, start.toISOString()), 'invalidInput'],
    ['an index past the agenda', () => goToQuestion(fresh(), 3, start), 'invalidInput'],
    ['writing into a closed session', () => contribute(nl, fresh({ status: 'closed' }), c('k', 'a', 'x')), 'sessionClosed'],
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
    const s = fresh().session;
    expect(minutesLeft(s, start)).toBe(60);
    expect(minutesLeft(s, new Date(start.getTime() + 50 * 60_000 + 1))).toBe(10);
    expect(minutesLeft(s, new Date(start.getTime() + 90 * 60_000))).toBe(0);
  });

  it('puts carried-over questions first without doubling them', () => {
    const s = openSession({ id: 's2', groupId: 'g', cycleId: 'c', seq: 2, day: 2, questionIds: [3, 4, 5], carriedOver: [2, 3], startedAt: start, minutes: 60 });
    expect(s.questionIds).toEqual([2, 3, 4, 5]);
  });

  it('does not let personal questions hold the group back', () => {
    const s = fresh({ day: 4, questionIds: [8, 9, 10] });
    expect(unfinishedQuestions(nl, s, false, false)).toEqual([8]);
  });
});

describe('shared answers in time order', () => {
  const item = (id: string, questionId: number, at: string) => ({ id, type: 'contribution' as const, groupId: 'g', cycleId: 'g_w1', sessionId: 'g_w1_s1', questionId, authorId: 'a', authorName: 'A', text: id, at });
  // Stored in arrival order, which is not time order (two instances, a retried create).
  const contributions = [
    item('late', 1, '2026-11-23T08:10:00.000Z'),
    item('other', 2, '2026-11-23T08:01:00.000Z'),
    item('early', 1, '2026-11-23T08:00:59.999Z'),
    item('middle', 1, '2026-11-23T08:05:00.000Z'),
  ];

  it('lists each question oldest first, in one pass as per question', () => {
    const all = sharedAnswers({ contributions });
    expect(all.get(1)!.map((x) => x.id)).toEqual(['early', 'middle', 'late']);
    expect(all.get(2)!.map((x) => x.id)).toEqual(['other']);
    expect(sharedAnswer({ contributions }, 1)).toEqual(all.get(1));
    expect(all.has(3)).toBe(false);
  });

  it('keeps the stored order of answers made at the same moment, whether or not the rest needs sorting', () => {
    const same = '2026-11-23T08:02:00.000Z';
    const inOrder = [item('first', 1, same), item('second', 1, same), item('third', 1, '2026-11-23T08:03:00.000Z')];
    expect(sharedAnswers({ contributions: inOrder }).get(1)!.map((x) => x.id)).toEqual(['first', 'second', 'third']);
    expect(sharedAnswers({ contributions: [inOrder[2]!, ...inOrder.slice(0, 2)] }).get(1)!.map((x) => x.id)).toEqual(['first', 'second', 'third']);
  });
});
