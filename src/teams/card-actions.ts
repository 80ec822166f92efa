import { fromGroupChat, GROUP_CHAT_VERBS } from './group-chat-verbs';
import { TurnContext } from 'botbuilder';
import { Application, TurnState } from './teams-ai';
import { ZodError } from 'zod';
import { DomainError, ErrorCode, InputRule, isDomainError } from '../domain/shared/errors';
import { lengthAgainst, trimText } from '../domain/shared/text';
import { Locale, Translate, Translator } from '../i18n/i18n';
import type { Logger } from '../log/logger';
import { AdaptiveCardJson, adaptiveCard, escapeMarkdown, textBlock } from './cards/card-kit';
import { FailedNotice, isFreeText, refusedFormFallback, typedFreeText } from './cards/refused-form-fallback.card';
import { errorCard } from './cards/error.card';
import { groupCardForm, groupCardNote } from './cards/group-card-note.card';
import { postCard, sendInvokeCard, sendInvokeMessage, updateCard } from './card-response';
import { SharedCard, SharedCardUpdates } from './shared-card-updates';
import { conversationKindOf, isInvoke, teamsLocale } from './turn';
import { inOwnChatWithBot } from './own-chat';
import { VERBS, VerbData, VerbName } from './verbs';

/**
 * Words or a card for the person who pressed, drawn once it is known where they go. In the direct
 * reply (the invoke, their own chat) in the pressed card's language; queued for their own 1:1
 * chat from a press elsewhere (the Action.Submit fallback in a group's chat or a channel), in the
 * language of that chat: the one they chose there, else the card's (see `ownChatTranslation`).
 */
export interface Drawn<T> {
  /** The pressed card's language (the group's, the poll's). */
  cardLanguage: Locale;
  /**
   * `t` speaks the reader's language; `card` the pressed card's, for its button labels the note
   * quotes (as that card shows them, so the person finds the button), named as the card's.
   * `language` is the reader's.
   */
  draw(t: Translate, card: Translate, language: Locale): T;
}

/** Words or a card drawn for its reader (see Drawn). */
export function drawn<T>(cardLanguage: Locale, draw: Drawn<T>['draw']): Drawn<T> {
  return { cardLanguage, draw };
}

/**
 * What a card action produces. `card` goes to the person who acted; when it holds their private
 * view (`personal`), `shared` is the neutral version that replaces the message for everyone.
 */
export type ActionOutcome =
  | {
      card: AdaptiveCardJson;
      personal?: boolean;
      shared?: SharedCard;
      /**
       * A member's own addition that changes nothing the group acts on: on clients with personal
       * views the shared message is not edited for it, since an edit re-renders every member's card
       * and wipes what they are typing. Their views catch up at the group's next step, or when
       * they act or refresh. (On the Action.Submit fallback the shared card is the presser's only
       * view, so it is still updated there.)
       */
      quiet?: boolean;
      /**
       * Told once the pressed message shows `card` (the Action.Submit fallback in the actor's own
       * chat, where the card replaces the pressed message): an update Teams answered late, or a
       * retry, may have landed after another update of that message (a prep card's rebuild after
       * the report took a note back), which the card then checks for.
       */
      landed?: () => Promise<void>;
      /**
       * What the actor is told in their 1:1 chat on the Action.Submit fallback outside it (a
       * channel, a group chat), where a `personal` card has no way to them alone and would be
       * dropped: whether their action was taken. It waits in the outbox, so it holds nothing of
       * what they entered (no answer, no score); the pressed message stays as it is. Drawn (see
       * Drawn) when it has words of its own: those follow the language of the person's own chat.
       */
      privately?: AdaptiveCardJson | Drawn<AdaptiveCardJson>;
    }
  /**
   * Leaves the card as it is and shows the actor a short message. `seenInChat`: the message only
   * confirms what the chat itself now shows (a session card posted there), so on the Action.Submit
   * fallback it is not sent to the actor's own chat as well.
   */
  | { message: string | Drawn<string>; seenInChat?: boolean };

