import { noteTeamMirror } from '../usecases/week-cycle/team-mirror';
import { registerFallbacks } from '../teams/features/fallbacks';
import { b3History } from '../usecases/pulse-poll/b3-history';
import { isHr, mayBeHr } from '../usecases/pulse-poll/access';
import { composeHrReport } from './features/hr-report.feature';
import { composeLearningNeeds } from './features/learning-needs.feature';
import { composePulsePoll } from './features/pulse-poll.feature';
import { composeProposalToLo } from './features/proposal-to-lo.feature';
import { composeTalentReview, managerDirectoryFor, prepCardsFollowSharing } from './features/talent-review.feature';
import { CosmosReviewManagersIndex } from '../store/review-managers.repository';
import { CosmosTalentReviewRepository } from '../store/talent-review.repository';
import { reviewsOfProfessional } from '../usecases/talent-review/for-professional';
import { composeVerantwoording } from './features/verantwoording.feature';
import { composeWeekCycle } from './features/week-cycle.feature';
import { GraphManagerDirectory } from '../directory/graph-manager-directory';
import { Platform } from './platform';
import { VerantwoordingDeps } from '../usecases/verantwoording/deps';
import { getProfTraject } from '../usecases/verantwoording/prof-traject';
import { teamsFromRosters } from '../usecases/talent-review/report-teams';
import { TalentReviewDeps } from '../usecases/talent-review/deps';
import { WeekCycleDeps } from '../usecases/week-cycle/deps';
import { previewCard } from '../teams/features/talent-review/preview-card';
import { tabPutBefore } from '../teams/features/talent-review/put-before-from-tab';
import { refreshPrepCards } from '../usecases/talent-review/prep';
import { pollMarkerErasure } from '../usecases/pulse-poll/forget-respondent';
import { CosmosPollRepository } from '../store/pulse-poll.repositories';

/**
 * Every feature, in registration order. Routes are matched in this order, so the fallbacks that
 * answer what nobody handled come last.
 */
export function composeFeatures(p: Platform): { weekCycle: WeekCycleDeps } {
  // The week cycle offers the Prof-traject that Mijn verantwoording keeps, read through its own
  // use case; verantwoording is composed after the week cycle (routes match in this order).
  let verantwoording: VerantwoordingDeps | undefined;
  // The tab's preview of the manager's prep card and the rebuilds of prep cards need the talent
  // review, composed after the features whose changes it follows.
  let talentReview: TalentReviewDeps | undefined;
  const composedTalentReview = () => {
    if (!talentReview) throw new Error('the talent review is not composed yet');
    return talentReview;
  };
  // What a person shares changed and is stored (a note, an answer, their time, a visibility): their
  // managers' prep cards are rebuilt from what they share now, or retried later; never refused.
  const sharingChanged = (userId: string) => prepCardsFollowSharing(p, composedTalentReview(), userId);
  const weekCycle = composeWeekCycle(
    p,
    {
      hasProfTraject: async (userId) => {
        if (!verantwoording) throw new Error('Mijn verantwoording is not composed yet');
        return (await getProfTraject(verantwoording, userId)) !== undefined;
      },
    },
    sharingChanged,
  );
  const managers = managerDirectoryFor(p, graphManagers(p));
  const learningNeeds = composeLearningNeeds(p);
  verantwoording = composeVerantwoording(p, {
    learningNeeds,
    talentReviews: reviewsOfProfessional(managers, new CosmosTalentReviewRepository(p.cosmos), new CosmosReviewManagersIndex(p.cosmos, p.clock)),
    preview: async (userId, language) => previewCard(composedTalentReview(), p.translator, userId, language),
    // An adopted proposal put before the manager from the tab: the chat's use case and delivery.
    putBefore: tabPutBefore(() => ({ talentReview: composedTalentReview(), translator: p.translator, logger: p.logger, messenger: p.messenger, outbox: p.outbox, actions: p.actions, defaultLanguage: p.config.defaultLanguage })),
    sharingChanged,
    // The erasure's rebuild cannot wait for a retry: it happens now or the erasure fails (and runs again).
    sharingErased: async (userId) => void (await refreshPrepCards(composedTalentReview(), userId)),
  });
  // A team's mirror is noted on the groups in its channels, for their next sessions.
  const pulse = composePulsePoll(p, { mirrorBack: async (team, mirror) => void (await noteTeamMirror(weekCycle, team, mirror)) });
  // Composed after Mijn verantwoording: its erasure reaches the open private polls' tallies with the polls' own key.
  verantwoording.dataRights.pollMarkers = pollMarkerErasure({ polls: new CosmosPollRepository(p.cosmos), tallies: pulse.tallies, hashKey: pulse.hashKey });
  const history = b3History(pulse);
  talentReview = composeTalentReview(p, { verantwoording, pulse: history, directory: managers, teams: teamsFromRosters(pulse.installations, pulse.roster) });
  composeHrReport(p, { isHr: (userId) => isHr(pulse, userId), mayBeHr: (userId) => mayBeHr(pulse, userId), b3: history, learningNeeds, directory: managers });
  // A group's adopted proposal shared with L&O, and L&O's answer to the group (HR, as L&O's offer).
  composeProposalToLo(p, { isHr: (userId) => isHr(pulse, userId) });
  registerFallbacks(p.app, { translator: p.translator, logger: p.logger, defaultLanguage: p.config.defaultLanguage, localeFor: p.actions.localeFor, toActorPrivately: p.actions.toActorPrivately });
  return { weekCycle };
}

/** In Azure (or against a local fake Graph) managers come from Microsoft Graph; locally from DIRECTORY_FILE. */
function graphManagers(p: Platform): GraphManagerDirectory | undefined {
  if (p.config.talentReview.directoryFile) return undefined;
  const base = p.config.pulsePoll.graphBaseUrl ?? (p.config.bot.mode === 'local' ? undefined : 'https://graph.microsoft.com');
  return base ? new GraphManagerDirectory(base, p.logger) : undefined;
}
