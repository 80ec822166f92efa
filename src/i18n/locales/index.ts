import enHrReport from './en/hr-report.json';
import enTalentReview from './en/talent-review.json';
import enVerantwoording from './en/verantwoording.json';
import enWeekCycle from './en/week-cycle.json';
import nlHrReport from './nl/hr-report.json';
import nlTalentReview from './nl/talent-review.json';
import nlVerantwoording from './nl/verantwoording.json';
import nlWeekCycle from './nl/week-cycle.json';
import enPulsePoll from './en/pulse-poll.json';
import nlPulsePoll from './nl/pulse-poll.json';
import enTeamAccount from './en/team-account.json';
import nlTeamAccount from './nl/team-account.json';
import enProposalToManager from './en/proposal-to-manager.json';
import nlProposalToManager from './nl/proposal-to-manager.json';
import enJaarplan from './en/jaarplan.json';
import nlJaarplan from './nl/jaarplan.json';
import enLoOffer from './en/lo-offer.json';
import nlLoOffer from './nl/lo-offer.json';
import enProposalToLo from './en/proposal-to-lo.json';
import nlProposalToLo from './nl/proposal-to-lo.json';

/** The language files per feature, in the same order for both languages. */
export const locales: Record<'nl' | 'en', Record<string, unknown>[]> = {
  nl: [nlWeekCycle, nlVerantwoording, nlPulsePoll, nlTalentReview, nlHrReport, nlTeamAccount, nlProposalToManager, nlJaarplan, nlLoOffer, nlProposalToLo],
  en: [enWeekCycle, enVerantwoording, enPulsePoll, enTalentReview, enHrReport, enTeamAccount, enProposalToManager, enJaarplan, enLoOffer, enProposalToLo],
};
