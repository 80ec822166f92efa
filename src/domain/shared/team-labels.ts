import { hash } from 'node:crypto';

/** A short mark of a team's id: the same team always gets the same one, a longer one only by adding characters. */
function teamMark(teamId: string, length: number): string {
  return hash('sha256', teamId, 'hex').slice(0, length);
}

const FIRST_MARK = 4;
const LONGEST_MARK = 64;

/**
 * Each team's name as a reader can tell it apart: Teams allows two teams one name. Where two
 * different teams would read alike (the same name, or a name that is another team's label, such
 * as one literally named "Zorgteam #3f9a"), each of them with an id gets a short mark of it after
 * the name ("Zorgteam #3f9a"), made longer only for the teams whose marks still read alike. A
 * team's label stays the same between readings unless a team that reads like it comes in. A mark
 * is of a team, never of a person. Returns the labels in the order of `teams`; entries of one
 * team id get one label.
 */
export function teamLabels(teams: readonly { name: string; teamId?: string }[]): string[] {
  const labels = teams.map((team) => team.name);
  const marks = new Map<string, number>();
  const who = (i: number) => teams[i]!.teamId ?? `name:${teams[i]!.name}`;
  for (let changed = true; changed; ) {
    changed = false;
    const alike = new Map<string, number[]>();
    labels.forEach((label, i) => alike.set(label, [...(alike.get(label) ?? []), i]));
    for (const entries of alike.values()) {
      if (new Set(entries.map(who)).size < 2) continue;
      const lengthened = new Set<string>();
      for (const i of entries) {
        const id = teams[i]!.teamId;
        if (!id) continue;
        if (!lengthened.has(id)) {
          const length = marks.has(id) ? marks.get(id)! + 2 : FIRST_MARK;
          if (length > LONGEST_MARK) continue;
          marks.set(id, length);
          lengthened.add(id);
          changed = true;
        }
        labels[i] = `${teams[i]!.name} #${teamMark(id, marks.get(id)!)}`;
      }
    }
  }
  return labels;
}
