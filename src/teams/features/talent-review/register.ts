import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { isDomainError } from '../../../domain/shared/errors';
import { RunAgainLater } from '../../../scheduling/run-again-later';
import { CosmosJobScheduler } from '../../../scheduling/cosmos-job-scheduler';
import { readPayload } from '../../../scheduling/unreadable-payload';
import { MaturityPhase } from '../../../domain/talent-review/maturity';
import { TalentReview } from '../../../domain/talent-review/review';
import { REVIEW_JOB } from '../../../usecases/talent-review/deps';
import { CANCELLED_PLAN_PRESS, directReports, planConversation, prepDayOf, proposeReviewPhase, saveFacilitated, upcomingReviews } from '../../../usecases/talent-review/plan-review';
import { cancelConversation, moveConversation, PlanChange } from '../../../usecases/talent-review/change-plan';
import { managerOverview } from '../../../usecases/talent-review/manager-overview';
import { buildPrep, DIRECTORY_RETRY_MS, prepCardLanded, PREP_REFRESH_JOB, prepShowableIn, rebuildOwedPrepCards, refreshPrepCards, sendScheduledPrep } from '../../../usecases/talent-review/prep';
import { PREP_MANAGER_CHECK_JOB, withdrawFromFormerManagers } from '../../../usecases/talent-review/prep-manager-check';
import { ActionOutcome, CardActionContext } from '../../card-actions';
import { postCard } from '../../card-response';
import { adaptiveCard, heading, textBlock } from '../../cards/card-kit';
import { errorCard } from '../../cards/error.card';
import { planElsewhereCard, planReviewCard, RefusedPlan } from '../../cards/talent-review/plan-review.card';
import { changeReviewCard, RefusedMove } from '../../cards/talent-review/change-review.card';
import { reviewDate } from '../../cards/talent-review/review-date';
import { prepCard, PrepInputs } from '../../cards/talent-review/prep.card';
import { reviewSavedCard } from '../../cards/talent-review/review-saved.card';
import { plannedLine, reviewsListCard } from '../../cards/talent-review/reviews-list.card';
import { actorOf, isInvoke, teamsLocale, tenantOf } from '../../turn';
import { languageOf, managerUi, TalentReviewFeatureDeps } from './deps';
import { onOwnChatAction, onOwnChatCommand } from './own-chat';
import { prepMessageOf, registerPrepCardHooks } from './prep-cards';
import { noManagerCard, previewCard as buildPreviewCard } from './preview-card';
import { registerPrepTeamChoices } from './prep-teams';
import { talentReviewForms, typedPrepInputs } from './refusal-forms';
import { registerReviewRequests } from './review-requests';
import { registerTeamAccounts } from './team-accounts';
import { registerProposalsToManager } from './proposals-to-manager';

/**
 * Everything a card press sent, before the verb's payload check keeps only what its action needs:
 * the prep card's other inputs, to show back as typed. (Action.Execute carries them in
 * value.action.data; the Action.Submit fallback in value itself.)
 */
