import { execute, TestUser } from '../../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../../support/group-driver';
import { TestApp } from '../../support/test-app';
import { eraseInChat } from '../../verantwoording/support';
import { naming } from './rights-scenario';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
const REFUSED = /niets bewaard|lukte niet|probeer het/i;

/**
 * Dewi, in the group's chat but not picked at setup, and her first press on the session card: an
 * answer that makes her a member (her membership index, then the group). The press is not sent:
 * the test sends it under its own faults, twice for a redelivery (the same activity id).
 */
export async function newcomersFirstPress(t: TestApp, chatId: string, text: string, activityId: string) {
  const g = new GroupDriver(t, t.conversation('groupChat', chatId), [anna, bram, cem]);
  await g.setUp();
  await g.startCycle();
  await g.startSession();
  t.connector.roster = [anna, bram, cem, dewi];
  const press = execute(g.conv, dewi, 'session.contribute', { ...g.ids(), questionId: 1, text }, g.sessionMessageId, activityId);
  return {
    g,
    press,
    refused: (answer: { body?: { value?: unknown } }) => REFUSED.test(cardText(answer.body?.value)),
    /** Whether she is on the group's member list, and whether her membership index (where her erasure starts) names the group. */
    async joined() {
      const group = await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'group' AND c.id = @id", parameters: [{ name: '@id', value: g.groupId }] }).fetchAll();
      const index = await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'membershipIndex' AND c.userId = @u", parameters: [{ name: '@u', value: dewi.aadObjectId }] }).fetchAll();
      return {
        member: (group.resources[0] as { members: { id: string }[] }).members.some((m) => m.id === dewi.aadObjectId),
        indexNamesGroup: !!(index.resources[0] as { groups: Record<string, unknown> } | undefined)?.groups[g.groupId],
      };
    },
    /** Her erasure a minute later, run to its end: what still names her. */
    async leftAfterErasure() {
      t.clock.advanceMinutes(1);
      await eraseInChat(t, dewi);
      await t.app.outbox.drain(30_000);
      return naming(t, ['aad-dewi', '29:dewi']);
    },
  };
}
