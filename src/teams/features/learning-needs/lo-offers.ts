import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { isLearningTheme, readOffer } from '../../../domain/learning-needs/lo-offer';
import { isDomainError } from '../../../domain/shared/errors';
import { stableId } from '../../../domain/shared/ids';
import { Locale, Translate, Translator } from '../../../i18n/i18n';
import type { Logger } from '../../../log/logger';
import { LoOfferDeps, mayEditLoOffers, openLoOffer, openLoOffers, saveLoOffer } from '../../../usecases/learning-needs/lo-offers';
import { ActionOutcome, CardActionContext, drawn, FieldProblem, onCardAction, RefusalForm } from '../../card-actions';
import { adaptiveCard, textBlock } from '../../cards/card-kit';
import { postCard } from '../../card-response';
import { errorCard } from '../../cards/error.card';
import { loOfferFormCard } from '../../cards/learning-needs/lo-offer-form.card';
import { loOfferSavedCard } from '../../cards/learning-needs/lo-offer-saved.card';
import { loOffersCard } from '../../cards/learning-needs/lo-offers.card';
import { inChatWithColleague, ownChatOnlyCard, ownChatOnlyOutcome } from '../../own-chat';
import { actorOf, conversationKindOf, isInvoke, tenantOf } from '../../turn';
import { commandText, isCommand } from '../language-command';

export interface LoOfferFeatureDeps {
  offers: LoOfferDeps;
  translator: Translator;
  logger: Logger;
  defaultLanguage: Locale;
  actions: CardActionContext;
}

/** "aanbod" / "offer", alone on the line. */
const COMMAND = /^\s*(aanbod|offer)\s*$/i;

/** The words next to a refused input of the offer form. */
export function loOfferReason(p: FieldProblem, t: Translate, values: Record<string, unknown>): string {
  // Another save came first: the form says so at its top, not next to a field.
  if (p.params.changedMeanwhile) return '';
  if (p.field === 'offerText' && p.rule === 'tooLong') return t('loOffer.reason.textTooLong', { max: p.params.max ?? 0, length: p.params.count ?? String(values.offerText ?? '').length });
  if (p.field === 'offerText') return t('loOffer.reason.textRequired');
  if (p.field === 'offerLink') return t('loOffer.reason.link');
  if (p.field === 'theme') return t('loOffer.reason.theme');
  return t(`error.${p.code}`);
}

/**
 * L&O's offer per theme, for HR/L&O in their own 1:1 chat with the bot: the overview, one theme's
 * form, its save. HR is checked by the use case on every open and save. The tenant is the turn's.
 * In a 1:1 chat with a colleague ("personal" to Teams too) only where to go: nothing shown or saved.
 */
