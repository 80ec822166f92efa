import { membersRemoved, TestUser, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The group decides "once at least half of the members present have judged it" (DOMAIN.md).
 * Six members check in; four are then removed from the chat (they leave the group) without
 * judging. The two who stayed both judge: every member present has judged, so they decide.
 * Those who left counted as present and held the decision back for the rest of the session.
 * Found in review, stop 33.
 */
describe('the group shrinks while it judges its proposal', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('lets the members still present decide once they all judged', async () => {
    const six = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva', 'Finn'].map(user) as TestUser[];
    const [anna, bram] = six as [TestUser, TestUser];
    const g = new GroupDriver(t, t.conversation('groupChat', '19:chat-quorum-leaving@thread.v2'), six);
    await g.answeredOnDayOne(['De overdracht', 'Wie doet wat', 'Geen vaste tijd', 'Overdracht kost tijd', 'Vaste momenten', 'Tien minuten overdracht per dienst.'], { checkIn: 4 });
    const proposalId = `${g.groupId}_w1_p`;

    expect((await t.send(membersRemoved(g.conv, anna, six.slice(2)))).status).toBe(200);
    t.connector.roster = [anna, bram];

    for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed te doen' });
    const res = await g.press(anna, 'proposal.decide', { ...g.ids(), proposalId, decision: 'accept', decisionReason: 'We doen het', adoptedText: '', firstStep: 'Morgen beginnen' });

    const proposal = (await t.store.container('sessions').item(proposalId, g.groupId).read()).resource;
    expect(cardText(res.value)).not.toContain('Nog 1 oordeel nodig');
    expect(proposal?.decision).toMatchObject({ verdict: 'accept' });
  });
});
