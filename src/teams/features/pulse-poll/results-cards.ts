import { Language } from '../../../domain/framework/framework';
import { ResultsView } from '../../../usecases/pulse-poll/poll-results';
import { PollStatus } from '../../../usecases/pulse-poll/poll-status';
import { AdaptiveCardJson } from '../../cards/card-kit';
import { closedAs, displayDate } from '../../cards/pulse/pulse-format';
import { pollProgressCard } from '../../cards/pulse/pulse-progress.card';
import { pollRestrictedCard } from '../../cards/pulse/pulse-restricted.card';
import { pollResultsCard } from '../../cards/pulse/pulse-results.card';
import { pollStatusCard } from '../../cards/pulse/pulse-status.card';
import { teamResultsCard } from '../../cards/pulse/pulse-team-results.card';
import { PulseTeamsDeps } from './pulse-deps';

/**
 * The card for what a reader may see of a poll. `sharedWith` is set when the card is posted
 * where others read along (a channel or group chat): HR's full results then stay behind a card
 * that only refreshes for the asker; progress and a team's own results are fine to post there.
 */
export function resultsViewCard(deps: PulseTeamsDeps, view: ResultsView, sharedWith?: { askerTeamsId?: string }): AdaptiveCardJson {
  const { poll } = view;
  const t = deps.translator.t(poll.language);
  const instrument = deps.instruments[poll.language];
  switch (view.kind) {
    case 'progress':
      return pollProgressCard({ progress: view.progress, closesLabel: displayDate(poll.closesOn, poll.language) }, t);
    case 'team':
      return teamResultsCard({ instrument, language: poll.language, closed: closedAs(poll), team: view.team, minRespondents: view.minRespondents }, t);
    case 'hr':
      if (sharedWith) return pollRestrictedCard({ pollId: poll.id, closedLabel: closedAs(poll).label, refreshUserIds: sharedWith.askerTeamsId ? [sharedWith.askerTeamsId] : [] }, t);
      return pollResultsCard({ instrument, language: poll.language, closed: closedAs(poll), results: view.results, comments: view.comments, heldBack: view.heldBack }, t);
  }
}

/** HR's view of a poll's progress, in the language of whoever asked (the poll's own is the teams'). */
export function statusCard(deps: PulseTeamsDeps, status: PollStatus, language: Language): AdaptiveCardJson {
  const { poll } = status;
  return pollStatusCard(
    { status, closesLabel: displayDate(poll.closesOn, language), ...(poll.status === 'closed' ? { closedLabel: closedAs({ ...poll, language }).label } : {}) },
    deps.translator.t(language),
  );
}
