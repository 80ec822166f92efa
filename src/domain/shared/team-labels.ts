import { hash } from 'node:crypto';

/** A short mark of a team's id, stable across readings: the same team always gets the same one. */
function teamMark(teamId: string, length: number): string {
  return hash('sha256', teamId, 'hex').slice(0, length);
}

/**
 * Each team's name as a reader can tell it apart: Teams allows two teams one name, and where names
 * are shared each such team with an id gets a short stable mark of it after the name
 * ("Zorgteam #3f9a"), longer while two marks would still read alike. A mark is of a team, never of
 * a person. Returns the labels in the order of `teams`.
 */
export function teamLabels(teams: readonly { name: string; teamId?: string }[]): string[] {
  const byName = new Map<string, string[]>();
  for (const team of teams) if (team.teamId) byName.set(team.name, [...new Set([...(byName.get(team.name) ?? []), team.teamId])]);
  const lengths = new Map<string, number>();
  for (const [name, ids] of byName) {
    if (ids.length < 2) continue;
    let length = 4;
    while (length < 64 && new Set(ids.map((id) => teamMark(id, length))).size < ids.length) length += 2;
    lengths.set(name, length);
  }
  return teams.map((team) => {
    const length = lengths.get(team.name);
    return length && team.teamId ? `${team.name} #${teamMark(team.teamId, length)}` : team.name;
  });
}
