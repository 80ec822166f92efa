import { membersRemoved, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 46. Anna, Bram, Cem and Dewi check in; Bram writes the group's own
 * proposal. Dewi judges it "oneens" and is then removed from the chat (she leaves the group).
 * Anna, Bram and Cem judge "eens" and Anna adopts it. The decided session card says
 * "3 oordelen, van 3 aanwezigen": Dewi's judgement counts for no one (README: "Only judgements of
 * members still in the chat count"). The session summary the bot posts to the chat when Anna ends
 * the session used to list, under "Oordelen" right above "Besluit van de groep", four judgements,
 * Dewi's "oneens" first: the group's record of its decision showed a judgement that was not part
 * of it, and contradicted the card it summarises.
 * Must hold: the summary lists the judgements the decision counted, by the rule the decided card
 * uses (`judgementsOfMembers`): the leaver's judgement is not in it.
 */
describe('the summary of a decision taken after a member who judged left the chat', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('does not list the leaver\'s judgement as one of the decision', async () => {
    const four = ['Anna', 'Bram', 'Cem', 'Dewi'].map(user) as [TestUser, TestUser, TestUser, TestUser];
    const [anna, bram, cem, dewi] = four;
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:summary-leaver@thread.v2'), four).answeredOnDayOne(
      ['Overdracht', 'Informatie raakt kwijt', 'Geen vaste tijd', 'Overdracht moet korter', 'Formulier'],
      { author: anna, checkIn: 4 },
    );
    await g.contribute(bram, 6, 'Ons eigen voorstel: een vaste overdrachtstafel.');
    await g.goTo(anna, 6);

    const dewisView = (await g.press(dewi, 'session.refresh', g.ids())).value;
    await g.press(dewi, 'proposal.judge', { ...buttonData(dewisView, 'proposal.judge'), opinion: 'disagree', reason: 'DEWI-VERTROKKEN-ONEENS' });
    expect((await t.send(membersRemoved(g.conv, anna, [dewi]))).status).toBe(200);
    t.connector.roster = [anna, bram, cem];

    for (const who of [anna, bram, cem]) {
      const view = (await g.press(who, 'session.refresh', g.ids())).value;
      await g.press(who, 'proposal.judge', { ...buttonData(view, 'proposal.judge'), opinion: 'agree', reason: 'Goed te doen' });
    }
    const form = (await g.press(anna, 'session.refresh', g.ids())).value;
    const { opinion: _o, reason: _r, ...ids } = buttonData(form, 'proposal.judge');
    const decided = await g.press(anna, 'proposal.decide', { ...ids, decision: 'accept', decisionReason: 'We doen het', adoptedText: '', firstStep: 'Tafel neerzetten' });
    // The decided card leaves Dewi's judgement out.
    expect(cardText(decided.value)).toContain('3 oordelen, van 3 aanwezigen');
    expect(cardText(decided.value)).not.toContain('DEWI-VERTROKKEN-ONEENS');

    const before = t.connector.calls.length;
    await g.end(anna);
    await t.app.outbox.drain(30_000);
    const summaries = t.connector.calls
      .slice(before)
      .filter((c) => c.method === 'POST' && c.conversationId === g.conv.id && cardText(c.activity.attachments?.[0]?.content ?? {}).includes('Samenvatting'))
      .map((c) => cardText(c.activity.attachments[0].content));
    expect(summaries).toHaveLength(1);
    const summary = summaries[0]!;
    expect(summary).toContain('Besluit van de groep');
    expect(summary).not.toContain('DEWI-VERTROKKEN-ONEENS');
  }, 60_000);
});
