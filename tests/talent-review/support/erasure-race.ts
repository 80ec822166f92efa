import { TestUser, user } from '../../support/activities';
import { cosmosGate } from '../../support/cosmos-gate';
import { MEMBERS } from '../../support/group-driver';
import { startTestApp, TestApp } from '../../support/test-app';
import { directoryFile } from './proposal-put-before';

/** Mia manages Anna and Bram: the people of the tests that race a talent-review write against an erasure. */
export const mia = user('Mia');
export const [anna, bram] = MEMBERS as [TestUser, TestUser];

/** The app with a Cosmos proxy and a gate on it, so a test can hold one write until an erasure has run to its end. */
export async function startErasureRaceApp(): Promise<{ t: TestApp; gate: ReturnType<typeof cosmosGate> }> {
  const directory = directoryFile([
    { id: anna.aadObjectId, name: 'Anna', managerId: mia.aadObjectId },
    { id: bram.aadObjectId, name: 'Bram', managerId: mia.aadObjectId },
    { id: mia.aadObjectId, name: 'Mia' },
  ]);
  const t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true });
  return { t, gate: cosmosGate(t.proxy!) };
}

/** The ids of the outbox jobs whose stored JSON holds these words: after an erasure, none may. */
export async function jobsNaming(t: TestApp, words: string): Promise<unknown[]> {
  const query = { query: "SELECT c.id FROM c WHERE c.type = 'outboxJob' AND CONTAINS(ToString(c), @w)", parameters: [{ name: '@w', value: words }] };
  return (await t.store.container('outbox').items.query(query).fetchAll()).resources;
}
