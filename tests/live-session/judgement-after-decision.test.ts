import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { buttonData, inputValue } from '../support/card-fields';

/**
 * Found in review, stop 40. Bram types a judgement of the proposal while Dewi decides; his press
 * lands just after her decision, with the session still open. Nothing of his is stored (the group
 * decided), and he was shown the plain error card "Deze sessie is al afgerond ... Er is niets
 * verloren gegaan" on a session that was open, with his reason gone. What must hold: his own view
 * of the session, saying in the group's language that the group decided before his judgement,
 * with his opinion and reason kept in their inputs; his judgement stored nowhere and the
 * decision's tally as it was.
 */
describe('a judgement pressed just after another member decided', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  beforeAll(async () => {
    t = await startTestApp();
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4 });
  });
  afterAll(() => t.stop());

  it('tells Bram the group decided, keeps his opinion and reason, and stores nothing of it', async () => {
    await g.press(anna, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed' });
    await g.press(cem, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Prima' });
    // Bram's own card, showing the judgement form, from before Dewi decides.
    const bramsCard = (await g.press(bram, 'session.refresh', g.ids())).value;
    await g.press(dewi, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Morgen beginnen' });
    expect((await g.session()).status).toBe('open');
    const proposalItem = t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId);
    const decidedWith = (await proposalItem.read()).resource.decision;
    expect(decidedWith.verdict).toBe('accept');

    const late = await g.press(bram, 'proposal.judge', { ...buttonData(bramsCard, 'proposal.judge'), opinion: 'disagree', reason: 'Dit kost ons te veel tijd op de afdeling' });
    const text = cardText(late.value);
    // The session is open: no error card that calls it closed.
    expect(text).not.toContain('Deze sessie is al afgerond');
    expect(text).not.toContain('Dat lukte niet');
    // His own view, saying why in Dutch, with the decision on it and what he entered in its inputs.
    expect(text).toContain('Een ander lid heeft het besluit van de groep net vastgelegd (hierboven); oordelen kan niet meer. Jouw oordeel is niet opgeslagen');
    expect(text).toContain('Eenvoudig');
    expect(inputValue(late.value, 'opinion')).toBe('disagree');
    expect(inputValue(late.value, 'reason')).toBe('Dit kost ons te veel tijd op de afdeling');

    const { resources } = await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'judgement' AND c.memberId = @m", parameters: [{ name: '@m', value: bram.aadObjectId }] }).fetchAll();
    expect(resources).toEqual([]);
    expect((await proposalItem.read()).resource.decision.judged).toEqual(decidedWith.judged);
  });
});
