import { membersRemoved } from '../support/activities';
import { cardText, MEMBERS } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { lookBacksOf, PersonalChat, runDueJobs, sketchTraject, trajectApp, trajectGroup } from './support';

/**
 * Found in review, stop 46. Anna's Prof-traject is one active week. She checks in to a session of her group and
 * then leaves the group chat before the session closes (or before its job runs). The job records
 * her week (her count reaches the planned weeks) but looks for her Teams id in the group's member
 * list only: she is no longer on it, so no look-back is queued and no mark is written. Her own
 * 1:1 chat with the app is still there (she used it). Must hold: the look-back of her own traject
 * reaches her (opened by her Entra id, as the half-yearly notices are), once.
 */
describe('the look-back of someone who left the group after attending its session', () => {
  let t: TestApp;
  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  beforeAll(async () => {
    t = await trajectApp();
  }, 60_000);
  afterAll(() => t.stop());

  it('still reaches her in her 1:1 chat', async () => {
    const chat = new PersonalChat(t, anna);
    await sketchTraject(t, anna, 1);
    const g = await trajectGroup(t, '19:left-after-session@thread.v2', [anna, bram, cem]);
    await g.checkIn(anna, 4);
    await g.checkIn(bram, 4);
    expect((await t.send(membersRemoved(g.conv, anna, [anna]))).status).toBe(200);
    const group = (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource;
    expect(group.members.map((m: { id: string }) => m.id)).not.toContain(anna.aadObjectId);

    await g.end(bram);
    await runDueJobs(t);

    // Her week is counted: 1 of 1 ...
    expect(cardText((await chat.say('verantwoording')).cards[0])).toContain('1 van 1 actieve week');
    // ... and the look-back of her own traject reaches her own 1:1 chat.
    // Her own chat, however the outbox opened it (by her Teams id, or by her Entra id, as Teams allows).
    const lookBacks = lookBacksOf(t, anna);
    expect(lookBacks).toHaveLength(1);
  }, 180_000);
});
