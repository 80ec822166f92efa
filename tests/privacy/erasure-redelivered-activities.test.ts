/**
 * Teams redelivers an activity of the person that the app already handled before their erasure
 * (same activity id, same timestamp), and it arrives after the erasure completed. A judgement came
 * back under their name beside its anonymous copy (one person counted twice in the tally), and a
 * check-in likewise (an extra attendee); both made them a member again. An activity sent before
 * the group's latest erasure joins nobody now (`Group.lastErasureAt`, which names nobody).
 * Found in review, stop 35. (A redelivered `notitie` in their own chat is a left-out: README.)
 */
import { execute, TestUser, user } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { documentsNaming, eraseInChat } from '../verantwoording/support';
import { judgementsOf } from '../live-session/race-app';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];


describe('a pre-erasure activity redelivered after the erasure completed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('a redelivered judgement press recreates no judgement of the erased member, and the tally keeps one judgement per person', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:redeliver-judge@thread.v2'), [anna, bram, cem, dewi]);
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4 });
    await g.press(anna, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed' });
    // Bram's judgement press: handled once, Teams got no timely answer and will deliver it again.
    const press = { ...execute(g.conv, bram, 'proposal.judge', { ...g.ids(), opinion: 'disagree', reason: 'Bram vindt het te duur' }, g.sessionMessageId, 'bram-judge-1'), timestamp: t.clock.now().toISOString() };
    expect((await t.send(press)).status).toBe(200);
    expect((await judgementsOf(t, g)).length).toBe(2);

    await eraseInChat(t, bram);
    const afterErasure = (await judgementsOf(t, g)).map((j: { memberId: string; opinion: string }) => `${j.memberId === bram.aadObjectId ? 'bram' : j.memberId}:${j.opinion}`).sort();

    // The redelivery of the press from before the erasure.
    expect((await t.send(press)).status).toBe(200);

    const judgements = await judgementsOf(t, g);
    const group = (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource;
    expect({
      judgements: judgements.map((j: { memberId: string; opinion: string }) => `${j.memberId === bram.aadObjectId ? 'bram' : j.memberId}:${j.opinion}`).sort(),
      bramMemberAgain: group.members.some((m: { id: string }) => m.id === bram.aadObjectId),
      naming: await documentsNaming(t.store, bram),
    }).toEqual({ judgements: afterErasure, bramMemberAgain: false, naming: [] });
  });

  it('a redelivered energy check-in recreates no check-in of the erased member and does not count them twice as present', async () => {
    const [anna, bram, cem, dewi] = ['AnnaE', 'BramE', 'CemE', 'DewiE'].map(user) as [TestUser, TestUser, TestUser, TestUser];
    const g = new GroupDriver(t, t.conversation('groupChat', '19:redeliver-energy@thread.v2'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    const press = { ...execute(g.conv, bram, 'session.energy', { ...g.ids(), phase: 'in', energyIn: '2' }, g.sessionMessageId, 'bram-energy-1'), timestamp: t.clock.now().toISOString() };
    expect((await t.send(press)).status).toBe(200);
    await g.checkIn(anna, 4);

    await eraseInChat(t, bram);
    const presenceAfterErasure = (await g.items('presence')).length + (await g.items('checkIn')).length;

    expect((await t.send(press)).status).toBe(200);

    const group = (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource;
    expect({
      checkInsOfBram: (await g.items('checkIn')).filter((c) => c.memberId === bram.aadObjectId).length,
      attendanceRecords: (await g.items('presence')).length + (await g.items('checkIn')).length,
      bramMemberAgain: group.members.some((m: { id: string }) => m.id === bram.aadObjectId),
      naming: await documentsNaming(t.store, bram),
    }).toEqual({ checkInsOfBram: 0, attendanceRecords: presenceAfterErasure, bramMemberAgain: false, naming: [] });
  });
});
