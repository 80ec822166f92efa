/**
 * The set-up of "the professional chooses which teams' B3-spiegel their manager's prep card shows"
 * (stop 54), for the tests of that feature: Anna, her manager Mia, the team they share and one Mia
 * is not in, each with a closed poll; Anna's shared note; Mia's planned review of Anna; and what a
 * client sends when Anna saves her choice on the preview.
 */
import { addNote } from '../../../src/usecases/verantwoording/notes';
import { ConversationSpec, execute, TestUser, user } from '../../support/activities';
import { MEMBERS } from '../../support/group-driver';
import { team } from '../../support/pulse-driver';
import { TestApp } from '../../support/test-app';
import { closedPoll, seedPoll } from '../../hr-report/seed-polls';
import { actionData, verantwoordingDeps } from '../../verantwoording/support';
import { directoryFile } from './proposal-put-before';

export const mia = user('Mia'); // Anna's manager
export const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
export const noord = team('Zorgteam Noord', 'noord', [anna, bram, mia]); // the team Anna and Mia share
export const raad = team('Ondernemingsraad', 'or', [anna, cem]); // Mia is not in it
export const SAVE = 'review.prepTeams.save';
/** Noord's figures on the prep card (its seeded poll: all fours). */
export const NOORD_LINE = 'Boeien 75, Binden 75, Behouden 75';

/** The directory (DIRECTORY_FILE): like Microsoft Graph, managers, no link from a person to a team. */
export function prepDirectory(): string {
  return directoryFile([{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia', managerId: '' }]);
}

/** A closed poll for each team (Noord all fours, the works council all twos) and a note Anna shared. */
export async function seedPollsAndNote(t: TestApp): Promise<void> {
  await seedPoll(t, closedPoll('poll-noord', noord.id, noord.name, '2026-11-20'), [4, 4, 4, 4, 4]);
  await seedPoll(t, closedPoll('poll-raad', raad.id, raad.name, '2026-11-21'), [2, 2, 2, 2, 2]);
  await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'n1', text: 'Anna wil leren roosteren', shared: true });
}

/** Mia plans her review with Anna from her chat; the review's id. */
export async function planAnnasReview(t: TestApp, miaChat: ConversationSpec): Promise<string> {
  await t.send(execute(miaChat, mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
  return (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
}

/** The toggles of the preview's team section, by the team their title names. */
export function toggles(card: unknown): { id: string; title: string; value: string }[] {
  const found: { id: string; title: string; value: string }[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.type === 'Input.Toggle' && typeof o.id === 'string' && o.id.startsWith('prepTeam')) found.push({ id: o.id, title: String(o.title), value: String(o.value) });
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

/** What a client sends for the save: the button's data and every toggle, with the ones named set. */
export function saveData(card: unknown, set: Record<string, boolean>): Record<string, unknown> {
  const inputs = Object.fromEntries(
    toggles(card).map((tg) => {
      const name = Object.keys(set).find((n) => tg.title.includes(n));
      return [tg.id, name === undefined ? tg.value : String(set[name])];
    }),
  );
  return { ...actionData(card, SAVE)!, ...inputs };
}
