import { Language } from '../../../domain/framework/framework';
import { HalfYearNotices } from '../../../domain/hr-report/half-year';
import { Translator } from '../../../i18n/i18n';
import { Outbox } from '../../../outbox/outbox';
import { halfYearHrCard } from '../../cards/hr-report/half-year-hr.card';
import { halfYearManagerCard } from '../../cards/hr-report/half-year-manager.card';
import { cardMessage } from '../../messenger';

export interface HalfYearNoticeDeps {
  outbox: Pick<Outbox, 'queue' | 'statusOf'>;
  translator: Translator;
  /** The person's chosen language, else their Teams client's as their own turns kept it, else the organisation's (this is nobody's turn). */
  languageOf(userId: string): Promise<Language>;
}

/**
 * The half-year's cards in each reader's own 1:1 chat with the app, opened by the outbox with their
 * Entra id as review notices are (Teams accepts it where the app is installed for them; where it
 * refuses, the outbox gives the card up and logs its job, never the person). The tenant's route
 * stands in for a chat: there is none in a scheduled job. Queued under the key: once per key.
 */
export function outboxHalfYearNotices(deps: HalfYearNoticeDeps): HalfYearNotices {
  const queue = async (to: { tenantId: string; route: { serviceUrl: string; botId?: string }; userId: string }, payload: Record<string, unknown>, key: string, keyed?: boolean) => {
    await deps.outbox.queue({ key, tenantId: to.tenantId, route: to.route, target: { kind: 'person', userId: to.userId, appUserId: to.userId }, payload, ...(keyed ? { keyedKey: true as const } : {}) });
  };
  return {
    async queuedUnder(key) {
      return (await deps.outbox.statusOf(key)) !== undefined;
    },
    async toHr(to, view, key, keyed) {
      const language = await deps.languageOf(to.userId);
      await queue(to, cardMessage(halfYearHrCard(view, deps.translator.t(language), language)), key, keyed);
    },
    async toManager(to, view, key, keyed) {
      const language = await deps.languageOf(to.userId);
      await queue(to, cardMessage(halfYearManagerCard(view, deps.translator.t(language), language)), key, keyed);
    },
  };
}