export interface CardActionContext {
  logger: Logger;
  translator: Translator;
  /** Brings the shared card up to date right after the actor got their own card back (without it: within the turn). */
  sharedCards?: SharedCardUpdates;
  /** The language to answer in: the group's where there is one, else the user's. */
  localeFor(context: TurnContext, data: Record<string, unknown>): Promise<Locale>;
  /** The organisation's language (DEFAULT_LANGUAGE): when neither the store nor Teams names one. */
  defaultLanguage: Locale;
  /** A card for the actor's 1:1 chat with the bot (queued): where a refusal on the Submit fallback goes. */
  toActorPrivately?(context: TurnContext, card: AdaptiveCardJson): Promise<void>;
  /**
   * The language the actor chose for their own 1:1 chat ("taal en"); undefined when they chose
   * none. One read: asked only for what is queued there from a press elsewhere, never on a press
   * answered in place.
   */
  ownChatLanguage?(context: TurnContext): Promise<Locale | undefined>;
}

/**
 * The reader's and the card's translations for something queued for the actor's own chat: the
 * language they chose for it, else the pressed card's (as it was before they chose, and as the
 * group's notes to its members are: one member's Teams client does not choose for the note).
 */
export async function ownChatTranslation(context: TurnContext, ctx: CardActionContext, cardLanguage: Locale): Promise<{ locale: Locale; t: Translate; card: Translate }> {
  // Pressed in a 1:1 chat (with a colleague): the language found for it is the person's own already.
  const chosen = conversationKindOf(context) === 'personal' ? undefined : await ctx.ownChatLanguage?.(context).catch(() => undefined);
  const locale = chosen ?? cardLanguage;
  return { locale, t: ctx.translator.t(locale), card: ctx.translator.t(cardLanguage) };
}

/** Drawn in the pressed card's language: the direct reply. */
function drawnHere<T>(d: T | Drawn<T>, ctx: CardActionContext): T {
  if (!isDrawn(d)) return d;
  const t = ctx.translator.t(d.cardLanguage);
  return d.draw(t, t, d.cardLanguage);
}

/** Drawn for the actor's own chat, queued there from a press elsewhere. */
async function drawnForOwnChat<T>(context: TurnContext, d: T | Drawn<T>, ctx: CardActionContext): Promise<T> {
  if (!isDrawn(d)) return d;
  const { locale, t, card } = await ownChatTranslation(context, ctx, d.cardLanguage);
  return d.draw(t, card, locale);
}

function isDrawn<T>(d: T | Drawn<T>): d is Drawn<T> {
  return !!d && typeof d === 'object' && typeof (d as Drawn<T>).draw === 'function' && typeof (d as Drawn<T>).cardLanguage === 'string';
}

/** One refused input: which field (the input's id on the card), which rule it broke, and numbers for the message. */
export interface FieldProblem {
  field: string;
  code: ErrorCode;
  rule: InputRule;
  params: Record<string, number>;
}

/** What a form gets back to render itself again after a refusal. */
export interface RefusedInput {
  /** Everything the action sent: the inputs as the person entered them and the button's own data. */
  values: Record<string, unknown>;
  problems: FieldProblem[];
  /** Input id -> the reason, in the person's language, to show next to that input. */
  errors: Record<string, string>;
  t: Translate;
  locale: Locale;
  /**
   * Set when nothing was refused: the save itself did not work (see `keepsOnFailedSave`). Why, as
   * a language-file key; the form shows it in its notice, with every input as it was chosen.
   */
  failed?: FailedNotice;
}

/**
 * How an action's form answers a refused input: the same card again, the person's inputs kept
 * and the reason next to the field, in their language, instead of an error card that loses
 * what they typed. A refusal is "about a field" when the payload check names an input, or when
 * a DomainError carries `input` (the domain's field name; `inputs` maps it to the card's id).
 */
