import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { isDomainError } from '../../../domain/shared/errors';
import { MAX_TEAM_ACCOUNT_LENGTH, TeamAccountDelivery, teamAccountRecordId } from '../../../domain/talent-review/team-account';
import { Translate } from '../../../i18n/i18n';
import { DeliveryStatus } from '../../../domain/outbox/outbox.port';
import { FINISHED, jobIdFor } from '../../../outbox/outbox-job';
import { cardMessage } from '../../messenger';
import { pressChat } from './review-requests';
import { accountToTeam, deleteKeptTeamAccount, keptTeamAccount, keptTeamAccounts, ownManagerOf, teamCardMayGo, teamOf } from '../../../usecases/talent-review/account-to-team';
import { CardActionContext, FieldProblem, RefusalForm } from '../../card-actions';
import { postCard } from '../../card-response';
import { submittedInput, submittedText } from '../../cards/card-kit';
import { errorCard } from '../../cards/error.card';
import { refusedFormFallback } from '../../cards/refused-form-fallback.card';
import { teamAccountCard, teamAccountUpCard } from '../../cards/talent-review/team-account.card';
import { teamAccountGoneSinceCard } from '../../cards/talent-review/team-account-gone-since.card';
import { RefusedAccount, teamAccountFormCard } from '../../cards/talent-review/team-account-form.card';
import { teamAccountOutcomeCard } from '../../cards/talent-review/team-account-outcome.card';
import { teamAccountDeleteCard } from '../../cards/talent-review/team-account-delete.card';
import { teamAccountDeletedCard, teamAccountsKeptCard } from '../../cards/talent-review/team-accounts-kept.card';
import { KeptAccountsView } from '../../cards/talent-review/team-accounts-kept.section';
import { teamsLocale } from '../../turn';
import { VERBS } from '../../verbs';
import { managerUi, rebuildLanguageOf, TalentReviewFeatureDeps } from './deps';
import { onOwnChatAction, onOwnChatCommand } from './own-chat';

/** The outbox hook of an account's card: whether it may go now. */
export const TEAM_ACCOUNT_HOOKS = { mayGo: 'talentReview.teamAccountMayGo' } as const;

const ACCOUNT_COMMAND = /^\s*(teamverantwoording|account\s+to\s+(my\s+)?team)\b/i;

/**
 * Each team member's card (and the manager's own manager's, when chosen) in their own 1:1 chat with the bot (opened by the outbox with their
 * Entra id), in their language: their chosen one, else their Teams client's as their own turns kept it, else the organisation's (this is not their turn).
 * The manager's chat only tells the outbox the tenant and service. The card names the manager, so
 * erasing them takes it out of the outbox; erasing the member does too (theirs). Either erasure
 * leaves the card's key behind, blank, so the same send press delivered again (or pressed again)
 * queues nothing for someone erased since: the directory still lists them, and the kept record
 * names nobody to check against. `press`: the record the send keeps; each card then goes only while
 * the manager's erasure has not begun, and while it is kept, deleted from her list (the mark her
 * delete leaves), or once tried (`sendIf`, teamCardMayGo): a card whose queue write landed after
 * their erasure's outbox purge is dropped unsent, and one still waiting when she deleted the
 * account from her list still goes ("verstuurd" means sent).
 */
