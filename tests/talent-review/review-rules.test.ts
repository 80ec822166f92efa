import { phaseForConversation } from '../../src/domain/talent-review/maturity';

import { fromLegacyPhasePick, planReview, prepDueAt, proposePhase, recordFacilitated } from '../../src/domain/talent-review/review';
import { computeReport, ReportInput } from '../../src/domain/hr-report/report';

/** Weekends only: these dates fall on working days. */
const NO_HOLIDAYS = { isHoliday: () => false };
const now = new Date('2026-11-23T10:00:00Z');
const base = { managerId: 'aad-mia', reportId: 'aad-anna', reportName: 'Anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDaysBefore: 3, conversationRef: {} };

describe('planning a talentontwikkelgesprek', () => {
  it('plans a conversation and derives a stable id', () => {
    const a = planReview(base, now);
    expect(a.id).toBe(planReview(base, now).id);
    expect(a.id).not.toBe(planReview({ ...base, date: '2026-12-11' }, now).id);
  });
  it.each([
    ['a date in the past', { date: '2026-11-01' }],
    ['a date over a year ahead', { date: '2028-01-01' }],
    ['a malformed date', { date: '10-12-2026' }],
    ['an unknown time zone', { timeZone: 'Nowhere/City' }],
    ['too many days before', { prepDaysBefore: 99 }],
    ['one\'s own conversation', { reportId: 'aad-mia' }],
  ])('refuses %s', (_n, over) => {
    expect(() => planReview({ ...base, ...over }, now)).toThrow();
  });
  it('is due at 09:00 in the manager\'s time zone, the configured days before', () => {
    expect(prepDueAt(base, now, NO_HOLIDAYS).toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(prepDueAt({ ...base, timeZone: 'America/Paramaribo' }, now, NO_HOLIDAYS).toISOString()).toBe('2026-12-07T12:00:00.000Z');
    expect(prepDueAt({ ...base, date: '2026-11-24' }, now, NO_HOLIDAYS).toISOString()).toBe(now.toISOString());
  });
  it('keeps the manager\'s own accountability, within limits', () => {
    const r = planReview(base, now);
    const saved = recordFacilitated(r, { text: ' Twee uur per week vrijgeroosterd ' }, now);
    expect(saved.facilitated).toBe('Twee uur per week vrijgeroosterd');
    expect(saved.shareFacilitation).toBe(false); // HR quotes it only when the manager ticks the box
    expect(recordFacilitated(saved, { text: 'Twee uur per week vrijgeroosterd' }, now)).toBe(saved);
    const shared = recordFacilitated(saved, { text: 'Twee uur per week vrijgeroosterd', share: true }, now);
    expect(shared.shareFacilitation).toBe(true);
    // An account from before stop 31 loses the report's teams it kept for a per-team label.
    expect(recordFacilitated({ ...shared, facilitationTeams: ['Noord'] }, { text: 'Twee uur per week vrijgeroosterd', share: true }, now).facilitationTeams).toBeUndefined();
    expect(() => recordFacilitated(r, { text: '' }, now)).toThrow();
  });
  it('keeps when the account was first written through later edits; an account from before stop 50 takes its last change as its first', () => {
    const later = new Date('2027-01-04T08:00:00Z');
    const saved = recordFacilitated(planReview(base, now), { text: 'Twee uur per week vrijgeroosterd' }, now);
    expect(saved.firstFacilitatedAt).toBe(now.toISOString());
    const edited = recordFacilitated(saved, { text: 'Drie uur per week vrijgeroosterd', share: true }, later);
    expect({ first: edited.firstFacilitatedAt, last: edited.facilitatedAt }).toEqual({ first: now.toISOString(), last: later.toISOString() });
    const { firstFacilitatedAt: _none, ...legacy } = saved;
    expect(recordFacilitated(legacy, { text: 'Drie uur' }, later).firstFacilitatedAt).toBe(now.toISOString());
  });
  it('keeps the professional\'s own phase; the manager\'s proposal only sets the talking points where they chose none', () => {
    expect(phaseForConversation('actie', 'onbewust')).toEqual({ own: 'actie', proposed: 'onbewust', talkingPoints: 'actie' });
    expect(phaseForConversation(undefined, 'onbewust')).toEqual({ proposed: 'onbewust', talkingPoints: 'onbewust' });
    expect(phaseForConversation(undefined, undefined)).toEqual({});
  });
  it('moves a phase an earlier version let the manager pick into a proposal', () => {
    const legacy = { ...planReview(base, now), managerPhasePick: 'toepassen' as const };
    const moved = fromLegacyPhasePick(legacy)!;
    expect(moved).not.toHaveProperty('managerPhasePick');
    expect(moved.phaseProposal).toEqual({ phase: 'toepassen', at: legacy.createdAt });
    expect(fromLegacyPhasePick(proposePhase(planReview(base, now), 'actie', now))).toBeUndefined();
  });
});

describe('the HR report figures', () => {
  // Two groups in week 48, one in week 49; one session outside the period; one still open.
  const input: ReportInput = {
    period: { from: '2026-11-23', to: '2026-12-06' },
    asOf: '2026-12-07T12:00:00Z',
    timeZone: 'Europe/Amsterdam',
    sessionHours: 1,
    // Energy arrives as each session's published rounds: an average from three answers, or none.
    sessions: [
      { groupId: 'g1', startedAt: '2026-11-23T08:00:00Z', closedAt: '2026-11-23T09:00:00Z', status: 'closed', attendees: 4, energyIn: { closedAt: 'x', average: 4, answers: 3 }, energyOut: { closedAt: 'x' } },
      { groupId: 'g1', startedAt: '2026-11-24T08:00:00Z', closedAt: '2026-11-24T09:00:00Z', status: 'closed', attendees: 3, energyIn: { closedAt: 'x' }, energyOut: { closedAt: 'x', average: 3, answers: 3 } },
      { groupId: 'g2', startedAt: '2026-11-25T08:00:00Z', closedAt: '2026-11-25T09:00:00Z', status: 'closed', attendees: 5, energyIn: { closedAt: 'x', average: 2, answers: 4 }, energyOut: { closedAt: 'x' } },
      { groupId: 'g2', startedAt: '2026-12-01T08:00:00Z', closedAt: '2026-12-01T09:00:00Z', status: 'closed', attendees: 6, energyIn: { closedAt: 'x' }, energyOut: { closedAt: 'x' } },
      { groupId: 'g3', startedAt: '2026-12-02T08:00:00Z', status: 'open', attendees: 2, energyIn: { closedAt: 'x', average: 4, answers: 3 }, energyOut: {} },
      { groupId: 'g3', startedAt: '2026-11-01T08:00:00Z', closedAt: '2026-11-01T09:00:00Z', status: 'closed', attendees: 8, energyIn: { closedAt: 'x', average: 1, answers: 3 }, energyOut: { closedAt: 'x' } },
    ],
    proposals: [
      { groupId: 'g1', createdAt: '2026-11-25T09:00:00Z', drafted: true, ownText: false, decision: { verdict: 'adapt', at: '2026-11-25T09:30:00Z' } },
      { groupId: 'g2', createdAt: '2026-11-26T09:00:00Z', drafted: false, ownText: true, decision: { verdict: 'reject', at: '2026-11-26T09:40:00Z' } },
      { groupId: 'g3', createdAt: '2026-12-03T09:00:00Z', drafted: true, ownText: false },
      { groupId: 'g3', createdAt: '2026-10-03T09:00:00Z', drafted: true, ownText: false, decision: { verdict: 'accept', at: '2026-10-03T09:40:00Z' } },
    ],
    b3: [
      { team: 'Zorgteam Noord', closedOn: '2026-12-04', respondents: 7, scores: { boeien: 75, binden: 62.5, behouden: 50 } },
      { team: 'Zorgteam Noord', closedOn: '2026-11-27', respondents: 3 },
      { team: 'Facilitair', closedOn: '2026-06-01', respondents: 9, scores: { boeien: 80, binden: 80, behouden: 80 } },
    ],
  };
  const report = computeReport(input);

  // g3's draft of 3 December is the AI's alone (no own text, no decision): not a proposal made (stop 34).
  it('counts groups, sessions, hours and proposals by hand', () => {
    expect(report).toMatchObject({ groupsActive: 2, sessionsHeld: 4, learningHours: 18, proposalsMade: 2, proposalsValidated: 1, proposalsRejected: 1 });
  });
  it('averages energy per week from published rounds only, weighted by their answers', () => {
    // Week 48: in 4 (3 answers) and 2 (4 answers) -> 20/7 = 2.9; out 3 (3 answers). Week 49: nothing published.
    expect(report.energy).toEqual([
      { week: '2026-W48', answers: 10, averageIn: 2.9, averageOut: 3 },
      { week: '2026-W49', answers: 0, averageIn: undefined, averageOut: undefined },
    ]);
  });
  it('lists B3 trends per team in the period, without figures where a poll fell short', () => {
    expect(report.b3).toEqual([{ team: 'Zorgteam Noord', polls: [{ closedOn: '2026-11-27', respondents: 3 }, { closedOn: '2026-12-04', respondents: 7, scores: { boeien: 75, binden: 62.5, behouden: 50 } }] }]);
  });
});

describe('the maturity model in the language files', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- plain JSON fixtures
  const files = { nl: require('../../src/i18n/locales/nl/talent-review.json'), en: require('../../src/i18n/locales/en/talent-review.json') };
  it.each(['nl', 'en'] as const)('has the interventions of every phase in %s', (lang) => {
    const { INTERVENTIONS_PER_PHASE } = jest.requireActual('../../src/domain/talent-review/maturity');
    for (const [phase, count] of Object.entries(INTERVENTIONS_PER_PHASE)) {
      expect(Object.keys(files[lang].talentReview.phase[phase].interventions)).toHaveLength(count as number);
    }
  });
});
