import { z } from 'zod';
import { HrCheck } from '../../domain/hr-report/ports';
import { readPayload } from '../../scheduling/unreadable-payload';
import { CosmosGroupProposalReader, CosmosSharedProposalRepository } from '../../store/proposal-to-lo.repository';
import { CosmosProposalRepository } from '../../store/week-cycle.repositories';
import { CosmosPersonalRecordRepository } from '../../store/verantwoording.repositories';
import { outboxProposalToLoDelivery, registerProposalToLoHooks } from '../../teams/features/proposal-to-lo/delivery';
import { registerProposalToLo } from '../../teams/features/proposal-to-lo/register';
import { ProposalToLoDeps, TELL_GROUP_LATER_JOB, tellGroupLater } from '../../usecases/proposal-to-lo/proposal-to-lo';
import { Platform } from '../platform';
import { hrAudience } from './hr-people';

/** The job's payload (`tellGroupLater`): the record's tenant and id, and for an answer the revision it wrote. */
const TELL_GROUP_LATER_PAYLOAD = z.object({ tenantId: z.string().min(1), id: z.string().min(1), revision: z.number().int().positive().optional() });

/**
 * A group shares a proposal it adopted with L&O, and L&O answers the group: read and answered by
 * the same people who write L&O's offer (HR), in their own chat, as the offer is wired. The HR
 * people (HR_USER_IDS and HR_GROUP_ID's members, as the half-yearly reminder reaches them) hear of
 * each new share in their own chat, queued by the outbox once the group's notice went out (not in
 * the press's turn, so the group is listed in the outbox's hook); where the members of HR_GROUP_ID
 * cannot be listed (locally), the log says so once.
 */
export function composeProposalToLo(p: Platform, sources: { isHr: HrCheck }): void {
  const timeZone = p.config.orgTimeZone;
  const { groupListable, inHrGroup: _inGroup, ...hr } = hrAudience(p);
  const shared = new CosmosSharedProposalRepository(p.cosmos);
  registerProposalToLoHooks(p.outbox, {
    shared,
    proposals: new CosmosProposalRepository(p.cosmos),
    // An HR person whose erasure is under way gets no card about a share (stop 54, found in review).
    records: new CosmosPersonalRecordRepository(p.cosmos),
    ...hr,
    clock: p.clock,
    translator: p.translator,
    timeZone,
    languageOf: async (userId) => (await p.personalLanguage(userId).catch(() => undefined)) ?? p.config.defaultLanguage,
    logger: p.logger,
  });
  const proposals: ProposalToLoDeps = {
    shared,
    groups: new CosmosGroupProposalReader(p.cosmos),
    delivery: outboxProposalToLoDelivery({ outbox: p.outbox, translator: p.translator, timeZone }),
    isHr: sources.isHr,
    clock: p.clock,
    retries: p.scheduler,
  };
  // A group's notice or answer card that could not be queued in the press's turn (stop 56): queued
  // now; a failure fails the job, which the scheduler runs again. Ids and the outcome only.
  p.scheduler.on(TELL_GROUP_LATER_JOB, async (payload) => {
    const about = readPayload(TELL_GROUP_LATER_PAYLOAD, payload);
    const outcome = await tellGroupLater(proposals, about);
    p.logger.info({ id: about.id, ...(about.revision !== undefined ? { revision: about.revision } : {}), outcome }, 'group told of a shared proposal by the scheduler');
  });
  registerProposalToLo(p.app, {
    proposals,
    translator: p.translator,
    logger: p.logger,
    defaultLanguage: p.config.defaultLanguage,
    actions: p.actions,
    timeZone,
    hrGroupNotListed: hr.hrGroup && !groupListable,
  });
}