function sentInputs(context: TurnContext): Record<string, unknown> {
  const value = context.activity.value as { action?: { data?: unknown } } | undefined;
  const data = isInvoke(context) ? value?.action?.data : value;
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

const PREVIEW_COMMAND = /^\s*(wat\s+ziet\s+mijn\s+leidinggevende|what\s+does\s+my\s+manager\s+see)\b/i;

/**
 * Talentontwikkelgesprek prep for managers, in their personal chat with the bot: plan a
 * conversation, see the prep on request, and receive it by itself a few days before.
 */
export function registerTalentReview(app: Application<TurnState>, scheduler: CosmosJobScheduler, deps: TalentReviewFeatureDeps): void {
  const tr = deps.talentReview;

  // Answers (and refusals) in the manager's own language, as their other cards.
  const actions: CardActionContext = { ...deps.actions, localeFor: (context) => languageOf(deps, actorOf(context).id, context) };
  const planCard = async (context: TurnContext, refused?: RefusedPlan, reportId?: string) => {
    const ui = await managerUi(deps, context);
    // Today is the date in the organisation's time zone: the earliest a conversation can be planned for.
    const today = DateTime.fromJSDate(tr.clock.now(), { zone: tr.timeZone });
    const defaults = { reportId, today: today.toISODate()!, date: today.plus({ days: 7 }).toISODate()!, timeZone: tr.timeZone, prepDays: tr.prepDaysBefore };
    return planReviewCard(await directReports(tr, ui.managerId), defaults, ui.t, randomUUID(), refused);
  };
  type ManagerUi = Awaited<ReturnType<typeof managerUi>>;
  /** Today in the organisation's time zone: a date of another year on the list says its year. */
  const todayHere = () => DateTime.fromJSDate(tr.clock.now(), { zone: tr.timeZone }).toISODate()!;
  /** The manager's list of conversations ahead, with what just changed said on top; a page of it from `skip`. */
  const listCard = async (ui: ManagerUi, line?: string, skip = 0) => {
    const { upcoming, withoutPlan } = await managerOverview(tr, ui.managerId);
    return { card: reviewsListCard(upcoming, ui.t, ui.language, undefined, { line, withoutPlan, reportsUnavailable: !withoutPlan, today: todayHere(), skip }), personal: true };
  };
  const notPlanned = (ui: ManagerUi) => listCard(ui, ui.t('talentReview.change.notPlanned'));
  /** "Verplaatsen of annuleren" for one conversation: only from the manager's own plans (a review id of anyone else's finds nothing). */
  const changeCard = async (ui: ManagerUi, reviewId: string, refused?: RefusedMove) => {
    const review = await tr.reviews.get(ui.managerId, reviewId);
    return review ? changeCardOf(ui, review, refused) : undefined;
  };
  const changeCardOf = (ui: ManagerUi, review: TalentReview, refused?: RefusedMove) => {
    const today = DateTime.fromJSDate(tr.clock.now(), { zone: tr.timeZone }).toISODate()!;
    return changeReviewCard(review, today, ui.t, ui.language, randomUUID(), refused);
  };
  /**
   * What a move or a cancellation did, on the list of conversations ahead. A change is stored by
   * then: when the list cannot be read, the answer still says what was stored (afterStored).
   */
  const changed = async (ui: ManagerUi, change: PlanChange) => {
    const { t, language } = ui;
    switch (change.status) {
      case 'notPlanned':
        return notPlanned(ui);
      case 'held':
        return listCard(ui, t('talentReview.change.held', { name: change.review.reportName, date: reviewDate(change.review.date, language) }));
      // Moved by another press at the same moment: nothing changed by this one, the list says where it stands.
      case 'movedMeanwhile':
        return listCard(ui, t('talentReview.change.movedMeanwhile', { name: change.review.reportName, date: reviewDate(change.review.date, language) }));
      case 'cancelled': {
        const line = t('talentReview.change.cancelled', { name: change.review.reportName, date: reviewDate(change.review.date, language) });
        return afterStored('cancelReview', () => listCard(ui, line), () => ({ card: adaptiveCard([heading(t('talentReview.saved.title')), textBlock(line, { weight: 'Bolder' })]), personal: true }));
      }
      case 'moved': {
        const { review, from } = change;
        const line = from ? t('talentReview.change.moved', { name: review.reportName, from: reviewDate(from.date, language), date: reviewDate(review.date, language) }) : undefined;
        return afterStored(
          'moveReview',
          async () => ({ card: reviewsListCard(await upcomingReviews(tr, ui.managerId), t, language, { review, prepOn: prepDayOf(tr, review) }, { line, today: todayHere() }), personal: true }),
          () => ({ card: reviewSavedCard(review, t, { line: line ?? plannedLine({ review, prepOn: prepDayOf(tr, review) }, t, language) }), personal: true }),
        );
      }
    }
  };
  const forms = talentReviewForms(deps, planCard, async (context, reviewId, refused) => {
    const ui = await managerUi(deps, context);
    return (await changeCard(ui, reviewId, refused)) ?? (await notPlanned(ui)).card;
  });
  /**
   * The answer once a change is stored: as `show` builds it, or, when its reads fail now, that the
   * change is saved (`saved`). An error card would say nothing was stored.
   */
  const afterStored = async <T>(change: string, show: () => Promise<T>, saved: () => T): Promise<T> => {
    try {
      return await show();
    } catch (err) {
      deps.logger.warn({ change, err: (err as Error).message }, 'talent review change stored; its card could not be built');
      return saved();
    }
  };
  /**
   * `toForm`: the verb has a form, which a refusal about one of its inputs goes back to.
   * `whileErasing`: the answer when the manager's erasure is unfinished (nothing stored): their
   * form again, with what they entered and why (the plain error card without one).
   */
  const guarded = async (context: TurnContext, work: () => Promise<ActionOutcome>, toForm = false, whileErasing?: (why: string) => Promise<ActionOutcome>): Promise<ActionOutcome> => {
    try {
      return await work();
    } catch (err) {
      // Or a new plan answered after its save window (taken back): nothing stored either, the form says so.
      if (isDomainError(err) && (err.code === 'erasureUnderway' || err.code === 'saveTooSlow') && whileErasing) {
        deps.logger.info({ outcome: err.code }, 'talent review change refused');
        return whileErasing((await managerUi(deps, context)).t(err.code === 'saveTooSlow' ? 'error.saveTooSlow' : 'talentReview.form.erasing'));
      }
      // A refusal for anyone but the direct manager, in words that say why. One about the report
      // named on a form (it moved to another manager) goes to that form, which keeps what was typed.
      if (isDomainError(err) && err.code === 'forbidden' && !(toForm && err.input)) return { card: errorCard({ code: 'forbidden', place: 'talentReview' }, (await managerUi(deps, context)).t), personal: true };
      // A plan or move pressed in a 1:1 chat with a colleague (requireChatWithBot): where to do it instead.
      if (isDomainError(err) && err.code === 'otherGroup') return { card: planElsewhereCard((await managerUi(deps, context)).t), personal: true };
      // A plan press of a conversation cancelled since (Teams delivered it again): the list, saying it is not planned.
      if (isDomainError(err) && err.code === 'notFound' && err.detail === CANCELLED_PLAN_PRESS) return notPlanned(await managerUi(deps, context));
      throw err;
    }
  };
  /**
   * A prep verb pressed on a message the conversation's prep card is not kept in (onOwnChatAction
   * already kept it out of every chat but the manager's own with the bot): refused before anything
   * is stored, as a prep card shown there would never be rebuilt. Undefined where it may go on.
   */
  const elsewhere = async (context: TurnContext, reviewId: string): Promise<ActionOutcome | undefined> => {
    const ui = await managerUi(deps, context);
    return (await prepShowableIn(tr, ui.managerId, reviewId, prepMessageOf(context))) ? undefined : { card: errorCard({ code: 'otherGroup', place: 'talentReview' }, ui.t), personal: true };
  };
  const prepFor = async (context: TurnContext, reviewId: string, typed?: PrepInputs) => {
    const ui = await managerUi(deps, context);
    // The message that will show the card is remembered, so it is rebuilt when the report changes what they share.
    const shownIn = prepMessageOf(context);
    const view = await buildPrep(tr, ui.managerId, reviewId, ui.language, shownIn);
    return { card: prepCard(view, ui.t, ui.language, typed), personal: true, ...(shownIn ? { landed: () => prepCardLanded(tr, ui.managerId, reviewId, shownIn, view.revision) } : {}) };
  };
  /**
   * That a change is saved, in the language Teams gives the turn (the manager's stored one may not
   * be readable now), with the account they typed and did not save, if any, to copy.
   */
  const savedAnswer = (context: TurnContext, review: TalentReview, opts: { phase?: MaturityPhase; unsaved?: string; moved?: boolean } = {}) => {
    const locale = teamsLocale(context) ?? deps.actions.defaultLanguage;
    const t = deps.translator.t(locale);
    const line = opts.phase ? t('talentReview.saved.phaseProposed', { phase: t(`talentReview.phase.${opts.phase}.name`) }) : undefined;
    // Moved meanwhile: saved with the conversation on its new date, which is said.
    const text = opts.moved ? t('talentReview.saved.movedMeanwhile', { name: review.reportName, date: reviewDate(review.date, locale) }) : undefined;
    return { card: reviewSavedCard(review, t, { line, unsaved: opts.unsaved, text }), personal: true };
  };
  const previewCard = async (context: TurnContext, draft?: string) => {
    const ui = await managerUi(deps, context);
    const preview = await buildPreviewCard(tr, deps.translator, ui.managerId, ui.language, tenantOf(context), { draft });
    return preview.status === 'noManager' ? noManagerCard(ui.t, draft) : preview.card;
  };
  // On the preview: which teams' B3-spiegel the manager's card shows, as the professional chooses.
  registerPrepTeamChoices(app, actions, deps);

  /** A typed command whose refusal (a directory that does not answer, say) is the friendly error card, as a button's is. */
  const command = (run: (context: TurnContext) => Promise<void>) => async (context: TurnContext) => {
    try {
      await run(context);
    } catch (err) {
      if (!isDomainError(err)) throw err;
      deps.logger.info({ code: err.code, detail: err.detail }, 'talent review command refused');
      const t = (await managerUi(deps, context).catch(() => undefined))?.t ?? deps.translator.t(teamsLocale(context) ?? deps.defaultLanguage);
      await postCard(context, errorCard(err, t));
    }
  };

  onOwnChatCommand(app, deps, PREVIEW_COMMAND, command(async (context) => void (await postCard(context, await previewCard(context)))));
  onOwnChatAction(app, actions, 'previewPrep', async (context, data) => {
    return { card: await previewCard(context, data.text), personal: true };
  });

  onOwnChatCommand(app, deps, /^\s*(gesprek\s+plannen|plan\s+(review|conversation))\b/i, command(async (context) => void (await postCard(context, await planCard(context)))));
  onOwnChatCommand(
    app,
    deps,
    /^\s*(voorbereiding|gesprekken|prep|reviews)\b/i,
    command(async (context) => {
      await postCard(context, (await listCard(await managerUi(deps, context))).card);
    }),
  );

  // The list's next or previous page: the same reads as the command, a page further.
  onOwnChatAction(app, actions, 'showReviews', async (context, data) => listCard(await managerUi(deps, context), undefined, data.skip ?? 0));
  onOwnChatAction(app, actions, 'openPlanReview', async (context, data) => {
    return { card: await planCard(context, undefined, data.reportId), personal: true };
  });
  onOwnChatAction(
    app,
    actions,
    'planReview',
    async (context, data) =>
    guarded(context, async () => {
      const ui = await managerUi(deps, context);
      const review = await planConversation(tr, ui.managerId, {
        reportId: data.reportId,
        date: data.date,
        timeZone: data.timeZone,
        prepDaysBefore: data.prepDays,
        conversationRef: TurnContext.getConversationReference(context.activity) as unknown as Record<string, unknown>,
        managerName: context.activity.from?.name,
        key: data.k,
      });
      const planned = { review, prepOn: prepDayOf(tr, review) };
      return afterStored(
        'planReview',
        async () => ({ card: reviewsListCard(await upcomingReviews(tr, ui.managerId), ui.t, ui.language, planned, { today: todayHere() }), personal: true }),
        () => ({ card: reviewSavedCard(review, ui.t, { line: plannedLine(planned, ui.t, ui.language) }), personal: true }),
      );
    }, true, async (why) => ({ card: await planCard(context, { values: sentInputs(context), errors: {}, why }), personal: true })),
    { form: forms.planReview },
  );
  onOwnChatAction(app, actions, 'openChangeReview', async (context, data) => {
    const ui = await managerUi(deps, context);
    const card = await changeCard(ui, data.reviewId);
    return card ? { card, personal: true } : notPlanned(ui);
  });
  onOwnChatAction(
    app,
    actions,
    'moveReview',
    async (context, data) =>
      guarded(context, async () => {
        const ui = await managerUi(deps, context);
        const conversationRef = TurnContext.getConversationReference(context.activity) as unknown as Record<string, unknown>;
        const change = await moveConversation(tr, ui.managerId, data.reviewId, { date: data.date, conversationRef, key: data.k, managerName: context.activity.from?.name, planned: data.planned });
        // Moved to another date by another change card first: this card's form again, for the conversation as it stands, its date kept and why next to it.
        if (change.status === 'movedMeanwhile') {
          const why = ui.t('talentReview.form.movedMeanwhile', { date: reviewDate(change.review.date, ui.language) });
          return { card: changeCardOf(ui, change.review, { values: sentInputs(context), errors: { date: why } }), personal: true };
        }
        return changed(ui, change);
      }, true, async (why) => {
        const ui = await managerUi(deps, context);
        const card = await changeCard(ui, data.reviewId, { values: sentInputs(context), errors: { erasing: why } });
        return card ? { card, personal: true } : notPlanned(ui);
      }),
    { form: forms.moveReview },
  );
  onOwnChatAction(app, actions, 'cancelReview', async (context, data) => {
    const ui = await managerUi(deps, context);
    return changed(ui, await cancelConversation(tr, ui.managerId, data.reviewId, { managerName: context.activity.from?.name, planned: data.planned }));
  });
  onOwnChatAction(app, actions, 'showPrep', async (context, data) => guarded(context, async () => (await elsewhere(context, data.reviewId)) ?? prepFor(context, data.reviewId)));
  for (const verb of ['proposeReviewPhase', 'pickReviewPhase'] as const) {
    onOwnChatAction(
      app,
      actions,
      verb,
      async (context, data) =>
        guarded(context, async () => {
          const refused = await elsewhere(context, data.reviewId);
          if (refused) return refused;
          const review = await proposeReviewPhase(tr, actorOf(context).id, data.reviewId, data.phase, data.k ?? context.activity.id);
          // The account under "wat heb ik gefaciliteerd?" came along unsaved: it comes back as typed, still unsaved.
          const typed = typedPrepInputs(sentInputs(context));
          // The conversation was moved as this was pressed: the proposal went with it, and this card (the old date's) is withdrawn.
          if (review.id !== data.reviewId) return savedAnswer(context, review, { phase: data.phase, unsaved: typed.facilitated, moved: true });
          return afterStored(verb, () => prepFor(context, data.reviewId, typed), () => savedAnswer(context, review, { phase: data.phase, unsaved: typed.facilitated }));
        }, true, async (why) => prepFor(context, data.reviewId, { ...typedPrepInputs(sentInputs(context)), errors: { phase: why } })),
      { form: forms.proposePhase },
    );
  }
  onOwnChatAction(
    app,
    actions,
    'saveFacilitated',
    async (context, data) =>
      guarded(context, async () => {
        const refused = await elsewhere(context, data.reviewId);
        if (refused) return refused;
        const review = await saveFacilitated(tr, actorOf(context).id, data.reviewId, { text: data.facilitated, share: data.shareFacilitation, pressKey: data.k ?? context.activity.id });
        // A phase picked in the list but not proposed yet came along too: it stays picked (the saved account is shown as stored).
        const { phase } = typedPrepInputs(sentInputs(context));
        return afterStored('saveFacilitated', () => prepFor(context, data.reviewId, phase === undefined ? undefined : { phase }), () => savedAnswer(context, review));
      }, true, async (why) => prepFor(context, data.reviewId, { ...typedPrepInputs(sentInputs(context)), errors: { facilitated: why } })),
    { form: forms.saveFacilitated },
  );

  const jobPayload = z.object({ managerId: z.string(), reviewId: z.string() });
  /** How long a prep job waits before it asks again whether a card still being delivered arrived. */
  const DELIVERY_CHECK_MS = 5 * 60_000;
  /** Runs of a prep job that find no review before it stops (retries 20 s, 40 s, 80 s apart). */
  const PREP_WAITS_FOR_REVIEW = 4;
  scheduler.on(REVIEW_JOB, async (payload, job) => {
    const { managerId, reviewId } = readPayload(jobPayload, payload);
    const outcome = await sendScheduledPrep(tr, managerId, reviewId);
    deps.logger.info({ reviewId, outcome }, 'scheduled prep card');
    // However long the directory stays away: the card goes out once it answers (while it is still before the conversation).
    if (outcome === 'directoryUnavailable') throw new RunAgainLater(new Date(tr.clock.now().getTime() + DIRECTORY_RETRY_MS), 'the manager directory did not answer');
    // Teams failed transiently and the outbox is still trying: this job asks again later whether
    // the card arrived, so it is counted as received, or as not delivered, once it is decided.
    if (outcome === 'deliveryPending') throw new RunAgainLater(new Date(tr.clock.now().getTime() + DELIVERY_CHECK_MS), 'the prep card is still being delivered');
    // A plan writes its job before its review: a job due at once may run before the review is
    // stored (or before the manager's retry after an error card stores it). It tries again a
    // few times, minutes apart, before it counts the review as gone.
    if (outcome === 'gone' && job.attempts < PREP_WAITS_FOR_REVIEW) throw new Error('the review of this prep card is not stored (yet)');
  });
  // A rebuild that failed after a report's change (prepCardsFollowSharing): a failure here is retried by the scheduler.
  const refreshPayload = z.object({ reportId: z.string() });
  scheduler.on(PREP_REFRESH_JOB, async (payload) => {
    const queued = await refreshPrepCards(tr, readPayload(refreshPayload, payload).reportId);
    deps.logger.info({ queued }, 'prep cards rebuilt by their retry');
  });
  // The daily manager check: prep cards in the chat of a manager the directory no longer names are withdrawn.
  // It also rebuilds the prep cards of people whose change of sharing found neither the rebuild nor its retry stored.
  scheduler.on(PREP_MANAGER_CHECK_JOB, async () => {
    // The directory check first (it schedules tomorrow's before anything can fail); when it fails,
    // the owed rebuilds still run before the job is retried: what someone took back does not wait.
    const check = await withdrawFromFormerManagers(tr).then(
      (counts) => ({ counts }),
      (error: unknown) => ({ error }),
    );
    const owed = await rebuildOwedPrepCards(tr);
    // Counts only: who manages whom, and who changed what they share, stay out of the log.
    if (owed.owed) deps.logger.info(owed, 'prep cards owed a rebuild after a change of sharing followed up');
    if ('error' in check) throw check.error;
    deps.logger.info(check.counts, 'prep cards checked against the directory');
  });
  registerPrepCardHooks(deps.outbox, deps);
  // The professional's side: asking their manager for a conversation.
  registerReviewRequests(app, actions, deps);
  // The manager's side of accountability: to their team.
  registerTeamAccounts(app, actions, deps);
  // The professional's proposals their group adopted, put before their manager, and the manager's answer.
  if (tr.proposalsToManager) registerProposalsToManager(app, actions, deps, tr.proposalsToManager);
}
