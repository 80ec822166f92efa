import { membersRemoved, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review of this stop's own change (stop 33).
 *
 * "Members who left the chat without judging no longer hold back the group's decision." Anna,
 * Bram and Cem check in. Cem judges the group's own proposal, then a line is added to it (his
 * judgement is now "of an earlier text; does not count"), and Cem is removed from the chat. He can
 * no longer judge the text as it stands. Anna judges it and decides.
 * Cem has not judged the text as it stands and has left, so he does not hold the
 * decision back: present = Anna and Bram, one judgement of two is the quorum (0.5), the decision
 * is stored, just as when Cem never judged at all.
 * presentForDecision counted every judge of the proposal (any text) as present, so Cem's
 * stale judgement kept him in the count (3 present, 2 needed) while it counts for nothing in the
 * tally: refused with "too few judgements", for the rest of the session, because of someone gone.
 */
describe('a member who judged an earlier text of the proposal leaves the chat', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('does not hold back the decision of those who stayed', async () => {
    const three = ['Anna', 'Bram', 'Cem'].map(user) as [TestUser, TestUser, TestUser];
    const [anna, bram, cem] = three;
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:chat-quorum-earlier@thread.v2'), three).answeredOnDayOne(['Overdracht', 'Informatie raakt kwijt', 'Geen vaste tijd', 'Overdracht moet korter', 'Formulier'], { author: anna, checkIn: 4 });
    await g.contribute(bram, 6, 'Ons eigen voorstel: een vaste overdrachtstafel.');
    await g.goTo(anna, 6);

    const cemsView = (await g.press(cem, 'session.refresh', g.ids())).value;
    await g.press(cem, 'proposal.judge', { ...buttonData(cemsView, 'proposal.judge'), opinion: 'agree', reason: 'Goed plan' });
    // A line added to the proposal: Cem's judgement is of an earlier text now.
    await g.contribute(bram, 6, 'En om kwart voor begint de overdracht.');

    expect((await t.send(membersRemoved(g.conv, anna, [cem]))).status).toBe(200);
    t.connector.roster = [anna, bram];

    const annasView = (await g.press(anna, 'session.refresh', g.ids())).value;
    await g.press(anna, 'proposal.judge', { ...buttonData(annasView, 'proposal.judge'), opinion: 'agree', reason: 'Met de extra regel' });
    const form = (await g.press(anna, 'session.refresh', g.ids())).value;
    // The decision form shows only once the quorum is met; the press names the text as the judge button does.
    // Actual: "1 oordeel, van 3 aanwezigen. ... Nog 1 oordeel nodig." (Cem, gone, among the 3).
    expect(cardText(form)).toContain('1 oordeel, van 2 aanwezigen.');
    // Since stop 64 a group decides on two judgements at least: Bram judges too (with Cem counted, 3
    // present, the two would have met the quorum as well: the count of those present above is what tells).
    const bramsView = (await g.press(bram, 'session.refresh', g.ids())).value;
    await g.press(bram, 'proposal.judge', { ...buttonData(bramsView, 'proposal.judge'), opinion: 'agree', reason: 'Ook goed' });
    const { opinion: _o, reason: _r, ...ids } = buttonData(form, 'proposal.judge');
    const res = await g.press(anna, 'proposal.decide', { ...ids, decision: 'accept', decisionReason: 'We doen het', adoptedText: '', firstStep: 'Tafel neerzetten' });

    const proposal = (await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource;
    expect(cardText(res.value)).not.toContain('Nog 1 oordeel nodig');
    expect(proposal?.decision).toMatchObject({ verdict: 'accept' });
  });
});
