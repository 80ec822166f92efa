import { execute, TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review. An English group; the store stops answering (Cosmos DB 503) while a member
 * whose Teams client is English adds to the group's answer. Nothing is stored, and the answer to
 * the press is an error card that keeps the typed words, with a button to try again. The group's
 * language cannot be read either, and that must not count as "this chat has no group" (which
 * speaks the organisation's default, Dutch): the card goes to the presser alone, so it is in their
 * Teams client's language, English, with no Dutch on it.
 */
describe('the store does not answer in an English group', () => {
  let t: TestApp;
  const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  it('the failed save that keeps the typed words is in English for a member whose Teams client is English', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:store-down-en@thread.v2'), [anna, bram, cem]);
    await g.setUp('en');
    await g.startCycle();
    await g.startSession();
    const typed = 'Handover takes us fifteen minutes every morning';
    t.proxy!.faults = (req) => (req.container === 'sessions' ? { kind: 'status', status: 503 } : undefined);
    let res;
    try {
      res = await t.send({ ...execute(g.conv, bram, 'session.contribute', { ...g.ids(), questionId: 1, text: typed, k: 'card-key-1' }, g.sessionMessageId), locale: 'en-US' });
    } finally {
      t.proxy!.faults = undefined;
    }
    expect(res.status).toBe(200);
    const text = cardText(res.body.value);
    expect(text).toContain(typed);
    expect(text).toContain("That didn't work");
    expect(text).toContain('Saving did not work just now');
    expect(text).not.toMatch(/Dat lukte niet|Opnieuw proberen|Bewaren lukte/);
  });
});
