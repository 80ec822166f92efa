import { execute } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

describe('several members at once, and Teams redelivering', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp();
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
  });
  afterAll(() => t.stop());

  it('keeps every contribution when six members save to the same question at the same moment', async () => {
    const results = await Promise.all(MEMBERS.map((m, i) => g.contribute(m, 1, `Bijdrage ${i} van ${m.name}`)));
    expect(results.every((r) => r.type === 'application/vnd.microsoft.card.adaptive')).toBe(true);
    expect((await g.items('contribution')).map((c) => c.text).sort()).toEqual(MEMBERS.map((m, i) => `Bijdrage ${i} van ${m.name}`).sort());
  });

  it('counts a redelivered activity once', async () => {
    const activity = execute(g.conv, MEMBERS[0]!, 'session.contribute', { ...g.ids(), questionId: 1, text: 'Eén keer, ook al komt hij twee keer' }, g.sessionMessageId);
    await Promise.all([t.send(activity), t.send(activity)]);
    await t.send(activity);
    expect((await g.items('contribution')).filter((c) => c.text.startsWith('Eén keer'))).toHaveLength(1);
  });

  it('opens one session when several members press start together', async () => {
    const before = (await t.cosmos.container('sessions').items.query("SELECT * FROM c WHERE c.type = 'session'").fetchAll()).resources.length;
    await Promise.all(MEMBERS.slice(0, 4).map((m) => g.press(m, 'session.start', { groupId: g.groupId }, 'cycle-card')));
    const after = (await t.cosmos.container('sessions').items.query("SELECT * FROM c WHERE c.type = 'session'").fetchAll()).resources.length;
    expect(after).toBe(before);
  });

  it('keeps each member\'s energy check-in when all check in at once, and shows no figure while the check-in runs', async () => {
    await Promise.all(MEMBERS.map((m, i) => g.checkIn(m, (i % 5) + 1)));
    expect(await g.items('checkIn')).toHaveLength(6);
    // Each member's client refreshes the card into their own view, read after every check-in.
    const view = cardText((await g.press(MEMBERS[0]!, 'session.refresh', g.ids())).value);
    expect(view).toContain("6 collega's ingecheckt");
    expect(view).not.toMatch(/gemiddeld \d/);
  });

  it('moves the question pointer once when two members press "next" together, and publishes the check-in once', async () => {
    await Promise.all([g.goTo(MEMBERS[0]!, 1), g.goTo(MEMBERS[1]!, 1)]);
    const session = await g.session();
    expect(session.currentIndex).toBe(1);
    expect(session.energy.in).toMatchObject({ average: 2.7, answers: 6 });
    expect(JSON.stringify(g.sharedCard())).toContain('Energie bij de start: gemiddeld 2,7.');
  });
});
