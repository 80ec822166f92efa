/**
 * Found in review, stop 46. In a group chat whose group works in Dutch, a member (not HR) types the
 * English command word `offer` (README: `aanbod`/`offer`). Everywhere else a set-up group's chat
 * speaks the group's language, whatever word or Teams client was used (`report` and `annual plan`
 * there answer in the group's language: one chat never mixes two languages). The `offer` handler
 * took the English word over the group's language, so the Dutch group's chat got an English line
 * for everyone to read. It must answer in the group's language.
 */
import { message } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

describe('`offer` typed in a Dutch group chat', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('answers in the group\'s language', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:offer-dutch-group@thread.v2'), MEMBERS.slice(0, 3));
    await g.setUp('nl');
    const before = t.connector.calls.length;
    await t.send(message(g.conv, MEMBERS[0]!, 'offer'));
    const said = t.connector.calls.slice(before).filter((c) => c.conversationId === g.conv.id).map((c) => c.activity.text).filter((x): x is string => typeof x === 'string');
    expect(said.length).toBeGreaterThan(0);
    // Before: ["Only HR/L&O can set L&O's offer."] in the Dutch group's chat.
    expect(said).toEqual([expect.stringContaining('Alleen HR/L&O')]);
  });
});
