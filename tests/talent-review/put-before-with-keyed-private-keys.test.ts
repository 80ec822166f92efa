/**
 * A guard (held when written, in review of stop 62). The put-before card and the
 * member's answer notice are queued under `Outbox.privateKey` once POLL_HASH_KEY is set (as in
 * production); the existing put-before tests run without the secret, so they only exercise the plain
 * keys. The same fault paths here, with the secret: a take-back withdraws the keyed card, the
 * "skipped -> queue again" and the notice's retake find the keyed job; nothing is queued under the
 * plain key; each press still makes one card / one notice.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText, GroupDriver } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { managerCardKey } from '../../src/domain/talent-review/proposal-to-manager';
import { anna, bram, cem, mia, MANAGER_CARD, NOTICE, ERROR_TITLE, putBeforeHelpers } from './support/put-before-world';

const SECRET = 'probe-own62c-put-before-secret-'.padEnd(44, 'x');

async function startKeyedPutBeforeApp(chatId: string): Promise<{ t: TestApp; group: { groupId: string; proposalId: string } }> {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  writeFileSync(file, JSON.stringify({ users: [...['anna', 'bram', 'cem'].map((n) => ({ id: `aad-${n}`, name: n, managerId: 'aad-mia' })), { id: 'aad-mia', name: 'Mia' }] }));
  const t = await startTestApp({ DIRECTORY_FILE: file, POLL_HASH_KEY: SECRET }, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES, sharedCardIntervalMs: 0 });
  await t.send(message(t.conversation('personal', 'a:personal-mia'), mia, 'taal en'));
  const g = await new GroupDriver(t, t.conversation('groupChat', chatId), [anna, bram, cem]).answeredOnDayOne(['Overdracht', 'Info', 'Tijd', 'Korter', 'Formulier', 'Tafel'], { checkIn: 4 });
  const proposalId = `${g.groupId}_w1_p`;
  for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed te doen' });
  await g.press(cem, 'proposal.decide', { ...g.ids(), proposalId, decisionReason: 'reden', decision: 'adapt', adoptedText: 'EIGEN-WOORDEN', firstStep: 'stap' });
  await g.end(anna);
  return { t, group: { groupId: g.groupId, proposalId } };
}

describe('put before a manager with POLL_HASH_KEY set (keyed private keys)', () => {
  let t: TestApp;
  let group: { groupId: string; proposalId: string };
  const { send, cardsTo, records, openForm } = putBeforeHelpers(() => t, () => group);
  // This world's users are named in lower case; the helpers address chats by name.
  let managerCard: unknown;

  beforeAll(async () => {
    ({ t, group } = await startKeyedPutBeforeApp('19:probe-own62c-ptm@thread.v2'));
  }, 180_000);
  afterAll(() => t?.stop());

  it('the manager card is queued under the keyed key only; a redelivered send press makes one card', async () => {
    const form = await openForm(anna);
    const data = { ...buttonData(form, 'review.proposalToManager.send'), words: 'Graag steun' };
    await send(anna, 'review.proposalToManager.send', data, 'anna-send');
    await send(anna, 'review.proposalToManager.send', data, 'anna-send');
    await t.app.outbox.drain(30_000);
    managerCard = cardsTo('aad-mia', MANAGER_CARD)[0];
    const [record] = await records('aad-anna');
    const key = managerCardKey(record.id);
    expect({
      cards: cardsTo('aad-mia', MANAGER_CARD).length,
      plain: await t.app.outbox.statusOf(key),
      keyed: await t.app.outbox.statusOf(t.app.outbox.privateKey(key)),
      keyedDiffers: jobIdFor(t.app.outbox.privateKey(key)) !== jobIdFor(key),
    }).toEqual({ cards: 1, plain: undefined, keyed: 'sent', keyedDiffers: true });
  }, 90_000);

  it("an answer taken back whose notice did land, pressed again: Anna is told once (the notice's retake finds the keyed job)", async () => {
    await send(mia, 'review.proposalToManager.answer', { ...buttonData(managerCard, 'review.proposalToManager.answer'), answer: 'Yes, Friday.' }, 'mia-first');
    await t.app.outbox.drain(30_000);
    expect(cardsTo('aad-anna', NOTICE)).toHaveLength(1);
    const data = { ...buttonData(managerCard, 'review.proposalToManager.answer'), answer: 'Thursday then.' };
    let writes = 0;
    const landedThenDown = (r: { kind: string; container?: string }) => {
      if (r.container !== 'outbox' || !['create', 'upsert', 'replace'].includes(r.kind)) return undefined;
      writes++;
      return writes === 1 ? ({ kind: 'dropAfter' } as const) : ({ kind: 'status', status: 503 } as const);
    };
    const failed = await t.proxy!.withFaults(landedThenDown, () => send(mia, 'review.proposalToManager.answer', data, 'mia-second'));
    const firstTry = ERROR_TITLE.test(cardText(failed));
    await t.app.outbox.drain(30_000);
    const retry = cardText(await send(mia, 'review.proposalToManager.answer', data, 'mia-second-again'));
    await t.app.outbox.drain(30_000);
    const told = cardsTo('aad-anna', NOTICE).filter((c) => cardText(c).includes('Thursday then.')).length;
    expect({ firstTry, retryError: ERROR_TITLE.test(retry), stored: (await records('aad-anna'))[0].answer?.text, told }).toEqual({ firstTry: true, retryError: false, stored: 'Thursday then.', told: 1 });
  }, 120_000);

  it("Bram's send whose card was queued (answer lost), then the outbox failed: nothing kept, the keyed card withdrawn or skipped; pressing again sends one card", async () => {
    const form = await openForm(bram);
    const data = { ...buttonData(form, 'review.proposalToManager.send'), words: 'Bram zijn woorden' };
    const cardsBefore = cardsTo('aad-mia', MANAGER_CARD).length;
    let creates = 0;
    const failed = await t.proxy!.withFaults(
      (r) => (r.container === 'outbox' && r.kind !== 'metadata' ? (r.kind === 'create' && creates++ === 0 ? { kind: 'dropAfter' } : { kind: 'status', status: 503 }) : undefined),
      () => send(bram, 'review.proposalToManager.send', data),
    );
    const error = ERROR_TITLE.test(cardText(failed));
    await t.app.outbox.drain(30_000);
    const whileError = { kept: (await records('aad-bram')).length, cards: cardsTo('aad-mia', MANAGER_CARD).length - cardsBefore };
    await send(bram, 'review.proposalToManager.send', data);
    await t.app.outbox.drain(30_000);
    const [record] = await records('aad-bram');
    expect({ error, whileError, records: (await records('aad-bram')).length, cards: cardsTo('aad-mia', MANAGER_CARD).length - cardsBefore, plain: await t.app.outbox.statusOf(managerCardKey(record.id)) }).toEqual({
      error: true,
      whileError: { kept: 0, cards: 0 },
      records: 1,
      cards: 1,
      plain: undefined,
    });
  }, 90_000);
});
