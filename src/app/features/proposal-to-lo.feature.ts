import { HrCheck } from '../../domain/hr-report/ports';
import { CosmosGroupProposalReader, CosmosSharedProposalRepository } from '../../store/proposal-to-lo.repository';
import { outboxProposalToLoDelivery } from '../../teams/features/proposal-to-lo/delivery';
import { registerProposalToLo } from '../../teams/features/proposal-to-lo/register';
import { Platform } from '../platform';

/**
 * A group shares a proposal it adopted with L&O, and L&O answers the group: read and answered by
 * the same people who write L&O's offer (HR), in their own chat, as the offer is wired.
 */
export function composeProposalToLo(p: Platform, sources: { isHr: HrCheck }): void {
  const timeZone = p.config.orgTimeZone;
  registerProposalToLo(p.app, {
    proposals: {
      shared: new CosmosSharedProposalRepository(p.cosmos),
      groups: new CosmosGroupProposalReader(p.cosmos),
      delivery: outboxProposalToLoDelivery({ outbox: p.outbox, translator: p.translator, timeZone }),
      isHr: sources.isHr,
      clock: p.clock,
    },
    translator: p.translator,
    logger: p.logger,
    defaultLanguage: p.config.defaultLanguage,
    actions: p.actions,
    timeZone,
  });
}
