import { createTranslator } from '../../src/i18n/i18n';
import { AccountabilityNote, MAX_NOTE_LENGTH } from '../../src/domain/verantwoording/accountability-note';
import { eraseConfirmCard, erasedCard, myDataCard } from '../../src/teams/cards/verantwoording/my-data.card';
import { deletedNoteCard, noteEditCard } from '../../src/teams/cards/verantwoording/note-edit.card';
import { storedCard } from '../../src/teams/cards/verantwoording/stored.card';
import { overviewCard } from '../../src/teams/cards/verantwoording/overview.card';
import { profTrajectCard } from '../../src/teams/cards/verantwoording/prof-traject.card';
import { proposalResultCard } from '../../src/teams/cards/verantwoording/proposal-result.card';
import { saveNoteDialogCard } from '../../src/teams/cards/verantwoording/save-note-dialog.card';
import { MAX_DIALOG_TEXT } from '../../src/teams/features/verantwoording/message-extension';
import { timeEditCard } from '../../src/teams/cards/verantwoording/time-edit.card';
import { errorCard } from '../../src/teams/cards/error.card';
import { CycleEntry, VerantwoordingOverview } from '../../src/usecases/verantwoording/overview';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

const translator = createTranslator();
const long = (n: number, word = 'woord ') => word.repeat(Math.ceil(n / word.length)).slice(0, n);

function note(i: number): AccountabilityNote {
  return { id: `note_${i}`, type: 'note', userId: 'u', text: long(MAX_NOTE_LENGTH), visibility: i % 2 ? 'shared' : 'private', source: { kind: 'message', link: `https://teams.microsoft.com/l/message/${i}` }, rev: 3, createdAt: `2026-11-2${i}T10:00:00Z`, updatedAt: '' };
}

function cycle(i: number): CycleEntry {
  return {
    groupId: `g${i}`, groupName: '**Team** [Zorg](https://evil.example)', cycleId: `g${i}_w${i}`, weekNumber: i, at: '2026-11-23T08:00:00Z', sessionsAttended: 4, hours: 3.5, hoursCorrected: true, timeRev: 1, correctable: true, timeVisibility: 'shared',
    proposals: [{ id: 'p', groupId: `g${i}`, groupName: 'Team Zorg', cycleId: `g${i}_w${i}`, source: 'decision', text: long(4000), status: 'adapt', firstStep: long(1000) }],
    answers: [9, 10].map((q) => ({ id: `pa_${i}_${q}`, questionId: q, question: 'Welke kennis en vaardigheden wil ik verder ontwikkelen, en hoe?', text: long(4000), visibility: 'private' as const, updatedAt: '' })),
  };
}

const fullest: VerantwoordingOverview = {
  userId: 'u',
  profTraject: { id: 'pt', type: 'profTraject', userId: 'u', learningNeeds: long(2000), talents: long(2000), plannedWeeks: 20, visibility: 'private', createdAt: '', updatedAt: '' },
  cycles: [1, 2, 3, 4, 5, 6].map(cycle),
  notes: [1, 2, 3, 4, 5, 6, 7, 8].map(note),
  totals: { cycles: 6, sessions: 24, hours: 21, notes: 8 },
  granted: { hours: 80, hoursPerWeek: 4, weeks: 20, weeksFrom: 'traject' },
  // The manager's side at its fullest: every conversation with a proposal and a long account.
  conversations: [1, 2, 3, 4].map((i) => ({ reviewId: `r${i}`, date: `2026-0${i}-10`, held: true, phaseProposal: { phase: 'actie' as const, at: '' }, facilitated: { text: long(2000) } })),
};

