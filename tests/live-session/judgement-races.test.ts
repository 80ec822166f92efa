import { isMemberWrite, replaceOf } from '../support/cosmos-gate';
import { cardText, MEMBERS } from '../support/group-driver';
import { isNormalCard } from './support';
import { raceApp, judgementsOf, proposalOf } from './race-app';

/**
 * A judgement caught between its read and its write by another member's decision or close. The
 * rule: a judgement stored while the group decided counts in the decision's tally, also a changed
 * one (nothing a member said is dropped, and the tally always matches the judgements stored); one
 * written after the session closed is refused with nothing stored (the open gate).
 */
describe('a judgement caught between its read and its write', () => {
  const race = raceApp('probe-judge');
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  const atProposal = async () => {
    const g = race.group([anna, bram, cem, dewi]);
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4 });
    return g;
  };

  it('a member changes their counted judgement while another member decides: the decision\'s tally counts what is stored, and the member is told it was saved', async () => {
    const g = await atProposal();
    for (const who of [anna, bram, cem]) await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed' });
    // Cem changes his mind on the card he has (read before the decision); his write waits.
    const held = race.gate.hold(isMemberWrite);
    const cems = g.press(cem, 'proposal.judge', { ...g.ids(), opinion: 'disagree', reason: 'CEM: toch niet' });
    await held.arrived;
    expect(isNormalCard(await g.press(dewi, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Tafel neerzetten' }))).toBe(true);
    const decided = (await proposalOf(race.t, g)).decision.judged;
    held.release();
    const answer = await cems;
    const after = (await proposalOf(race.t, g)).decision.judged;
    const cemsStored = (await judgementsOf(race.t, g)).find((j) => j.memberId === cem.aadObjectId);
    expect({ decided, after, cemsOpinion: cemsStored?.opinion }).toEqual({ decided: { agree: 3, doubt: 0, disagree: 0 }, after: { agree: 2, doubt: 0, disagree: 1 }, cemsOpinion: 'disagree' });
    expect(isNormalCard(answer)).toBe(true);
    expect(cardText(answer.value)).toContain('2 eens, 0 twijfel, 1 oneens');
  });

  it('a judgement written just after another member ended the session: in the summary, or refused with nothing stored', async () => {
    const g = await atProposal();
    for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed' });
    const before = race.t.connector.calls.length;
    const held = race.gate.hold(isMemberWrite);
    const cems = g.press(cem, 'proposal.judge', { ...g.ids(), opinion: 'doubt', reason: 'CEM: weet niet zeker' });
    await held.arrived;
    expect(isNormalCard(await g.end(anna))).toBe(true);
    await race.t.app.outbox.drain(30_000);
    held.release();
    const answer = await cems;
    await race.t.app.outbox.drain(30_000);
    const summaries = race.t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === g.conv.id && cardText(c.activity.attachments?.[0]?.content ?? {}).includes('Samenvatting'));
    const stored = (await judgementsOf(race.t, g)).some((j) => j.memberId === cem.aadObjectId);
    const inSummary = summaries.some((c) => cardText(c.activity.attachments[0].content).includes('CEM: weet niet zeker'));
    expect({ summaries: summaries.length, stored, inSummary, toldSaved: isNormalCard(answer) }).toEqual({ summaries: 1, stored, inSummary: stored, toldSaved: stored });
  });

  it('a decision written just after another member ended the session (its press read it open): refused with nothing stored, never missing from a summary that was posted', async () => {
    const g = await atProposal();
    for (const who of [anna, bram, cem]) await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed' });
    const before = race.t.connector.calls.length;
    // Dewi's decision has read the session open; its write (with the open gate's read, or a plain replace as before) waits.
    const held = race.gate.hold((req) => isMemberWrite(req) || replaceOf(`${g.groupId}_w1_p`)(req));
    const dewis = g.press(dewi, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Tafel neerzetten' });
    await held.arrived;
    expect(isNormalCard(await g.end(anna))).toBe(true);
    await race.t.app.outbox.drain(30_000);
    held.release();
    const answer = await dewis;
    await race.t.app.outbox.drain(30_000);
    const summaries = race.t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === g.conv.id && cardText(c.activity.attachments?.[0]?.content ?? {}).includes('Samenvatting'));
    expect({ summaries: summaries.length, decisionStored: !!(await proposalOf(race.t, g)).decision, toldDecided: isNormalCard(answer) }).toEqual({ summaries: 1, decisionStored: false, toldDecided: false });
    expect(cardText(answer.value)).toContain('afgerond');
  });
});
