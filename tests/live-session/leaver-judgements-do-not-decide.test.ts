import { membersRemoved, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 41.
 *
 * DOMAIN: the group decides "once at least half of the members present have judged it". Anna,
 * Bram, Cem and Dewi check in; Cem and Dewi judge the group's own proposal "eens" and are then
 * removed from the chat. Anna and Bram, the only members present, have not judged. The judgements
 * of those who left counted for the quorum and the "at least one eens" rule: the card said
 * "2 oordelen, van 2 aanwezigen" and Anna alone recorded "aannemen zoals het is" for the group.
 * Must hold: only judgements of members still in the group count (the card's tally too), so Anna
 * is told judgements are needed and nothing is stored.
 */
describe('judgements of members who left the chat', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('do not let a present member decide for the group without any present member judging', async () => {
    const four = ['Anna', 'Bram', 'Cem', 'Dewi'].map(user) as [TestUser, TestUser, TestUser, TestUser];
    const [anna, bram, cem, dewi] = four;
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:chat-leavers-judged@thread.v2'), four).answeredOnDayOne(
      ['Overdracht', 'Informatie raakt kwijt', 'Geen vaste tijd', 'Overdracht moet korter', 'Formulier'],
      { author: anna, checkIn: 4 },
    );
    await g.contribute(bram, 6, 'Ons eigen voorstel: een vaste overdrachtstafel.');
    await g.goTo(anna, 6);

    for (const who of [cem, dewi]) {
      const view = (await g.press(who, 'session.refresh', g.ids())).value;
      await g.press(who, 'proposal.judge', { ...buttonData(view, 'proposal.judge'), opinion: 'agree', reason: 'Goed plan' });
    }
    expect((await t.send(membersRemoved(g.conv, anna, [cem, dewi]))).status).toBe(200);
    t.connector.roster = [anna, bram];

    const form = (await g.press(anna, 'session.refresh', g.ids())).value;
    expect(cardText(form)).toContain('0 oordelen, van 2 aanwezigen');
    const { opinion: _o, reason: _r, ...ids } = buttonData(form, 'proposal.judge');
    const res = await g.press(anna, 'proposal.decide', { ...ids, decision: 'accept', decisionReason: 'We doen het', adoptedText: '', firstStep: 'Tafel neerzetten' });

    const proposal = (await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource;
    expect(proposal?.decision).toBeUndefined();
    // Two judgements: half of the two present, and since stop 64 never fewer than two in a group.
    expect(cardText(res.value)).toContain('Nog 2 oordelen nodig');
  }, 60_000);
});
