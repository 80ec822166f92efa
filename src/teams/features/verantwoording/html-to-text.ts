import { decodeHTMLStrict } from 'entities';

/**
 * Character references out. Named ones by the HTML standard's whole list (`entities`, the decoder
 * htmlparser2 uses): a message from Outlook, a connector or a pasted page carries &euro; and
 * &eacute;, not only the few Teams itself writes. Numbered ones here, so one that names no
 * character (&#0;, half a surrogate pair) stays as it was typed rather than becoming U+FFFD.
 */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16)) ?? whole;
    if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10)) ?? whole;
    return decodeHTMLStrict(whole);
  });
}

function safeCodePoint(n: number): string | undefined {
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
  return String.fromCodePoint(n);
}

/** Elements whose end is a line break. */
const BLOCKS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'tr']);
/** Elements that start on a line of their own, also right after inline text. */
const LINE_STARTS = new Set(['li', 'tr', 'table', 'ul', 'ol', 'hr', 'blockquote']);
/** Elements after which the next text starts on a new line, without adding an empty one. */
const LINE_AFTER = new Set(['table', 'ul', 'ol']);
/** Table cells: apart on their row, so "Naam" and "Uren" stay two words. */
const CELLS = new Set(['td', 'th']);
const CELL_SEPARATOR = ' · ';
/** Elements dropped with their content. */
const DROPPED = new Set(['script', 'style', 'template']);
/** A tag's inside: whether it closes, its name, and the rest (attributes). */
const TAG = /^(\/?)([a-z][a-z0-9]*)([\s\S]*)$/i;

/**
 * The markup out, in one pass from left to right: every search starts where the last one ended,
 * or is known to find nothing, so the work grows with the length of the text. Markup that never
 * closes (a lone "<", an unclosed comment or script) cost a scan to the end for each opening with
 * the regular expressions this replaces, seconds on the bot's one thread for a long message.
 */
