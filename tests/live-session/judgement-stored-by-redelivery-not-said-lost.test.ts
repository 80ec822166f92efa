/**
 * Found in review, stop 57 (fixed then: a judgement press that loses every try reads the session once
 * more and, when its judgement is stored all the same (this press delivered again, or the same words
 * by another press), answers with the member's view instead of "niet opgeslagen ... druk nog eens").
 *
 * A judgement that loses every try comes back in its form saying nothing was stored (keptChanging
 * 'busy'), after one more read of the session (judgementKeptChanging). Teams delivers an invoke again
 * when its first answer is slow: here the same press (the same activity id) is delivered again while
 * the first delivery's last try is on its way, and the redelivery stores the judgement. The first
 * delivery's answer, the one the member then sees, must not say nothing was stored. The same holds
 * when another press of the same words gets through meanwhile.
 * The loss is forced as in decision-lost-race-keeps-input.test.ts: before each write of the press
 * reaches the store, the proposal is written again (a guarded judgement then tries again).
 */
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { field } from '../support/card-fields';
import { startTestApp, TestApp } from '../support/test-app';
import { rewriteProposal } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
const ANSWERS = ['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier', 'Een vaste overdrachtstafel'];
const DEWI_REASON = 'DEWI: een tafel staat in de weg bij de medicatiekar.';

describe('a judgement press whose judgement another delivery stores while it loses every try', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true, sharedCardIntervalMs: 0 });
  }, 60_000);
  afterAll(() => t?.stop());

  /** A group where two of four judged; Dewi's "oneens" presses lose every try unless let through. */
  async function judgingGroup(thread: string) {
    const g = await new GroupDriver(t, t.conversation('groupChat', thread), [anna, bram, cem, dewi]).answeredOnDayOne(ANSWERS, { checkIn: 4 });
    const proposalId = `${g.groupId}_w1_p`;
    for (const who of [bram, cem]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: `${who.name}: duidelijk` });
    const dewis = (id: string) => g.press(dewi, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'disagree', reason: DEWI_REASON }, g.sessionMessageId, id);
    /** Every write of the press loses, but at try `lastTry` `atLastTry` runs with the store open to it. */
    const losing = async (press: () => Promise<any>, lastTry?: number, atLastTry?: () => Promise<unknown>) => {
      let lost = 0;
      let passing = false;
      const answer = await t.proxy!.withFaults((req) => {
        if (passing || req.kind !== 'batch' || req.container !== 'sessions') return undefined;
        lost++;
        if (lost !== lastTry || !atLastTry) return { kind: 'hold', until: rewriteProposal(t, g.groupId, proposalId) };
        passing = true;
        return { kind: 'hold', until: atLastTry().then(() => { passing = false; }) };
      }, press);
      return { answer, lost };
    };
    const storedJudgement = async () => (await t.store.container('sessions').items.query({ query: "SELECT c.opinion, c.reason FROM c WHERE c.type = 'judgement' AND c.memberId = @m", parameters: [{ name: '@m', value: dewi.aadObjectId }] }, { partitionKey: g.groupId }).fetchAll()).resources;
    return { dewis, losing, storedJudgement };
  }

  /** What the answer says about nothing stored: the note next to the choice, and any such words on the card. */
  const saysLost = (answer: any) => ({ said: field(answer.value, 'opinion')?.next ?? '', text: cardText(answer.value).match(/niet opgeslagen[^.]*\./)?.[0] });

  it('the first delivery does not answer "nothing stored" when its redelivery stored the judgement', async () => {
    const { dewis, losing, storedJudgement } = await judgingGroup('19:judge-redeliver-stored@thread.v2');

    // How many tries a press makes: one that loses them all is refused, saying so.
    const first = await losing(() => dewis('dewi-press-1'));
    expect(field(first.answer.value, 'opinion')?.next).toMatch(/niet opgeslagen/);
    expect(first.lost).toBeGreaterThan(1);
    expect(await storedJudgement()).toEqual([]);

    // A new press; in its last try Teams delivers the same press again, and that delivery gets through.
    let redelivered: any;
    const second = await losing(() => dewis('dewi-press-2'), first.lost, async () => { redelivered = await dewis('dewi-press-2'); });
    expect(await storedJudgement()).toEqual([{ opinion: 'disagree', reason: DEWI_REASON }]);
    expect(cardText(redelivered.value)).not.toMatch(/niet opgeslagen/);
    // A refusal that says nothing was stored only when nothing was: the member's view instead.
    expect(saysLost(second.answer)).toEqual({ said: '', text: undefined });
    expect(cardText(second.answer.value)).toContain(DEWI_REASON);
  }, 240_000);

  it('nor when another press of the same words got through meanwhile', async () => {
    const { dewis, losing, storedJudgement } = await judgingGroup('19:judge-same-words-stored@thread.v2');
    const first = await losing(() => dewis('dewi-press-a'));
    expect(field(first.answer.value, 'opinion')?.next).toMatch(/niet opgeslagen/);

    // In the press's last try the member presses again (a new activity), and that press gets through.
    let other: any;
    const second = await losing(() => dewis('dewi-press-b'), first.lost, async () => { other = await dewis('dewi-press-c'); });
    expect(await storedJudgement()).toEqual([{ opinion: 'disagree', reason: DEWI_REASON }]);
    expect(cardText(other.value)).not.toMatch(/niet opgeslagen/);
    expect(saysLost(second.answer)).toEqual({ said: '', text: undefined });
    expect(cardText(second.answer.value)).toContain(DEWI_REASON);
  }, 240_000);
});
