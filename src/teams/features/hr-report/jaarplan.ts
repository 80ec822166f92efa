import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { HalfYearRoute, MOMENT_FIELDS, MomentField, readMoments } from '../../../domain/hr-report/half-year';
import { jaarplanYears, readTargets } from '../../../domain/hr-report/jaarplan';
import { DomainError, isDomainError } from '../../../domain/shared/errors';
import { stableId } from '../../../domain/shared/ids';
import { Locale, Translate, Translator } from '../../../i18n/i18n';
import type { Logger } from '../../../log/logger';
import { JaarplanDeps, openJaarplan, saveJaarplan } from '../../../usecases/hr-report/jaarplan';
import { ActionOutcome, CardActionContext, drawn, FieldProblem, onCardAction, RefusalForm } from '../../card-actions';
import { postCard } from '../../card-response';
import { adaptiveCard, AdaptiveCardJson, textBlock } from '../../cards/card-kit';
import { errorCard } from '../../cards/error.card';
import { jaarplanFormCard } from '../../cards/hr-report/jaarplan-form.card';
import { jaarplanRestrictedCard } from '../../cards/hr-report/jaarplan-restricted.card';
import { jaarplanSavedCard } from '../../cards/hr-report/jaarplan-saved.card';
import { keepHalfYearRhythm } from './half-year-start';
import { inChatWithColleague, inOwnChatWithBot, ownChatOnlyCard, ownChatOnlyOutcome } from '../../own-chat';
import { actorOf, conversationKindOf, isInvoke, tenantOf } from '../../turn';
import { commandText, isCommand } from '../language-command';

export interface JaarplanFeatureDeps {
  jaarplan: JaarplanDeps;
  translator: Translator;
  logger: Logger;
  defaultLanguage: Locale;
  actions: CardActionContext;
  /**
   * Posts the chat's card under a key (the outbox keeps it once): a `jaarplan` message Teams
   * delivers again finds its card sent and posts no second one, as for `rapport`. Without it:
   * posted in the turn.
   */
  postOnce?(context: TurnContext, card: AdaptiveCardJson, key: string, about: string[]): Promise<void>;
  /** Schedules the tenant's next half-yearly moment (a no-op when scheduled): on every open and save by HR. */
  scheduleHalfYear?(tenantId: string, route: HalfYearRoute): Promise<unknown>;
}

/** "jaarplan [jaar]" / "annual plan [year]", with the year optional. */
const COMMAND = /^\s*(jaarplan|annual\s+plan)\b\s*(.*)$/i;

/** The words next to a refused target: whole numbers within the indicator's bounds, or empty. */
function targetReason(p: FieldProblem, t: Translate): string {
  // Another save came first: the form says so at its top, not next to a field.
  if (p.params.changedMeanwhile) return '';
  // The form's year ended while it was open: said under the year, and the form is now this year's.
  if (p.field === 'year' && p.params.yearOver) return t('jaarplan.yearOver.save', { year: String(p.params.yearOver), next: String(p.params.thisYear) });
  if ((MOMENT_FIELDS as readonly string[]).includes(p.field)) return t(p.params.sameMonth ? 'jaarplan.moments.reason.same' : p.rule === 'required' ? 'jaarplan.moments.reason.required' : 'jaarplan.moments.reason.format');
  const bounds = { min: p.params.min ?? 1, max: p.params.max ?? 0 };
  return p.rule === 'range' ? t('jaarplan.reason.range', bounds) : t('jaarplan.reason.format', bounds);
}

/**
 * HR/L&O's Jaarplan Duurzaam leren targets: for exactly those who may run `rapport`, where they
 * may run it. In the own 1:1 chat with the bot the form is posted; in a channel or group chat the
 * chat gets a card that the asker's Teams refreshes to the form (others see only that it exists,
 * and are refused when they press its button). In a 1:1 chat with a colleague, as for `rapport`,
 * only where to go: nothing shown, nothing saved. HR is checked by the use case on every open and save.
 */