describe('verantwoording cards', () => {
  it.each(['nl', 'en'] as const)('the fullest overview stays a valid card within the size limit (%s)', (locale) => {
    const card = overviewCard(fullest, translator.t(locale), locale, 'Europe/Amsterdam');
    expect(cardProblems(card)).toEqual([]);
    // Six weeks, three on the card (OVERVIEW_LIMITS.cycles; four before stop 50, when every repeated button got its tooltip).
    expect(cardText(card)).toContain(locale === 'nl' ? '3 eerdere weken staan in het tabblad Mijn verantwoording.' : '3 earlier weeks are in the My accountability tab.');
    expect(cardText(card)).toContain(locale === 'nl' ? '3 oudere notities staan in het tabblad Mijn verantwoording.' : '3 older notes are in the My accountability tab.');
  });

  it('shows user text as plain text runs, never as Markdown', () => {
    const json = JSON.stringify(overviewCard(fullest, translator.t('nl'), 'nl', 'Europe/Amsterdam'));
    expect(json).toContain('{"type":"TextRun","text":"**Team** [Zorg](https://evil.example) · week 1"');
    expect(json).not.toMatch(/"type":"TextBlock","text":"\*\*Team/);
  });

  // "Mijn gegevens" listed everything its export holds except the B3-spiegel polls one started (stop 39).
  it.each([['nl', /B3-spiegel/], ['en', /B3 mirror/]] as const)('"my data" says what a B3-spiegel poll one started keeps (%s)', (locale, name) => {
    const text = cardText(myDataCard(translator.t(locale)));
    expect(text).toMatch(name);
  });

  it.each(['nl', 'en'] as const)('every other card is valid (%s)', (locale) => {
    const t = translator.t(locale);
    const cards = [
      overviewCard({ userId: 'u', cycles: [], notes: [], totals: { cycles: 0, sessions: 0, hours: 0, notes: 0 }, granted: { hours: 80, hoursPerWeek: 4, weeks: 20, weeksFrom: 'default' }, conversations: [] }, t, locale, 'Europe/Amsterdam'),
      noteEditCard(note(1), t),
      // A conflict at its largest: the typed text over the limit next to the longest stored one.
      noteEditCard(note(2), t, { changedElsewhere: { text: long(5000) } }),
      deletedNoteCard({ text: long(5000), key: 'k-1', error: t('verantwoording.form.noteTooLong', { max: MAX_NOTE_LENGTH, length: 5000 }) }, t),
      storedCard(t),
      timeEditCard(cycle(1), t, locale),
      profTrajectCard(undefined, t),
      profTrajectCard(fullest.profTraject, t),
      profTrajectCard({ ...fullest.profTraject!, maturityPhase: 'actie', rev: 4 }, t, 20, { values: { learningNeeds: long(5000), talents: long(5000), weeks: 12, rev: 3 }, errors: {}, changedElsewhere: true }),
      myDataCard(t),
      eraseConfirmCard(t),
      erasedCard(t),
      errorCard({ code: 'notFound', place: 'verantwoording' }, t),
      errorCard({ code: 'unexpected', place: 'verantwoording' }, t),
      errorCard({ code: 'groupSize', place: 'verantwoording' }, t),
      saveNoteDialogCard({ text: long(MAX_NOTE_LENGTH), link: 'https://teams.microsoft.com/l/message/1', problem: t('verantwoording.error.invalidInput') }, t),
      // The longest text the dialog shows again, cut from a longer one.
      saveNoteDialogCard({ text: long(MAX_DIALOG_TEXT), link: 'https://teams.microsoft.com/l/message/1', problem: t('verantwoording.form.noteTooLong', { max: MAX_NOTE_LENGTH, length: 25_000 }), cut: true }, t),
      proposalResultCard({ ...cycle(1).proposals[0]!, createdAt: '2026-11-20T10:00:00Z', hasFirstStep: true }, t, locale, 'Europe/Amsterdam'),
    ];
    expect(cards.flatMap((c) => cardProblems(c))).toEqual([]);
    for (const c of cards) expect(cardText(c)).not.toMatch(/verantwoording\.[a-z]+\./);
  });
});
