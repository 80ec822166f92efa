import { CheckIn, EnergyPhase } from './session-items';

/** Energy check-ins are private; the group sees only an average, and only from this many answers. */
export const MIN_ENERGY_ANSWERS = 3;

/**
 * One check-in round (the start or the end of a session). While it is open nobody sees a
 * figure; when it closes, its average is published once, from MIN_ENERGY_ANSWERS answers, and
 * never changes again: so no reader can subtract two readings to find one member's score.
 */
export interface EnergyRound {
  closedAt?: string;
  /** Rounded to one decimal; absent when fewer than MIN_ENERGY_ANSWERS members checked in. */
  average?: number;
  /** How many answers the published average is made of: for weighing averages, never shown next to one. */
  answers?: number;
  /**
   * The published average was taken back: a member whose score it held had their data erased.
   * With their score deleted, the average and the others' stored scores would give it back, and
   * an average computed again without them would differ by exactly their score.
   */
  withdrawn?: true;
  /**
   * The tokens of the check-ins the round was closed with (`CheckIn.token`): a check-in stored
   * while the round closed is in no average, and its member's card says so. Absent on rounds
   * closed before rounds listed them, and on withdrawn ones.
   */
  counted?: string[];
}

export function openRound(): EnergyRound {
  return {};
}

export function closeRound(checkIns: readonly CheckIn[], phase: EnergyPhase, now: Date): EnergyRound {
  const round = checkIns.filter((c) => c.phase === phase);
  const scores = round.map((c) => c.score);
  const tokens = round.flatMap((c) => (c.token ? [c.token] : []));
  // Listed also when empty: a check-in stored while this round closed is then never taken for counted.
  // Check-ins from before tokens (a migration, a session open across the upgrade) keep the time rule.
  const legacy = round.some((c) => !c.token);
  const closed = { closedAt: now.toISOString(), ...(legacy && !tokens.length ? {} : { counted: tokens }) };
  if (scores.length < MIN_ENERGY_ANSWERS) return closed;
  return { ...closed, average: roundToTenth(scores.reduce((a, b) => a + b, 0) / scores.length), answers: scores.length };
}

/**
 * Whether a member's check-in is in the round's closing figure: stored before the round closed.
 * The round's list says so exactly (a check-in can be stored in the moment between a closing
 * step's read and its write); without a list, its time says it.
 */
export function countedInRound(round: EnergyRound, c: Pick<CheckIn, 'at' | 'token'>): boolean {
  if (!round.closedAt) return true;
  if (round.counted && c.token) return round.counted.includes(c.token);
  return c.at <= round.closedAt;
}

/** A closed round without its figure, for good: see EnergyRound.withdrawn. */
export function withdrawRound(round: EnergyRound): EnergyRound {
  return round.closedAt ? { closedAt: round.closedAt, withdrawn: true } : round;
}

/**
 * A session's rounds once a stored check-in is taken back (deleted: its author left the group
 * while it was written): a round whose published average counted it is withdrawn, as an erasure
 * withdraws one (forgetInSession, the same test of what a round counted), since that average, its
 * number of answers and the scores still stored would give the deleted score back. The same
 * object when no published round counted it.
 */
export function withoutTakenBackCheckIn<S extends { energy: Record<EnergyPhase, EnergyRound> }>(s: S, c: Pick<CheckIn, 'phase' | 'token'>): S {
  const round = s.energy[c.phase];
  if (round.average === undefined) return s;
  // A round that lists what it counted (`EnergyRound.counted`) is withdrawn only when it counted this one.
  if (round.counted && c.token && !round.counted.includes(c.token)) return s;
  return { ...s, energy: { ...s.energy, [c.phase]: withdrawRound(round) } };
}

/** What a reader may see of a round: nothing while open, and only a published average after. */
export type EnergySummary = { status: 'open' } | { status: 'tooFew' } | { status: 'withdrawn' } | { status: 'published'; average: number };

export function energySummary(round: EnergyRound): EnergySummary {
  if (!round.closedAt) return { status: 'open' };
  if (round.withdrawn) return { status: 'withdrawn' };
  return round.average === undefined ? { status: 'tooFew' } : { status: 'published', average: round.average };
}

/**
 * Several published rounds together (a week, a report period), weighted by their answers. Built
 * only from figures that were published, so it reveals nothing a member could not already see.
 */
export function combineRounds(rounds: readonly EnergyRound[]): number | undefined {
  const published = rounds.filter((r): r is Required<EnergyRound> => r.average !== undefined && r.answers !== undefined);
  const answers = published.reduce((n, r) => n + r.answers, 0);
  if (answers === 0) return undefined;
  return roundToTenth(published.reduce((sum, r) => sum + r.average * r.answers, 0) / answers);
}

function roundToTenth(n: number): number {
  return Math.round(n * 10) / 10;
}

export function isEnergyScore(n: unknown): n is 1 | 2 | 3 | 4 | 5 {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5;
}
