import { createTranslator } from '../../src/i18n/i18n';
import { AccountabilityNote, MAX_LINK_LENGTH, MAX_NOTE_LENGTH } from '../../src/domain/verantwoording/accountability-note';
import { MAX_MANAGER_ANSWER_LENGTH } from '../../src/domain/talent-review/proposal-to-manager';
import { MAX_LO_ANSWER_LENGTH } from '../../src/domain/proposal/proposal-to-lo';
import { MAX_PERSONAL_ANSWER_LENGTH } from '../../src/domain/personal/personal-answer';
import { MAX_PROPOSAL_LENGTH } from '../../src/domain/proposal/proposal';
import { MAX_FACILITATED_LENGTH } from '../../src/domain/talent-review/review';
import { OVERVIEW_LIMITS, overviewCard, PUT_BEFORE_SHOWN } from '../../src/teams/cards/verantwoording/overview.card';
import { CycleEntry, PutBeforeEntry, VerantwoordingOverview } from '../../src/usecases/verantwoording/overview';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

/**
 * The overview in the person's own chat at its true largest: its fullest fixture in cards.test.ts
 * has no proposals put before the manager and no answers from the manager or L&O, which add
 * several texts of `answerChars` per proposal. Teams refuses a message over ~100 KB (413), and
 * the person would get an error instead of their overview; the card leaves out its oldest weeks
 * (then notes, then shortens texts) until it fits, and says so.
 */
const translator = createTranslator();
const long = (n: number, word = 'woord ') => word.repeat(Math.ceil(n / word.length)).slice(0, n);
/** document-schemas: a group's name is at most 200 characters, a manager's name as stored 512. */
const GROUP_NAME = long(200, 'Zorgteam Noord ');
const MANAGER_NAME = long(512, 'Van den Berg-Jansen ');
const WEEKS = [3, 2, 1];

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

const texts = {
  nl: { tab: 'tabblad Mijn verantwoording', copy: 'kopie van je gegevens' },
  en: { tab: 'My accountability tab', copy: 'copy of your data' },
} as const;

describe('the overview in the chat fits in a Teams message', () => {
  it.each(['nl', 'en'] as const)('at its true largest it is a valid card within the size limit, and says what it left out (%s)', (locale) => {
    const t = translator.t(locale);
    const card = overviewCard(worst, t, locale, 'Europe/Amsterdam');
    const bytes = Buffer.byteLength(JSON.stringify(card), 'utf16le');
    expect({ problems: cardProblems(card), bytes }).toEqual({ problems: [], bytes: expect.any(Number) });

    const text = cardText(card);
    const heading = (n: number) => t('verantwoording.cycle.heading', { group: GROUP_NAME, week: n });
    const shown = WEEKS.filter((n) => text.includes(heading(n)));
    // The oldest weeks go first: the newest is always there, and what is shown is the newest few.
    expect(shown).toEqual(WEEKS.slice(0, shown.length));
    expect(shown.length).toBeGreaterThanOrEqual(1);
    // How many were left out, and that the tab and the export have everything.
    if (shown.length < WEEKS.length) expect(text).toContain(t('verantwoording.cycle.more', { count: WEEKS.length - shown.length }));
    expect(text).toContain(t('verantwoording.fit.notAll'));
    expect(t('verantwoording.fit.notAll')).toContain(texts[locale].tab);
    expect(t('verantwoording.fit.notAll')).toContain(texts[locale].copy);
    // The newest note is always there (its text starts the same as every note's: its edit button names it by date).
    expect(text).toContain(t('verantwoording.notes.title'));
    expect(JSON.stringify(card)).toContain('"noteId":"note_1"');
    expect(text).not.toMatch(/verantwoording\.[a-z]+\./);
  });

  it.each(['nl', 'en'] as const)('a refused new note over the limit comes back whole on a card that still fits (%s)', (locale) => {
    const t = translator.t(locale);
    const draft = { text: long(5000), error: t('verantwoording.form.noteTooLong', { max: MAX_NOTE_LENGTH, length: 5000 }) };
    const card = overviewCard(worst, t, locale, 'Europe/Amsterdam', draft);
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain(`"value":"${draft.text}"`);
    expect(cardText(card)).toContain(t('verantwoording.fit.notAll'));
  });

  it.each(['nl', 'en'] as const)('an overview that fits as it is shows everything it did before, without the notice (%s)', (locale) => {
    const t = translator.t(locale);
    const modest: VerantwoordingOverview = {
      ...worst,
      cycles: WEEKS.map((n) => ({ ...week(n), groupName: `Team ${n}`, proposals: week(n).proposals.map((p) => ({ ...p, text: long(200), lo: undefined })), answers: week(n).answers.map((a) => ({ ...a, text: long(300) })) })),
      notes: [1, 2, 3, 4, 5].map((i) => ({ ...note(i), text: long(300), source: undefined })),
      putBefore: [],
      erasureUnfinished: undefined,
    };
    const card = overviewCard(modest, t, locale, 'Europe/Amsterdam');
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    for (const n of WEEKS) expect(text).toContain(t('verantwoording.cycle.heading', { group: `Team ${n}`, week: n }));
    for (const i of [1, 2, 3, 4, 5].slice(0, OVERVIEW_LIMITS.notes)) expect(JSON.stringify(card)).toContain(`"noteId":"note_${i}"`);
    expect(text).not.toContain(t('verantwoording.fit.notAll'));
    expect(text).not.toContain(t('verantwoording.cycle.more', { count: 1 }));
  });
});
