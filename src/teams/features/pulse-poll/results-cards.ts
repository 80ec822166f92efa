import { Language } from '../../../domain/framework/framework';
import { ResultsView } from '../../../usecases/pulse-poll/poll-results';
import { PollStatus } from '../../../usecases/pulse-poll/poll-status';
import { AdaptiveCardJson } from '../../cards/card-kit';
import { closedAs, displayDate } from '../../cards/pulse/pulse-format';
import { pollProgressCard } from '../../cards/pulse/pulse-progress.card';
import { pollRestrictedCard } from '../../cards/pulse/pulse-restricted.card';
import { pollCommentsCard, pollResultsCard } from '../../cards/pulse/pulse-results.card';
import { pollStatusCard } from '../../cards/pulse/pulse-status.card';
import { teamResultsCard } from '../../cards/pulse/pulse-team-results.card';
import { PulseTeamsDeps } from './pulse-deps';

/**
 * The card for what a reader may see of a poll. `sharedWith` is set when the card is posted
 * where others read along (a channel or group chat): HR's full results then stay behind a card
 * that only refreshes for the asker; progress and a team's own results are fine to post there.
 */
/**
 * `readerLanguage`: for an answer only the reader sees (their 1:1 chat, an invoke answer), the
 * progress and HR's results are in their language, as the status card is; a team's own results,
 * and anything posted where others read it, stay in the poll's language (the teams').
 */
/** `commentsFrom`: HR's comments in full from this one on, instead of the results (see `pollCommentsCard`). */
export function resultsViewCard(deps: PulseTeamsDeps, view: ResultsView, sharedWith?: { askerTeamsId?: string }, readerLanguage?: Language, commentsFrom?: number): AdaptiveCardJson {
  const { poll } = view;
  const own = !sharedWith && readerLanguage ? readerLanguage : poll.language;
  const t = deps.translator.t(poll.language);
  switch (view.kind) {
    case 'progress':
      return pollProgressCard({ progress: view.progress, closesLabel: displayDate(poll.closesOn, own) }, deps.translator.t(own));
    case 'team':
      return teamResultsCard({ instrument: deps.instruments[poll.language], language: poll.language, closed: closedAs(poll), team: view.team, minRespondents: view.minRespondents }, t);
    case 'hr':
      if (sharedWith) return pollRestrictedCard({ pollId: poll.id, closedLabel: closedAs(poll).label, refreshUserIds: sharedWith.askerTeamsId ? [sharedWith.askerTeamsId] : [] }, t);
    {
      const vm = { pollId: poll.id, instrument: deps.instruments[own], language: own, closed: closedAs({ ...poll, language: own }), results: view.results, comments: view.comments, heldBack: view.heldBack };
      return commentsFrom === undefined ? pollResultsCard(vm, deps.translator.t(own)) : pollCommentsCard(vm, deps.translator.t(own), commentsFrom);
    }
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
