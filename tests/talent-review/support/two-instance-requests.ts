/**
 * The set-up of the tests that press a professional's request for a talentontwikkelgesprek on two
 * instances of the app on one store: Mia manages the professionals who press (and is managed by
 * Olga), each person's 1:1 chat, a press from it, and the request cards Mia got from either instance.
 */
import { execute, message, TestUser, user } from '../../support/activities';
import { cardText } from '../../support/group-driver';
import { startTestApp, TestApp } from '../../support/test-app';
import { directoryFile } from './proposal-put-before';

export const mia = user('Mia');
export const SEND = 'review.request.send';

/** A person's 1:1 chat with the app, as this instance's connector serves it. */
export const chat = (t: TestApp, who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);

/** A press of `who`'s on card `card-1` in their chat, served by instance `t`. */
export const send = (t: TestApp, who: TestUser, verb: string, data: Record<string, unknown>, activityId?: string) => t.send(execute(chat(t, who), who, verb, data, 'card-1', activityId));

/**
 * Two instances on one store (A with the Cosmos proxy), a directory in which Mia manages `reports`,
 * and Mia's language set to Dutch.
 */
export async function startTwoInstances(reports: TestUser[], opts: Parameters<typeof startTestApp>[2] = {}): Promise<[TestApp, TestApp]> {
  const env = {
    DIRECTORY_FILE: directoryFile([
      ...reports.map((r) => ({ id: r.aadObjectId, name: r.name, managerId: mia.aadObjectId })),
      { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' },
      { id: 'aad-olga', name: 'Olga' },
    ]),
  };
  const a = await startTestApp(env, '2026-11-23T08:00:00Z', { proxy: true, ...opts });
  const b = await startTestApp(env, '2026-11-23T08:00:00Z', { cosmos: a.cosmos, ...opts });
  await a.send(message(chat(a, mia), mia, 'taal nl'));
  return [a, b];
}

/** The request cards from `who` in a manager's 1:1 chat, whichever instance opened it: the other sends to it too (remembered in the store). */
export function requestCardsTo(apps: [TestApp, TestApp], aadId: string, who: string): string[] {
  const [a, b] = apps;
  const managerChat = a.connector.personalChats.get(aadId) ?? b.connector.personalChats.get(aadId);
  return [a, b].flatMap((t) => t.connector.cards((c) => c.conversationId === managerChat).map((c) => cardText(c.card))).filter((text) => text.includes(`${who} vraagt`));
}

/** A person's stored request records of these types (a condition on `c.type`). */
export async function keptRecords(t: TestApp, userId: string, typeCondition: string): Promise<Record<string, unknown>[]> {
  return (await t.store.container('personal').items.query({ query: `SELECT * FROM c WHERE c.userId = @u AND ${typeCondition}`, parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources as Record<string, unknown>[];
}
