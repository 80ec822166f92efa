/**
 * The text of a plain number, as a card's Input.Number and ChoiceSet send it and as a person types
 * it into the tab: no "0x10", "1e3" or "Infinity". A decimal comma is a decimal point ("1,5" is
 * 1.5, as a Dutch person types it); a comma or full stop before exactly three digits ("1,000",
 * "1.000": a thousand in Dutch) could be a thousands separator, so it is no number here. A full
 * stop before four or more digits is a decimal point ("0.1234"). One rule for the chat cards and
 * the personal tab (whose bundle takes this file), so both read the same text as the same figure.
 */
const NUMBER_TEXT = /^\s*(-?\d+)(?:[.,](\d{1,2})|\.(\d{4,}))?\s*$/;

/** The number a text stands for (see NUMBER_TEXT); undefined for any other text. */
export function numberFromText(text: string): number | undefined {
  const m = NUMBER_TEXT.exec(text);
  if (!m) return undefined;
  const decimals = m[2] ?? m[3];
  return Number(decimals === undefined ? m[1] : `${m[1]}.${decimals}`);
}
