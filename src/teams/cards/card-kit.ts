import { numberFromText } from '../../domain/shared/number-text';
import { cutWhole } from '../../domain/shared/text';
import { CardData, VERBS, VerbName } from '../verbs';
import { Action, ActionSet, Container, ExecuteAction, Element, FactSet, Input, RichTextBlock, TextBlock, TextRun } from './card-elements';

export type { Action, Element, Input, RichTextBlock } from './card-elements';

/** An Adaptive Card as JSON, built from the typed elements; the schema test checks the rest. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  $schema?: string;
  version: '1.5';
  body: Element[];
  actions?: Action[];
  refresh?: { action: ExecuteAction; userIds?: string[] };
  msteams?: { width: 'Full' };
}

/** An element's own properties, for the helpers below: everything but its type and content. */
type Options<E, Content extends keyof E> = Omit<E, 'type' | Content>;

/** Teams refreshes a card automatically for at most this many listed users. */
export const MAX_REFRESH_USERS = 60;

/*
 * The helpers below build each element on an empty object (`{}`, filled in field by field) rather
 * than as an object literal with its fields, and their lists with `list` rather than `[...]`: the
 * same JSON, key for key in the same order, and plain objects as before. Why: V8 follows where each
 * object or array literal allocates (its allocation site), and once it has seen one site's objects
 * outlive a minor collection, it allocates all that site's later objects in the old generation
 * ("pretenuring"), for the life of the process. The first cards a process builds, slowly, in cold
 * code, do outlive one; after that every element of every card was born old (found at stop 58:
 * nearly all of the answer turn's card). An old card costs a write barrier per field that points to
 * a fresh string or element, and its remembered slots keep everything it points to alive through
 * every scavenge until a full mark-sweep, so a dead card's young strings and elements are copied,
 * promoted, and swept too. An empty object literal and a rest parameter have no allocation site,
 * so these stay young and die in the scavenge that costs nothing for them.
 */

/** The items as a new array, without an allocation site (see above): for a card's lists. */
export function list<T>(...items: T[]): T[] {
  return items;
}

export function adaptiveCard(body: Element[], actions: Action[] = [], extra: Partial<AdaptiveCardJson> = {}): AdaptiveCardJson {
  const card = {} as AdaptiveCardJson;
  card.type = 'AdaptiveCard';
  card.$schema = 'http://adaptivecards.io/schemas/adaptive-card.json';
  card.version = '1.5';
  card.body = body;
  if (actions.length) card.actions = actions;
  const msteams = {} as NonNullable<AdaptiveCardJson['msteams']>;
  msteams.width = 'Full';
  card.msteams = msteams;
  // Assigned as a spread defined them: a key already set keeps its place (see `extended`).
  return Object.assign(card, extra);
}

export function textBlock(text: string, opts: Options<TextBlock, 'text'> = {}): TextBlock {
  const block = {} as TextBlock;
  block.type = 'TextBlock';
  block.text = text;
  block.wrap = true;
  return Object.assign(block, opts);
}

const HEADING: Options<TextBlock, 'text'> = Object.freeze({ size: 'Large', weight: 'Bolder', style: 'heading' });
const SUBTLE: Options<TextBlock, 'text'> = Object.freeze({ isSubtle: true, size: 'Small', spacing: 'None' });

export function heading(text: string): TextBlock {
  return textBlock(text, HEADING);
}

export function subtle(text: string): TextBlock {
  return textBlock(text, SUBTLE);
}

/** Set only while `forActionExecuteClient` builds a card: its actions need no Submit fallback. */
let executeClientOnly = false;

/**
 * Builds a card that answers an Action.Execute press (the invoke's response): it is shown only by
 * the client that sent the press, which has Universal Actions, so its actions go without their
 * Action.Submit fallbacks (about a fifth of a session card's bytes, built and sent on every answer).
 * A card posted or updated in a chat (seen by every member's client, older ones too) must not be
 * built in here. `build` runs synchronously: nothing else builds a card while the flag is set.
 */
export function forActionExecuteClient<T>(build: () => T): T {
  const outer = executeClientOnly;
  executeClientOnly = true;
  try {
    return build();
  } finally {
    executeClientOnly = outer;
  }
}

/**
 * Universal Action with a classic Submit fallback for hosts without Action.Execute. Both carry
 * the verb, so one set of handlers serves either path. (Without the fallback inside
 * `forActionExecuteClient`.)
 */
export function execute<V extends VerbName>(title: string, name: V, data: CardData<V>, opts: { style?: 'positive' | 'destructive'; associatedInputs?: 'auto' | 'none' } = {}): ExecuteAction {
  const verb = VERBS[name].verb;
  const action = {} as ExecuteAction;
  action.type = 'Action.Execute';
  action.title = title;
  action.verb = verb;
  action.data = data;
  if (opts.style) action.style = opts.style;
  action.associatedInputs = opts.associatedInputs ?? 'auto';
  if (!executeClientOnly) action.fallback = { type: 'Action.Submit', title, data: extended(data, { verb }) };
  return action;
}

/**
 * `{ ...object, ...more }`: the same keys in the same order, without V8's slow path. On Node 20 a
 * literal that starts with a spread and then adds a key the source lacks builds a new hidden class
 * on every call (about 1.3 µs, against 0.1 this way), and a session card has a dozen of them on
 * every answer. For the app's own plain objects: Object.assign sets where a spread defines, which
 * differs only for a `__proto__` key or a setter, and none of these has one.
 */
export function extended<T extends object, U extends object>(object: T, more: U): T & U {
  return Object.assign({}, object, more);
}

