import { JSDOM } from 'jsdom';

/** Teams' limit for a message with a card, as our issue sets it; real cards stay far below. */
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

/** Parses a card as a 1.5 host would and returns every problem the library reports. */
export function cardProblems(card: object): string[] {
  const AC = adaptiveCards();
  const problems: string[] = [];
  const json = card as { version?: string };
  if (!json.version || Number(json.version) > 1.5) problems.push(`version ${json.version} is above 1.5`);
  const context = new AC.SerializationContext(new AC.Version(1, 5));
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  const bytes = Buffer.byteLength(JSON.stringify(card), 'utf8');
  if (bytes > MAX_CARD_BYTES) problems.push(`size ${bytes} bytes exceeds ${MAX_CARD_BYTES}`);
  return problems;
}