export interface RefusalForm {
  /** The form again; undefined when it has nothing to add to the plain error card (see `keepsOn`). */
  render(context: TurnContext, refused: RefusedInput): Promise<AdaptiveCardJson | undefined>;
  /** The words next to a field; by default the language file's `error.<code>`. */
  reason?(problem: FieldProblem, t: Translate, values: Record<string, unknown>): string;
  /** Domain field name -> input id on the card, where the two differ (e.g. plannedWeeks -> weeks). */
  inputs?: Record<string, string>;
  /**
   * The form's other inputs that would be refused too, checked on what the person sent (domain
   * field names, mapped by `inputs`). Asked only when a refusal is about a field: the form then
   * comes back with every reason at once, not one per press.
   */
  alsoRefused?(values: Record<string, unknown>): FieldProblem[];
  /**
   * Refusals not about a field that still come back in the form rather than as an error card,
   * because the form can show what was typed when nothing could take it (e.g. 'sessionClosed':
   * the closed session card shows the text to copy).
   */
  keepsOn?: readonly ErrorCode[];
  /**
   * The inputs are too private to keep anywhere (B3 answers): a refusal shows them only in the
   * direct reply to the person (the invoke answer, or their 1:1 chat), never in a card queued for
   * their 1:1 chat through the outbox. There: the plain error card.
   */
  onlyInReply?: boolean;
  /**
   * With `onlyInReply`: the card a refusal gets where the inputs may not be shown (the Submit
   * fallback outside the person's own chat), instead of the plain error card. It holds none of the
   * inputs (e.g. where to answer, as a valid press there gets); undefined: the plain error card.
   * Drawn in the language of the person's own chat (`t`), quoting the pressed card's labels in its
   * (`card`); `code` says why the press was refused.
   */
  notInReply?(context: TurnContext, refusal: { t: Translate; card: Translate; code: ErrorCode | 'unexpected' }): Promise<AdaptiveCardJson | undefined>;
  /**
   * The form renders a failed save (`RefusedInput.failed`) as well: the store failed the save, and
   * the form comes back with every input as chosen (scores, choices: not only typed words) and why
   * nothing was stored, to send again. Without it, or when the form cannot be built (the store
   * does not answer at all), only typed words are kept, on the plain fallback form.
   */
  keepsOnFailedSave?: boolean;
}

export interface CardActionOptions {
  /** Declared by actions whose card is a form: a refused input comes back in that form. */
  form?: RefusalForm;
}


/**
 * The shared card follows what was stored, sent after the actor's own answer and never in its
 * way: if the update fails (Teams throttles, a network blip), the action still succeeded, and the
 * next change or refresh brings the shared card up to date. An error card would say "nothing was
 * stored", wrongly.
 */
export async function updateShared(context: TurnContext, sharedCards: SharedCardUpdates | undefined, messageId: string, render: SharedCard, logger: Logger): Promise<void> {
  const { serviceUrl, conversation, recipient } = context.activity;
  if (sharedCards) {
    sharedCards.push({ route: { serviceUrl, botId: recipient?.id, tenantId: conversation.tenantId }, conversationId: conversation.id, activityId: messageId }, render);
    return;
  }
  const sent = await updateCard(context, messageId, render.now()).then(
    () => true,
    (err: Error) => (logger.warn({ err: err.message }, 'could not update the shared card; the action itself was stored'), false),
  );
  if (sent) await render.landed?.().catch((err: Error) => logger.warn({ err: err.message }, 'the check after a card update failed'));
}

