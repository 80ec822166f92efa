import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { MAX_LO_ANSWER_LENGTH, SharedProposal } from '../../../domain/proposal/proposal-to-lo';
import { isDomainError } from '../../../domain/shared/errors';
import { Locale, Translate, Translator } from '../../../i18n/i18n';
import type { Logger } from '../../../log/logger';
import { answerAsLo, listForLo, openForLo, ProposalToLoDeps, shareStatus, shareWithLo } from '../../../usecases/proposal-to-lo/proposal-to-lo';
import { ActionOutcome, CardActionContext, Drawn, drawn, FieldProblem, onCardAction, RefusalForm } from '../../card-actions';
import { postCard } from '../../card-response';
import { adaptiveCard, AdaptiveCardJson, textBlock } from '../../cards/card-kit';
import { loAnswerFormCard, loAnswerSentCard, loProposalGoneCard } from '../../cards/proposal-to-lo/lo-answer-form.card';
import { loProposalsCard } from '../../cards/proposal-to-lo/lo-proposals.card';
import { shareOnOtherClientCard, sharePreviewCard, shareRefusedCard } from '../../cards/proposal-to-lo/share-preview.card';
import { inChatWithColleague, ownChatOnlyCard, ownChatOnlyOutcome } from '../../own-chat';
import { actorOf, conversationKindOf, isInvoke, teamsLocale, tenantOf } from '../../turn';
import { commandText, isCommand } from '../language-command';

export interface ProposalToLoFeatureDeps {
  proposals: ProposalToLoDeps;
  translator: Translator;
  logger: Logger;
  defaultLanguage: Locale;
  actions: CardActionContext;
  /** The organisation's time zone (ORG_TIME_ZONE): the dates on the cards. */
  timeZone: string;
  /** HR_GROUP_ID is set: its members cannot be listed, so only HR_USER_IDS hear of a new share (logged once). */
  hrGroupNotListed?: boolean;
}

/** "voorstellen" / "proposals", alone on the line. */
const COMMAND = /^\s*(voorstellen|proposals)\s*$/i;

/** The words next to a refused answer. */
export function loAnswerReason(p: FieldProblem, t: Translate, values: Record<string, unknown>): string {
  // Another answer came first: the form says so at its top, not next to a field.
  if (p.params.changedMeanwhile) return '';
  if (p.field === 'answer' && p.rule === 'tooLong') return t('proposalToLo.reason.tooLong', { max: MAX_LO_ANSWER_LENGTH, length: p.params.shown ?? p.params.count ?? String(values.answer ?? '').length });
  if (p.field === 'answer') return t('proposalToLo.reason.required');
  return t(`error.${p.code}`);
}

/**
 * A group shares a proposal it adopted or adapted with L&O (the summary card's button, in the
 * group's chat: GROUP_CHAT_VERBS), and L&O (HR) reads and answers the shared proposals in its own
 * 1:1 chat with the bot. Every refusal stores nothing.
 */