export function actionSet(actions: Action[], opts: Options<ActionSet, 'actions'> = {}): ActionSet {
  const set = {} as ActionSet;
  set.type = 'ActionSet';
  set.actions = actions;
  return Object.assign(set, opts);
}

/**
 * User and AI text as a TextRun, which Adaptive Cards never read as Markdown: it shows exactly
 * as typed, with no links or formatting smuggled in.
 */
export function plainText(text: string, opts: Options<TextRun, 'text'> = {}): RichTextBlock {
  return richText(textRun(text, opts));
}

/** Runs of plain text (see plainText) in one block. */
export function richText(...inlines: TextRun[]): RichTextBlock {
  const block = {} as RichTextBlock;
  block.type = 'RichTextBlock';
  block.inlines = inlines;
  return block;
}

/** One run of text, shown exactly as typed (see plainText). */
export function textRun(text: string, opts: Options<TextRun, 'text'> = {}): TextRun {
  const run = {} as TextRun;
  run.type = 'TextRun';
  run.text = text;
  return Object.assign(run, opts);
}

/**
 * A typed value (a name, a title) for a sentence that must stay Markdown: a heading, a fact. Every
 * character Teams' Markdown subset acts on (bold, italic, links, lists, and the list or heading
 * marker a value may start with) is escaped, and a line break becomes a space, so the value reads
 * as typed and never starts a list or a link. Where the sentence needs no Markdown, prefer
 * plainText: a TextRun needs no escaping on any client.
 */
export function escapeMarkdown(value: string): string {
  // Only what acts: emphasis and link marks anywhere, a list or heading marker at the start. An
  // escaped full stop or hyphen inside a name would show its backslash on older mobile clients.
  return value
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]]/g, '\\$&')
    .replace(/^(\s*)([#+-])/, '$1\\$2')
    .replace(/^(\s*\d+)\./, '$1\\.');
}

/**
 * `text` in at most `max` UTF-16 code units (card sizes are budgeted in them), cut with "…" between
 * two graphemes: never half an emoji (a broken character on the card) or a letter without its accent.
 */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${cutWhole(text, max - 1)}…`;
}

export function factSet(facts: FactSet['facts']): FactSet {
  const set = {} as FactSet;
  set.type = 'FactSet';
  set.facts = facts;
  return set;
}

export function container(items: Element[], opts: Options<Container, 'items'> = {}): Container {
  const box = {} as Container;
  box.type = 'Container';
  box.items = items;
  return Object.assign(box, opts);
}

/** A per-member refresh so each member sees their own view; only listed users refresh automatically. */
export function refreshFor<V extends VerbName>(name: V, data: CardData<V>, userIds: string[]): AdaptiveCardJson['refresh'] {
  const action = {} as ExecuteAction;
  action.type = 'Action.Execute';
  action.verb = VERBS[name].verb;
  action.data = data;
  const refresh = {} as NonNullable<AdaptiveCardJson['refresh']>;
  refresh.action = action;
  refresh.userIds = userIds.slice(0, MAX_REFRESH_USERS);
  return refresh;
}

/**
 * An input with the reason it was refused right below it. Adaptive Cards cannot mark an input
 * invalid from the server, so the reason is a TextBlock next to the field, in Attention colour,
 * and it is carried in the input's label as well ("Naam (Hoogstens 120 tekens; dit zijn er 300.)"):
 * nothing ties the block to the field, and a screen reader on the field reads only its label. The
 * reason is already in the reader's language and says what is wrong; the form's notice above says
 * nothing was saved, so the label needs no words of its own.
 */
export function withFieldError(input: Input, error: string | undefined): Element[] {
  if (!error) return [input];
  const label = input.label?.trim() ? `${input.label} (${error})` : error;
  return [{ ...input, label }, textBlock(error, { color: 'Attention', size: 'Small', weight: 'Bolder', spacing: 'None' })];
}

/** The line at the top of a form that came back refused: nothing was saved, see the field. */
export function refusalNotice(text: string): TextBlock {
  return textBlock(text, { color: 'Attention', weight: 'Bolder' });
}

/** What a person typed into a text input, as it came back with a refused form (strings only). */
export function submittedText(values: Record<string, unknown> | undefined, id: string): string | undefined {
  const v = values?.[id];
  return typeof v === 'string' ? v : undefined;
}

/**
 * An input as it came back, as the text an input shows: Teams sends text, but Action.Execute data
 * from other clients may carry a number, which a refused form must keep as well.
 */
export function submittedInput(values: Record<string, unknown> | undefined, id: string): string | undefined {
  const v = values?.[id];
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : submittedText(values, id);
}

/**
 * A text input's value and length limit: the limit is at least the value's length, so a text
 * refused as too long comes back whole (a client may cut a value to its input's maxLength), with
 * the reason next to it.
 */
export function holding(limit: number, value: string): { value: string; maxLength: number } {
  return { value, maxLength: Math.max(limit, value.length) };
}

/** A number input as it came back (Teams sends numbers as strings); undefined when it is none. */
export function submittedNumber(values: Record<string, unknown> | undefined, id: string): number | undefined {
  const v = values?.[id];
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A number input as it came back, read as the payload check reads it: "1,5" is 1.5. For a field
 * that must not come back empty (an empty optional one saves its default, unseen), so a refused
 * "1,5" shows 1.5 and a second press is refused again. Text that is no number: undefined (an
 * Input.Number cannot show it; its reason names it).
 */
export function typedNumber(values: Record<string, unknown> | undefined, id: string): number | undefined {
  const v = values?.[id];
  const n = typeof v === 'number' ? v : typeof v === 'string' ? numberFromText(v) : undefined;
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}
