import { membersRemoved, TestUser } from '../support/activities';
import { buttonData, field, inputValues } from '../support/card-fields';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 40. Eva is removed from the group's chat (Teams' membersRemoved: she
 * leaves the group, her membership index says so). She still has the setup form she opened
 * earlier, and presses Opslaan on it with Dewi taken off, a new name and a 06:00 start. The save
 * read the chat's roster, which no longer lists her (the roster read put her in it anyway), and
 * rewrote the group's settings: Dewi out of the group without a word, by someone who is not in
 * the chat. What must hold: refused, nothing stored, Dewi still a member; the form comes back with
 * Eva's inputs and, next to the members, why (in the group's language). Once Teams lists her in
 * the chat again she saves as anyone in it.
 */
describe('a person removed from the chat saves an old setup form', () => {
  let t: TestApp;
  const [anna, bram, cem, dewi, eva] = MEMBERS as [TestUser, TestUser, TestUser, TestUser, TestUser];
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('cannot change the group or take a member off; back in the chat she can', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:removed-setup@thread.v2'), [anna, bram, cem, dewi, eva]);
    await g.setUp('nl');
    const card = (await g.press(eva, 'group.setup.open', {}, 'welcome-card')).value;
    const form = { ...buttonData(card, 'group.setup.save'), ...inputValues(card) };
    expect((await t.send(membersRemoved(g.conv, anna, [{ id: eva.id, aadObjectId: eva.aadObjectId }]))).status).toBe(200);
    t.connector.roster = [anna, bram, cem, dewi];
    const read = async () => (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource;
    const before = await read();
    expect(before.members.map((m: { id: string }) => m.id)).not.toContain(eva.aadObjectId);

    const mine = { ...form, name: 'Groep van Eva', startTime: '06:00', members: [anna, bram, cem, eva].map((m) => m.aadObjectId).join(',') };
    const res = await g.press(eva, 'group.setup.save', mine, 'setup-card');
    const stored = await read();
    expect({ name: stored.name, startTime: stored.schedule.startTime, dewi: stored.members.some((m: { id: string }) => m.id === dewi.aadObjectId), rev: stored.rev, _etag: stored._etag })
      .toEqual({ name: 'Team Zorg', startTime: '09:00', dewi: true, rev: before.rev, _etag: before._etag });
    // Her form again: what she entered, and the reason next to the members.
    expect([field(res.value, 'name')?.value, field(res.value, 'startTime')?.value]).toEqual(['Groep van Eva', '06:00']);
    expect(field(res.value, 'members')?.next).toBe('Je zit niet meer in deze chat, dus je kunt de groep niet meer aanpassen; er is niets opgeslagen. Zit je er weer in? Probeer het dan opnieuw. Anders kan een lid van de groep dit aanpassen.');

    // Added to the chat again: Teams lists her, and her save is taken.
    t.connector.roster = [anna, bram, cem, dewi, eva];
    await g.press(eva, 'group.setup.save', { ...mine, members: [anna, bram, cem, dewi, eva].map((m) => m.aadObjectId).join(',') }, 'setup-card');
    expect((await read()).name).toBe('Groep van Eva');
  });
});
