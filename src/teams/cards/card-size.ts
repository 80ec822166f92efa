import { AdaptiveCardJson } from './card-kit';

/**
 * Teams refuses a bot message beyond about 100 KB (counted in UTF-16) with 413, and advises 80 KB
 * to be sure it arrives: beyond it the person would get no card at all. A card that can grow with
 * what people wrote keeps within 76 KB, leaving room for the activity around it.
 */
export const MAX_CARD_BYTES = 76 * 1024;

/** A card's size as Teams counts it: its JSON in UTF-16. */
export function cardBytes(card: AdaptiveCardJson): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf16le');
}

/**
 * The first card, step by step, that fits (MAX_CARD_BYTES), and the index of its step; the last
 * step's card when none does. Steps go from the fullest card to the smallest.
 */
export function firstCardThatFits<S>(steps: readonly S[], build: (step: S) => AdaptiveCardJson): { card: AdaptiveCardJson; step: number } {
  if (!steps.length) throw new Error('firstCardThatFits: no steps');
  let card: AdaptiveCardJson | undefined;
  for (let i = 0; i < steps.length; i++) {
    card = build(steps[i]!);
    if (cardBytes(card) <= MAX_CARD_BYTES) return { card, step: i };
  }
  return { card: card!, step: steps.length - 1 };
}
