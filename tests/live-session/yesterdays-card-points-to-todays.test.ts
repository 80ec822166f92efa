/**
 * Found in review, stop 65 (low): "Volgende" pressed on yesterday's card, with today's session already
 * open on a new card, answered "Deze sessie is al afgerond. Start de volgende sessie om verder te gaan.",
 * sending the member to start what the group had started. The refusal now points to a session
 * started since first, and only then to starting the next one; nothing is stored or moved either way,
 * and it no longer says to try again (found reviewing the first wording: on the card of a session
 * ended that same day, "today's session" was the card just refused).
 */
import { execute, TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];

describe("a press on yesterday's card while today's session is open", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  }, 60_000);
  afterAll(() => t?.stop());

  it("points to today's card and moves nothing", async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:yesterdays-card@thread.v2'), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    const yesterday = { ...g.ids(), messageId: g.sessionMessageId };
    await g.end(anna);
    t.clock.advanceMinutes(24 * 60);
    await g.startSession();
    const today = await g.session();

    const res = await t.send(execute(g.conv, bram, 'session.goto', { groupId: yesterday.groupId, sessionId: yesterday.sessionId, index: 1, from: 0 }, yesterday.messageId));
    const text = cardText(res.body?.value);
    expect({ saysTryAgain: text.includes('je kunt het opnieuw proberen'), pointsToToday: text.includes('Is er intussen een nieuwe sessie gestart, ga dan verder op die kaart'), sendsToStart: text.includes('Start de volgende sessie om verder te gaan') }).toEqual({ saysTryAgain: false, pointsToToday: true, sendsToStart: false });
    expect((await g.session()).currentIndex).toBe(today.currentIndex);
  }, 120_000);
});
