import { HrPeopleSource } from '../../../domain/directory/hr-people';
import { PersonalRecordRepository } from '../../../domain/verantwoording/ports';
import { SharedProposal, SharedProposalRepository } from '../../../domain/proposal/proposal-to-lo';
import { Clock } from '../../../domain/shared/clock';
import { ProposalRepository } from '../../../domain/week-cycle/ports';
import { Group } from '../../../domain/week-cycle/group';
import { Locale, Translator } from '../../../i18n/i18n';
import type { Logger } from '../../../log/logger';
import { Outbox } from '../../../outbox/outbox';
import { RenderedMessage } from '../../../outbox/outbox-job';
import { afterShareNotice, mirrorShareToProposal, ProposalToLoDelivery, TellLo } from '../../../usecases/proposal-to-lo/proposal-to-lo';
import { AdaptiveCardJson } from '../../cards/card-kit';
import { loAnswerToGroupCard } from '../../cards/proposal-to-lo/lo-answer-to-group.card';
import { loSharedWithYouCard } from '../../cards/proposal-to-lo/lo-shared-with-you.card';
import { sharedNoticeCard } from '../../cards/proposal-to-lo/shared-notice.card';
import { cardMessage, RENDERED_WHEN_SENT } from '../../messenger';
import { WEEKLY_LO_STILL_HR } from '../learning-needs/weekly-to-lo';

interface StoredReference {
  serviceUrl?: string;
  bot?: { id?: string };
  conversation?: { id?: string; tenantId?: string };
}

/** The outbox's hooks of this feature (jobs hold their names and ids only, never a function or a person's words). */
export const PROPOSAL_TO_LO_HOOKS = {
  /** An HR person's card about a new share, drawn when sent. */
  toLo: 'proposalToLo.toLo',
  /** After the group's chat was told of L&O's answer: the share copied onto the group's proposal. */
  mirror: 'proposalToLo.mirror',
  /**
   * After the group's chat was told of the share (or the notice was given up): each HR person's
   * card queued, and the share copied onto the group's proposal. Its args: the record's tenant and
   * id, and where the app reaches that tenant (the group chat's route); nobody's id or words.
   */
  shared: 'proposalToLo.shared',
} as const;

/** Where the group's chat is reached: its stored reference (the HR cards go the same way, to each person's own chat). */
function reach(group: Group): { tenantId: string; route: RenderedMessage['route']; conversationId: string } {
  const ref = group.conversationRef as StoredReference;
  const conversationId = ref.conversation?.id;
  if (!conversationId || !ref.serviceUrl) throw new Error('group without a conversation reference');
  return { tenantId: ref.conversation?.tenantId ?? group.tenantId ?? 'unknown-tenant', route: { serviceUrl: ref.serviceUrl, ...(ref.bot?.id ? { botId: ref.bot.id } : {}) }, conversationId };
}

/**
 * The group's chat is told through the outbox, queued under its key (one create in the press's
 * turn; the outbox sends it right after, within Teams' limits, and retries it): the notice that the
 * group shared a proposal, and L&O's answer, each in the group's language. Neither names a person.
 * Once an answer went out (or was given up), the outbox copies the share onto the group's proposal
 * (`mirror`); once the notice did, it also queues each HR person's card (`shared`, see
 * registerProposalToLoHooks): never in the press's turn.
 */
export function outboxProposalToLoDelivery(deps: { outbox: Pick<Outbox, 'queue'>; translator: Translator; timeZone: string }): ProposalToLoDelivery {
  const toGroup = async (group: Group, card: AdaptiveCardJson, key: string, hook: (reached: ReturnType<typeof reach>) => { kind: string; args: Record<string, string> }) => {
    const reached = reach(group);
    const { tenantId, route, conversationId } = reached;
    const after = hook(reached);
    await deps.outbox.queue({ key, tenantId, route, target: { kind: 'conversation', conversationId }, payload: cardMessage(card), onSent: after, onRefused: after });
  };
  return {
    sharedNotice: (group, shared, key) =>
      toGroup(group, sharedNoticeCard(shared, deps.translator.t(group.language), group.language, deps.timeZone), key, ({ tenantId, route }) => ({
        kind: PROPOSAL_TO_LO_HOOKS.shared,
        args: { tenantId: shared.tenantId, id: shared.id, chatTenantId: tenantId, serviceUrl: route.serviceUrl, ...(route.botId ? { botId: route.botId } : {}) },
      })),
    answerToGroup: (group, shared, key) =>
      toGroup(group, loAnswerToGroupCard(shared, deps.translator.t(group.language), group.language, deps.timeZone), key, () => ({ kind: PROPOSAL_TO_LO_HOOKS.mirror, args: { tenantId: shared.tenantId, id: shared.id } })),
  };
}

/**
 * Each HR person's card about a share, to their own 1:1 chat, reached the way the group's chat is
 * (the notice hook's args); drawn when sent (`toLo`). Sent only to someone still HR then, asked
 * as the weekly L&O card asks (`registerWeeklyLoCheck`'s check: HR_USER_IDS of the running app, or
 * HR_GROUP_ID as the directory says then): a restart may have taken them out meanwhile (found in
 * review, stop 54). By HR alone, no tenant in its args: the group's notice is not held for its
 * tenant either. Skipped, not deleted: its key stays taken, so a run again queues none.
 * A card queued under its former, plain key (before stop 62) is that person's card: the hook run
 * again after the update (HR_GROUP_ID unlisted at first) queues no second one under the keyed key
 * (found in review, stop 63). One read more a person, in the outbox's sender, never on a turn.
 */
