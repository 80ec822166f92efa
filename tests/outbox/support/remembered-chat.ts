/**
 * The outbox's remembered 1:1 chats (`personalConversation`), for the tests of their keyed shape,
 * of the old shape's move and of an erasure: the old shape written as before stop 60, whether a
 * document is there, and a message to a person that makes the sender open or use their chat.
 */
import { stableId } from '../../../src/domain/shared/ids';
import { TestUser } from '../../support/activities';
import { TestApp } from '../../support/test-app';

export const TENANT = 'tenant-1';

/** Whether a document sits under this id in the outbox. */
export async function exists(t: TestApp, id: string): Promise<boolean> {
  const { resource } = await t.store.container('outbox').item(id, id).read().catch(() => ({ resource: undefined }));
  return resource !== undefined;
}

/** A chat remembered as the outbox did before stop 60: under the plain hash, the owner in clear (when known). */
export async function rememberedTheOldWay(t: TestApp, platformId: string, owner?: string): Promise<string> {
  const conversationId = `a:1on1-${platformId}`;
  await t.store.container('outbox').items.create({ id: stableId('oc', TENANT, platformId), type: 'personalConversation', conversationId, ...(owner ? { ownerId: owner } : {}) });
  return conversationId;
}

/** An outbox message of plain text to a person, through the test's connector: the sender finds or opens their 1:1 chat. */
export function messageTo(t: TestApp, key: string, who: TestUser, text: string) {
  const route = { serviceUrl: t.connector.url, botId: '28:lerend-werken-bot' };
  return { key, tenantId: TENANT, route, target: { kind: 'person' as const, userId: who.id, appUserId: who.aadObjectId }, payload: { type: 'message' as const, text } };
}
