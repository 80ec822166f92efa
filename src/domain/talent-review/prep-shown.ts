/**
 * Which of what a professional shares the prep card shows, newest first: a professional who shares
 * for a whole half-year shares more than one card can carry (Teams refuses a message beyond its
 * size). The rest is counted ("en nog N ..."), never silently dropped, and the AI summary is made
 * of exactly what is shown (prepSummaryItems), so the manager reads no AI text about items that
 * neither their card nor the professional's preview shows.
 */

/** Reflections (answers to questions 9 and 10) on one card: six weeks' worth. */
export const MAX_REFLECTIONS_SHOWN = 12;
export const MAX_NOTES_SHOWN = 10;

/** The items a card shows, and how many more there are. */
export interface Shown<T> {
  shown: T[];
  more: number;
}

function newestFirst<T>(items: T[], max: number, compare: (a: T, b: T) => number): Shown<T> {
  const sorted = [...items].sort(compare);
  return { shown: sorted.slice(0, max), more: Math.max(0, sorted.length - max) };
}

/** Compares ids by the numbers in them as numbers: a group's week 10 ("g_w10") comes after its week 9. */
const byNumbers = new Intl.Collator('en', { numeric: true });

/**
 * The reflections on the card: the most recently written or shared first (sharing an answer
 * changes its `updatedAt`); of those written or shared at the same moment, the later week and
 * question first. The id breaks the last ties, so every render and the summary pick the same ones.
 */
export function reflectionsShown<T extends { id: string; updatedAt: string; cycleId: string; questionId: number }>(answers: T[]): Shown<T> {
  return newestFirst(
    answers,
    MAX_REFLECTIONS_SHOWN,
    (a, b) => b.updatedAt.localeCompare(a.updatedAt) || byNumbers.compare(b.cycleId, a.cycleId) || b.questionId - a.questionId || a.id.localeCompare(b.id),
  );
}

/** The notes on the card: the newest first, as the professional's own overview lists them. */
export function notesShown<T extends { id: string; createdAt: string }>(notes: T[]): Shown<T> {
  return newestFirst(notes, MAX_NOTES_SHOWN, (a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
}
