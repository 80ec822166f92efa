/**
 * Found in review, stop 45.
 *
 * The members judge the proposal at the same moment ("let's all judge now"). Four members are
 * present, so two judgements let the group decide. Anna and Bram press "Oordeel bewaren" together:
 * Anna's press has read the session (no judgement yet) and is writing hers when Bram's press,
 * which also read none, stores his. Each press knew only its own judgement plus what it read, so
 * neither was "the one that lets the group decide": both judgements were stored and the quorum
 * met, but the shared card (and every member's view) kept saying "Nog 2 oordelen nodig" with no
 * decision form, and Anna's own answer said "Nog 1 oordeel nodig".
 * Must hold: a press whose judgement leaves the group short by what it read looks again after its
 * write, so the press whose write lands last sees both, and the shared card and its member's
 * answer show the decision form.
 */
import { isMemberWrite } from '../support/cosmos-gate';
import { cardText, MEMBERS } from '../support/group-driver';
import { judgementsOf, raceApp } from '../live-session/race-app';

describe('two judgements pressed together that reach the quorum', () => {
  const race = raceApp('judged-together');
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  it('opens the decision on the shared card', async () => {
    const g = race.group([anna, bram, cem, dewi]);
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4 });
    expect(cardText(g.sharedCard())).toContain('Nog 2 oordelen nodig');

    // Anna's press has read the session and is about to store her judgement; Bram's press runs meanwhile.
    const held = race.gate.hold(isMemberWrite);
    const annas = g.press(anna, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed te doen' });
    await held.arrived;
    await g.press(bram, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Past in het rooster' });
    held.release();
    const annasAnswer = await annas;
    await race.t.app.sharedCards.idle();

    expect((await judgementsOf(race.t, g)).length).toBe(2);
    const shared = g.sharedCard();
    expect({
      sharedCardStillWaiting: /Nog \d oordee?l(en)? nodig/.test(cardText(shared)),
      sharedCardHasDecisionForm: JSON.stringify(shared).includes('"verb":"proposal.decide"'),
      annasAnswerStillWaiting: cardText(annasAnswer.value).includes('Nog 1 oordeel nodig'),
    }).toEqual({ sharedCardStillWaiting: false, sharedCardHasDecisionForm: true, annasAnswerStillWaiting: false });
  }, 120_000);
});
