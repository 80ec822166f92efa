import { AdaptiveCardJson, Element } from './card-kit';
import { TextBlock } from './card-elements';

/** Teams cuts a notification line short anyway; this keeps it to a glance. */
export const MAX_SUMMARY_LENGTH = 120;

/** The TextBlocks a reader sees on the card, in reading order (hidden ones are left out). */
function* visibleTextBlocks(elements: Element[]): Generator<TextBlock> {
  for (const element of elements) {
    if (element.isVisible === false) continue;
    if (element.type === 'TextBlock') yield element;
    else if (element.type === 'Container') yield* visibleTextBlocks(element.items);
  }
}

/**
 * A TextBlock's Markdown as the plain words Teams shows: a notification line renders no Markdown,
 * so `**bold**` or `[name](url)` would show their marks.
 */
function plainWords(markdown: string): string {
  return markdown
    .replace(/(?<!\\)\[([^\]]*)(?<!\\)\]\([^)]*\)/g, '$1')
    .replace(/(?<!\\)(\*\*|__)/g, '')
    // A name escaped for the card (escapeMarkdown) reads as typed: the backslashes were for Markdown.
    .replace(/\\([\\`*_[\]()#+\-.!])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cut on a word boundary, with an ellipsis, so a line never ends in half a word. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(' ');
  // One very long word (a URL, a name without spaces): cut it rather than leave nothing.
  const cut = lastSpace > max / 2 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.–-]+$/, '')}…`;
}

/**
 * The activity `summary` of a card the app sends on its own: Teams' toast, activity feed and chat
 * list show it instead of "Sent a card", and a screen reader announces it. Taken from the card
 * itself (its first heading, else its first text), so it is in the reader's language and says
 * nothing the card does not show the same reader. Undefined for a card without visible text.
 */
export function cardSummary(card: AdaptiveCardJson, max = MAX_SUMMARY_LENGTH): string | undefined {
  const blocks = [...visibleTextBlocks(card.body)];
  const first = blocks.find((b) => b.style === 'heading' && plainWords(b.text)) ?? blocks.find((b) => plainWords(b.text));
  return first ? shorten(plainWords(first.text), max) : undefined;
}

/**
 * A card as a message activity: the card alone, with its summary (no `text`, which would show in
 * the chat above the card). For every card the app sends or updates outside a reply.
 */
export function cardActivity(card: AdaptiveCardJson): Record<string, unknown> {
  const summary = cardSummary(card);
  return { type: 'message', ...(summary ? { summary } : {}), attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
}
