import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { DomainError, isDomainError } from '../../../domain/shared/errors';
import { MAX_REQUEST_MESSAGE_LENGTH, ReviewRequestDelivery } from '../../../domain/talent-review/review-request';
import { Translate } from '../../../i18n/i18n';
import { requestConversation, requestStatus } from '../../../usecases/talent-review/request-review';
import { CardActionContext, FieldProblem, onCardAction, RefusalForm } from '../../card-actions';
import { postCard } from '../../card-response';
import { submittedText } from '../../cards/card-kit';
import { errorCard } from '../../cards/error.card';
import { reviewRequestCard } from '../../cards/talent-review/review-request.card';
import { reviewRequestFormCard } from '../../cards/talent-review/review-request-form.card';
import { reviewRequestOutcomeCard } from '../../cards/talent-review/review-request-outcome.card';
import { actorOf, conversationKindOf, teamsLocale } from '../../turn';
import { languageOf, rebuildLanguageOf, TalentReviewFeatureDeps } from './deps';

const REQUEST_COMMAND = /^\s*(gesprek\s+aanvragen|request\s+(a\s+)?conversation)\b/i;

/**
 * Requests in the manager's own 1:1 chat with the bot (opened by the outbox with their Entra id),
 * in the manager's language: their chosen one, else the organisation's (this is not their turn).
 * The professional's chat only tells the outbox the tenant and service. The card is about the
 * professional, so erasing them takes it out of the outbox; erasing the manager does too (theirs).
 */
export function chatReviewRequests(deps: TalentReviewFeatureDeps, ref: Record<string, unknown>): ReviewRequestDelivery {
  return {
    async deliver(request, key) {
      const language = await rebuildLanguageOf(deps, request.managerId, undefined);
      const card = reviewRequestCard(request, deps.translator.t(language));
      await deps.messenger.toPerson(ref, { teamsId: request.managerId, userId: request.managerId }, card, key, [request.professionalId]);
    },
  };
}

/** The words next to the refused message. */
function requestReason(p: FieldProblem, t: Translate, values: Record<string, unknown>): string {
  if (p.field === 'text' && p.rule === 'tooLong') return t('talentReview.request.tooLong', { max: MAX_REQUEST_MESSAGE_LENGTH, length: p.params.count ?? submittedText(values, 'text')?.length ?? 0 });
  return t('error.invalidInput');
}

/** A refused message: the form again, with what was typed and the reason next to it. */
const requestForm: RefusalForm = {
  render: async (_context, r) => reviewRequestFormCard(r.t, randomUUID(), { draft: submittedText(r.values, 'draft'), refused: { values: r.values, errors: r.errors } }),
  reason: requestReason,
};

/**
 * The professional asks their manager for a talentontwikkelgesprek, in their own 1:1 chat with
 * the bot: `gesprek aanvragen` (`request conversation`), or the button on "Wat ziet mijn
 * leidinggevende?". `actions` answers in the professional's language.
 */
export function registerReviewRequests(app: Application<TurnState>, actions: CardActionContext, deps: TalentReviewFeatureDeps): void {
  const tr = deps.talentReview;
  const professionalUi = async (context: TurnContext) => {
    const userId = actorOf(context).id;
    const language = await languageOf(deps, userId, context);
    return { userId, language, t: deps.translator.t(language) };
  };
  const personalOnly = (context: TurnContext) => {
    if (conversationKindOf(context) !== 'personal') throw new DomainError('forbidden', 'review request outside the personal chat');
  };
  /** The form, or why there is nothing to ask now (no manager, a conversation planned). */
  const opening = async (context: TurnContext, draft?: string, message?: string) => {
    const ui = await professionalUi(context);
    const status = await requestStatus(tr, ui.userId);
    return status.status === 'open' ? reviewRequestFormCard(ui.t, randomUUID(), { draft, ...(message ? { message } : {}) }) : reviewRequestOutcomeCard(status, ui.t, ui.language, { draft });
  };

  app.message(
    async (context) => conversationKindOf(context) === 'personal' && REQUEST_COMMAND.test(context.activity.text ?? ''),
    async (context) => {
      try {
        // What follows the command is the message, as `notitie <tekst>` keeps its text: in the field, not lost.
        const message = (context.activity.text ?? '').replace(REQUEST_COMMAND, '').trim();
        await postCard(context, await opening(context, undefined, message));
      } catch (err) {
        // A directory that does not answer, say: the friendly card, as the button gets.
        if (!isDomainError(err)) throw err;
        deps.logger.info({ code: err.code, detail: err.detail }, 'review request command refused');
        const t = (await professionalUi(context).catch(() => undefined))?.t ?? deps.translator.t(teamsLocale(context) ?? deps.defaultLanguage);
        await postCard(context, errorCard(err, t));
      }
    },
  );
  onCardAction(app, actions, 'openReviewRequest', async (context, data) => {
    personalOnly(context);
    return { card: await opening(context, data.draft ?? data.text), personal: true };
  });
  onCardAction(
    app,
    actions,
    'sendReviewRequest',
    async (context, data) => {
      personalOnly(context);
      const ui = await professionalUi(context);
      const ref = TurnContext.getConversationReference(context.activity) as unknown as Record<string, unknown>;
      const outcome = await requestConversation(tr, chatReviewRequests(deps, ref), {
        professionalId: ui.userId,
        professionalName: context.activity.from?.name,
        text: data.text,
        pressKey: data.k ?? context.activity.id ?? randomUUID(),
      });
      // The outcome only: who asked whom stays out of the log.
      deps.logger.info({ outcome: outcome.status }, 'talent review requested');
      return { card: reviewRequestOutcomeCard(outcome, ui.t, ui.language, { draft: data.draft }), personal: true };
    },
    { form: requestForm },
  );
}
