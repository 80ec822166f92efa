import { message, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 40. A full group (eight) works in Dutch. Zoe is in the chat but not in
 * the group: the setup form refuses her ("the group is full, ask a member"), and so does every
 * card. Yet typing "taal en" switched the whole group to English: someone outside the group
 * changed one of its settings, which the form would have refused her. The language is a setting
 * like the others: the command now follows the form's rule. What must hold: Zoe's "taal en" is
 * refused as on the form (friendly, in the group's language), the group stays Dutch and she does
 * not join; a member's "taal en" still switches the group.
 */
describe('a colleague outside a full group types "taal en"', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('does not change the full group\'s language; a member still can', async () => {
    const eight = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva', 'Finn', 'Gijs', 'Hana'].map(user);
    const zoe = user('Zoe');
    const g = new GroupDriver(t, t.conversation('groupChat', '19:outsider-language@thread.v2'), eight);
    await g.setUp('nl');
    t.connector.roster = [...eight, zoe];
    // The same change through the setup form is refused to her.
    const viaForm = await g.press(zoe, 'group.setup.save', {
      name: 'Team Zorg', members: eight.map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'en', weeks: '20',
    }, 'setup-card');
    expect(JSON.stringify(viaForm)).toMatch(/vol/i);
    const read = async () => (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource;
    expect((await read()).language).toBe('nl');

    // Through the text command as well, with the same words in the group's language.
    const before = t.connector.calls.length;
    expect((await t.send(message(g.conv, zoe, 'taal en'))).status).toBe(200);
    const answers = t.connector.calls.slice(before).filter((c) => c.method === 'POST');
    const said = answers.map((c) => c.activity?.text ?? cardText(c.activity?.attachments?.[0]?.content)).join('\n');
    expect(said).toContain('Deze groep is vol (maximaal acht deelnemers). Vraag een lid om de groepsinstellingen aan te passen.');
    expect(said).not.toMatch(/English/);
    const stored = await read();
    expect(stored.members.map((m: { id: string }) => m.id)).not.toContain(zoe.aadObjectId);
    expect(stored.language).toBe('nl');

    // A member changes it.
    expect((await t.send(message(g.conv, eight[1]!, 'taal en'))).status).toBe(200);
    expect((await read()).language).toBe('en');
  });
});
