/**
 * Found in review, stop 66 (probe own-lo-answer-group-read-fails).
 *
 * Since stop 56 an L&O answer that is stored while its card to the group cannot be queued is told
 * as stored, and a scheduled job (`proposalToLo.tellGroupLater`) queues the card. But the read of
 * the group (to reach its chat) came after the answer's write and outside that path: a 503 there
 * gave L&O "Dat lukte niet" for an answer that was stored (L&O would type another), and no job was
 * left, so the group never heard of it.
 * Must hold: L&O gets the stored state, not the error card; nobody presses again, and the group's
 * chat gets the answer once, when the store works again. A group that is gone still says so.
 */
import { TestUser, user } from '../support/activities';
import { cardText, MEMBERS } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';
import { decidedGroup, until } from './support-shared-proposal';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const hanna = user('Hanna');
const ERROR_TITLE = 'Dat lukte niet';
const ANSWER_SENT = 'Antwoord verstuurd';
const TYPED = 'ANTWOORD-BIJ-STORING';

describe('L&O answer stored, then the read of the group fails', () => {
  let t: TestApp;
  let hr: PersonalChat;
  let groupConv = '';
  const sharedDoc = async (): Promise<any> => (await t.store.container('installations').items.query("SELECT * FROM c WHERE c.type = 'proposalToLo'").fetchAll()).resources[0];
  const answerCards = () => t.connector.cards((c) => c.method === 'POST' && c.conversationId === groupConv).filter((c) => cardText(c.card).includes(TYPED));

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES, sharedCardIntervalMs: 0 });
    hr = new PersonalChat(t, hanna);
    const g = await decidedGroup(t, '19:loa-group-read@thread.v2', [anna, bram, cem], 'ok', { decisionReason: 'reden', decision: 'accept', adoptedText: '', firstStep: 'stap' });
    groupConv = g.conv.id;
    await g.press(bram, 'proposalToLo.share', { groupId: g.groupId, proposalId: `${g.groupId}_w1_p` });
    await t.app.outbox.drain(10_000);
  }, 180_000);
  afterAll(() => t?.stop());

  it('the answer is written and the group cannot be read: L&O is told it was sent; the group gets it once the store works, nobody pressing again', async () => {
    const list = (await hr.say('voorstellen')).cards[0];
    const form = await hr.press('proposalToLo.open', actionData(list, 'proposalToLo.open')!);
    const data = { ...actionData(form, 'proposalToLo.answer'), answer: TYPED };
    const before = await sharedDoc();
    let groupReads = 0;
    const reply = await t.proxy!.withFaults(
      (r) => {
        if (r.container !== 'sessions' || r.kind !== 'pointRead') return undefined;
        groupReads++;
        return { kind: 'status', status: 503 };
      },
      () => hr.press('proposalToLo.answer', data),
    );
    const after = await sharedDoc();
    expect({ groupReadFailed: groupReads > 0, answerStored: after.answer?.text === TYPED, revisionsAdded: after.revision - before.revision, errorCard: cardText(reply).includes(ERROR_TITLE), sent: cardText(reply).includes(ANSWER_SENT) }).toEqual({
      groupReadFailed: true,
      answerStored: true,
      revisionsAdded: 1,
      errorCard: false,
      sent: true,
    });
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(10_000);
    await until(() => (answerCards().length ? true : undefined), 'the stored answer in the group chat');
    expect(answerCards()).toHaveLength(1);
  }, 60_000);
});
