/**
 * Found in review, stop 56 (fixed then: answerToMember queues a notice skipped under its key anew, as toManager does).
 *
 * A manager's answer taken back after its notice to the member was queued after all: the notice's
 * queue write lands but its answer is lost (the store's retry then fails), so the answer is taken
 * back (error card) while the notice waits in the outbox, which then skips it (its answer is not
 * the stored one). Mia presses again, as the error card asks: "pressing again stores and tells
 * once" -- Anna gets the notice of the answer that stands.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { cosmosGate } from '../support/cosmos-gate';
import type { IncomingMessage } from 'node:http';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const mia = user('Mia');
const ANSWERS = ['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier', 'Een vaste tafel'];
const MANAGER_CARD = /A proposal for you|Een voorstel voor jou/;
const NOTICE = /Antwoord op je voorstel|An answer to your proposal/;
const ERROR_TITLE = /Dat lukte niet|That didn't work/;

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  const users = [
    { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
    { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
    { id: 'aad-cem', name: 'Cem', managerId: 'aad-mia' },
    { id: 'aad-mia', name: 'Mia' },
  ];
  writeFileSync(file, JSON.stringify({ users }));
  return file;
}

describe('an answer taken back whose notice did land, pressed again', () => {
  let t: TestApp;
  let group: { groupId: string; proposalId: string };
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const send = async (who: TestUser, verb: string, data: Record<string, unknown>, activityId?: string) => (await t.send(execute(chat(who), who, verb, data, 'card-1', activityId))).body.value;
  const cardsTo = (aadId: string, kind: RegExp) => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(aadId)).map((c) => c.card).filter((card) => kind.test(cardText(card)));
  const records = async (userId: string): Promise<any[]> =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'proposalToManager'", parameters: [] }, { partitionKey: userId }).fetchAll()).resources;
  const openForm = (who: TestUser) => send(who, 'review.proposalToManager.open', group);
  const outboxFails = (r: { kind: string; container?: string }) => (r.container === 'outbox' && r.kind !== 'metadata' ? ({ kind: 'status', status: 503 } as const) : undefined);

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES, sharedCardIntervalMs: 0 });
    await t.send(message(chat(mia), mia, 'taal en'));
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:redelivery-ptm@thread.v2'), [anna, bram, cem]).answeredOnDayOne(ANSWERS, { checkIn: 4 });
    const proposalId = `${g.groupId}_w1_p`;
    for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed te doen' });
    await g.press(cem, 'proposal.decide', { ...g.ids(), proposalId, decisionReason: 'reden', decision: 'adapt', adoptedText: 'EIGEN-WOORDEN', firstStep: 'stap' });
    await g.end(anna);
    group = { groupId: g.groupId, proposalId };
  }, 180_000);
  afterAll(() => t?.stop());

  let managerCard: unknown;

  it('setup: Anna puts the proposal before Mia, Mia answers once', async () => {
    const form = await openForm(anna);
    await send(anna, 'review.proposalToManager.send', { ...buttonData(form, 'review.proposalToManager.send'), words: 'Graag steun' }, 'anna-send');
    await t.app.outbox.drain(30_000);
    managerCard = cardsTo('aad-mia', MANAGER_CARD)[0];
    await send(mia, 'review.proposalToManager.answer', { ...buttonData(managerCard, 'review.proposalToManager.answer'), answer: 'Yes, Friday.' }, 'mia-first');
    await t.app.outbox.drain(30_000);
    expect(cardsTo('aad-anna', NOTICE)).toHaveLength(1);
  }, 120_000);

  it('the notice landed but its answer was lost, the answer taken back; Mia presses again: Anna is told of the answer that stands', async () => {
    const data = { ...buttonData(managerCard, 'review.proposalToManager.answer'), answer: 'Thursday then.' };
    let writes = 0;
    const landedThenDown = (r: { kind: string; container?: string }) => {
      if (r.container !== 'outbox' || !['create', 'upsert', 'replace'].includes(r.kind)) return undefined;
      writes++;
      return writes === 1 ? ({ kind: 'dropAfter' } as const) : ({ kind: 'status', status: 503 } as const);
    };
    const failed = await t.proxy!.withFaults(landedThenDown, () => send(mia, 'review.proposalToManager.answer', data, 'mia-second'));
    const firstTry = { error: ERROR_TITLE.test(cardText(failed)), stored: (await records('aad-anna'))[0].answer?.text };
    // The outbox runs before Mia presses again (it sends right after a queue, or on its next round).
    await t.app.outbox.drain(30_000);
    // Mia presses again, as the error card asks (the same card, the same words).
    const retry = cardText(await send(mia, 'review.proposalToManager.answer', data, 'mia-second-again'));
    await t.app.outbox.drain(30_000);
    const told = cardsTo('aad-anna', NOTICE).filter((c) => cardText(c).includes('Thursday then.')).length;
    expect({ firstTry, retryError: ERROR_TITLE.test(retry), stored: (await records('aad-anna'))[0].answer?.text, told }).toEqual({
      firstTry: { error: true, stored: 'Yes, Friday.' },
      retryError: false,
      stored: 'Thursday then.',
      told: 1,
    });
  }, 120_000);
});
