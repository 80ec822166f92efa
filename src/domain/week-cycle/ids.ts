/**
 * How a group's documents are named. Deterministic ids make creates idempotent (pressing
 * "start" twice opens one week) and let a turn name everything it reads in one query.
 */
export function cycleIdFor(groupId: string, weekNumber: number): string {
  return `${groupId}_w${weekNumber}`;
}

export function sessionIdFor(cycleId: string, seq: number): string {
  return `${cycleId}_s${seq}`;
}

/** The cycle a session belongs to, read from the session's id (undefined for an id of another shape). */
export function cycleIdOfSession(sessionId: string): string | undefined {
  return /^(.+_w\d+)_s\d+$/.exec(sessionId)?.[1];
}

export function proposalIdFor(cycleId: string): string {
  return `${cycleId}_p`;
}

/** The proposal of the week before this cycle, whose first step the group looks back on (none for week 1). */
export function previousProposalIdOf(cycleId: string): string | undefined {
  const m = /^(.+)_w(\d+)$/.exec(cycleId);
  if (!m || Number(m[2]) < 2) return undefined;
  return proposalIdFor(cycleIdFor(m[1]!, Number(m[2]) - 1));
}
