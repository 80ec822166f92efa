/**
 * Scenario: several members have the group setup form open at once (opened on the same stored
 * settings) and each saves a change of their own, one after the other or at the same moment:
 * Anna adds Eva, Bram moves the start time, Cem types "taal en" in between. Also two first setups
 * of a chat that has no group yet, and a setup form that still lists a member whose erasure is
 * under way.
 * Guarantees: nobody's change is lost silently. What the presser changed on their form is
 * written over what is stored now, so changes to other fields (or other members) by someone else
 * stay; where two changed the same field differently, the later save is refused: the form comes
 * back with the presser's inputs, the reason next to the field in the group's language, and what is
 * stored now. A refused save stores nothing. A member being erased is not put back.
 */
import { TestUser, message } from '../support/activities';
import { buttonData, field, inputValues } from '../support/card-fields';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram, cem, dewi, eva] = MEMBERS as [TestUser, TestUser, TestUser, TestUser, TestUser];
const ids = (members: TestUser[]) => members.map((m) => m.aadObjectId).join(',');

describe('group setup saves from forms opened together keep each change', () => {
  let t: TestApp;
  let chat = 0;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  async function newGroup(language: 'nl' | 'en' = 'nl') {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:setup-race-${++chat}@thread.v2`), [anna, bram, cem, dewi]);
    await g.setUp(language);
    t.connector.roster = [anna, bram, cem, dewi, eva];
    return g;
  }

  /** Opens the setup form as `who` sees it: the data its save button sends, and its inputs. */
  async function openForm(g: GroupDriver, who: TestUser) {
    const card = (await g.press(who, 'group.setup.open', {}, 'welcome-card')).value;
    return { ...buttonData(card, 'group.setup.save'), ...inputValues(card) };
  }

  async function stored(g: GroupDriver) {
    const { resource } = await t.store.container('sessions').item(g.groupId, g.groupId).read();
    return { members: (resource.members as { id: string }[]).map((m) => m.id).sort(), startTime: resource.schedule.startTime as string, language: resource.language as string, name: resource.name as string };
  }

  it('keeps both when Anna adds Eva and Bram then moves the start time, both told saved', async () => {
    const g = await newGroup();
    const [formA, formB] = [await openForm(g, anna), await openForm(g, bram)];
    const a = await g.press(anna, 'group.setup.save', { ...formA, members: ids([anna, bram, cem, dewi, eva]) }, 'setup-card');
    const b = await g.press(bram, 'group.setup.save', { ...formB, startTime: '10:00' }, 'setup-card');
    expect([cardText(a.value), cardText(b.value)].map((text) => /Team Zorg/.test(text) && !/intussen/.test(text))).toEqual([true, true]);
    expect(await stored(g)).toMatchObject({ members: [anna, bram, cem, dewi, eva].map((m) => m.aadObjectId).sort(), startTime: '10:00' });
  });

  it('keeps both when the two saves arrive at the same moment', async () => {
    const g = await newGroup();
    const [formA, formB] = [await openForm(g, anna), await openForm(g, bram)];
    await Promise.all([
      g.press(anna, 'group.setup.save', { ...formA, members: ids([anna, bram, cem, dewi, eva]) }, 'setup-card'),
      g.press(bram, 'group.setup.save', { ...formB, startTime: '10:00' }, 'setup-card'),
    ]);
    expect(await stored(g)).toMatchObject({ members: [anna, bram, cem, dewi, eva].map((m) => m.aadObjectId).sort(), startTime: '10:00' });
  });

  it('keeps a member Anna took off and one Bram added, from forms opened together', async () => {
    const g = await newGroup();
    const [formA, formB] = [await openForm(g, anna), await openForm(g, bram)];
    await g.press(anna, 'group.setup.save', { ...formA, members: ids([anna, bram, cem]) }, 'setup-card');
    await g.press(bram, 'group.setup.save', { ...formB, members: ids([anna, bram, cem, dewi, eva]) }, 'setup-card');
    expect((await stored(g)).members).toEqual([anna, bram, cem, eva].map((m) => m.aadObjectId).sort());
  });

  it.each([
    ['nl', /intussen door iemand anders gewijzigd/i, 'Nu bewaard'],
    ['en', /changed meanwhile by someone else/i, 'Stored now'],
  ] as const)('refuses (in %s) the later of two different start times: inputs kept, the reason at the time, what is stored shown', async (language, reason, storedNow) => {
    const g = await newGroup(language);
    const [formA, formB] = [await openForm(g, anna), await openForm(g, bram)];
    await g.press(anna, 'group.setup.save', { ...formA, startTime: '10:00' }, 'setup-card');
    const b = await g.press(bram, 'group.setup.save', { ...formB, startTime: '11:00', name: 'Team Bram' }, 'setup-card');
    expect(field(b.value, 'startTime')).toEqual({ value: '11:00', next: expect.stringMatching(reason) });
    expect(field(b.value, 'name')?.value).toBe('Team Bram');
    expect(cardText(b.value)).toContain(storedNow);
    expect(cardText(b.value)).toContain('10:00');
    // Nothing of Bram's save was stored, not even the name that did not collide.
    expect(await stored(g)).toMatchObject({ startTime: '10:00', name: 'Team Zorg' });
    // Having seen what is stored, Bram saves again from the refused form: now his choice stands.
    const again = await g.press(bram, 'group.setup.save', { ...buttonData(b.value, 'group.setup.save'), ...inputValues(b.value) }, 'setup-card');
    expect(cardText(again.value)).not.toMatch(/intussen|meanwhile/i);
    expect(await stored(g)).toMatchObject({ startTime: '11:00', name: 'Team Bram' });
  });

  it('refuses one of two different start times saved at the same moment, and stores the other', async () => {
    const g = await newGroup();
    const [formA, formB] = [await openForm(g, anna), await openForm(g, bram)];
    const [a, b] = await Promise.all([
      g.press(anna, 'group.setup.save', { ...formA, startTime: '10:00' }, 'setup-card'),
      g.press(bram, 'group.setup.save', { ...formB, startTime: '11:00' }, 'setup-card'),
    ]);
    const refused = [a, b].map((r) => /intussen/i.test(cardText(r.value)));
    expect(refused.filter(Boolean)).toHaveLength(1);
    expect((await stored(g)).startTime).toBe(refused[0] ? '11:00' : '10:00');
  });

  it('keeps "taal en" typed after Anna opened the form she saves with a new start time', async () => {
    const g = await newGroup();
    const formA = await openForm(g, anna);
    expect((await t.send(message(g.conv, cem, 'taal en'))).status).toBe(200);
    const a = await g.press(anna, 'group.setup.save', { ...formA, startTime: '10:00' }, 'setup-card');
    expect(cardText(a.value)).not.toMatch(/intussen|meanwhile/i);
    expect(await stored(g)).toMatchObject({ language: 'en', startTime: '10:00' });
  });

  it('does not lose one of two first setups of a chat without a group: the same field changed differently is refused', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:first-setup-race@thread.v2`), [anna, bram, cem, dewi]);
    t.connector.roster = [anna, bram, cem, dewi];
    const [formA, formB] = [await openForm(g, anna), await openForm(g, bram)];
    expect(formA.rev).toBe(0);
    const [a, b] = await Promise.all([
      g.press(anna, 'group.setup.save', { ...formA, name: 'Team Anna', startTime: '10:00' }, 'setup-card'),
      g.press(bram, 'group.setup.save', { ...formB, weeks: 12, startTime: '11:00' }, 'setup-card'),
    ]);
    const refused = [a, b].map((r) => /intussen/i.test(cardText(r.value)));
    expect(refused.filter(Boolean)).toHaveLength(1);
    g.groupId = (refused[0] ? b : a).value.actions[0].data.groupId;
    const group = (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource;
    expect({ name: group.name, time: group.schedule.startTime, weeks: group.plannedWeeks }).toEqual(refused[0] ? { name: formB.name, time: '11:00', weeks: 12 } : { name: 'Team Anna', time: '10:00', weeks: 20 });
  });

  it('refuses a setup that lists a member whose erasure is under way, inputs kept, the reason at the members', async () => {
    const g = await newGroup();
    const form = await openForm(g, anna);
    // Bram's erasure has begun: it took him off the group and named him as being erased.
    const container = t.store.container('sessions');
    const { resource } = await container.item(g.groupId, g.groupId).read();
    await container.item(g.groupId, g.groupId).replace({ ...resource, members: resource.members.filter((m: { id: string }) => m.id !== bram.aadObjectId), erasing: [{ id: bram.aadObjectId, teamsId: bram.id }] });
    const chosen = ids([anna, bram, cem, dewi, eva]);
    const res = await g.press(anna, 'group.setup.save', { ...form, members: chosen, startTime: '10:00' }, 'setup-card');
    expect(field(res.value, 'members')).toEqual({ value: chosen, next: expect.stringMatching(/gegevens wissen/) });
    expect(field(res.value, 'startTime')?.value).toBe('10:00');
    expect(await stored(g)).toMatchObject({ members: [anna, cem, dewi].map((m) => m.aadObjectId).sort(), startTime: '09:00' });
  });
});