export function registerJaarplan(app: Application<TurnState>, deps: JaarplanFeatureDeps): void {
  const tenant = (context: TurnContext) => tenantOf(context) ?? '';
  /** HR's use keeps the half-yearly rhythm going (it also starts when the app is added in the tenant); it never holds up the form. */
  const keepRhythm = async (context: TurnContext) => {
    if (deps.scheduleHalfYear) await keepHalfYearRhythm(context, { scheduleHalfYear: deps.scheduleHalfYear, logger: deps.logger });
  };
  const form = async (context: TurnContext, year: number | undefined) => {
    const view = await openJaarplan(deps.jaarplan, actorOf(context).id, tenant(context), year);
    return { view, key: randomUUID() };
  };
  /** The language the action's card carried (the command word's), counted only where none is stored. */
  const languageOf = (context: TurnContext, data: { language?: Locale }) => deps.actions.localeFor(context, data.language ? { language: data.language } : {}).catch(() => deps.defaultLanguage);

  app.message(
    async (context) => isCommand(context.activity.text ?? '', COMMAND),
    async (context) => {
      // As it shows: a zero-width space pasted before the word, or as the gap before the year, is no part of either.
      const match = COMMAND.exec(commandText(context.activity.text ?? '', COMMAND))!;
      const english = !match[1]!.toLowerCase().startsWith('jaarplan');
      const hint = english ? 'en' : conversationKindOf(context) === 'personal' ? undefined : 'nl';
      const language = await deps.actions.localeFor(context, hint ? { language: hint } : {}).catch(() => deps.defaultLanguage);
      const t = deps.translator.t(language);
      // In a 1:1 chat with a colleague, before anything is read: only where to go (the chat is not the asker's own).
      if (inChatWithColleague(context)) return void (await postCard(context, ownChatOnlyCard(t)));
      const [year, next] = jaarplanYears(deps.jaarplan.clock.now(), deps.jaarplan.timeZone);
      const arg = match[2]!.trim();
      const asked = arg === '' ? year : /^\d{4}$/.test(arg) && [year, next].includes(Number(arg)) ? Number(arg) : undefined;
      try {
        // The role first: someone else is told the command is not theirs, never coached through its usage.
        const actor = actorOf(context);
        if (!(await deps.jaarplan.isHr(actor.id))) throw new DomainError('forbidden', 'not HR');
        if (asked === undefined) return void (await context.sendActivity(t('jaarplan.usage', { year: String(year), next: String(next) })));
        await keepRhythm(context);
        if (inOwnChatWithBot(context)) {
          const { view, key } = await form(context, asked);
          // The form carries the language it speaks: its save answers in it, as the report's card does.
          return void (await postCard(context, jaarplanFormCard({ ...view, key, language }, t)));
        }
        // Only the asker's Teams refreshes this card to the form (checked for HR again there).
        const restricted = jaarplanRestrictedCard({ year: asked, language, refreshUserIds: actor.teamsId ? [actor.teamsId] : [] }, t);
        // The card names the year only: it may wait in the outbox. Its refresh names the asker (`about`).
        if (deps.postOnce && context.activity.id) await deps.postOnce(context, restricted, `jaarplan.restricted:${context.activity.conversation.id}:${context.activity.id}`, [actor.id]);
        else await postCard(context, restricted);
      } catch (err) {
        if (!isDomainError(err)) throw err;
        deps.logger.info({ code: err.code }, 'jaarplan refused');
        if (err.code === 'forbidden') await context.sendActivity(t('jaarplan.notHr'));
        else await postCard(context, errorCard(err, t));
      }
    },
  );

  /** The form, to the presser alone; on the Submit fallback in a shared chat, in their own 1:1 chat. */
  onCardAction(app, deps.actions, 'openJaarplan', async (context, data): Promise<ActionOutcome> => {
    const language = await languageOf(context, data);
    const t = deps.translator.t(language);
    // The Submit fallback there replaces the pressed card for both people in the chat.
    if (inChatWithColleague(context)) return ownChatOnlyOutcome(ownChatOnlyCard(t));
    try {
      const { view, key } = await form(context, data.year);
      const card = jaarplanFormCard({ ...view, key, language }, t);
      if (isInvoke(context) || inOwnChatWithBot(context)) return { card, personal: true };
      return { card, personal: true, privately: drawn(language, (tr) => adaptiveCard([textBlock(tr('jaarplan.inOwnChat', { year: String(view.year) }))])) };
    } catch (err) {
      if (!isDomainError(err) || err.code !== 'forbidden') throw err;
      deps.logger.info({ code: err.code }, 'jaarplan view refused');
      return { message: drawn(language, (tr) => tr('jaarplan.notHr')) };
    }
  });

  const saveForm: RefusalForm = {
    reason: targetReason,
    // Every refused target at once, not one per press.
    alsoRefused: (values) =>
      [...readTargets(values).problems, ...readMoments(values as Partial<Record<MomentField, unknown>>).problems].map((p) => ({ field: p.input.field, code: 'invalidInput', rule: p.input.rule, params: p.input.params ?? {} })),
    render: async (context, r) => {
      // A refused save in a chat with a colleague: the pointer, not the stored plan.
      if (inChatWithColleague(context)) return ownChatOnlyCard(r.t);
      const year = typeof r.values.year === 'number' ? r.values.year : Number(r.values.year);
      // The stored plan as it is now: after another save, the form shows it and names its revision.
      // Checked for HR again: a payload the verb refuses reaches this form before the save's own check.
      const view = await openJaarplan(deps.jaarplan, actorOf(context).id, tenant(context), Number.isInteger(year) ? year : undefined).catch((err: unknown) =>
        isDomainError(err) && err.code === 'forbidden' ? undefined : Promise.reject(err),
      );
      if (!view) return adaptiveCard([textBlock(r.t('jaarplan.notHr'))]);
      const changedMeanwhile = r.problems.some((p) => p.code === 'conflict');
      const errors = Object.fromEntries(Object.entries(r.errors).filter(([field]) => field !== 'rev'));
      return jaarplanFormCard({ ...view, key: randomUUID(), language: r.locale, refused: { values: r.values, errors, changedMeanwhile } }, r.t);
    },
  };

  onCardAction(
    app,
    deps.actions,
    'saveJaarplan',
    async (context, data) => {
      const language = await languageOf(context, data);
      // Saved only where the form was shown: a save pressed in a chat with a colleague stores nothing.
      if (inChatWithColleague(context)) return ownChatOnlyOutcome(ownChatOnlyCard(deps.translator.t(language)));
      const plan = await saveJaarplan(deps.jaarplan, actorOf(context).id, tenant(context), {
        year: data.year,
        rev: data.rev,
        key: data.k || stableId('press', context.activity.id ?? randomUUID()),
        values: { weekCycles: data.weekCycles, learningHours: data.learningHours, proposalsValidated: data.proposalsValidated, firstMoment: data.firstMoment, secondMoment: data.secondMoment },
      });
      // Months changed: the next moment follows them (a job for a month no longer chosen does nothing when it runs).
      await keepRhythm(context);
      deps.logger.info({ year: plan.year, revision: plan.revision, targets: Object.keys(plan.targets).length }, 'jaarplan saved');
      return { card: jaarplanSavedCard(plan, deps.translator.t(language), language), personal: true };
    },
    { form: saveForm },
  );
}
