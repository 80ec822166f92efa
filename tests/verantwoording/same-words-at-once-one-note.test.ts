/**
 * Found in review, stop 57 (fixed then: an add of a chat note, or of a note saved from a message,
 * looks again after its create and keeps one note of the same words, the lowest id).
 *
 * A `notitie` note is keyed on its chat message, and "the same words typed again that day are
 * still one note" (README, Mijn verantwoording). The look for them before the create is no guard
 * when two messages with the same words are handled at once (a person who doubts the first
 * arrived; Teams mobile sending a queued message and its resend together): each looks before the
 * other's create. The same for one message saved with the same words in two dialogs of the message
 * extension (the first Save's answer was slow, so the dialog was opened and saved again).
 */
import type { IncomingMessage } from 'node:http';
import { message, user } from '../support/activities';
import { cosmosGate } from '../support/cosmos-gate';
import { startTestApp, TestApp } from '../support/test-app';
import { chatNoteKey, noteId } from '../../src/domain/verantwoording/accountability-note';
import { extensionInvoke, tabApi } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored documents and card JSON under test */

const anna = user('Anna');
const path = (req: IncomingMessage) => (req.url ?? '').split('?')[0]!;
const header = (req: IncomingMessage, name: string) => String(req.headers[name] ?? '').toLowerCase() === 'true';
/** A create in the `personal` container (not a query). */
const isPersonalCreate = (req: IncomingMessage) =>
  req.method === 'POST' && /\/colls\/personal\/docs\/?$/.test(path(req)) && !header(req, 'x-ms-documentdb-isquery') && !header(req, 'x-ms-cosmos-is-query-plan-request');

const LINK = 'https://teams.microsoft.com/l/message/19:groupchat-1@thread.v2/1763900000000?context=%7B%22contextType%22%3A%22chat%22%7D';
const messagePayload = {
  id: '1763900000000', createdDateTime: '2026-11-23T07:12:00.000Z', linkToMessage: LINK,
  from: { user: { id: 'aad-bram', displayName: 'Bram', userIdentityType: 'aadUser' } },
  body: { contentType: 'html', content: '<p>Vraag om feedback na elke dienst.</p>' },
};

/** A query in the `personal` container. */
const isPersonalQuery = (req: IncomingMessage) => req.method === 'POST' && /\/colls\/personal\/docs\/?$/.test(path(req)) && header(req, 'x-ms-documentdb-isquery');

/**
 * How the two adds interleave. `oneLooksFirst`: the first add's create is held until the second
 * add has ended (it looked after its own create, before the first's). `bothLookLast`: the second
 * add's look after its create is held too, until the first add has ended: each looks after both
 * creates. `firstLower`: whether the first add's note has the lower id (the one that stays).
 */
const races = [
  { interleaving: 'oneLooksFirst', firstLower: true },
  { interleaving: 'oneLooksFirst', firstLower: false },
  { interleaving: 'bothLookLast', firstLower: true },
  { interleaving: 'bothLookLast', firstLower: false },
] as const;
type Race = (typeof races)[number];

/** Two keys (message ids, dialog keys) whose notes' ids are in the order the race asks for. */
function keysInOrder(race: Race, name: string, idOf: (key: string) => string): [string, string] {
  const [a, b] = [`${name}-a`, `${name}-b`];
  return (idOf(a) < idOf(b)) === race.firstLower ? [a, b] : [b, a];
}

