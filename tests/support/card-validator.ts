import { JSDOM } from 'jsdom';

/**
 * Teams' size limit for a bot message is about 100 KB, counted in UTF-16, and Microsoft advises
 * keeping a message within 80 KB to be sure it is delivered ("Format your bot messages"; beyond it
 * the bot gets 413 MessageSizeTooBig). Measured here as the card's JSON in UTF-16 (two bytes per
 * code unit: twice its UTF-8 size for plain text), against the advised 80 KB. The 28 KB figure
 * seen elsewhere is the Workflows connector's, not a bot's.
 */
export const MAX_CARD_BYTES = 80 * 1024;

type AC = typeof import('adaptivecards');
let lib: AC | undefined;

/**
 * The `adaptivecards` renderer library needs a DOM even to parse; its ESM build doesn't load in
 * Node, so the UMD bundle is loaded under a jsdom window.
 */
function adaptiveCards(): AC {
  if (lib) return lib;
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  const g = globalThis as Record<string, unknown>;
  for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'self']) {
    if (g[key] === undefined) g[key] = key === 'window' || key === 'self' ? dom.window : (dom.window as unknown as Record<string, unknown>)[key];
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the UMD bundle has no typed entry
  lib = require('adaptivecards/dist/adaptivecards.js') as AC;
  return lib;
}

/** Every element in a card's JSON (body, containers, columns, actions' cards...), depth first. */
function elementsOf(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((n) => elementsOf(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string') out.push(o);
    for (const v of Object.values(o)) elementsOf(v, out);
  }
  return out;
}

const UNKNOWN_TYPE = /^Unknown element type "([^"]+)"\. Fallback will be used if present\.$/;

/**
 * Host-specific elements (Teams' Chart.* elements) are unknown to the library. Such an element is
 * accepted when it carries a `fallback` (an element, or "drop") for hosts without it; the library
 * then checks the fallback itself. Without a fallback it stays a problem.
 */
function unknownWithFallback(card: object, message: string): boolean {
  const type = UNKNOWN_TYPE.exec(message)?.[1];
  if (!type) return false;
  const uses = elementsOf((card as { body?: unknown }).body).filter((e) => e.type === type);
  return uses.length > 0 && uses.every((e) => e.fallback === 'drop' || (typeof e.fallback === 'object' && e.fallback !== null && typeof (e.fallback as { type?: unknown }).type === 'string'));
}

const CONTAINERS = new Set(['Container', 'ColumnSet', 'Column']);
/** Light text colours that wash out on any tinted background, in Teams' light and dark themes. */
const LIGHT_COLOURS = new Set(['Good', 'Warning', 'Accent', 'Light']);

/**
 * Coloured text on a styled (tinted) container is hard to read: light green on pale green, dark
 * yellow on pale yellow. Text there keeps the default colour; only an error's red stays allowed on
 * the neutral grey of `emphasis`, so a refused field still stands out next to its input.
 */
function lowContrastText(node: unknown, style?: string, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => lowContrastText(n, style, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const tint = CONTAINERS.has(o.type as string) && typeof o.style === 'string' && o.style !== 'default' ? o.style : style;
    const colour = o.color as string | undefined;
    if ((o.type === 'TextBlock' || o.type === 'TextRun') && tint && colour && colour !== 'Default') {
      if (LIGHT_COLOURS.has(colour) || tint !== 'emphasis') out.push(`contrast: ${colour} text "${String(o.text).slice(0, 40)}" on a ${tint} container`);
    }
    for (const [key, v] of Object.entries(o)) if (key !== 'fallback') lowContrastText(v, tint, out);
  }
  return out;
}

/** Parses a card as a 1.5 host would and returns every problem the library reports, and low-contrast text. */
/**
 * A text input whose value is longer than its maxLength: a client may cut the value to it, so a
 * text refused as too long would come back cut while the reason next to it gives its length.
 */
function inputsShorterThanTheirText(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap(inputsShorterThanTheirText);
  const e = node as { type?: unknown; id?: unknown; value?: unknown; maxLength?: unknown };
  const own = e.type === 'Input.Text' && typeof e.value === 'string' && typeof e.maxLength === 'number' && e.value.length > e.maxLength ? [`input ${String(e.id)}: value of ${e.value.length} characters in maxLength ${e.maxLength}`] : [];
  return [...own, ...Object.entries(node).filter(([k]) => k !== 'data').flatMap(([, v]) => inputsShorterThanTheirText(v))];
}

export function cardProblems(card: object): string[] {
  const AC = adaptiveCards();
  const problems: string[] = [];
  const json = card as { version?: string };
  if (!json.version || Number(json.version) > 1.5) problems.push(`version ${json.version} is above 1.5`);
  const context = new AC.SerializationContext(new AC.Version(1, 5));
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const message = context.getEventAt(i).message;
    if (!unknownWithFallback(card, message)) problems.push(`parse: ${message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  problems.push(...lowContrastText((card as { body?: unknown }).body));
  problems.push(...inputsShorterThanTheirText((card as { body?: unknown }).body));
  const bytes = Buffer.byteLength(JSON.stringify(card), 'utf16le');
  if (bytes > MAX_CARD_BYTES) problems.push(`size ${bytes} bytes (UTF-16) exceeds ${MAX_CARD_BYTES}`);
  return problems;
}
