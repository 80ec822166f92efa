import { SharedProposal } from '../../../domain/proposal/proposal-to-lo';
import { Group } from '../../../domain/week-cycle/group';
import { Translator } from '../../../i18n/i18n';
import { Outbox } from '../../../outbox/outbox';
import { ProposalToLoDelivery } from '../../../usecases/proposal-to-lo/proposal-to-lo';
import { AdaptiveCardJson } from '../../cards/card-kit';
import { loAnswerToGroupCard } from '../../cards/proposal-to-lo/lo-answer-to-group.card';
import { sharedNoticeCard } from '../../cards/proposal-to-lo/shared-notice.card';
import { cardMessage } from '../../messenger';

interface StoredReference {
  serviceUrl?: string;
  bot?: { id?: string };
  conversation?: { id?: string; tenantId?: string };
}

/**
 * The group's chat is told through the outbox, queued under its key (one create in the press's
 * turn; the outbox sends it right after, within Teams' limits, and retries it): the notice that the
 * group shared a proposal, and L&O's answer, each in the group's language. Neither names a person.
 */
export function outboxProposalToLoDelivery(deps: { outbox: Outbox; translator: Translator; timeZone: string }): ProposalToLoDelivery {
  const toGroup = async (group: Group, card: AdaptiveCardJson, key: string) => {
    const ref = group.conversationRef as StoredReference;
    const conversationId = ref.conversation?.id;
    if (!conversationId || !ref.serviceUrl) throw new Error('group without a conversation reference');
    await deps.outbox.queue({
      key,
      tenantId: ref.conversation?.tenantId ?? group.tenantId ?? 'unknown-tenant',
      route: { serviceUrl: ref.serviceUrl, ...(ref.bot?.id ? { botId: ref.bot.id } : {}) },
      target: { kind: 'conversation', conversationId },
      payload: cardMessage(card),
    });
  };
  return {
    sharedNotice: (group: Group, shared: SharedProposal, key: string) => toGroup(group, sharedNoticeCard(shared, deps.translator.t(group.language), group.language, deps.timeZone), key),
    answerToGroup: (group: Group, shared: SharedProposal, key: string) => toGroup(group, loAnswerToGroupCard(shared, deps.translator.t(group.language), group.language, deps.timeZone), key),
  };
}
