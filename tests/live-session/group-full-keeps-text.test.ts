import { user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { CosmosGroupRepository } from '../../src/store/week-cycle.repositories';

/**
 * A colleague in the chat who is not (yet) in a group of eight types an answer on the session
 * card and presses Opslaan, as the app invites anyone in the chat to. The group is full: refused,
 * and what they typed comes back on their card with the reason. A plain error card replaced their
 * card and the text was gone. Found in review, stop 33.
 */
describe('a newcomer presses on the session card of a full group', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('is refused with what they typed kept on their card', async () => {
    const eight = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva', 'Finn', 'Gijs', 'Hana'].map(user);
    const g = new GroupDriver(t, t.conversation('groupChat', '19:chat-full@thread.v2'), eight);
    await g.setUp();
    await g.startCycle();
    await g.startSession();

    const ilse = user('Ilse');
    const TYPED = 'Ilse: bij de nachtdienst gaat de overdracht altijd mis omdat het formulier ontbreekt';
    const res = await g.contribute(ilse, 1, TYPED);
    const text = cardText(res.value);
    expect(text).toContain('vol');
    expect(text).toContain(TYPED);
    expect((await new CosmosGroupRepository(t.store).get(g.groupId))!.members).toHaveLength(8);
    expect((await g.items('contribution')).map((c) => c.text)).not.toContain(TYPED);
  });
});
