import { CosmosGroupRepository } from '../../src/store/week-cycle.repositories';
import { CosmosPlanRepository } from '../../src/store/plan.repository';
import { execute, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

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