async function deliver(context: TurnContext, outcome: ActionOutcome, ctx: CardActionContext): Promise<void> {
  if ('message' in outcome) {
    if (isInvoke(context)) await sendInvokeMessage(context, drawnHere(outcome.message, ctx));
    // The Action.Submit fallback has no reply only the actor sees: the words go to their own chat
    // with the bot (posted there when they pressed there), never to a group or a colleague.
    // The action is done by now (stored or refused): words that cannot be delivered are logged,
    // never turned into an error card, which would say "nothing was stored" after a stored press.
    else if (!outcome.seenInChat) {
      const words = inOwnChatWithBot(context) ? drawnHere(outcome.message, ctx) : await drawnForOwnChat(context, outcome.message, ctx);
      await deliverToActor(context, adaptiveCard([textBlock(words)]), ctx).catch((err: Error) => ctx.logger.warn({ err: err.message }, 'could not tell the actor what became of their action'));
    }
    return;
  }
  const messageId = context.activity.replyToId;
  const shared = outcome.shared ?? (outcome.personal ? undefined : { now: () => outcome.card });
  if (isInvoke(context)) {
    if (messageId && outcome.shared && !outcome.quiet) await updateShared(context, ctx.sharedCards, messageId, outcome.shared, ctx.logger);
    await sendInvokeCard(context, outcome.card);
  } else if (inOwnChatWithBot(context)) {
    // Action.Submit fallback in the person's own chat with the bot: only they see it, so the card
    // they pressed becomes their own outcome (a new message when Teams named none).
    if (messageId) await updateShared(context, ctx.sharedCards, messageId, { now: () => outcome.card, ...(outcome.landed ? { landed: outcome.landed } : {}) }, ctx.logger);
    else await postCard(context, outcome.card);
  } else {
    // Action.Submit fallback elsewhere (a group chat, a channel, a 1:1 chat with a colleague): there is
    // no private reply channel, so only the neutral card is shown,
    if (messageId && shared) await updateShared(context, ctx.sharedCards, messageId, shared, ctx.logger);
    // and the actor hears in their 1:1 chat what became of their action, where the action has words
    // for it (only those: a poll answer's outcome says nothing there, so the outbox names nobody).
    if (outcome.privately) await tellActorPrivately(context, outcome.privately, ctx);
  }
}

/**
 * The note for the actor's 1:1 chat after a Submit fallback (see `privately`). The action itself is
 * done by now, stored or refused: a note that cannot be queued is logged, never turned into an
 * error card, which would say "nothing was stored" after a stored answer.
 */
async function tellActorPrivately(context: TurnContext, note: AdaptiveCardJson | Drawn<AdaptiveCardJson>, ctx: CardActionContext): Promise<void> {
  const send = ctx.toActorPrivately;
  if (!send) return;
  await (async () => send(context, await drawnForOwnChat(context, note, ctx)))().catch((err: Error) => ctx.logger.warn({ err: err.message }, 'could not tell the actor privately what became of their action'));
}

/**
 * Errors and refused forms go to the person who acted, and to nobody else: a refused form holds
 * what they typed, which may be private (a personal answer, a B3 score). On the Submit fallback
 * there is no private reply, so outside their own chat with the bot it goes to that chat, never to
 * the group nor to a colleague in a 1:1 chat with them.
 */
async function deliverToActor(context: TurnContext, card: AdaptiveCardJson, ctx: CardActionContext): Promise<void> {
  if (isInvoke(context)) return void (await sendInvokeCard(context, card));
  if (inOwnChatWithBot(context)) return void (await postCard(context, card));
  await ctx.toActorPrivately?.(context, card);
}

/** Whether a card for the actor goes straight back to them (the invoke reply, or their own chat), not queued (see deliverToActor). */
function repliesDirectly(context: TurnContext): boolean {
  return isInvoke(context) || inOwnChatWithBot(context);
}

