import { AccountabilityNote, MAX_LINK_LENGTH, MAX_NOTE_LENGTH } from '../../src/domain/verantwoording/accountability-note';
import { MAX_MANAGER_ANSWER_LENGTH } from '../../src/domain/talent-review/proposal-to-manager';
import { MAX_LO_ANSWER_LENGTH } from '../../src/domain/proposal/proposal-to-lo';
import { MAX_PERSONAL_ANSWER_LENGTH } from '../../src/domain/personal/personal-answer';
import { MAX_PROPOSAL_LENGTH } from '../../src/domain/proposal/proposal';
import { MAX_FACILITATED_LENGTH } from '../../src/domain/talent-review/review';
import { PUT_BEFORE_SHOWN } from '../../src/teams/cards/verantwoording/overview.card';
import { CycleEntry, PutBeforeEntry, VerantwoordingOverview } from '../../src/usecases/verantwoording/overview';

/** Text of exactly n characters, made of `word` repeated. */
export type Filler = (n: number, word?: string) => string;
export const filler = (defaultWord: string): Filler => (n, word = defaultWord) => word.repeat(Math.ceil(n / word.length)).slice(0, n);

export const WEEKS = [3, 2, 1];

/**
 * The overview in the person's own chat at its true largest (every text at its limit, written with
 * `long`): the fixture of overview-fits-teams-size.test.ts and overview-fits-with-json-heavy-texts.test.ts.
 */
export function largestOverview(long: Filler) {
  // document-schemas: a group's name is at most 200 characters, a manager's name as stored 512.
  const GROUP_NAME = long(200, 'Zorgteam Noord ');
  const MANAGER_NAME = long(512, 'Van den Berg-Jansen ');
  /** One week (newest first), its one proposal (a week's proposal id is `${cycleId}_p`) shared with L&O and answered. */
  function week(n: number): CycleEntry {
    const groupId = `g${n}`;
    const cycleId = `${groupId}_w${n}`;
    return {
      groupId, groupName: GROUP_NAME, cycleId, weekNumber: n, at: `2026-11-${10 + n}T08:00:00Z`, sessionsAttended: 4, hours: 3.5, hoursCorrected: true, timeRev: 1, correctable: true, timeVisibility: 'shared', timeVisibilityRev: 2,
      proposals: [{
        id: `${cycleId}_p`, groupId, groupName: GROUP_NAME, cycleId, source: 'adaptedFromAiDraft', text: long(MAX_PROPOSAL_LENGTH), status: 'adapt', firstStep: long(1000),
        lo: { sharedAt: '2026-11-20T10:00:00Z', answer: { text: long(MAX_LO_ANSWER_LENGTH), at: '2026-11-21T10:00:00Z' } },
      }],
      answers: [9, 10].map((q) => ({ id: `pa_${n}_${q}`, questionId: q, question: 'Welke kennis en vaardigheden wil ik verder ontwikkelen, en hoe?', text: long(MAX_PERSONAL_ANSWER_LENGTH), visibility: 'shared' as const, visibilityRev: 3, updatedAt: '' })),
    };
  }

  /** Put before the manager every week: more times than the card shows, the shown ones each with the manager's answer. */
  function putBefore(n: number): PutBeforeEntry[] {
    return [0, 1, 2, 3, 4].map((i) => ({
      proposalId: `g${n}_w${n}_p`, groupId: `g${n}`, managerName: MANAGER_NAME, sentAt: `2026-11-2${i}T10:00:00Z`,
      ...(i < 5 - PUT_BEFORE_SHOWN ? { undelivered: true as const } : { answer: { text: long(MAX_MANAGER_ANSWER_LENGTH), at: `2026-11-2${i}T12:00:00Z` } }),
    }));
  }

  function note(i: number): AccountabilityNote {
    return { id: `note_${i}`, type: 'note', userId: 'u', text: long(MAX_NOTE_LENGTH), visibility: 'shared', source: { kind: 'message', link: `https://teams.microsoft.com/l/message/${long(MAX_LINK_LENGTH - 40, 'x')}` }, rev: 3, createdAt: `2026-11-${20 - i}T10:00:00Z`, updatedAt: '' };
  }

  const worst: VerantwoordingOverview = {
    userId: 'u',
    profTraject: { id: 'pt', type: 'profTraject', userId: 'u', learningNeeds: long(4000), talents: long(4000), plannedWeeks: 20, maturityPhase: 'actie', visibility: 'shared', createdAt: '', updatedAt: '' },
    trajectProgress: { activeWeeks: 12, plannedWeeks: 20 },
    cycles: WEEKS.map(week),
    notes: [1, 2, 3, 4, 5].map(note),
    totals: { cycles: 3, sessions: 12, hours: 10.5, notes: 5 },
    granted: { hours: 80, hoursPerWeek: 4, weeks: 20, weeksFrom: 'traject' },
    conversations: [1, 2, 3].map((i) => ({ reviewId: `r${i}`, date: `2026-0${i}-10`, held: true, phaseProposal: { phase: 'actie' as const, at: '' }, facilitated: { text: long(MAX_FACILITATED_LENGTH) } })),
    putBefore: WEEKS.flatMap(putBefore),
    erasureUnfinished: true,
  };
  return { GROUP_NAME, MANAGER_NAME, week, putBefore, note, worst };
}
