import { MARKER_LENGTH, Scores } from './answer';
import { addComment, addScores, emptyTally, emptyTeamTally, PollTally, sealTally } from './tally';

/**
 * Polls stored before tallies kept each answer, each open comment and each respondent marker as
 * a document of its own (see the README's B3-spiegel section for why that was linkable). These
 * are those shapes, read only to fold them into a tally and delete them.
 */
export interface LegacyAnswers {
  /** Keyed hashes of who answered (full 43-character HMACs). */
  markers: { id: string; hash: string }[];
  answers: { id: string; targetId: string; scores: Scores }[];
  comments: { id: string; targetId: string; text: string }[];
}

export function hasLegacy(legacy: LegacyAnswers): boolean {
  return legacy.markers.length + legacy.answers.length + legacy.comments.length > 0;
}

/**
 * The tally of a poll stored the old way: the same counts, histograms and comments, and the
 * markers shortened to today's length. A closed poll's tally is sealed at once (no markers).
 */
export function tallyFromLegacy(
  pollId: string,
  targetIds: string[],
  legacy: LegacyAnswers,
  closed: { on: string; minRespondents: number } | undefined,
): PollTally {
  const tally = emptyTally(pollId, targetIds);
  for (const a of legacy.answers) tally.teams[a.targetId] = addScores(tally.teams[a.targetId] ?? emptyTeamTally(), a.scores);
  for (const c of legacy.comments) tally.teams[c.targetId] = addComment(tally.teams[c.targetId] ?? emptyTeamTally(), c.text);
  tally.respondents = [...new Set(legacy.markers.map((m) => m.hash.slice(0, MARKER_LENGTH)))].sort();
  tally.migrating = true;
  return closed ? sealTally(tally, closed.on, closed.minRespondents) : tally;
}