/** The inputs a payload check refused, with the rule each broke (zod issues on top-level keys). */
function payloadProblems(error: ZodError, input: Record<string, unknown>): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] => {
    const field = issue.path[0];
    if (typeof field !== 'string') return [];
    const value = input[field];
    const blank = value === undefined || value === null || (typeof value === 'string' && !trimText(value));
    if (issue.code === 'too_big' && issue.type === 'string') {
      // `count` against the transport bound `max`, both in code units (a form that names the bound
      // says a count over it); `shown`, as the domain counts (characters as they show), for a form
      // that names the field's own limit: 4,001 emoji just past a bound of 8,000 units were told
      // "8,001" beside "at most 1,000" (found in review, stop 59).
      const text = typeof value === 'string' ? value : '';
      return [{ field, code: 'invalidInput', rule: 'tooLong', params: { max: Number(issue.maximum), count: text.length, shown: lengthAgainst(text, Number(issue.maximum)) } }];
    }
    if (blank) return [{ field, code: 'invalidInput', rule: 'required', params: {} }];
    if ((issue.code === 'too_big' || issue.code === 'too_small') && issue.type === 'number') {
      return [{ field, code: 'invalidInput', rule: 'range', params: issue.code === 'too_big' ? { max: Number(issue.maximum) } : { min: Number(issue.minimum) } }];
    }
    // Text where a number belongs ("veel"): its reason says what was typed (see notANumber).
    if (issue.code === 'invalid_type' && issue.expected === 'number' && typeof value === 'string') return [{ field, code: 'invalidInput', rule: 'format', params: { notNumber: 1 } }];
    return [{ field, code: 'invalidInput', rule: 'format', params: {} }];
  });
}

function fieldProblems(err: unknown, payload: FieldProblem[], form: RefusalForm, values: Record<string, unknown>): FieldProblem[] {
  if (!isDomainError(err)) return [];
  const found = err.input ? [{ field: form.inputs?.[err.input.field] ?? err.input.field, code: err.code, rule: err.input.rule, params: err.input.params ?? {} }] : payload;
  if (!found.length || !form.alsoRefused) return found;
  const more = form.alsoRefused(values).map((p) => ({ ...p, field: form.inputs?.[p.field] ?? p.field }));
  return [...found, ...more.filter((p) => !found.some((f) => f.field === p.field))];
}

/**
 * Registers one verb for both Action.Execute and the Action.Submit fallback. The payload is
 * validated before the handler runs; every failure becomes a friendly card and never a crash,
 * and with a `form` a refused input comes back in the same card with the reason next to it.
 */
