import { isMemberWrite, proposalWriteOf, replaceOf, stepWriteOf } from '../support/cosmos-gate';
import { cardText, MEMBERS } from '../support/group-driver';
import { CLOSED_REFUSAL, ERROR_TITLE, isNormalCard } from './support';
import { raceApp, judgementsOf, proposalOf } from './race-app';

const LATE_NL = 'Die kwam na het sluiten van de check-in en telt niet mee in het gemiddelde';

/**
 * Two members' presses interleaved: one member's press has read the session and is about to write
 * when another member decides, moves on or ends the session (or the other way round). What is
 * stored stays consistent with what was published, and each member is told the truth: stored and
 * counted, stored and shown as not counted, or an error card with nothing stored.
 */
describe('a member\'s press caught between its read and its write by another member\'s step', () => {
  const race = raceApp('probe-gated');
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];


  it('a judgement written just after another member decided (its press read the proposal before): counted in the decision', async () => {
    const g = race.group([anna, bram, cem, dewi]);
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4 });
    for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed' });

    const held = race.gate.hold(isMemberWrite);
    const cems = g.press(cem, 'proposal.judge', { ...g.ids(), opinion: 'disagree', reason: 'CEM: te veel werk' });
    await held.arrived;
    const decided = await g.press(dewi, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Tafel neerzetten' });
    expect(isNormalCard(decided)).toBe(true);
    held.release();
    const answer = await cems;

    const p = await proposalOf(race.t, g);
    const stored = await judgementsOf(race.t, g);
    const cemStored = stored.some((j) => j.memberId === cem.aadObjectId);
    // The record of the decision (how the group judged it) holds every judgement stored, Cem's too...
    expect(cemStored).toBe(true);
    expect({ judgementsStored: stored.length, tally: p.decision.judged }).toEqual({ judgementsStored: 3, tally: { agree: 2, doubt: 0, disagree: 1 } });
    // ...and Cem was told it was saved: his card shows the decision with his judgement in its tally.
    expect(isNormalCard(answer)).toBe(true);
    expect(cardText(answer.value)).toContain('2 eens, 0 twijfel, 1 oneens');
  });

  it('a judgement written while another member\'s decision was on its way (after it read the judgements): counted in the decision', async () => {
    const g = race.group([anna, bram, cem, dewi]);
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4 });
    for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed' });

    // Dewi's decision has read two judgements; its write waits while Cem's judgement is stored.
    const held = race.gate.hold(proposalWriteOf(`${g.groupId}_w1_p`));
    const decided = g.press(dewi, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Tafel neerzetten' });
    await held.arrived;
    const cems = await g.press(cem, 'proposal.judge', { ...g.ids(), opinion: 'doubt', reason: 'CEM: weet niet' });
    expect(isNormalCard(cems)).toBe(true);
    held.release();
    expect(isNormalCard(await decided)).toBe(true);

    const p = await proposalOf(race.t, g);
    expect((await judgementsOf(race.t, g)).length).toBe(3);
    expect(p.decision.judged).toEqual({ agree: 2, doubt: 1, disagree: 0 });
  });

  it('a check-out written just after another member ended the session: refused, nothing stored', async () => {
    const g = race.group([anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(anna, 1, 'Het rooster');
    await g.goTo(anna, 2); // the last question of day 1: check-out is open
    for (const who of [anna, bram, dewi]) expect(isNormalCard(await g.checkIn(who, 4, 'out'))).toBe(true);

    const held = race.gate.hold(isMemberWrite);
    const cems = g.checkIn(cem, 1, 'out');
    await held.arrived;
    await g.end(anna);
    held.release();
    const answer = await cems;

    const s = await g.session();
    expect(s.status).toBe('closed');
    const outs = (await g.items('checkIn')).filter((c) => c.phase === 'out');
    const cemStored = outs.some((c) => c.memberId === cem.aadObjectId);
    // The published closing average is made of the check-outs stored: none stored beside it, uncounted.
    expect({ cemStored, checkOutsStored: outs.length, inClosingAverage: s.energy.out.answers, average: s.energy.out.average }).toEqual({ cemStored: false, checkOutsStored: 3, inClosingAverage: 3, average: 4 });
    expect(cardText(answer.value)).toContain(CLOSED_REFUSAL);
  });

  it('an opening check-in written just after another member moved on (the round closed): kept for the member, in no average, and their card says so', async () => {
    const g = race.group([anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    for (const who of [anna, bram, dewi]) expect(isNormalCard(await g.checkIn(who, 4))).toBe(true);

    const held = race.gate.hold(isMemberWrite);
    const cems = g.checkIn(cem, 1);
    await held.arrived;
    expect(isNormalCard(await g.goTo(anna, 1))).toBe(true);
    held.release();
    const answer = await cems;

    const s = await g.session();
    const cemsCheckIn = (await g.items('checkIn')).find((c) => c.memberId === cem.aadObjectId);
    expect({ stored: !!cemsCheckIn, average: s.energy.in.average, answers: s.energy.in.answers, counted: s.energy.in.counted.includes(cemsCheckIn?.token) }).toEqual({ stored: true, average: 4, answers: 3, counted: false });
    expect(isNormalCard(answer)).toBe(true);
    expect(cardText(answer.value)).toContain(LATE_NL);
  });

  it('an opening check-in written while the step closing its round was on its way: in no average, and the member\'s next card says so', async () => {
    const g = race.group([anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    for (const who of [anna, bram, dewi]) expect(isNormalCard(await g.checkIn(who, 4))).toBe(true);

    // Anna's "Volgende" has read three check-ins; its write waits while Cem checks in.
    const held = race.gate.hold(stepWriteOf(g.sessionId));
    const moved = g.goTo(anna, 1);
    await held.arrived;
    expect(isNormalCard(await g.checkIn(cem, 1))).toBe(true);
    held.release();
    expect(isNormalCard(await moved)).toBe(true);

    const s = await g.session();
    const cemsCheckIn = (await g.items('checkIn')).find((c) => c.memberId === cem.aadObjectId);
    expect({ stored: !!cemsCheckIn, average: s.energy.in.average, answers: s.energy.in.answers, counted: s.energy.in.counted.includes(cemsCheckIn?.token) }).toEqual({ stored: true, average: 4, answers: 3, counted: false });
    expect(cardText((await g.press(cem, 'session.refresh', g.ids())).value)).toContain(LATE_NL);
    // The members whose scores it holds are told nothing of the kind.
    expect(cardText((await g.press(bram, 'session.refresh', g.ids())).value)).not.toContain(LATE_NL);
  });

  it('a "Volgende" that was reading while another member ended the session: refused, nothing stored, the shared card shows the end', async () => {
    const g = race.group([anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(anna, 1, 'Het rooster');
    const held = race.gate.hold(replaceOf(g.sessionId));
    const brams = g.goTo(bram, 1);
    await held.arrived;
    // Bram's replace is on its way with the version he read; Anna ends in the meantime.
    const ended = g.end(anna);
    held.release();
    const [answer] = await Promise.all([brams, ended]);
    await race.t.app.sharedCards.idle();
    const s = await g.session();
    expect(s.status).toBe('closed');
    if (s.currentIndex === 1) {
      // Bram's step landed first: Anna's close came after, and his card showed the step.
      expect(isNormalCard(answer)).toBe(true);
    } else {
      expect(cardText(answer.value)).toContain(ERROR_TITLE);
    }
    expect(cardText(g.sharedCard())).toContain('Deze sessie is afgerond');
  });
});
