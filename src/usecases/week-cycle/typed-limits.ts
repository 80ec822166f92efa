import { DomainError } from '../../domain/shared/errors';
import { overLimit, trimText } from '../../domain/shared/text';

/** Words a member typed on the session card, with the limit the domain holds them to (`field`: the domain's name of the input). */
export interface TypedWords {
  field: string;
  text: string;
  max: number;
}

/**
 * Refuses the first of `words` over its limit, counted as the domain counts it (characters as they
 * show, `overLimit`, on the text as it would be stored), before anything is read: a too-long text is
 * refused next to its field also after the session closed (the closed card shows it with the reason)
 * and while the store is down (the refused form, not the store's error card), as the card's payload
 * check did when it bounded these words itself. The domain checks them again where it stores them.
 */
export function refuseOverLimit(...words: TypedWords[]): void {
  for (const { field, text, max } of words) {
    const count = overLimit(trimText(text), max);
    if (count) throw new DomainError('invalidInput', { detail: `${field} length`, input: { field, rule: 'tooLong', params: { max, count } } });
  }
}
