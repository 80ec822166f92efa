/**
 * Found in review, stop 58 (fixed then: the outbox mints a queued card's press key when it sends the card, the job holds a placeholder).
 *
 * A form note's `firstText` is keyed with the form's press key, on the promise that the key is
 * never stored: after a delete, nothing stored lets a reader of the database test a guess of the
 * deleted words. The look-back at the end of a Prof-traject and the invitation at the end of a
 * group's planned weeks are queued in the outbox as whole cards, and a job waits until it is sent
 * (one given up is kept 7 days): the key must not be in it, nor anywhere else stored.
 */
import { execute } from '../support/activities';
import { ConnectorRequest } from '../support/recording-connector';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { keyedDigest } from '../../src/domain/shared/ids';
import { PRESS_KEY_WHEN_SENT } from '../../src/outbox/press-keys';
import { allDocuments, lookBacksOf, PersonalChat, sketchTraject, trajectApp, trajectGroup } from '../verantwoording/support';

const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
const SAVE_VERB = 'verantwoording.note.add';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** How a note's `firstText` is made from its key and words (accountability-note.ts): what a guess would be tested with. */
const fingerprint = (key: string, words: string) => `nk_${keyedDigest('lerend-werken/note-first-text/v1', key, words)}`;

/** Every press key of the save on a card (its Action.Execute and its fallback), as sent. */
const keysOn = (card: unknown) => [...JSON.stringify(card).matchAll(/"verb":"verantwoording\.note\.add","data":\{"k":"([^"]+)"|"data":\{"k":"([^"]+)","verb":"verantwoording\.note\.add"/g)].map((m) => (m[1] ?? m[2])!);

/** The one press key a sent card carries: its save and the save's fallback hold the same (one card, one key). */
function keyOf(card: unknown): string {
  const keys = [...new Set(keysOn(card))];
  expect(keys).toHaveLength(1);
  return keys[0]!;
}

async function personal(t: TestApp, type: string): Promise<any[]> { // eslint-disable-line @typescript-eslint/no-explicit-any -- documents under test
  return (await t.store.container('personal').items.query({ query: 'SELECT * FROM c WHERE c.type = @t', parameters: [{ name: '@t', value: type }] }).fetchAll()).resources;
}

describe('the look-back at the end of a Prof-traject: its press key is never stored', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await trajectApp();
  }, 60_000);
  afterAll(() => t.stop());

  it('no stored document holds the key its note\'s fingerprint is keyed with, queued or after a delete', async () => {
    await sketchTraject(t, anna, 1);
    const g = await trajectGroup(t, '19:press-key-traject-end@thread.v2', [anna, bram, cem]);
    await g.checkIn(anna, 4);
    await g.end();
    for (let i = 0; i < 3; i++) await t.app.scheduler.runDue();
    await t.app.background.idle();
    // The look-back is queued, not yet sent: what a reader of the database sees now.
    const queued = JSON.stringify(await allDocuments(t.store));
    await t.app.outbox.drain(30_000);

    const [card] = lookBacksOf(t, anna);
    const key = keyOf(card);
    expect({ keyInQueuedJob: queued.includes(key) }).toEqual({ keyInQueuedJob: false });
    // The queued card held the outbox's placeholder instead, and the card sent a fresh random key.
    expect(queued).toContain(PRESS_KEY_WHEN_SENT);
    expect(key).toMatch(UUID);

    // Anna writes her look-back on the card, then deletes it.
    const words = 'Ik durf nu beter nee te zeggen tegen extra diensten';
    const chat = new PersonalChat(t, anna);
    await chat.press(SAVE_VERB, { k: key, text: words });
    const notes = await personal(t, 'note');
    expect(notes).toHaveLength(1);
    await chat.press('verantwoording.note.delete', { noteId: notes[0].id, rev: notes[0].rev });
    const [left] = await personal(t, 'deletedNote');
    // What the delete kept was keyed with the card's key ...
    expect(left.firstText).toBe(fingerprint(key, words));
    // ... which nothing stored holds: neither the key, nor a key in the queued card that confirms the guess.
    expect({ keyStored: JSON.stringify(await allDocuments(t.store)).includes(key) }).toEqual({ keyStored: false });
    const queuedKeys = keysOn(JSON.parse(queued));
    expect(queuedKeys.length).toBeGreaterThan(0);
    expect(queuedKeys.filter((k) => fingerprint(k, words) === left.firstText)).toEqual([]);
  }, 120_000);
});