function tellLoVia(outbox: Pick<Outbox, 'enqueue' | 'privately' | 'queuedUnderFormerKey'>, args: Record<string, string>): TellLo {
  const { tenantId, chatTenantId, serviceUrl, botId } = args;
  return async (shared, people) => {
    if (!serviceUrl) throw new Error('shared notice hook without a route');
    const notYetQueued = await notQueuedUnderFormerKey(outbox, people);
    await outbox.enqueue(
      // Private messages: each under its key keyed with the app's secret (stop 62); `withdrawLo` takes it back by the same.
      notYetQueued.map(({ userId, key }) => outbox.privately({
        key,
        tenantId: chatTenantId ?? tenantId ?? shared.tenantId,
        route: { serviceUrl, ...(botId ? { botId } : {}) },
        target: { kind: 'person', userId, appUserId: userId },
        payload: RENDERED_WHEN_SENT,
        render: { kind: PROPOSAL_TO_LO_HOOKS.toLo, args: { tenantId: shared.tenantId, id: shared.id, userId } },
        sendIf: { kind: WEEKLY_LO_STILL_HR, args: { userId } },
      } satisfies RenderedMessage)),
    );
  };
}

async function notQueuedUnderFormerKey<P extends { key: string }>(outbox: Pick<Outbox, 'queuedUnderFormerKey'>, people: readonly P[]): Promise<P[]> {
  const found = await Promise.all(people.map((p) => outbox.queuedUnderFormerKey(p.key)));
  return people.filter((_, i) => !found[i]);
}

/**
 * The outbox's side of the feature. `toLo`: the HR person's card, from the record as stored when
 * it is sent (a record gone by then: nothing sent), in the language they chose, else their Teams
 * client's as their own turns kept it, else the default.
 * `mirror`: the share copied onto the group's proposal. `shared` (the group's notice went out, or
 * was given up): each HR person's card queued under its key, then the mirror; in the outbox's
 * sender, so it costs no member's turn a request, and a run that fails is run again by the outbox
 * (its hooks are kept until they ran, see JobTransitions.runHook). Logs ids, counts and outcomes only.
 */
export function registerProposalToLoHooks(
  outbox: Pick<Outbox, 'onRender' | 'onSent' | 'onRefused' | 'enqueue' | 'withdraw' | 'privately' | 'privateKey' | 'queuedUnderFormerKey'>,
  deps: {
    shared: Pick<SharedProposalRepository, 'get' | 'markNoticed'>;
    proposals: Pick<ProposalRepository, 'update'>;
    /** Read only: whether an HR person's erasure is under way (they get no card: `afterShareNotice`). */
    records: Pick<PersonalRecordRepository, 'get'>;
    /** HR_USER_IDS: the HR/L&O people the app can name, told of each new share. Absent: none. */
    hrUserIds?: readonly string[];
    /** HR_GROUP_ID is set; its members, listed in this hook (never a turn), are told as well. */
    hrGroup?: boolean;
    listHrGroup?: HrPeopleSource['listHrGroup'];
    listsTenant?: HrPeopleSource['listsTenant'];
    /** When the notice's hook marks the record as noticed. */
    clock: Clock;
    translator: Translator;
    timeZone: string;
    languageOf(userId: string): Promise<Locale>;
    logger: Logger;
  },
): void {
  outbox.onRender(PROPOSAL_TO_LO_HOOKS.toLo, async ({ tenantId, id, userId }) => {
    const shared = tenantId && id ? await deps.shared.get(tenantId, id) : undefined;
    if (!shared || !userId) return undefined;
    const language = await deps.languageOf(userId);
    return { payload: cardMessage(loSharedWithYouCard({ shared, language, timeZone: deps.timeZone }, deps.translator.t(language))) };
  });
  const mirror = async ({ tenantId, id }: Record<string, string>) => {
    if (!tenantId || !id) return;
    const outcome = await mirrorShareToProposal(deps, tenantId, id);
    deps.logger.info({ id, outcome }, 'shared proposal copied to the group');
  };
  outbox.onSent(PROPOSAL_TO_LO_HOOKS.mirror, (args) => mirror(args));
  outbox.onRefused(PROPOSAL_TO_LO_HOOKS.mirror, (args) => mirror(args));
  const noticed = async (args: Record<string, string>) => {
    const { tenantId, id } = args;
    if (!tenantId || !id) return;
    const { outcome, told, erasing, hrGroupUnavailable } = await afterShareNotice({ ...deps, tellLo: tellLoVia(outbox, args), withdrawLo: (key) => outbox.withdraw(outbox.privateKey(key)) }, tenantId, id);
    deps.logger.info({ id, outcome, told, ...(erasing ? { erasing } : {}), ...(hrGroupUnavailable ? { hrGroupUnavailable } : {}) }, 'shared proposal told to L&O and copied to the group');
    // HR_USER_IDS are told; the hook fails so that the outbox runs it again for HR_GROUP_ID's members.
    if (hrGroupUnavailable) throw new Error('HR_GROUP_ID could not be listed (Microsoft Graph did not answer); its members are told when this runs again');
  };
  outbox.onSent(PROPOSAL_TO_LO_HOOKS.shared, (args) => noticed(args));
  outbox.onRefused(PROPOSAL_TO_LO_HOOKS.shared, (args) => noticed(args));
}