function withoutMarkup(html: string, words: HtmlToTextWords): string {
  const out: string[] = [];
  // Whether the last line written has text on it: a line start then breaks it, once.
  let lineHasText = false;
  // Set after a line of its own (an image): text that follows on the same line starts a new one first.
  let lineDue = false;
  // Text goes out as it is: a ">" in it is text ("Wachttijd > 30 minuten"); a tag's own never reaches here.
  const emit = (part: string) => {
    if (!part) return;
    if (lineDue) {
      const text = part.search(/[^ \t\r\n]/);
      const lineEnd = part.indexOf('\n');
      if (lineEnd >= 0 && (text < 0 || lineEnd < text)) lineDue = false;
      else if (text >= 0) {
        lineDue = false;
        out.push(inCell ? ' ' : '\n');
      }
    }
    out.push(part);
    const afterBreak = part.slice(part.lastIndexOf('\n') + 1);
    if (/[^ \t\r]/.test(afterBreak)) lineHasText = true;
    else if (part.includes('\n')) lineHasText = false;
  };
  let cellsInRow = 0;
  // Inside a table cell a line break would split its row (Teams puts a <p> in each cell): a space there.
  let inCell = false;
  const lineBreak = () => emit(inCell ? ' ' : '\n');
  const startLine = () => {
    if (lineHasText) lineBreak();
  };
  // The element holding a quoted reply's author (Teams marks it itemprop="mri"), while it is open.
  let authorTag: string | undefined;
  let lastClose = html.lastIndexOf('>');
  // Quote characters known to have no partner after some point: inside a tag they quote nothing.
  const unpaired = new Set<string>();
  /**
   * Where the tag that starts at `from` ends: the first ">" outside a quoted attribute value
   * (title="stap 1 > stap 2"). A quote with no partner after it is read as text from then on.
   */
  const tagEnd = (from: number): number => {
    let afterEquals = false;
    for (let j = from; j < html.length; j++) {
      const c = html[j]!;
      if (c === '>') return j;
      if ((c === '"' || c === "'") && afterEquals && !unpaired.has(c)) {
        const partner = html.indexOf(c, j + 1);
        if (partner < 0) unpaired.add(c);
        else j = partner;
      }
      if (c !== ' ' && c !== '\t' && c !== '\n') afterEquals = c === '=';
    }
    // No end outside quotes from here on: every "<" after this one is read as a lone one.
    lastClose = -1;
    return -1;
  };
  let commentsClose = true;
  const unclosed = new Set<string>();
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open < 0) {
      emit(html.slice(i));
      break;
    }
    emit(html.slice(i, open));
    if (commentsClose && html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      if (end >= 0) {
        i = end + 3;
        continue;
      }
      commentsClose = false;
    }
    const close = open < lastClose ? tagEnd(open + 1) : -1;
    if (close < 0) {
      // A lone "<": dropped, the text after it kept.
      i = open + 1;
      continue;
    }
    const tag = TAG.exec(html.slice(open + 1, close));
    i = close + 1;
    if (!tag) continue;
    const [, slash, rawName, rest] = tag;
    const name = rawName!.toLowerCase();
    if (!slash && DROPPED.has(name) && !unclosed.has(name)) {
      const end = new RegExp(`</${name}\\s*>`, 'gi');
      end.lastIndex = i;
      const found = end.exec(html);
      if (found) i = found.index + found[0].length;
      else unclosed.add(name);
    } else if (!slash && name === 'br') lineBreak();
    // Teams sends an emoji as an element with its character in `alt`, or (its older form) as an image marked as an emoji.
    else if (!slash && (name === 'emoji' || (name === 'img' && /emoji$/i.test(attribute(rest!, 'itemtype'))))) emit(attribute(rest!, 'alt'));
    // An image pasted into the message: a line that says so, else a message that is only a photo reads as nothing.
    else if (!slash && name === 'img' && words.image && /AMSImage$/i.test(attribute(rest!, 'itemtype'))) {
      startLine();
      emit(words.image);
      lineDue = true;
    }
    // A quoted reply's author on a line of their own: the quoted text follows in a <p> right after it ("Bram de BoerVraag").
    else if (!slash && rest!.includes('itemprop') && attribute(rest!, 'itemprop').toLowerCase() === 'mri') {
      startLine();
      authorTag = name;
    } else if (slash && name === authorTag) {
      authorTag = undefined;
      lineBreak();
    } else if (!slash && CELLS.has(name)) {
      // The separator (or a new row) keeps an image in the cell before apart from what follows.
      [inCell, lineDue] = [false, false];
      emit(cellsInRow++ > 0 ? CELL_SEPARATOR : '');
      inCell = true;
    } else if (!slash && LINE_STARTS.has(name)) {
      if (name === 'tr' || name === 'table') [inCell, cellsInRow] = [false, 0];
      startLine();
      if (name === 'li') emit('• ');
    } else if (slash && /^\s*$/.test(rest!)) {
      if (CELLS.has(name) || name === 'tr' || name === 'table') inCell = false;
      if (name === 'tr' || name === 'table') cellsInRow = 0;
      if (BLOCKS.has(name)) lineBreak();
      else if (LINE_AFTER.has(name)) startLine();
    }
  }
  return out.join('');
}

/** A quoted attribute's value in a tag's text, or '' when it has none. */
function attribute(tagText: string, name: string): string {
  return new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tagText)?.slice(1).find((v) => v !== undefined) ?? '';
}

/** Words in the person's language for what the markup holds that is not text. */
export interface HtmlToTextWords {
  /** The line an image pasted into the message (Teams marks it itemtype=".../AMSImage") becomes; left out without it. */
  image?: string;
}

/**
 * A Teams message body (HTML) as plain text for a note: block ends become line breaks, every
 * tag is dropped (scripts and styles with their content), entities are decoded, and blank runs
 * are collapsed. The result is only ever shown as plain text again, never as HTML.
 */
export function htmlToText(html: string, contentType = 'html', words: HtmlToTextWords = {}): string {
  if (contentType !== 'html') return html.replace(/\r\n/g, '\n').trim();
  return decodeEntities(withoutMarkup(html, words))
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
