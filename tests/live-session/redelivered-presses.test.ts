import { execute } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { inputValues } from '../support/card-fields';
import { CLOSED_REFUSAL, refusedAsClosed } from './support';

/**
 * Teams redelivers an invoke it got no timely answer for. When the first delivery was stored and
 * the group took its next step in between (decided, ended the session), the redelivery must get
 * the member's normal view: an error card ("Dat lukte niet") says nothing was stored, and here it
 * was. Something new pressed after that step is still refused, as before.
 */
describe('redelivered presses after the group moved on', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  /** One delivery of a press; the same `activityId` twice is Teams redelivering it. */
  const send = async (who: typeof anna, verb: string, data: Record<string, unknown>, activityId: string) =>
    (await t.send(execute(g.conv, who, verb, data, g.sessionMessageId, activityId))).body;
  const judgements = async (memberId: string) =>
    (await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'judgement' AND c.memberId = @m", parameters: [{ name: '@m', value: memberId }] }).fetchAll()).resources;

  beforeAll(async () => {
    t = await startTestApp();
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4 });
  });
  afterAll(() => t.stop());

  const judge = { opinion: 'doubt', reason: 'Kost tijd', k: 'k-judge' };
  const decision = { decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Morgen beginnen', k: 'k-decide' };
  const storedDecision = async () => (await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource.decision;

  it('answers a judgement redelivered after the group decided with the view, not an error card', async () => {
    await g.press(anna, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed' });
    await g.press(cem, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Prima' });
    const first = await send(bram, 'proposal.judge', { ...g.ids(), ...judge }, 'judge-bram-1');
    expect(cardText(first.value)).not.toContain('Dat lukte niet');
    await send(dewi, 'proposal.decide', { ...g.ids(), ...decision }, 'decide-dewi-1');
    expect(await judgements(bram.aadObjectId)).toHaveLength(1);

    const again = await send(bram, 'proposal.judge', { ...g.ids(), ...judge }, 'judge-bram-1');
    expect(cardText(again.value)).not.toContain('Dat lukte niet');
    expect(await judgements(bram.aadObjectId)).toHaveLength(1);
  });

  it('still refuses a changed judgement after the group decided', async () => {
    const changed = await send(bram, 'proposal.judge', { ...g.ids(), ...judge, opinion: 'agree' }, 'judge-bram-2');
    // Refused on his own view, saying the group decided first (stop 40), not on an error card that drops what he entered.
    expect(cardText(changed.value)).toContain('Jouw oordeel is niet opgeslagen');
    expect((await judgements(bram.aadObjectId))[0].opinion).toBe('doubt');
  });

  it('answers a contribution and a check-in redelivered after the session ended with the view', async () => {
    await g.goTo(anna, 0);
    const contribution = { ...g.ids(), questionId: 1, text: 'Nog een gedachte', k: 'k-contrib' };
    await send(cem, 'session.contribute', contribution, 'contrib-cem-1');
    const present = await send(dewi, 'session.present', { ...g.ids(), k: 'k-present' }, 'present-dewi-1');
    expect(cardText(present.value)).not.toContain('Dat lukte niet');
    await g.end();

    const again = await send(cem, 'session.contribute', contribution, 'contrib-cem-1');
    expect(cardText(again.value)).not.toContain('Dat lukte niet');
    expect((await g.items('contribution')).filter((c) => c.text === 'Nog een gedachte')).toHaveLength(1);
    // Every member checked in with 4 on day one; that press again is the same stored check-in.
    const checkIn = await send(cem, 'session.energy', { ...g.ids(), phase: 'in', energyIn: '4' }, 'energy-cem-1');
    expect(cardText(checkIn.value)).not.toContain('Dat lukte niet');
    const presentAgain = await send(dewi, 'session.present', { ...g.ids(), k: 'k-present' }, 'present-dewi-1');
    expect(cardText(presentAgain.value)).not.toContain('Dat lukte niet');
  });

  it('still refuses a new contribution or a different check-in score after the session ended, and stores nothing', async () => {
    const fresh = await send(cem, 'session.contribute', { ...g.ids(), questionId: 1, text: 'Te laat', k: 'k-late' }, 'contrib-cem-2');
    // The closed card says nothing was stored, and shows what Cem typed to copy.
    expect(cardText(fresh.value)).toContain(CLOSED_REFUSAL);
    expect(inputValues(fresh.value)['notSaved.text']).toBe('Te laat');
    expect((await g.items('contribution')).filter((c) => c.text === 'Te laat')).toHaveLength(0);
    const other = await send(cem, 'session.energy', { ...g.ids(), phase: 'in', energyIn: '2' }, 'energy-cem-2');
    expect(refusedAsClosed(other)).toBe(true);
  });

  it('answers a decision redelivered after the session ended with the view, and keeps the decision', async () => {
    const again = await send(dewi, 'proposal.decide', { ...g.ids(), ...decision }, 'decide-dewi-1');
    expect(cardText(again.value)).not.toContain('Dat lukte niet');
    expect(cardText(again.value)).toContain('Deze sessie is afgerond');
    expect(await storedDecision()).toMatchObject({ verdict: 'accept', reason: 'Eenvoudig', firstStep: 'Morgen beginnen' });
  });

  it('still refuses a different decision after the session ended, and keeps the stored one', async () => {
    const other = await send(dewi, 'proposal.decide', { ...g.ids(), ...decision, decision: 'reject', decisionReason: 'Toch niet' }, 'decide-dewi-2');
    expect(cardText(other.value)).toContain(CLOSED_REFUSAL);
    expect(inputValues(other.value)['notSaved.decisionReason']).toBe('Toch niet');
    const sameVerdictOtherReason = await send(anna, 'proposal.decide', { ...g.ids(), ...decision, decisionReason: 'Anders' }, 'decide-anna-1');
    expect(cardText(sameVerdictOtherReason.value)).toContain(CLOSED_REFUSAL);
    expect(await storedDecision()).toMatchObject({ verdict: 'accept', reason: 'Eenvoudig', firstStep: 'Morgen beginnen' });
  });
});
