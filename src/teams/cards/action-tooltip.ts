import { Action } from './card-kit';

/** How much of an item's own text a button's tooltip quotes: enough to tell two items apart. */
export const TOOLTIP_SNIPPET_CHARS = 30;

/**
 * A button that recurs per item on one card ("Verwijderen" under every note), named after the item
 * it acts on. A screen reader's list of buttons and Teams mobile's overflow menu give a button
 * alone, without the text above it; Adaptive Cards 1.5's `tooltip` is what renderers read as the
 * button's name (the reference renderer makes it the aria-label), while the visible title stays
 * short. The classic Submit fallback does not carry it: a host without Action.Execute (1.4) has
 * no tooltips (1.5) either, and the copy would only cost card bytes. A tooltip that quotes a
 * person's own text goes only on cards in their own chat: it is read aloud wherever the card is.
 */
export function namingItem<A extends Action>(action: A, tooltip: string): A {
  return { ...action, tooltip };
}

/** The start of an item's text for a tooltip, on one line: "Eerste notitie over plannen in…". */
export function snippet(text: string, max = TOOLTIP_SNIPPET_CHARS): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The names of a list's items as its buttons read them, each different: a name that repeats one
 * before it (two notes of one day that begin alike) gets its number in the list of such, "… (2)".
 */
export function readApart(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}
