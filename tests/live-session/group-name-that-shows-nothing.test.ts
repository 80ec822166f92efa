/**
 * Found while fixing review stop 66 (the decision's words that show nothing): the group's name had
 * the same gap. A name of only tag characters (U+E0041..E007F) or a lone variation selector passed
 * the setup form's "required", as `singleLineText` keeps them, and the group was stored nameless on
 * every card (L&O's list and HR's report too); a chat named so was offered that as the name.
 * Must hold: refused next to the name as an empty name is, the other inputs kept, nothing stored; a
 * chat whose name shows nothing is offered the form's own suggestion, as a chat without a name is.
 */
import { field, inputValues } from '../support/card-fields';
import { startTestApp, TestApp } from '../support/test-app';
import { SETUP_MEMBERS as members, setupFormGroup, setupFormValues as settings } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored documents and card JSON under test */

const TAG_CHARACTERS = '\u{E0041}\u{E0042}\u{E007F}';

describe('a group name that shows nothing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  const stored = async (groupId: string) => (await t.store.container('sessions').item(groupId, groupId).read()).resource as any;

  it('a name of tag characters is refused as an empty name is, the inputs kept, the stored name unchanged', async () => {
    const g = setupFormGroup(t, '19:name-shows-nothing@thread.v2');
    await g.setUp('nl');
    const before = await stored(g.groupId);
    const save = async (name: string) => (await g.press(members[0]!, 'group.setup.save', { ...settings(name), startTime: '10:00' }, 'cycle-card')).value;
    const empty = await save('');
    const refused = await save(` ${TAG_CHARACTERS}\uFE0F `);
    const after = await stored(g.groupId);
    expect({ name: field(refused, 'name'), startTime: field(refused, 'startTime')?.value, etagKept: after._etag === before._etag, storedName: after.name }).toEqual({
      name: { value: ` ${TAG_CHARACTERS}\uFE0F `, next: field(empty, 'name')?.next },
      startTime: '10:00',
      etagKept: true,
      storedName: 'Team Zorg',
    });
    expect(field(empty, 'name')?.next).toEqual(expect.any(String));
  }, 60_000);

  it("a chat whose name shows nothing is offered the form's own suggestion, as a chat without a name is", async () => {
    const offered = async (id: string, chatName: string | undefined) => {
      const g = setupFormGroup(t, id);
      const origSend = t.send.bind(t);
      t.send = (activity) => origSend({ ...activity, conversation: { ...(activity.conversation as object), ...(chatName === undefined ? {} : { name: chatName }) } });
      try {
        return inputValues((await g.press(members[0]!, 'group.setup.open', {}, 'welcome-card')).value).name;
      } finally {
        t.send = origSend;
      }
    };
    const nameless = await offered('19:name-shows-nothing-none@thread.v2', undefined);
    expect({ offered: await offered('19:name-shows-nothing-chat@thread.v2', TAG_CHARACTERS), nameless }).toEqual({ offered: nameless, nameless: expect.any(String) });
    expect(nameless).not.toBe('');
  }, 60_000);
});
