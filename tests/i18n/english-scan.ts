/** Shared by the English-parity tests (stop 52): every shown string of an activity or card, scanned for Dutch. */

/** Words that cannot be English. */
export const DUTCH = /(?<![\p{L}'])(je|jouw|jij|jullie|het|een|niet|wordt|gesprek|week van|voor|naar|zijn|deze|geen|onze|kun|bekijk\w*|opslaan|verstuur\w*|annuleer|aanvraag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|januari|februari|maart|mei|juni|juli|augustus|oktober|dagen|weken|uur|ook|nog|wel|maar|dat|wat|wie|hoe|waar|wanneer|mijn|leidinggevende|groep|vraag|vragen|klik|hier|alle|iedereen|samen|gedeeld|delen|verwijder\w*|medewerker\w*|aanbod|voorstel\w*|antwoord\w*|stap|eerste|volgende|sessie|dag \d|terug|bewaar\w*|opgeslagen|gestart|gesloten)(?![\p{L}])/iu;
/** Keys whose string values are never shown (ids, verbs, data sent back). */
const HIDDEN = new Set(['id', 'verb', 'type', 'version', '$schema', 'data', 'url', 'iconUrl', 'style', 'color', 'size', 'weight', 'spacing', 'horizontalAlignment', 'width', 'height', 'mode', 'associatedInputs', 'msteams', 'conversation', 'from', 'recipient', 'channelData', 'serviceUrl', 'replyToId', 'contentType', 'textFormat', 'locale', 'inputHint', 'value_', 'channelId', 'imageSize', 'targetElements', 'fallback_', 'entities', 'isRequired']);

/** Every shown string of an activity or card, with the path it sits at. */
export function shownStrings(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (Array.isArray(node)) return node.flatMap((n, i) => shownStrings(n, `${path}[${i}]`));
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    // Choice values are data; their titles are shown.
    return Object.entries(o).flatMap(([k, v]) => (HIDDEN.has(k) || (k === 'value' && o.type !== 'Input.Text' && typeof o.title === 'string') ? [] : shownStrings(v, `${path}.${k}`)));
  }
  return [];
}

/** Dutch found in the shown strings, as "path: word in …text…". */
export function dutchIn(node: unknown, allow: RegExp = /$^/): string[] {
  return shownStrings(node).flatMap(([p, s]) => {
    const clean = s.replace(allow, '');
    const m = clean.match(DUTCH);
    return m ? [`${p}: "${m[0]}" in ${clean.slice(Math.max(0, (m.index ?? 0) - 50), (m.index ?? 0) + 50)}`] : [];
  });
}

/** The product's own names and the test's group name. */
export const NAMES = /Team Zorg|Vitale Weekcyclus|B3-spiegel|Prof-traject/g;
