import type { Translate } from '../../i18n/i18n';

/**
 * Question numbers as a sentence says them: "1 tot 5" for a run of three or more, otherwise a
 * list ("1, 3 en 4"). An organisation's own framework decides which numbers there are.
 */
export function questionNumbers(ids: readonly number[], language: string, t: Translate): string {
  const sorted = [...ids].sort((a, b) => a - b);
  const run = sorted.length >= 3 && sorted.every((id, i) => i === 0 || id === sorted[i - 1]! + 1);
  if (run) return t('proposal.questionRange', { first: sorted[0], last: sorted[sorted.length - 1] });
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(sorted.map(String));
}