export function registerProposalToLo(app: Application<TurnState>, deps: ProposalToLoFeatureDeps): void {
  const tenant = (context: TurnContext) => tenantOf(context) ?? '';
  const t = (language: Locale) => deps.translator.t(language);
  /** The language for a card that reads no group: the one stored for the chat, else the one the card carried. */
  const languageOf = (context: TurnContext, data: { language?: Locale; groupId?: string }) =>
    deps.actions.localeFor(context, { ...(data.language ? { language: data.language } : {}), ...(data.groupId ? { groupId: data.groupId } : {}) }).catch(() => teamsLocale(context) ?? deps.defaultLanguage);
  const view = (language: Locale) => ({ language, timeZone: deps.timeZone });
  let hrGroupLogged = false;

  // --- the group's side: preview and share, on behalf of the group --------------------------------

  /**
   * The group's buttons answer the presser alone. On the Action.Submit fallback in the group's chat
   * there is no reply only they see, and a `personal` card would be dropped: `privately` tells them
   * in their own 1:1 chat what became of the press (by default the card itself: a refusal, or the
   * preview's pointer), drawn in the language of that chat. A share that was stored gets none: the
   * group's chat tells it (see `shareProposalToLo`).
   */
  const toPresser = (card: AdaptiveCardJson, privately: Drawn<AdaptiveCardJson>): ActionOutcome => ({ card, personal: true, privately });
  /** The same card for the presser here and, drawn in the language of their own chat, there. */
  const toPresserDrawn = (language: Locale, draw: (tr: Translate, reader: Locale) => AdaptiveCardJson): ActionOutcome =>
    toPresser(draw(t(language), language), drawn(language, (tr, _card, reader) => draw(tr, reader)));
  /** Pressed on the live session card (it names its session): the presser's card has the way back to their view of it. */
  const backTo = (data: { sessionId?: string | undefined }) => (data.sessionId ? { back: { sessionId: data.sessionId } } : {});

  onCardAction(app, deps.actions, 'previewProposalToLo', async (context, data): Promise<ActionOutcome> => {
    const status = await shareStatus(deps.proposals, tenant(context), actorOf(context).id, data.groupId, data.proposalId);
    if (status.status !== 'shareable') {
      deps.logger.info({ outcome: status.status }, 'proposal to L&O refused');
      return toPresserDrawn(await languageOf(context, data), (tr) => shareRefusedCard(status.status, tr));
    }
    const language = status.group.language;
    const vm = (shownIn: Locale) => ({ preview: status.preview, ...(status.shared ? { shared: status.shared } : {}), ...view(shownIn) });
    const card = sharePreviewCard({ ...vm(language), ...backTo(data) }, t(language));
    // In the 1:1 chat (the fallback's note) without the way back: the session's buttons work in the group's chat only.
    if (status.shared) return toPresser(card, drawn(language, (tr, _card, reader) => sharePreviewCard(vm(reader), tr)));
    // Not the preview itself: its share button, pressed in the 1:1 chat, is a group action from
    // another chat (GROUP_CHAT_VERBS) and would be refused. Only where to press (the summary's
    // button, as that card shows it), nothing shared.
    return toPresser(card, drawn(language, (tr, cardT) => shareOnOtherClientCard(status.preview.groupName, tr, cardT('proposalToLo.button'))));
  });

  onCardAction(app, deps.actions, 'shareProposalToLo', async (context, data): Promise<ActionOutcome> => {
    const outcome = await shareWithLo(deps.proposals, tenant(context), actorOf(context).id, data.groupId, data.proposalId);
    if (outcome.status !== 'shared') {
      deps.logger.info({ outcome: outcome.status }, 'proposal to L&O refused');
      return toPresserDrawn(await languageOf(context, data), (tr) => shareRefusedCard(outcome.status, tr));
    }
    // Ids and the outcome only: the words are the group's.
    deps.logger.info({ id: outcome.shared.id, created: outcome.created, ...(outcome.toldLater ? { toldLater: true } : {}) }, 'proposal shared with L&O');
    if (outcome.created && deps.hrGroupNotListed && !hrGroupLogged) {
      hrGroupLogged = true;
      deps.logger.warn('HR_GROUP_ID is set: its members cannot be listed, so only HR_USER_IDS hear of a proposal shared with L&O');
    }
    const language = outcome.group.language;
    const vm = { preview: outcome.shared, shared: outcome.shared, ...view(language) };
    // No note in the presser's own chat on the Action.Submit fallback, only refusals get one: it would
    // wait in the outbox as a job naming them, queued in the second the record was created and
    // holding the proposal, its target kept for days after: a database reader would tie the share to
    // the member, and a share names no one (found in review, stop 58). The group's chat, where they
    // pressed, gets the notice "Gedeeld met L&O op <datum>" (as a stored poll answer gets no note).
    return { card: sharePreviewCard({ ...vm, ...backTo(data) }, t(language)), personal: true };
  });

  // --- L&O's side: in its own 1:1 chat with the bot only ------------------------------------------

  const notHr = (tr: Translate): AdaptiveCardJson => adaptiveCard([textBlock(tr('proposalToLo.notHr'))]);

  app.message(
    // As it shows: a zero-width space pasted before or in the word does not hide the command.
    async (context) => isCommand(context.activity.text ?? '', COMMAND),
    async (context) => {
      // As for "aanbod": the command word hints the language where none is stored for the chat.
      const english = COMMAND.exec(commandText(context.activity.text ?? '', COMMAND))![1]!.toLowerCase() === 'proposals';
      const hint: Locale | undefined = english ? 'en' : conversationKindOf(context) === 'personal' ? undefined : 'nl';
      const language = await languageOf(context, hint ? { language: hint } : {});
      const tr = t(language);
      // Anywhere but the own chat with the bot: only where to go, nothing read or shown.
      if (inChatWithColleague(context)) return void (await postCard(context, ownChatOnlyCard(tr)));
      if (conversationKindOf(context) !== 'personal') return void (await context.sendActivity(tr('proposalToLo.inOwnChat')));
      try {
        const list = await listForLo(deps.proposals, actorOf(context).id, tenant(context));
        await postCard(context, loProposalsCard({ ...list, ...view(language) }, tr));
      } catch (err) {
        if (!isDomainError(err) || err.code !== 'forbidden') throw err;
        deps.logger.info({ code: err.code }, 'L&O proposals refused');
        await context.sendActivity(tr('proposalToLo.notHr'));
      }
    },
  );

  /** L&O's cards: only in the own chat with the bot, only for HR; the pointer or "HR only" otherwise, with nothing of what is stored. */
  const guarded = async (context: TurnContext, data: { language?: Locale }, work: (tr: Translate, language: Locale) => Promise<ActionOutcome>): Promise<ActionOutcome> => {
    const language = await languageOf(context, data);
    const tr = t(language);
    if (inChatWithColleague(context)) return ownChatOnlyOutcome(ownChatOnlyCard(tr));
    if (!isInvoke(context) && conversationKindOf(context) !== 'personal') return { message: drawn(language, (own) => own('proposalToLo.inOwnChat')) };
    if (conversationKindOf(context) !== 'personal') return { card: adaptiveCard([textBlock(tr('proposalToLo.inOwnChat'))]), personal: true };
    try {
      return await work(tr, language);
    } catch (err) {
      if (!isDomainError(err)) throw err;
      if (err.code === 'forbidden') return { card: notHr(tr), personal: true };
      if (err.code === 'notFound') return { card: loProposalGoneCard(tr, language), personal: true };
      throw err;
    }
  };

  onCardAction(app, deps.actions, 'openLoProposals', (context, data) =>
    guarded(context, data, async (tr, language) => ({ card: loProposalsCard({ ...(await listForLo(deps.proposals, actorOf(context).id, tenant(context), data.skip ?? 0)), ...view(language) }, tr), personal: true })),
  );
  onCardAction(app, deps.actions, 'openLoProposal', (context, data) =>
    guarded(context, data, async (tr, language) => ({ card: loAnswerFormCard({ shared: await openForLo(deps.proposals, actorOf(context).id, tenant(context), data.id), key: randomUUID(), ...view(language) }, tr), personal: true })),
  );

  const answerForm: RefusalForm = {
    reason: loAnswerReason,
    render: async (context, r) => {
      if (inChatWithColleague(context)) return ownChatOnlyCard(r.t);
      // Checked for HR again: a payload the verb refuses reaches this form before the answer's own check.
      let shared: SharedProposal;
      try {
        shared = await openForLo(deps.proposals, actorOf(context).id, tenant(context), String(r.values.id ?? ''));
      } catch (err) {
        if (isDomainError(err) && err.code === 'forbidden') return notHr(r.t);
        if (isDomainError(err) && err.code === 'notFound') return loProposalGoneCard(r.t, r.locale);
        throw err;
      }
      const answeredMeanwhile = r.problems.some((p) => p.code === 'conflict');
      const errors = Object.fromEntries(Object.entries(r.errors).filter(([field]) => field !== 'rev'));
      return loAnswerFormCard({ shared, key: randomUUID(), ...view(r.locale), refused: { values: r.values, errors, answeredMeanwhile } }, r.t);
    },
  };

  onCardAction(
    app,
    deps.actions,
    'answerLoProposal',
    async (context, data) => {
      const language = await languageOf(context, data);
      const tr = t(language);
      // Answered only where the form was shown: a press in a chat with a colleague stores nothing.
      if (inChatWithColleague(context)) return ownChatOnlyOutcome(ownChatOnlyCard(tr));
      if (conversationKindOf(context) !== 'personal') return isInvoke(context) ? { card: adaptiveCard([textBlock(tr('proposalToLo.inOwnChat'))]), personal: true } : { message: tr('proposalToLo.inOwnChat') };
      try {
        const { shared, posted, toldLater, replaced, groupGone } = await answerAsLo(deps.proposals, actorOf(context).id, tenant(context), { id: data.id, text: data.answer, rev: data.rev, key: data.k || randomUUID() });
        deps.logger.info({ id: shared.id, revision: shared.revision, posted, ...(toldLater ? { toldLater } : {}), ...(replaced ? { replaced: true } : {}), ...(groupGone ? { groupGone } : {}) }, 'L&O answered a shared proposal');
        return { card: loAnswerSentCard(shared, tr, language, { ...(replaced ? { replaced } : {}), ...(groupGone ? { groupGone } : {}) }), personal: true };
      } catch (err) {
        if (isDomainError(err) && err.code === 'forbidden') return { card: notHr(tr), personal: true };
        if (isDomainError(err) && err.code === 'notFound') return { card: loProposalGoneCard(tr, language), personal: true };
        throw err;
      }
    },
    { form: answerForm },
  );
}
