/**
 * Found as a left-out of stop 56 (fixed in stop 57: the group's name counts characters as they
 * show against its limit of 120, as every other text limit does, and the name input's maxLength
 * follows).
 *
 * README "Group setup": a group's name takes up to 120 characters. An emoji or a letter with its
 * accent is one character to the person typing it, so a name of 120 of them is saved as typed, and
 * the form that shows it can be saved again unchanged. One more is refused with the reason next to
 * the name, the inputs kept and nothing stored. A chat name within the limit is offered whole.
 */
import { buttonData, field, inputValues, textInput } from '../support/card-fields';
import { startTestApp, TestApp } from '../support/test-app';
import { SETUP_MEMBERS as members, setupFormGroup, setupFormValues as settings } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored documents and card JSON under test */

const TULIPS = '\u{1F337}'.repeat(120); // 120 emoji, 240 UTF-16 code units
/** "x" with a combining acute accent: no precomposed form, so it stays two code units once composed (NFC). */
const ACCENTED = 'x\u0301'.repeat(120);

describe('the group name counts characters as they show', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  const group = (id: string) => setupFormGroup(t, id);
  const stored = async (groupId: string) => (await t.store.container('sessions').item(groupId, groupId).read()).resource as any;

  it.each([
    ['120 emoji', TULIPS],
    ['120 letters with a combining accent', ACCENTED],
  ])('a name of %s is saved as typed; the form showing it takes it and saves again unchanged', async (_label, name) => {
    const g = group(`19:name-as-seen-${name.length}-${name.codePointAt(0)}@thread.v2`);
    const res = await g.press(members[0]!, 'group.setup.save', settings(name), 'setup-card');
    const groupId = res.value.actions?.[0]?.data?.groupId as string;
    expect(groupId).toEqual(expect.any(String));
    expect((await stored(groupId)).name).toBe(name);

    const form = (await g.press(members[0]!, 'group.setup.open', {}, 'cycle-card')).value;
    const input = textInput(form, 'name');
    expect({ value: input?.value, fits: (input?.maxLength ?? 0) >= name.length }).toEqual({ value: name, fits: true });
    const again = await g.press(members[1]!, 'group.setup.save', { ...buttonData(form, 'group.setup.save'), ...inputValues(form), language: 'en' }, 'cycle-card');
    expect(again.value.actions?.[0]?.data?.groupId).toBe(groupId);
    expect(await stored(groupId)).toMatchObject({ name, language: 'en' });
  }, 60_000);

  it('a name of 121 emoji is refused: the reason next to the name counts characters, the inputs are kept, nothing is stored', async () => {
    const g = group('19:name-as-seen-over@thread.v2');
    await g.setUp('nl');
    const before = await stored(g.groupId);
    const over = `${TULIPS}\u{1F337}`;
    const res = await g.press(members[0]!, 'group.setup.save', { ...settings(over), startTime: '10:00' }, 'cycle-card');
    expect(field(res.value, 'name')).toEqual({ value: over, next: 'Hoogstens 120 tekens; dit zijn er 121.' });
    expect(field(res.value, 'startTime')?.value).toBe('10:00');
    expect((textInput(res.value, 'name')?.maxLength ?? 0) >= over.length).toBe(true);
    // Refused by the payload check too (60 weeks): the name's reason is named with it.
    const both = await g.press(members[0]!, 'group.setup.save', { ...settings(over), weeks: '60' }, 'cycle-card');
    expect(field(both.value, 'name')).toEqual({ value: over, next: 'Hoogstens 120 tekens; dit zijn er 121.' });
    expect(field(both.value, 'weeks')?.next).toEqual(expect.any(String));
    const after = await stored(g.groupId);
    expect({ etag: after._etag, name: after.name }).toEqual({ etag: before._etag, name: 'Team Zorg' });
  }, 60_000);

  it.each([
    ['100 emoji is offered that name whole', 100, 100],
    ['130 emoji is offered its first 120', 130, 120],
  ])('a chat whose name is %s', async (_label, length, offered) => {
    const g = group(`19:name-as-seen-chat-${length}@thread.v2`);
    const chatName = '\u{1F33B}'.repeat(length);
    const origSend = t.send.bind(t);
    t.send = (activity) => origSend({ ...activity, conversation: { ...(activity.conversation as object), name: chatName } });
    try {
      const form = (await g.press(members[0]!, 'group.setup.open', {}, 'welcome-card')).value;
      expect(inputValues(form).name).toBe('\u{1F33B}'.repeat(offered));
    } finally {
      t.send = origSend;
    }
  }, 60_000);
});
