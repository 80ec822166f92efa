import { Language } from '../../../domain/framework/framework';
import { WeeklyLoNotices } from '../../../domain/learning-needs/weekly-to-lo';
import { Translator } from '../../../i18n/i18n';
import { Outbox } from '../../../outbox/outbox';
import { loWeeklyCard } from '../../cards/learning-needs/lo-weekly.card';
import { cardMessage } from '../../messenger';

export interface WeeklyLoNoticeDeps {
  outbox: Pick<Outbox, 'queue' | 'withdraw'>;
  translator: Translator;
  /** The person's chosen language, else the organisation's (this is nobody's turn). */
  languageOf(userId: string): Promise<Language>;
}

/**
 * The week's card in each HR person's own 1:1 chat, opened by the outbox with their Entra id as the
 * half-yearly reminder is (Teams opens it only for a user of that tenant; where it refuses, the
 * outbox gives the card up and logs its job, never the person). Queued under the key: once per key.
 * `keyOutlivesErasure`: their erasure takes the card out of the outbox and leaves its key, so a
 * handover run again that week queues nothing for them.
 */
export function outboxWeeklyLoNotices(deps: WeeklyLoNoticeDeps): WeeklyLoNotices {
  return {
    async toLo(to, view, key) {
      const language = await deps.languageOf(to.userId);
      await deps.outbox.queue({
        key,
        tenantId: to.tenantId,
        route: to.route,
        target: { kind: 'person', userId: to.userId, appUserId: to.userId },
        payload: cardMessage(loWeeklyCard(view, deps.translator.t(language), language)),
        keyOutlivesErasure: true,
      });
    },
    withdraw: (key) => deps.outbox.withdraw(key),
  };
}