export function chatTeamAccounts(deps: TalentReviewFeatureDeps, ref: Record<string, unknown>, press?: { recordId: string }): TeamAccountDelivery {
  return {
    async deliver(account, to, key) {
      const language = await rebuildLanguageOf(deps, to.memberId, undefined);
      const t = deps.translator.t(language);
      const card = to.role === 'ownManager' ? teamAccountUpCard(account, t) : teamAccountCard(account, t);
      const { conversationId: _pressedIn, ...chat } = pressChat(ref);
      // An erasure of theirs (or the manager's) leaves the card's key behind: the same press delivered again queues nothing for them.
      const queued = await deps.outbox.queue(
        {
          ...chat,
          key,
          target: { kind: 'person', userId: to.memberId, appUserId: to.memberId },
          payload: cardMessage(card),
          about: [account.managerId],
          // Just before it goes: the manager's erasure has not begun, and the account is still kept or
          // deleted from her list (its mark), or this card was tried before (teamCardMayGo; `jobId`: its own job, read for that).
          ...(press ? { sendIf: { kind: TEAM_ACCOUNT_HOOKS.mayGo, args: { managerId: account.managerId, recordId: press.recordId, jobId: jobIdFor(key) } } } : {}),
          keyOutlivesErasure: true,
        },
        { tellErasedKey: true },
      );
      if (queued !== 'alreadyQueued') return queued === 'erasedKey' ? 'erasedKey' : undefined;
      // Held only by a card that ended without going (skipped at send time): one still waiting was
      // queued by another delivery of this press, whose record this is (found reviewing stop 60:
      // counted as held, the record was taken back under it, "sent" said, and nothing went).
      const job = await deps.outbox.store.get(jobIdFor(key));
      return job && FINISHED.includes(job.status) ? 'held' : undefined;
    },
    async withdraw(key) {
      // Only a job no sender has tried yet is surely unsent; deleted under its ETag, no sender can claim it after.
      for (let attempt = 0; attempt < 5; attempt++) {
        const job = await deps.outbox.store.get(jobIdFor(key));
        // No job: never queued (or its check skipped it), or a blank holds its key: the card went
        // (a sent card leaves only that, stop 59), or may have before an erasure took it out.
        if (!job) return !(await deps.outbox.store.keyLeftBehind(jobIdFor(key)));
        if (job.status !== 'pending' || job.attempts > 0) return false;
        if (await deps.outbox.store.deleteIfUnchanged(job)) return true;
      }
      return false;
    },
    async mayHaveGone(key) {
      const job = await deps.outbox.store.get(jobIdFor(key));
      // No job: a blank holding its key means the card went, or an erasure took it out (alike, by design).
      if (!job) return deps.outbox.store.keyLeftBehind(jobIdFor(key));
      return MAY_HAVE_GONE.includes(job.status);
    },
    async keyLeftBehind(key) {
      return deps.outbox.store.keyLeftBehind(jobIdFor(key));
    },
  };
}

/**
 * An account card's states in which it went or may have, as the outbox judges its tries: one
 * waiting for its retry was answered with an error (nothing went); one being sent may be on its
 * way (or about to end skipped: said "may have" then, never "not sent" of one that went).
 */
const MAY_HAVE_GONE: readonly DeliveryStatus[] = ['sending', 'sent', 'unconfirmed'];

/** The words next to refused text. */
function accountReason(p: FieldProblem, t: Translate, values: Record<string, unknown>): string {
  if (p.field === 'text' && p.rule === 'tooLong') return t('teamAccount.tooLong', { max: MAX_TEAM_ACCOUNT_LENGTH, length: p.params.shown ?? p.params.count ?? submittedText(values, 'text')?.length ?? 0 });
  if (p.field === 'text' && p.rule === 'required') return t('teamAccount.required');
  return t('error.invalidInput');
}

/**
 * A manager accounts to their team (seed 002), in their own 1:1 chat with the bot:
 * `teamverantwoording` (`account to team`), with their words after it if they like. The form shows
 * who it goes to and the manager's earlier accounts; the send keeps the account in the manager's own
 * partition and queues one card per direct report; a kept account can be deleted from the list (what
 * was sent stays in the chats). `actions` answers in the manager's language.
 */
