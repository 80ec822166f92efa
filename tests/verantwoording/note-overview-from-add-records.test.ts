/**
 * A guard (held when written, in review of stop 58).
 * Review of stop 58 (commit 76b536c): the overview a `notitie` answers with is built from the
 * records the add's own query read after its create, the membership index taken from them
 * (`addChatNote` -> `{ note, records }`, `buildOverview({ records })`, `tracesOf(.., records)`).
 * What must hold: that card is the overview "verantwoording" shows right after, also when the
 * person's records span more than one page with the index on the second, and when Teams delivers
 * the same message twice at once.
 */
import { message } from '../support/activities';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { membershipIndexId } from '../../src/domain/week-cycle/membership-index';
import { SINGLE_PARTITION_PAGE } from '../../src/store/document-store';
import { isPersonalCreate, noteTexts, PersonalChat } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored documents and card JSON under test */

const anna = MEMBERS[0]!;
/** The add-note form's key is new on every card. */
const keyless = (c: unknown) => JSON.parse(JSON.stringify(c).replace(/"k":"[0-9a-f-]{36}"/g, '"k":"key"'));

describe('the overview after a notitie, built from what the add read', () => {
  let t: TestApp;
  let chat: PersonalChat;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true, sharedCardIntervalMs: 0 });
    const personal = t.store.container('personal');
    // More of Anna's records than one page of the app's query.
    const fillers = Array.from({ length: SINGLE_PARTITION_PAGE + 50 }, (_, i) => ({ id: `probe-own58-filler-${String(i).padStart(5, '0')}`, type: 'probeFiller', userId: anna.aadObjectId }));
    for (let i = 0; i < fillers.length; i += 50) await Promise.all(fillers.slice(i, i + 50).map((f) => personal.items.create(f)));
    const g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(anna, 1, 'Warm maken');
    // Her membership index past the first page (the server pages in the order of its own ids): written again until it is.
    const index = (await personal.item(membershipIndexId(anna.aadObjectId), anna.aadObjectId).read()).resource;
    const { _rid, _self, _etag, _ts, _attachments, ...doc } = index;
    const onFirstPage = async () => (await personal.items.query({ query: 'SELECT c.id FROM c WHERE c.userId = @u', parameters: [{ name: '@u', value: anna.aadObjectId }] }, { partitionKey: anna.aadObjectId, maxItemCount: SINGLE_PARTITION_PAGE }).fetchNext()).resources.some((r: any) => r.id === doc.id);
    for (let i = 0; i < 400 && (await onFirstPage()); i++) {
      await personal.item(doc.id, anna.aadObjectId).delete();
      await personal.items.create(doc);
    }
    expect(await onFirstPage()).toBe(false);
    chat = new PersonalChat(t, anna);
  }, 120_000);
  afterAll(() => t?.stop());

  it('records over two pages, the membership index on the second: the card shows the group\'s week, as "verantwoording" does', async () => {
    const reply = await chat.say('notitie Vandaag de overdracht voorbereid');
    expect(reply.cards).toHaveLength(1);
    expect(cardText(reply.cards[0])).toContain('Vandaag de overdracht voorbereid');
    expect(cardText(reply.cards[0])).toContain('Team Zorg');
    expect(keyless(reply.cards)).toEqual(keyless((await chat.say('verantwoording')).cards));
  }, 60_000);

  it('the same message delivered twice at once: one note, both cards as "verantwoording" shows it', async () => {
    const words = 'Feedback gevraagd aan Bram';
    const sent = { ...message(chat.conv, anna, `notitie ${words}`), id: 'probe-own58-redelivered-1' };
    const before = t.connector.calls.length;
    const held = cosmosGate(t.proxy!).hold(isPersonalCreate);
    const first = t.send(sent);
    await held.arrived;
    expect((await t.send(sent)).status).toBe(200);
    held.release();
    expect((await first).status).toBe(200);
    const cards = t.connector.calls.slice(before).filter((c) => c.conversationId === chat.conv.id).flatMap((c) => (c.activity.attachments ?? []).map((a: { content: unknown }) => a.content));
    expect((await noteTexts(t, anna.aadObjectId)).filter((n) => n === words)).toHaveLength(1);
    const fresh = keyless((await chat.say('verantwoording')).cards[0]);
    expect(cards.map(keyless)).toEqual([fresh, fresh]);
  }, 60_000);
});