export function registerLoOffers(app: Application<TurnState>, deps: LoOfferFeatureDeps): void {
  const tenant = (context: TurnContext) => tenantOf(context) ?? '';
  const languageOf = (context: TurnContext, data: { language?: Locale }) => deps.actions.localeFor(context, data.language ? { language: data.language } : {}).catch(() => deps.defaultLanguage);
  /** Only in the 1:1 chat: the forms are HR's alone, never for a channel to read along. */
  const elsewhere = (context: TurnContext) => !isInvoke(context) && conversationKindOf(context) !== 'personal';

  app.message(
    // As it shows: a zero-width space pasted before or in the word does not hide the command.
    async (context) => isCommand(context.activity.text ?? '', COMMAND),
    async (context) => {
      // With no language stored for this chat, the command word is the hint: "offer" English;
      // "aanbod" Dutch in a shared chat, but in the 1:1 chat no choice (the Teams client speaks
      // there). A stored language wins, as for "report": the overview then speaks the language
      // the form it opens is drawn in, and a set-up group's chat never gets another language.
      const english = COMMAND.exec(commandText(context.activity.text ?? '', COMMAND))![1]!.toLowerCase() === 'offer';
      const hint = english ? 'en' : conversationKindOf(context) === 'personal' ? undefined : 'nl';
      const language: Locale = await deps.actions.localeFor(context, hint ? { language: hint } : {}).catch(() => deps.defaultLanguage);
      const t = deps.translator.t(language);
      if (inChatWithColleague(context)) return void (await postCard(context, ownChatOnlyCard(t)));
      try {
        // The role first (openLoOffers checks it): someone else is told the command is not theirs.
        const themes = await openLoOffers(deps.offers, actorOf(context).id, tenant(context));
        if (conversationKindOf(context) !== 'personal') return void (await context.sendActivity(t('loOffer.inOwnChat')));
        await postCard(context, loOffersCard({ themes, language }, t));
      } catch (err) {
        if (!isDomainError(err)) throw err;
        deps.logger.info({ code: err.code }, 'lo offer refused');
        if (err.code === 'forbidden') await context.sendActivity(t('loOffer.notHr'));
        else await postCard(context, errorCard(err, t));
      }
    },
  );

  const guarded = async (context: TurnContext, data: { language?: Locale }, work: (t: Translate, language: Locale) => Promise<ActionOutcome>): Promise<ActionOutcome> => {
    const language = await languageOf(context, data);
    const t = deps.translator.t(language);
    // The Submit fallback there replaces the pressed card for both people in the chat.
    if (inChatWithColleague(context)) return ownChatOnlyOutcome(ownChatOnlyCard(t));
    try {
      if (elsewhere(context)) return { message: drawn(language, (tr) => tr('loOffer.inOwnChat')) };
      return await work(t, language);
    } catch (err) {
      if (!isDomainError(err) || err.code !== 'forbidden') throw err;
      deps.logger.info({ code: err.code }, 'lo offer view refused');
      return { message: drawn(language, (tr) => tr('loOffer.notHr')) };
    }
  };

  onCardAction(app, deps.actions, 'openLoOffers', (context, data) =>
    guarded(context, data, async (t, language) => ({ card: loOffersCard({ themes: await openLoOffers(deps.offers, actorOf(context).id, tenant(context)), language }, t), personal: true })),
  );
  onCardAction(app, deps.actions, 'openLoOffer', (context, data) =>
    guarded(context, data, async (t, language) => ({ card: loOfferFormCard({ ...(await openLoOffer(deps.offers, actorOf(context).id, tenant(context), data.theme)), key: randomUUID(), language }, t), personal: true })),
  );

  const saveForm: RefusalForm = {
    reason: loOfferReason,
    // Every refused input at once, not one per press.
    alsoRefused: (values) => readOffer(values).problems.map((p) => ({ field: p.field, code: 'invalidInput', rule: p.rule, params: p.params ?? {} })),
    render: async (context, r) => {
      // A refused save in a chat with a colleague: the pointer, not the stored offer.
      if (inChatWithColleague(context)) return ownChatOnlyCard(r.t);
      // A theme not (or no longer) in the list has no view to open: the form asks for the theme,
      // with the words as typed. Checked for HR again, as below.
      if (!isLearningTheme(r.values.theme)) {
        if (!(await mayEditLoOffers(deps.offers, actorOf(context).id))) return adaptiveCard([textBlock(r.t('loOffer.notHr'))]);
        return loOfferFormCard({ key: randomUUID(), language: r.locale, refused: { values: r.values, errors: r.errors, changedMeanwhile: false } }, r.t);
      }
      // The stored offer as it is now: after another save, the form shows it and names its revision.
      // Checked for HR again: a payload the verb refuses reaches this form before the save's own check.
      const view = await openLoOffer(deps.offers, actorOf(context).id, tenant(context), String(r.values.theme ?? '')).catch((err: unknown) => (isDomainError(err) && err.code === 'forbidden' ? undefined : Promise.reject(err)));
      if (!view) return adaptiveCard([textBlock(r.t('loOffer.notHr'))]);
      const changedMeanwhile = r.problems.some((p) => p.code === 'conflict');
      const errors = Object.fromEntries(Object.entries(r.errors).filter(([field]) => field !== 'rev'));
      return loOfferFormCard({ ...view, key: randomUUID(), language: r.locale, refused: { values: r.values, errors, changedMeanwhile } }, r.t);
    },
  };

  onCardAction(
    app,
    deps.actions,
    'saveLoOffer',
    async (context, data) => {
      const language = await languageOf(context, data);
      // Saved only where the form was shown: a save pressed in a chat with a colleague stores nothing.
      if (inChatWithColleague(context)) return ownChatOnlyOutcome(ownChatOnlyCard(deps.translator.t(language)));
      const offer = await saveLoOffer(deps.offers, actorOf(context).id, tenant(context), {
        theme: data.theme,
        rev: data.rev,
        key: data.k || stableId('press', context.activity.id ?? randomUUID()),
        values: { offerText: data.offerText, offerLink: data.offerLink },
        ...(data.clear ? { clear: true } : {}),
      });
      // Counts only: the words are L&O's, but a log is no place for them.
      deps.logger.info({ theme: offer.theme, revision: offer.revision, cleared: !offer.text }, 'lo offer saved');
      return { card: loOfferSavedCard(offer, deps.translator.t(language), language), personal: true };
    },
    { form: saveForm },
  );
}