export function onCardAction<V extends VerbName>(
  app: Application<TurnState>,
  ctx: CardActionContext,
  name: V,
  handler: (context: TurnContext, data: VerbData<V>) => Promise<ActionOutcome>,
  options: CardActionOptions = {},
): void {
  const { verb, data: schema } = VERBS[name];
  const run = async (context: TurnContext, raw: unknown) => {
    const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    let payload: FieldProblem[] = [];
    // Checked on the raw input, before the payload check: a refused payload renders the verb's form
    // again, and that form loads the group's records from these same raw ids. Outside the group's
    // own chat nothing of it may be shown, however the rest of the payload looks.
    const outsider = GROUP_CHAT_VERBS.has(name) && (typeof input.groupId !== 'string' || !fromGroupChat(context, input.groupId));
    try {
      if (outsider) throw new DomainError('otherGroup', verb);
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        payload = payloadProblems(parsed.error, input);
        throw new DomainError('invalidInput', `payload for ${verb}: ${parsed.error.issues.map((i) => i.path.join('.')).join(',')}`);
      }
      await deliver(context, await handler(context, parsed.data as VerbData<V>), ctx);
    } catch (err) {
      const error = isDomainError(err) ? err : ({ code: 'unexpected' } as const);
      const { code } = error;
      // The language is looked up only here: a successful action reads nothing extra for it.
      // An outsider's ids name a group that is not theirs: its language is none of their business either.
      // When the person's language cannot be read (the store is down), Teams' own is the best guess.
      const cardLocale: Locale = await ctx.localeFor(context, outsider ? {} : input).catch(() => teamsLocale(context) ?? ctx.defaultLanguage);
      // Queued for the person's own chat (the Submit fallback elsewhere): in the language of that
      // chat, read only on this path; the pressed card's labels in the card's (`cardT`).
      const queued = !repliesDirectly(context);
      const here = { locale: cardLocale, t: ctx.translator.t(cardLocale), card: ctx.translator.t(cardLocale) };
      const { locale, t, card: cardT } = queued ? await ownChatTranslation(context, ctx, cardLocale) : here;
      const problems = options.form && !outsider ? fieldProblems(err, payload, options.form, input) : [];
      if (code === 'unexpected') ctx.logger.error({ verb, err: (err as Error).message, stack: (err as Error).stack }, 'card action failed');
      else ctx.logger.info({ verb, code, detail: (err as DomainError).detail, fields: problems.map((p) => `${p.field}:${p.rule}`) }, 'card action refused');
      const kept = !outsider && !!options.form?.keepsOn?.includes(code as ErrorCode);
      // What the person sent, without the Submit fallback's verb: the form and its fallbacks show it again.
      const { verb: _sent, ...values } = input;
      // Inputs that stay in the direct reply are never put in a card that would be queued instead.
      const mayShowInputs = !options.form?.onlyInReply || repliesDirectly(context);
      // The store failed the save, the directory did not answer, or the group had no place for a
      // newcomer: the answer replaces the person's card, so it keeps their words and the same
      // action to try again. A directory outage keeps every form, typed words or not. A form that
      // renders a failed save itself comes back whole, choices and all; its render reads the store
      // again, and when that fails too the plain fallback below keeps the typed words (it has no
      // way to show choices, so without typed words it is the plain error card).
      const failedNotice = failedNoticeFor(code, values, false, repliesDirectly(context));
      const failedInForm = options.form?.keepsOnFailedSave && !problems.length && !kept && !outsider ? failedNoticeFor(code, values, true, repliesDirectly(context)) : undefined;
      // A group card's form pressed on the Submit fallback in the group's chat: told in the person's
      // own chat as a note, since the group's form is of no use there (see groupCardNote).
      const groupForm = queued && !outsider && mayShowInputs && options.form ? groupCardForm(name) : undefined;
      const note = groupForm && options.form ? groupCardRefusal(groupForm, options.form, { verb, values, problems, payload: payload.length > 0, kept, code, failed: failedInForm ?? failedNotice }, t, cardT) : undefined;
      const form = !note && options.form && (problems.length || kept || failedInForm) && mayShowInputs ? options.form : undefined;
      const refused = form ? await renderRefusal(context, form, values, problems, t, locale, ctx.logger, verb, payload.length > 0, failedInForm) : undefined;
      const failedSave = !note && !refused && failedNotice && options.form && mayShowInputs && !outsider ? refusedFormFallback(verb, values, {}, t, failedNotice) : undefined;
      const elsewhere = !note && !refused && !failedSave && !mayShowInputs && !outsider ? await options.form?.notInReply?.(context, { t, card: cardT, code }).catch(() => undefined) : undefined;
      await deliverToActor(context, note ?? refused ?? failedSave ?? elsewhere ?? errorCard(error, t), ctx);
    }
  };
  const verbs = cardActionRoutes(app);
  if (verbs.has(verb)) throw new Error(`card verb registered twice: ${verb}`);
  verbs.set(verb, run);
}

type CardActionRun = (context: TurnContext, raw: unknown) => Promise<void>;
const cardActionTables = new WeakMap<Application<TurnState>, Map<string, CardActionRun>>();

