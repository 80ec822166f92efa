import { CosmosGroupRepository } from '../../src/store/week-cycle.repositories';
import { CosmosPlanRepository } from '../../src/store/plan.repository';
import { execute, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { MAX_CONTRIBUTION_LENGTH } from '../../src/domain/week-cycle/session';

const [anna, bram, cem] = ['Anna', 'Bram', 'Cem'].map(user) as [ReturnType<typeof user>, ReturnType<typeof user>, ReturnType<typeof user>];
const mallory = user('Mallory');
const SECRET = 'Geheime werksituatie van de groep';
const REFUSED = 'Deze kaart hoort bij een andere groep. Gebruik de kaarten in de chat van je eigen groep.';

/**
 * A group is its chat. Its ids are no secret (the group id is derived from the chat's id, which
 * any message link shows, and former members keep them on their cards), so a card action with a
 * group's ids from anywhere else must read and change nothing of that group.
 */
describe('a group\'s cards pressed from outside its chat', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(anna, 1, SECRET);
  });
  afterAll(() => t.stop());

  const memberIds = async () => (await new CosmosGroupRepository(t.store).get(g.groupId))!.members.map((m: { id: string }) => m.id);

  it('shows an outsider in their personal chat nothing of the session, and says why', async () => {
    const res = await t.send(execute(t.conversation('personal', 'a:personal-mallory'), mallory, 'session.refresh', g.ids(), 'x'));
    expect(cardText(res.body.value)).not.toContain(SECRET);
    expect(cardText(res.body.value)).toContain(REFUSED);
  });

  it('shows an outsider in another tenant\'s chat nothing of the session', async () => {
    const conv = { ...t.conversation('groupChat', '19:other-chat@thread.v2'), tenantId: 'tenant-evil' };
    const res = await t.send(execute(conv, mallory, 'session.refresh', g.ids(), 'x'));
    expect(cardText(res.body.value)).not.toContain(SECRET);
  });

  // Attack: a payload that fails the input check (one character too many, a score out of range)
  // used to skip the chat check and come back in the verb's form, which loads the session or
  // agenda from the raw ids sent: the group's live session, shown to whoever knew its ids.
  it('shows an outsider in their personal chat nothing of the session through a too-long contribution', async () => {
    const res = await t.send(execute(t.conversation('personal', 'a:personal-mallory'), mallory, 'session.contribute', { ...g.ids(), questionId: 1, text: 'x'.repeat(MAX_CONTRIBUTION_LENGTH + 1) }, 'x'));
    expect(cardText(res.body.value)).not.toContain(SECRET);
    expect(cardText(res.body.value)).toContain(REFUSED);
  });

  it('shows an outsider in another tenant\'s chat nothing of the session through a malformed check-in', async () => {
    const conv = { ...t.conversation('groupChat', '19:other-chat@thread.v2'), tenantId: 'tenant-evil' };
    const res = await t.send(execute(conv, mallory, 'session.energy', { ...g.ids(), phase: 'in', energyIn: '9' }, 'x'));
    expect(cardText(res.body.value)).not.toContain(SECRET);
    expect(cardText(res.body.value)).toContain(REFUSED);
  });

  it('shows an outsider nothing of the group\'s agenda through a malformed agenda', async () => {
    const res = await t.send(execute(t.conversation('personal', 'a:personal-mallory'), mallory, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,'.repeat(150), day2: '8', day3: '9', day4: '10' }, 'x'));
    expect(cardText(res.body.value)).not.toContain('Team Zorg');
    expect(cardText(res.body.value)).toContain(REFUSED);
  });

  it('lets no one join the group or write in it from another chat', async () => {
    const res = await t.send(execute(t.conversation('groupChat', '19:other-chat@thread.v2'), mallory, 'session.contribute', { ...g.ids(), questionId: 1, text: 'ingebroken' }, 'x'));
    expect(cardText(res.body.value)).toContain(REFUSED);
    expect(await memberIds()).not.toContain(mallory.aadObjectId);
    expect((await g.items('contribution')).map((c) => c.text)).not.toContain('ingebroken');
  });

  it('shows an outsider neither the group\'s rhythm nor a way to change it', async () => {
    const eve = user('Eve');
    const conv = t.conversation('personal', 'a:personal-eve');
    const before = JSON.stringify(await new CosmosPlanRepository(t.store).get(g.groupId));
    const shown = await t.send(execute(conv, eve, 'rhythm.plan.show', { groupId: g.groupId }, 'x'));
    expect(cardText(shown.body.value)).not.toContain('Team Zorg');
    const skip = await t.send(execute(conv, eve, 'rhythm.skip', { groupId: g.groupId, week: 3, from: '2026-12-07' }, 'x'));
    expect(cardText(skip.body.value)).toContain(REFUSED);
    expect(JSON.stringify(await new CosmosPlanRepository(t.store).get(g.groupId))).toBe(before);
    expect(await memberIds()).not.toContain(eve.aadObjectId);
  });

  it('still lets someone new in the group\'s own chat take part', async () => {
    const dewi = user('Dewi');
    const res = await g.contribute(dewi, 1, 'Dewi doet mee');
    expect(cardText(res.value)).toContain('Dewi doet mee');
    expect(await memberIds()).toContain(dewi.aadObjectId);
  });
});
