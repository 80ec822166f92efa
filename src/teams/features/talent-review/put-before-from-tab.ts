import { proposalWords } from '../../../domain/talent-review/proposal-to-manager';
import type { TabPutBefore } from '../../../web/verantwoording/tab-api';
import { PutBeforeDeps, putBeforeStatus, putProposalBeforeManager } from '../../../usecases/talent-review/put-proposal-before-manager';
import { refuseWhileErasing } from '../../../usecases/verantwoording/erasure-ticket';
import { TalentReviewFeatureDeps } from './deps';
import { proposalsToManagerVia } from './proposals-to-manager';
import { pressChat } from './review-requests';

/**
 * Putting a proposal before the manager from the personal tab ("Mijn verantwoording"): the same
 * check (`putBeforeStatus`), the same use case and the same delivery as the chat's form, so the
 * manager's card is rendered by the outbox at send as the chat's is. The tab has no chat it was
 * pressed in: the group's own conversation tells the outbox the tenant and service (never where
 * anything about her goes), and a card Teams refuses for good is told in her own 1:1 chat. Her
 * name on the manager's card is the one her group knows her by. `deps` is asked when a request
 * comes (the talent review is composed after the tab's API).
 */
export function tabPutBefore(deps: () => TalentReviewFeatureDeps): TabPutBefore {
  const of = () => {
    const d = deps();
    const records = d.talentReview.proposalsToManager;
    if (!records) throw new Error('proposals put before a manager are not stored in this app');
    const ptm: PutBeforeDeps = { ...d.talentReview, proposalsToManager: records };
    return { d, ptm };
  };
  return {
    async read(userId, groupId, proposalId) {
      const { ptm } = of();
      // What the page would send could not be stored now: said before the form is shown.
      await refuseWhileErasing(ptm.verantwoording, userId);
      return putBeforeStatus(ptm, userId, groupId, proposalId);
    },
    async send(userId, input) {
      const { d, ptm } = of();
      // Refused words come back before anything is read (the use case checks them first too).
      proposalWords(input.words);
      const group = await ptm.verantwoording.groups.get(input.groupId);
      // Her name as her group knows it; one who left the group since is named as the directory names
      // her among the manager's reports, as the chat names her by Teams' name (found in review, stop 52).
      const memberName = group?.members.find((m) => m.id === userId)?.name ?? (await nameInDirectory(d, input.to, userId));
      const delivery = proposalsToManagerVia(d, () => {
        if (!group) throw new Error('the group of a proposal put before a manager is gone');
        // The tenant of the group's chat as stored now (a re-setup refreshes it), as the week's jobs take it.
        const { conversationId: _groupChat, ...route } = pressChat(group.conversationRef);
        return { ...route, tenantId: route.tenantId ?? group.tenantId };
      });
      const outcome = await putProposalBeforeManager(ptm, delivery, {
        memberId: userId,
        ...(memberName ? { memberName } : {}),
        groupId: input.groupId,
        proposalId: input.proposalId,
        ...(input.words !== undefined ? { words: input.words } : {}),
        pressKey: input.key,
        namedManagerId: input.to,
        // The page's language: her later notices are told in it, as the chat's send does (stop 59).
        ...(input.language ? { language: input.language } : {}),
      });
      // The outcome only: who put what before whom, and the words, stay out of the log.
      d.logger.info({ outcome: outcome.status, via: 'tab' }, 'proposal put before a manager');
      return outcome;
    },
  };
}

/** Her name among the manager's direct reports in the directory, where it answers; undefined otherwise (the card then says "someone of your team"). */
async function nameInDirectory(d: TalentReviewFeatureDeps, managerId: string, userId: string): Promise<string | undefined> {
  const reports = await d.talentReview.directory.directReports(managerId).catch(() => []);
  return reports.find((p) => p.id === userId)?.name;
}