/** The verb of an Action.Execute invoke, or of an Action.Submit message (teams-ai's default filter, `verb`). */
function pressedVerb(context: TurnContext): { verb: string; execute: boolean } | undefined {
  const a = context.activity;
  if (a.type === 'invoke' && a.name === 'adaptiveCard/action') {
    const action = (a.value as { action?: { type?: unknown; verb?: unknown } } | undefined)?.action;
    return action?.type === 'Action.Execute' && typeof action.verb === 'string' ? { verb: action.verb, execute: true } : undefined;
  }
  const value = a.value as Record<string, unknown> | undefined;
  if (a.type === 'message' && !a.text && value && typeof value === 'object' && typeof value.verb === 'string') return { verb: value.verb, execute: false };
  return undefined;
}

/**
 * One route for every card verb of the app (Action.Execute and the Action.Submit fallback), with
 * the verbs in a map. teams-ai walks its routes one awaited selector at a time: with a route per
 * verb and kind, a press on a late verb waited behind about ninety before its handler ran.
 */
function cardActionRoutes(app: Application<TurnState>): Map<string, CardActionRun> {
  const known = cardActionTables.get(app);
  if (known) return known;
  const table = new Map<string, CardActionRun>();
  cardActionTables.set(app, table);
  const ours = (execute: boolean) => async (context: TurnContext) => {
    const pressed = pressedVerb(context);
    return !!pressed && pressed.execute === execute && table.has(pressed.verb);
  };
  app.adaptiveCards.actionExecute(ours(true), async (context, _state, data) => {
    await table.get(pressedVerb(context)!.verb)!(context, data);
    return ''; // the invoke response was already sent by run()
  });
  app.adaptiveCards.actionSubmit(ours(false), async (context, _state, data) => table.get(pressedVerb(context)!.verb)!(context, data));
  return table;
}

/**
 * The notice of an error card that keeps what the person typed (or, on a form that keeps its
 * choices, what they chose), for refusals that are no fault of the input. `inReply`: the card goes
 * straight back to the person (see repliesDirectly), not through the outbox.
 */
function failedNoticeFor(code: string, values: Record<string, unknown>, keepsChoices: boolean, inReply: boolean): FailedNotice | undefined {
  if (code === 'directoryUnavailable') return 'error.directoryUnavailableKept';
  if (!keepsChoices && !typedFreeText(values)) return undefined;
  if (code === 'leftMeanwhile') return 'error.leftMeanwhileKept';
  // A save answered after its window was taken back, perhaps because their erasure ran meanwhile:
  // the words come back in the reply that replaces their card, never queued in the outbox (stored
  // after "gewist"). The Submit fallback leaves the card they typed in as it was, words and all.
  if (code === 'saveTooSlow') return inReply ? 'error.saveTooSlowKept' : undefined;
  return code === 'unexpected' ? 'error.saveFailedKept' : code === 'notAMember' ? 'error.groupFullKept' : undefined;
}

/** The ids of a card's inputs. */
function inputIdsOf(card: AdaptiveCardJson): Set<string> {
  const ids = new Set<string>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string' && element.type.startsWith('Input.') && typeof element.id === 'string') ids.add(element.id);
    for (const [key, value] of Object.entries(element)) if (key !== 'data') walk(value);
  };
  walk(card.body);
  return ids;
}

/** How much of a typed non-number its reason repeats: enough to recognise it, never a wall of text. */
const TYPED_SHOWN = 40;

/**
 * "'veel' is geen getal": a number input cannot show text again, so it comes back empty and its
 * reason names what was typed (cut short, and as text, never read as Markdown), in the person's language.
 */
function notANumber(typed: unknown, t: Translate): string {
  const chars = [...trimText(String(typed)).trim()];
  const shown = chars.length > TYPED_SHOWN ? `${chars.slice(0, TYPED_SHOWN - 1).join('')}…` : chars.join('');
  return t('error.notANumber', { typed: escapeMarkdown(shown) });
}

