/**
 * Found in review, stop 58 (fixed then: a first step's look-back press keys are tagged per member
 * and an erasure drops the member's, as step and setup keys).
 *
 * The look back on last week's first step ("proposal.firstStep") keeps the press's key on the
 * group's proposal, so Teams delivering it again stores nothing. `k` is the shared session card's
 * action key, on every member's client; status and note are the outcome stored beside it. A key
 * `stableId('fs', memberId, k, status, note)` let a colleague reading the database after Anna's
 * erasure test the group's few ids against it and learn that she told the outcome (nothing else
 * records who told it). Now the key is her tag (`firstStepKeyTag`) and a hash of the press
 * without her id; the erasure drops her tagged keys (`forgetInProposal`).
 */
import { cardText, MEMBERS } from '../support/group-driver';
import { storedText } from '../support/cosmos';
import { startTestApp, TestApp } from '../support/test-app';
import { stableId } from '../../src/domain/shared/ids';
import { firstStepKeyTag } from '../../src/domain/proposal/proposal';
import { allDocuments, eraseInChat } from '../verantwoording/support';
import { weekTwoLookingBack } from '../live-session/support';

const [anna, bram] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0]];
const K = 'k-shared-session-card';
const NOTE = 'De tafel staat er';

describe('an erasure drops the member\'s first-step press keys', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('leaves no look-back key recomputable from her id, the card key and the stored outcome', async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    const g = await weekTwoLookingBack(t, '19:first-step-keys@thread.v2');
    const proposalId = `${g.groupId}_w1_p`;
    await g.press(anna, 'proposal.firstStep', { ...g.ids(), proposalId, firstStepStatus: 'done', firstStepNote: NOTE, k: K });
    const stored = (await t.store.container('sessions').item(proposalId, g.groupId).read()).resource;
    expect(stored.firstStepOutcome).toMatchObject({ status: 'done', note: NOTE });
    // What a colleague computes: per candidate member, a hash with the outcome as stored, and their tag.
    const hashOf = (memberId: string) => stableId('fs', memberId, K, stored.firstStepOutcome.status, stored.firstStepOutcome.note);
    const tagOf = (memberId: string) => firstStepKeyTag(proposalId, memberId);
    // Before, the key is hers (the sweep below reaches what it looks for).
    expect(stored.firstStepOutcome.keys).toEqual([`${tagOf(anna.aadObjectId)}.${stableId('fs', K, 'done', NOTE)}`]);

    await eraseInChat(t, anna);
    expect(cardText((await g.press(bram, 'session.refresh', g.ids())).value)).toContain(NOTE); // the group keeps its outcome
    const raw = storedText(Object.values(await allDocuments(t.store)).flat());
    expect([anna.aadObjectId, anna.id].flatMap((id) => [hashOf(id), tagOf(id)]).filter((h) => raw.includes(h))).toEqual([]);
  }, 120_000);
});