export function registerTeamAccounts(app: Application<TurnState>, actions: CardActionContext, deps: TalentReviewFeatureDeps): void {
  const tr = deps.talentReview;
  // Tried before: a sender claimed it once (each claim is an attempt; one handed back unsent is not counted).
  const triedBefore = (jobId: string | undefined) => async () => !!jobId && ((await deps.outbox.store.get(jobId))?.attempts ?? 0) > 0;
  deps.outbox.onGuard(TEAM_ACCOUNT_HOOKS.mayGo, async ({ managerId, recordId, jobId }) => !!managerId && !!recordId && (await teamCardMayGo(tr, managerId, recordId, triedBefore(jobId))));
  /** The manager's kept accounts as the cards show them (one query in their own partition). */
  const keptView = async (managerId: string, locale: KeptAccountsView['locale']): Promise<KeptAccountsView> => {
    const accounts = await keptTeamAccounts(tr, managerId);
    return { accounts, total: accounts.length, locale, timeZone: tr.timeZone };
  };
  /** The form with the team it goes to and the earlier accounts, or why there is nobody to tell (with the earlier ones). */
  const opening = async (context: TurnContext, opts: { text?: string; refused?: RefusedAccount; ui?: Awaited<ReturnType<typeof managerUi>> } = {}) => {
    const { text, refused } = opts;
    const ui = opts.ui ?? (await managerUi(deps, context));
    const team = await teamOf(tr, ui.managerId);
    const kept = await keptView(ui.managerId, ui.language);
    // Nobody to tell: what they typed (a refused send's words, or what followed the command) stays on the card to copy.
    if (!team.length) return teamAccountOutcomeCard({ status: 'noTeam' }, ui.t, { kept, typed: submittedInput(refused?.values, 'text') ?? text });
    const hasOwnManager = !!(await ownManagerOf(tr, ui.managerId));
    return teamAccountFormCard(ui.t, randomUUID(), team, { hasOwnManager, kept, ...(text ? { text } : {}), ...(refused ? { refused } : {}) });
  };
  const accountForm: RefusalForm = {
    render: async (context, r) => opening(context, { refused: { values: r.values, errors: r.errors } }),
    reason: accountReason,
  };
  /**
   * A send refused while the manager's erasure is unfinished, or whose record's write outlived its
   * save window and was taken back (nothing kept, no card queued): the form again with their words
   * and choice, and why nothing went (`why`, in their language). The form
   * asks the directory; when that (or the store) does not answer, the words still come back with
   * the reason on the plain form, whose button is the same send.
   */
  const refusedKept = async (context: TurnContext, ui: Awaited<ReturnType<typeof managerUi>>, data: { text: string; alsoOwnManager?: boolean; k?: string; to?: string }, why: string) => {
    const values = { text: data.text, ...(data.alsoOwnManager ? { alsoOwnManager: 'true' } : {}) };
    return opening(context, { ui, refused: { values, errors: {}, why } }).catch((err: unknown) => {
      deps.logger.warn({ err: (err as Error).message }, 'team account form not rendered after a refused send; the plain form keeps the words');
      return refusedFormFallback(VERBS.sendTeamAccount.verb, { ...values, ...(data.k ? { k: data.k } : {}), ...(data.to ? { to: data.to } : {}) }, { text: why }, ui.t);
    });
  };

  /**
   * A send whose form named nobody still in the team, while the directory lists others now (they
   * moved on while the manager typed): nothing kept or queued; the form anew, naming the team as it
   * is now (a new key and list), with their words and choice, and why nothing went next to whom it
   * goes to. Not the kept list: no read more than the send's.
   */
  const teamChangedForm = async (ui: Awaited<ReturnType<typeof managerUi>>, team: { id: string; name: string }[], data: { text: string; alsoOwnManager?: boolean }) => {
    const values = { text: data.text, ...(data.alsoOwnManager ? { alsoOwnManager: 'true' } : {}) };
    const hasOwnManager = !!(await ownManagerOf(tr, ui.managerId));
    return teamAccountFormCard(ui.t, randomUUID(), team, { hasOwnManager, refused: { values, errors: {}, why: ui.t('teamAccount.teamChanged') } });
  };

  onOwnChatCommand(app, deps, ACCOUNT_COMMAND, async (context, words) => {
    try {
      // What follows the command is the account, as `notitie <tekst>` keeps its text: in the field, not lost.
      const text = words.trim();
      await postCard(context, await opening(context, { text }));
    } catch (err) {
      // A directory that does not answer, say: the friendly card, as the button gets.
      if (!isDomainError(err)) throw err;
      deps.logger.info({ code: err.code, detail: err.detail }, 'team account command refused');
      const t = (await managerUi(deps, context).catch(() => undefined))?.t ?? deps.translator.t(teamsLocale(context) ?? deps.defaultLanguage);
      await postCard(context, errorCard(err, t));
    }
  });
  onOwnChatAction(app, actions, 'openTeamAccount', async (context) => ({ card: await opening(context), personal: true }));
  onOwnChatAction(
    app,
    actions,
    'sendTeamAccount',
    async (context, data) => {
      const ui = await managerUi(deps, context);
      const ref = TurnContext.getConversationReference(context.activity) as unknown as Record<string, unknown>;
      const pressKey = data.k ?? context.activity.id ?? randomUUID();
      const outcome = await accountToTeam(tr, chatTeamAccounts(deps, ref, { recordId: teamAccountRecordId(ui.managerId, pressKey) }), {
        managerId: ui.managerId,
        managerName: context.activity.from?.name,
        text: data.text,
        pressKey,
        language: ui.language,
        alsoOwnManager: data.alsoOwnManager === true,
        ...(data.to ? { listed: data.to.split(',').filter(Boolean) } : {}),
      }).catch((err: unknown) => {
        // Their erasure is unfinished, or the record's write outlived its save window (taken back):
        // nothing kept or queued; the form keeps the words and says why.
        if (isDomainError(err) && (err.code === 'erasureUnderway' || err.code === 'saveTooSlow')) return err.code;
        throw err;
      });
      // Counts only: who manages whom, and the words, stay out of the log.
      deps.logger.info({ outcome: typeof outcome === 'string' ? outcome : outcome.status, recipients: typeof outcome !== 'string' && outcome.status === 'sent' ? outcome.recipients.length : 0 }, 'team account sent');
      if (typeof outcome === 'string') return { card: await refusedKept(context, ui, data, ui.t(outcome === 'saveTooSlow' ? 'error.saveTooSlow' : 'teamAccount.erasing')), personal: true };
      if (outcome.status === 'teamChanged') return { card: await teamChangedForm(ui, outcome.team, data), personal: true };
      // Deleted from her list, or gone from her data: what went is not said (nothing keeps its words); these words come back to copy.
      // Overtaken by her erasure after a card went: these words shown as on her form, not offered to send.
      if (outcome.status === 'deletedSince' || outcome.status === 'notFullySent' || outcome.status === 'goneSince' || outcome.status === 'erasedMidSend') {
        return { card: teamAccountGoneSinceCard(outcome.status, ui.t, data.text), personal: true };
      }
      // No team at all, or an earlier try of this press sent other words: these did not go, and come back to copy.
      return { card: teamAccountOutcomeCard(outcome, ui.t, outcome.status === 'noTeam' || outcome.earlierTry ? { typed: data.text } : {}), personal: true };
    },
    { form: accountForm },
  );
  onOwnChatAction(app, actions, 'openTeamAccounts', async (context, data) => {
    const ui = await managerUi(deps, context);
    return { card: teamAccountsKeptCard({ ...(await keptView(ui.managerId, ui.language)), skip: data.skip ?? 0 }, ui.t), personal: true };
  });
  onOwnChatAction(app, actions, 'confirmDeleteTeamAccount', async (context, data) => {
    const ui = await managerUi(deps, context);
    // Their own partition only: another manager's id (a forged press) finds nothing.
    const account = await keptTeamAccount(tr, ui.managerId, data.id);
    if (!account) return { card: teamAccountsKeptCard({ ...(await keptView(ui.managerId, ui.language)), skip: 0, notice: ui.t('teamAccount.kept.notFound') }, ui.t), personal: true };
    return { card: teamAccountDeleteCard(account, { locale: ui.language, timeZone: tr.timeZone }, ui.t), personal: true };
  });
  onOwnChatAction(app, actions, 'deleteTeamAccount', async (context, data) => {
    const ui = await managerUi(deps, context);
    const outcome = await deleteKeptTeamAccount(tr, ui.managerId, data.id);
    // The outcome alone: which account, and whose, stays out of the log.
    deps.logger.info({ outcome }, 'team account deleted by its manager');
    const notice = ui.t(outcome === 'deleted' ? 'teamAccount.kept.deleted' : 'teamAccount.kept.notFound');
    // The answer is her list (one query in her own partition), never the form: the form asks the
    // directory, and a directory that does not answer turned a delete that was done into the error
    // card "Er is niets bewaard". The list's button opens the form. Should the list itself not be
    // read after a delete that was done, a short card still says it was done.
    const kept = await keptView(ui.managerId, ui.language).catch((err: unknown) => {
      if (outcome !== 'deleted') throw err;
      deps.logger.warn({ err: (err as Error).message }, 'kept team accounts not read after a delete; answered without the list');
      return undefined;
    });
    if (!kept) return { card: teamAccountDeletedCard(notice, ui.t), personal: true };
    return { card: teamAccountsKeptCard({ ...kept, skip: 0, notice }, ui.t), personal: true };
  });
}