/** Input id -> the words next to it, in the person's language (`t`): the form's own, else the language file's `error.<code>`. */
function reasonsFor(form: RefusalForm, problems: FieldProblem[], values: Record<string, unknown>, t: Translate): Record<string, string> {
  const formReason = form.reason ?? ((p: FieldProblem) => t(`error.${p.code}`));
  const reason = (p: FieldProblem) => (p.params.notNumber ? `${notANumber(values[p.field], t)} ${formReason(p, t, values)}` : formReason(p, t, values));
  const errors: Record<string, string> = {};
  for (const p of problems) errors[p.field] ??= reason(p);
  return errors;
}

/**
 * A refused press on a group card's form on the Submit fallback in the group's chat, as the note
 * for the person's own chat (groupCardNote): in their language (`t`), the card's button quoted in
 * the card's (`cardT`). Undefined where the plain error card says it as well: nothing was refused
 * about an input, or the button's own data was refused (no input shows it) and nothing was typed.
 */
function groupCardRefusal(
  groupForm: NonNullable<ReturnType<typeof groupCardForm>>,
  form: RefusalForm,
  r: { verb: string; values: Record<string, unknown>; problems: FieldProblem[]; payload: boolean; kept: boolean; code: string; failed?: FailedNotice },
  t: Translate,
  cardT: Translate,
): AdaptiveCardJson | undefined {
  const { verb, values, problems } = r;
  // The button's own data refused (an id of the wrong kind): the same button can only be refused again.
  if (r.payload && problems.some((p) => !groupForm.inputs.includes(p.field))) {
    return typedFreeText(values) ? groupCardNote({ verb, values, errors: {}, notice: t('error.cardDataKept'), button: false }, t) : undefined;
  }
  const again = groupForm.button(values, cardT);
  // A full group refuses a newcomer whatever they send: no button to press again.
  const full = problems.some((p) => p.code === 'notAMember');
  if (problems.length) return groupCardNote({ verb, values, errors: reasonsFor(form, problems, values, t), notice: t('error.groupCardNote.refused'), button: full ? false : again }, t);
  // Kept for a refusal not about a field (the session closed): what was typed, and why; nothing to press again.
  if (r.kept) return groupCardNote({ verb, values, errors: {}, notice: t(`error.${r.code}`), button: false }, t);
  return r.failed ? groupCardNote({ verb, values, errors: {}, notice: t(r.failed), button: again }, t) : undefined;
}

async function renderRefusal(
  context: TurnContext,
  form: RefusalForm,
  values: Record<string, unknown>,
  problems: FieldProblem[],
  t: Translate,
  locale: Locale,
  logger: Logger,
  verb: string,
  fromPayloadCheck: boolean,
  failed?: FailedNotice,
): Promise<AdaptiveCardJson | undefined> {
  const errors = reasonsFor(form, problems, values, t);
  try {
    const card = await form.render(context, { values, problems, errors, t, locale, ...(failed ? { failed } : {}) });
    // The payload check refused the button's own data (an id, a question number of the wrong kind:
    // no input shows it). Its reason has no field to stand next to, and the form may not show the
    // words typed with it: what was typed comes back on its own, with why nothing was stored. (A
    // card without inputs is a notice in the form's place, e.g. "only in your own chat": as it is.)
    const inputs = card && fromPayloadCheck ? inputIdsOf(card) : undefined;
    if (inputs?.size && problems.some((p) => !isFreeText(p.field) && !inputs.has(p.field))) return refusedFormFallback(verb, values, {}, t, 'error.cardDataKept');
    return card;
  } catch (err) {
    // The form could not be built again. Its record is gone or the ids name none (a refusal of the
    // domain): the plain error card it is. The store did not answer: a plain form with what was
    // typed, the reasons, and the same action to try again, so nothing typed is lost.
    logger.warn({ verb, err: (err as Error).message }, 'refused form could not be rendered');
    return problems.length && !isDomainError(err) ? refusedFormFallback(verb, values, errors, t) : undefined;
  }
}
