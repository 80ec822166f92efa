import { TestUser, user } from '../support/activities';
import { buttonData, inputValues } from '../support/card-fields';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review (group setup and membership). A group chat whose Teams name is long (201
 * characters; the app's own envelope takes names up to 512). Its setup form started from that
 * name and sent it back as `shown.name`, which the save's payload check caps at 200: the save was
 * refused as bad card data whatever the member typed, and every new form carried the same name,
 * so the chat could never be set up.
 *
 * What must hold: the form starts from the chat's name cut to what a group's name may be (120),
 * so saving with another name works, and so does saving the name as the form offers it.
 */
describe('setting up a group chat with a long name', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(() => t.stop());

  const longName = `Vitale Weekcyclus ${'zorg en welzijn '.repeat(12)}`.slice(0, 201);
  /** Teams names the chat on every activity in it. */
  function namedChat(id: string) {
    const members = ['Anna', 'Bram', 'Cem'].map(user) as TestUser[];
    const g = new GroupDriver(t, t.conversation('groupChat', id), members);
    t.connector.roster = members;
    const origSend = t.send.bind(t);
    t.send = (activity) => origSend({ ...activity, conversation: { ...(activity.conversation as object), name: longName } });
    return { g, members, restore: () => (t.send = origSend) };
  }

  it('offers the chat\'s name cut to a group name\'s length, and saves once Anna types another', async () => {
    const { g, members, restore } = namedChat('19:long-name@thread.v2');
    try {
      const form = (await g.press(members[0]!, 'group.setup.open', {}, 'welcome-card')).value;
      const offered = inputValues(form).name as string;
      expect(offered).toBe(longName.slice(0, 120).trim());
      const res = await g.press(members[0]!, 'group.setup.save', { ...buttonData(form, 'group.setup.save'), ...inputValues(form), name: 'Team Zorg' }, 'welcome-card');
      // Not "the card's data could not be read": the week's card of the group just set up.
      expect({ groupId: res.value.actions?.[0]?.data?.groupId, text: cardText(res.value).slice(0, 160) }).toEqual({ groupId: expect.any(String), text: expect.stringContaining('Team Zorg') });
    } finally {
      restore();
    }
  }, 60_000);

  it('saves the name as the form offers it', async () => {
    const { g, members, restore } = namedChat('19:long-name-kept@thread.v2');
    try {
      const form = (await g.press(members[0]!, 'group.setup.open', {}, 'welcome-card')).value;
      const res = await g.press(members[0]!, 'group.setup.save', { ...buttonData(form, 'group.setup.save'), ...inputValues(form) }, 'welcome-card');
      const groupId = res.value.actions?.[0]?.data?.groupId as string;
      expect(groupId).toEqual(expect.any(String));
      const stored = (await t.store.container('sessions').item(groupId, groupId).read()).resource as { name: string };
      expect(stored.name).toBe(longName.slice(0, 120).trim());
    } finally {
      restore();
    }
  }, 60_000);
});
