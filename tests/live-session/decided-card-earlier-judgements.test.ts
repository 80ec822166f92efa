import { TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Once the group decided, the session card listed every judgement of the proposal, also one given
 * for an earlier text (before a line was added), under the decided text and in its count ("3
 * oordelen"), right above "Oordelen bij het besluit: 2 eens". Before the decision the same card
 * says such a judgement does not count, and the summary leaves it out: the card told everyone Cem
 * judged the adopted text when he had not. Found in review, stop 38.
 */
describe('the decided card and judgements of an earlier text', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('does not list a judgement of an earlier text as one of the decided text', async () => {
    const three = ['Anna', 'Bram', 'Cem'].map(user) as [TestUser, TestUser, TestUser];
    const [anna, bram, cem] = three;
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:decided-earlier-judgements@thread.v2'), three).answeredOnDayOne(['Overdracht', 'Info kwijt', 'Geen tijd', 'Korter', 'Formulier'], { author: anna, checkIn: 4 });
    await g.contribute(bram, 6, 'Eigen voorstel: vaste overdrachtstafel.');
    await g.goTo(anna, 6);

    const cemsView = (await g.press(cem, 'session.refresh', g.ids())).value;
    await g.press(cem, 'proposal.judge', { ...buttonData(cemsView, 'proposal.judge'), opinion: 'disagree', reason: 'CEM-OUDE-TEKST-ONEENS' });
    // A line added: Cem's "oneens" is of an earlier text now.
    await g.contribute(bram, 6, 'En de overdracht begint om kwart voor.');

    for (const who of [anna, bram]) {
      const v = (await g.press(who, 'session.refresh', g.ids())).value;
      await g.press(who, 'proposal.judge', { ...buttonData(v, 'proposal.judge'), opinion: 'agree', reason: 'Met de extra regel' });
    }
    const form = (await g.press(anna, 'session.refresh', g.ids())).value;
    expect(cardText(form)).toContain('eerdere tekst'); // labelled as such before the decision
    const { opinion: _o, reason: _r, ...ids } = buttonData(form, 'proposal.judge');
    const res = await g.press(anna, 'proposal.decide', { ...ids, decision: 'accept', decisionReason: 'We doen het', adoptedText: '', firstStep: 'Tafel neerzetten' });
    const proposal = (await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource;
    expect(proposal.decision.judged).toEqual({ agree: 2, doubt: 0, disagree: 0 });

    const text = cardText(res.value);
    expect(text).toContain('Besluit van de groep');
    // Cem's judgement was of a text the group did not decide on: not listed as one of it, not in the count.
    expect(text).toMatch(/2 oordelen, van 3/);
    const earlier = text.indexOf('eerdere tekst');
    expect(earlier).toBeGreaterThan(-1);
    expect(text.indexOf('CEM-OUDE-TEKST-ONEENS')).toBeGreaterThan(earlier);
  }, 60_000);
});
