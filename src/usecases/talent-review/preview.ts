import { Language } from '../../domain/framework/framework';
import { conversationHeld, lastShownPrepLanguage, TalentReview } from '../../domain/talent-review/review';
import { preferredLanguage } from '../verantwoording/preferences';
import { TalentReviewDeps } from './deps';
import { assemblePrepWithTeams, PrepView, tenantOfReview } from './prep';
import { PrepTeams } from './prep-teams';

/** `managerId` and `reviews` (their conversations about the professional, as read for the preview): what the chat's card needs to tell whether the professional's request is open. */
/** `teams`: every team of the professional, which the card shows, and their choices' revision (their toggles). */
export type PrepPreview = { status: 'noManager' } | { status: 'ok'; view: PrepView; managerId: string; reviews: TalentReview[]; teams: PrepTeams };

/** A tenant for a person without a planned conversation: the tenant of one of their groups. */
async function tenantOfPerson(deps: TalentReviewDeps, userId: string): Promise<string | undefined> {
  for (const entry of (await deps.verantwoording.membership.groupsOf(userId)).slice(0, 5)) {
    const group = await deps.verantwoording.groups.get(entry.groupId);
    if (group?.tenantId) return group.tenantId;
  }
  return undefined;
}

/**
 * "Wat ziet mijn leidinggevende?": the prep card the professional's manager (as the directory
 * says now) would get today, from the same content as theirs: what is shared now, the next
 * planned conversation (its date and any phase proposal), the B3-spiegel of the teams it shows
 * (those shared with the manager by default, and as the professional chose). The manager's
 * own facilitation account is not part of it: that is theirs until after the conversation. The
 * AI summary is the manager's too: the one stored text (see PrepSummaryInput for its language).
 */
export async function previewPrep(deps: TalentReviewDeps, userId: string, language: Language, tenantId?: string): Promise<PrepPreview> {
  const managerId = await deps.directory.managerOf(userId);
  // A directory that names the person as their own manager names no one: the request and put-before forms say so too.
  if (!managerId || managerId === userId) return { status: 'noManager' };
  const now = deps.clock.now();
  const [planned, managerLanguage] = await Promise.all([deps.reviews.listAbout(managerId, userId), preferredLanguage(deps.verantwoording, managerId)]);
  const next = planned.find((r) => r.reportId === userId && !conversationHeld(r, now));
  // The AI summary as the manager reads it: in their chosen language; else a new one in the
  // language their card was last shown in (their Teams client's then), else the default. Without
  // a chosen language the one stored of these items is shown in any language, as on their card.
  const summaryLanguage = managerLanguage ?? (next && lastShownPrepLanguage(next)) ?? deps.verantwoording.defaultLanguage;
  const reportName = next?.reportName ?? (await deps.directory.directReports(managerId)).find((p) => p.id === userId)?.name ?? '';
  const subject = next
    ? { ...next, tenantId: tenantOfReview(next) ?? tenantId }
    : { id: 'preview', managerId, reportId: userId, reportName, timeZone: deps.timeZone, tenantId: tenantId ?? (await tenantOfPerson(deps, userId)) };
  const { view, teams } = await assemblePrepWithTeams(deps, subject, language, { preview: true, inTurn: true, summaryLanguage });
  return { status: 'ok', view, managerId, reviews: planned, teams };
}
