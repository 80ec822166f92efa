import { VERBS, VerbData, VerbName } from '../verbs';

/** An Adaptive Card as JSON. Kept loose on purpose: the schema test is the real check. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  $schema?: string;
  version: '1.5';
  body: Element[];
  actions?: Action[];
  refresh?: { action: Action; userIds?: string[] };
  msteams?: { width: 'Full' };
}

export type Element = Record<string, unknown> & { type: string };
export type Action = Record<string, unknown> & { type: string; title?: string };

/** Teams refreshes a card automatically for at most this many listed users. */
export const MAX_REFRESH_USERS = 60;

export function adaptiveCard(body: Element[], actions: Action[] = [], extra: Partial<AdaptiveCardJson> = {}): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
    msteams: { width: 'Full' },
    ...extra,
  };
}

export function textBlock(text: string, opts: Record<string, unknown> = {}): Element {
  return { type: 'TextBlock', text, wrap: true, ...opts };
}

export function heading(text: string): Element {
  return textBlock(text, { size: 'Large', weight: 'Bolder', style: 'heading' });
}

export function subtle(text: string): Element {
  return textBlock(text, { isSubtle: true, size: 'Small', spacing: 'None' });
}

/**
 * Universal Action with a classic Submit fallback for hosts without Action.Execute. Both carry
 * the verb, so one set of handlers serves either path.
 */
export function execute<V extends VerbName>(title: string, name: V, data: VerbData<V> | Record<string, unknown>, opts: { style?: 'positive' | 'destructive'; associatedInputs?: 'auto' | 'none' } = {}): Action {
  const verb = VERBS[name].verb;
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...(opts.style ? { style: opts.style } : {}),
    associatedInputs: opts.associatedInputs ?? 'auto',
    fallback: { type: 'Action.Submit', title, data: { ...data, verb } },
  };
}

export function actionSet(actions: Action[], opts: Record<string, unknown> = {}): Element {
  return { type: 'ActionSet', actions, ...opts };
}

/**
 * User and AI text as a TextRun, which Adaptive Cards never read as Markdown: it shows exactly
 * as typed, with no links or formatting smuggled in.
 */
export function plainText(text: string, opts: Record<string, unknown> = {}): Element {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...opts }] };
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function factSet(facts: { title: string; value: string }[]): Element {
  return { type: 'FactSet', facts };
}

export function container(items: Element[], opts: Record<string, unknown> = {}): Element {
  return { type: 'Container', items, ...opts };
}

/** A per-member refresh so each member sees their own view; only listed users refresh automatically. */
export function refreshFor<V extends VerbName>(name: V, data: VerbData<V>, userIds: string[]): AdaptiveCardJson['refresh'] {
  return {
    action: { type: 'Action.Execute', verb: VERBS[name].verb, data },
    userIds: userIds.slice(0, MAX_REFRESH_USERS),
  };
}

/**
 * An input with the reason it was refused right below it. Adaptive Cards cannot mark an input
 * invalid from the server, so the reason is a TextBlock next to the field, in Attention colour.
 */
export function withFieldError(input: Element, error: string | undefined): Element[] {
  if (!error) return [input];
  return [input, textBlock(error, { color: 'Attention', size: 'Small', weight: 'Bolder', spacing: 'None' })];
}

/** The line at the top of a form that came back refused: nothing was saved, see the field. */
export function refusalNotice(text: string): Element {
  return textBlock(text, { color: 'Attention', weight: 'Bolder' });
}

/** What a person typed into a text input, as it came back with a refused form (strings only). */
export function submittedText(values: Record<string, unknown> | undefined, id: string): string | undefined {
  const v = values?.[id];
  return typeof v === 'string' ? v : undefined;
}

/** A number input as it came back (Teams sends numbers as strings); undefined when it is none. */
export function submittedNumber(values: Record<string, unknown> | undefined, id: string): number | undefined {
  const v = values?.[id];
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}