describe('the same words saved twice at once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t?.stop());

  const all = async () => (await t.store.container('personal').items.query('SELECT * FROM c').fetchAll()).resources as any[];
  const notesSaying = async (text: string) => (await all()).filter((n) => n.type === 'note' && n.text === text);
  const deletedLeft = async () => (await all()).filter((r) => r.type === 'deletedNote');

  /**
   * Sends `first` and `second` as `race` interleaves them; returns their answers, and the calls
   * to Teams (the chat's answers) made while the first add was held and after it was let go.
   */
  async function racing(race: Race, first: Record<string, unknown>, second: Record<string, unknown>) {
    const gate = cosmosGate(t.proxy!);
    const createHeld = gate.hold(isPersonalCreate);
    const firstDone = t.send(first);
    await createHeld.arrived;
    const callsBefore = t.connector.calls.length;
    let queries = 0;
    // The second add's second query: its look after its create (the first is its look before).
    const lookHeld = race.interleaving === 'bothLookLast' ? gate.hold((req) => isPersonalQuery(req) && ++queries === 2) : undefined;
    const secondDone = t.send(second);
    if (lookHeld) await lookHeld.arrived;
    const answeredSecond = lookHeld ? undefined : await secondDone;
    const callsWhileHeld = t.connector.calls.slice(callsBefore);
    createHeld.release();
    const answeredFirst = await firstDone;
    const callsAfter = t.connector.calls.slice(callsBefore + callsWhileHeld.length);
    lookHeld?.release();
    return { answers: [answeredFirst, answeredSecond ?? (await secondDone)], callsWhileHeld, callsAfter };
  }

  it('in two chat messages one after the other are one note', async () => {
    const conv = t.conversation('personal', 'a:personal-anna');
    await t.send(message(conv, anna, 'notitie Overdracht met Bram besproken'));
    await t.send(message(conv, anna, 'notitie Overdracht met Bram besproken'));
    expect(await notesSaying('Overdracht met Bram besproken')).toHaveLength(1);
  });

  it.each(races)('in two chat messages at once are one note, both answered with it (%o)', async (race) => {
    const conv = t.conversation('personal', 'a:personal-anna');
    const words = `Overdracht met Bram besproken, ${race.interleaving} ${race.firstLower}`;
    const [firstId, secondId] = keysInOrder(race, `${race.interleaving}-${race.firstLower}`, (id) => noteId(anna.aadObjectId, chatNoteKey(conv.id, id)));
    const firstMessage = { ...message(conv, anna, `notitie ${words}`), id: firstId };
    const secondMessage = { ...message(conv, anna, `notitie ${words}`), id: secondId };
    const left = (await deletedLeft()).length;

    const { answers, callsWhileHeld, callsAfter } = await racing(race, firstMessage, secondMessage);
    for (const answer of answers) expect(answer.status).toBe(200);
    const kept = await notesSaying(words);
    expect(kept).toHaveLength(1);
    const keptId = noteId(anna.aadObjectId, chatNoteKey(conv.id, race.firstLower ? firstId : secondId));
    const removedId = noteId(anna.aadObjectId, chatNoteKey(conv.id, race.firstLower ? secondId : firstId));
    expect(kept[0].id).toBe(keptId);
    // The other one is left as a delete leaves it: nothing of its words.
    const nowLeft = await deletedLeft();
    expect(nowLeft).toHaveLength(left + 1);
    expect(JSON.stringify(nowLeft)).not.toContain('Overdracht');
    // The answers (the overview) list the kept note; only an add that ended before the other's
    // create listed its own note, when that one has the higher id (see oneNoteOfSameWords).
    const listed = (calls: unknown[]) => JSON.stringify(calls);
    expect(listed(callsAfter)).toContain(keptId);
    expect(listed(callsAfter)).not.toContain(removedId);
    if (race.interleaving === 'bothLookLast' || !race.firstLower) expect(listed(callsWhileHeld)).not.toContain(removedId);

    // Either message delivered again brings nothing back: still the one note.
    await t.send(firstMessage);
    await t.send(secondMessage);
    expect((await notesSaying(words)).map((n) => n.id)).toEqual([keptId]);
    expect(await deletedLeft()).toHaveLength(left + 1);
  }, 60_000);

  it('in two chat messages at once: the one shared meanwhile stays, shared', async () => {
    const conv = t.conversation('personal', 'a:personal-anna');
    const words = 'Overdracht met Bram besproken, gedeeld';
    // The held first message's note would have the lower id: it would stay, were the other not shared.
    const [firstId, secondId] = keysInOrder(races[0], 'shared-meanwhile', (id) => noteId(anna.aadObjectId, chatNoteKey(conv.id, id)));
    const held = cosmosGate(t.proxy!).hold(isPersonalCreate);
    const first = t.send({ ...message(conv, anna, `notitie ${words}`), id: firstId });
    await held.arrived;
    expect((await t.send({ ...message(conv, anna, `notitie ${words}`), id: secondId })).status).toBe(200);
    const [answered] = await notesSaying(words);
    const api = await tabApi(t, anna.aadObjectId);
    expect((await api('PUT', '/visibility', { kind: 'note', id: answered.id, visibility: 'shared', rev: 1 })).json.visibility).toBe('shared');
    held.release();
    expect((await first).status).toBe(200);
    expect((await notesSaying(words)).map((n) => [n.id, n.visibility])).toEqual([[answered.id, 'shared']]);
  }, 60_000);

  it.each(races)('from one message in two dialogs of the message extension are one note, both answered as saved (%o)', async (race) => {
    const chat = t.conversation('groupChat');
    const messageId = `17639${races.indexOf(race)}0000000`;
    const link = `https://teams.microsoft.com/l/message/19:groupchat-1@thread.v2/${messageId}?context=%7B%22contextType%22%3A%22chat%22%7D`;
    const payload = { ...messagePayload, id: messageId, linkToMessage: link };
    const text = 'Vraag om feedback na elke dienst.';
    const [firstKey, secondKey] = keysInOrder(race, `dialog-${race.interleaving}-${race.firstLower}`, (key) => noteId(anna.aadObjectId, key));
    const submitOf = async (key: string) => {
      const opened = await t.send(extensionInvoke(chat, anna, 'composeExtension/fetchTask', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload: payload }));
      const card = opened.body.task.value.card.content;
      const data = { ...card.actions.find((a: any) => a.type === 'Action.Submit').data, key, noteText: card.body.find((e: any) => e.id === 'noteText').value };
      return extensionInvoke(chat, anna, 'composeExtension/submitAction', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload: payload, data });
    };
    const firstSave = await submitOf(firstKey);
    const secondSave = await submitOf(secondKey);
    const left = (await deletedLeft()).length;
    const fromThisMessage = async () => (await notesSaying(text)).filter((n) => n.source?.link === link);

    const { answers } = await racing(race, firstSave, secondSave);
    for (const answer of answers) expect(JSON.stringify(answer.body)).toContain('Bewaard in Mijn verantwoording');
    const keptId = noteId(anna.aadObjectId, race.firstLower ? firstKey : secondKey);
    expect((await fromThisMessage()).map((n) => n.id)).toEqual([keptId]);
    expect(await deletedLeft()).toHaveLength(left + 1);

    // Either Save delivered again: answered as saved (the words are that note), and still the one note.
    for (const save of [firstSave, secondSave]) expect(JSON.stringify((await t.send(save)).body)).toContain('Bewaard in Mijn verantwoording');
    expect((await fromThisMessage()).map((n) => n.id)).toEqual([keptId]);
  }, 60_000);
});
