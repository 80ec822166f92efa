import { execute, TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 42. An organisation that runs the app in English (DEFAULT_LANGUAGE=en). The
 * store stops answering (Cosmos DB 503) while a member presses on an English group's card, from a
 * client that names no language Teams-side (no `locale` on the activity). The error card that
 * keeps the typed words could read neither the group's language nor Teams': it fell back to
 * Dutch, a language the organisation did not choose. It must fall back to DEFAULT_LANGUAGE.
 */
describe('the store does not answer, and Teams names no language', () => {
  let t: TestApp;
  const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
  beforeAll(async () => {
    t = await startTestApp({ DEFAULT_LANGUAGE: 'en' }, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  it('the failed save is in the organisation\'s language', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:store-down-default@thread.v2'), [anna, bram, cem]);
    await g.setUp('en');
    await g.startCycle();
    await g.startSession();
    const typed = 'Handover takes us fifteen minutes every morning';
    t.proxy!.faults = (req) => (req.container === 'sessions' ? { kind: 'status', status: 503 } : undefined);
    let res;
    try {
      const press = execute(g.conv, bram, 'session.contribute', { ...g.ids(), questionId: 1, text: typed, k: 'card-key-1' }, g.sessionMessageId);
      res = await t.send({ ...press, locale: undefined });
    } finally {
      t.proxy!.faults = undefined;
    }
    expect(res.status).toBe(200);
    const text = cardText(res.body.value);
    expect(text).toContain(typed);
    expect(text).toContain("That didn't work");
    expect(text).not.toMatch(/Dat lukte niet|Opnieuw proberen|Bewaren lukte/);
  });
});