describe('the invitation at the end of the planned weeks: its press key is never stored', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  }, 60_000);
  afterAll(() => t.stop());

  it('not while queued, not for a send Teams failed or refused, not after the save; each card sent has its own key', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:press-key-weeks-end@thread.v2'), [anna, bram, cem, dewi]);
    await g.weekOneToDayFour('1');
    await g.end(anna);
    for (let i = 0; i < 2; i++) await t.app.scheduler.runDue();
    await t.app.background.idle();
    const queued = JSON.stringify(await allDocuments(t.store));

    // Teams fails Bram's first invitation (a 503: sent again later) and refuses Cem's for good (the job is kept, given up).
    const attempted: string[] = [];
    const invitationTo = (req: ConnectorRequest, who: typeof anna) => req.method === 'POST' && req.conversationId === t.connector.personalChats.get(who.id) && JSON.stringify(req.body).includes(SAVE_VERB);
    let bramFailed = false;
    t.connector.faults.push((req) => {
      if (invitationTo(req, bram) && !bramFailed) {
        bramFailed = true;
        attempted.push(keyOf(req.body));
        return { status: 503 };
      }
      if (invitationTo(req, cem)) {
        attempted.push(keyOf(req.body));
        return { status: 403, code: 'ConversationBlockedByUser' };
      }
      return undefined;
    });
    await t.app.outbox.drain(30_000);
    t.connector.faults = [];

    const sent = t.connector.cards((c) => c.method === 'POST' && JSON.stringify(c.activity).includes(SAVE_VERB) && /Terugblik|Looking back/.test(cardText(c.activity.attachments[0].content)));
    const chatOf = new Map([...t.connector.personalChats].map(([member, chat]) => [chat, member]));
    expect(sent.map((s) => chatOf.get(s.call.conversationId)).sort()).toEqual([anna.id, bram.id, dewi.id].sort());
    const sentKeys = sent.map((s) => keyOf(s.card));
    expect(attempted).toHaveLength(2);
    const everyKey = [...sentKeys, ...attempted];
    expect(everyKey.filter((k) => queued.includes(k))).toEqual([]);
    expect(queued).toContain(PRESS_KEY_WHEN_SENT);
    for (const key of everyKey) expect(key).toMatch(UUID);
    // Each card Teams was given has its own key: the retried send of Bram's too.
    expect(new Set(everyKey).size).toBe(everyKey.length);
    // Cem's invitation, given up, waits in the outbox with its card: without a key.
    const jobs = (await t.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources;
    const cems = jobs.filter((j) => j.target?.userId === cem.id && JSON.stringify(j.payload).includes(SAVE_VERB));
    expect(cems.map((j) => [j.status, JSON.stringify(j.payload).includes(PRESS_KEY_WHEN_SENT)])).toEqual([['undeliverable', true]]);

    // Bram saves his look-back (Teams delivers the press twice: one note).
    const bramsKey = keyOf(sent.find((s) => chatOf.get(s.call.conversationId) === bram.id)!.card);
    const chat = t.conversation('personal', t.connector.personalChats.get(bram.id)!);
    const press = execute(chat, bram, SAVE_VERB, { k: bramsKey, text: 'Ik draag nu korter over.' }, 'look-back-card');
    expect((await t.send(press)).status).toBe(200);
    expect((await t.send(press)).status).toBe(200);
    expect((await personal(t, 'note')).filter((n) => n.userId === bram.aadObjectId).map((n) => n.text)).toEqual(['Ik draag nu korter over.']);

    const stored = JSON.stringify(await allDocuments(t.store));
    expect(everyKey.filter((k) => stored.includes(k))).toEqual([]);
  }, 180_000);
});
