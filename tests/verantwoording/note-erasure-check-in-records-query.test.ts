/**
 * A guard (held when written, in review of stop 58).
 * Review of stop 58 (commit 76b536c): a `notitie`'s save no longer point-reads the erasure's
 * ticket; its query of the person's records before the create is the check
 * (`withinSaveWindowReading`, `erasureUnfinishedIn`). What must still hold (README, Mijn
 * verantwoording and data rights -> erasure, save window): a save in flight when an erasure starts
 * is refused or swept, nothing of the person stays after the erasure, and a save while the
 * erasure is unfinished is refused, also when the ticket is on the query's second page.
 */
import type { IncomingMessage } from 'node:http';
import { user } from '../support/activities';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { erasureTicketId } from '../../src/domain/verantwoording/erasure-ticket';
import { SINGLE_PARTITION_PAGE } from '../../src/store/document-store';
import { extensionInvoke, isPersonalCreate, noteTexts, PersonalChat, tabApi } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored documents under test */

const path = (req: IncomingMessage) => (req.url ?? '').split('?')[0]!;
const header = (req: IncomingMessage, name: string) => String(req.headers[name] ?? '').toLowerCase() === 'true';
const isPersonalQuery = (req: IncomingMessage) => req.method === 'POST' && /\/colls\/personal\/docs\/?$/.test(path(req)) && header(req, 'x-ms-documentdb-isquery');

describe('a notitie\'s erasure check is its query of the person\'s records', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t?.stop());

  const own = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: 'SELECT c.id, c.type, c.text FROM c WHERE c.userId = @u', parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources.map((d: any) => `${d.type}:${d.text ?? ''}`);
  const said = (reply: { cards: unknown[]; texts: string[] }) => [...reply.texts, ...reply.cards.map(cardText)].join('\n');

  it('the query before the create held while the tab\'s erasure runs to its end: nothing stays, not shown as saved', async () => {
    const pia = user('Pia');
    const chat = new PersonalChat(t, pia);
    await chat.say('notitie Eerder vandaag geschreven');
    const api = await tabApi(t, pia.aadObjectId);
    const held = cosmosGate(t.proxy!).hold(isPersonalQuery);
    const typed = chat.say('notitie Pia denkt erover om te stoppen');
    await held.arrived;
    expect((await api('POST', '/erase', { confirm: true })).json).toEqual({ erased: true });
    expect(await own(pia.aadObjectId)).toEqual([]);
    held.release();
    const reply = await typed;
    expect({ left: await own(pia.aadObjectId), shownAsSaved: said(reply).includes('Pia denkt erover om te stoppen') && !/niets bewaard|niet bewaard|gewist/i.test(said(reply)) }).toEqual({ left: [], shownAsSaved: false });
  }, 60_000);

  it('the create held while the tab\'s erasure runs to its end: taken back, nothing stays', async () => {
    const ruben = user('Ruben');
    const chat = new PersonalChat(t, ruben);
    const api = await tabApi(t, ruben.aadObjectId);
    await api('GET', '');
    const held = cosmosGate(t.proxy!).hold(isPersonalCreate);
    const typed = chat.say('notitie Ruben heeft een conflict met zijn leidinggevende');
    await held.arrived;
    expect((await api('POST', '/erase', { confirm: true })).json).toEqual({ erased: true });
    held.release();
    const reply = await typed;
    expect(await own(ruben.aadObjectId)).toEqual([]);
    expect(said(reply)).not.toMatch(/^Ruben heeft een conflict/m);
  }, 60_000);

  it('a Save from a message whose query before the create is held while the tab\'s erasure runs to its end: nothing stays, not "Bewaard"', async () => {
    const sam = user('Sam');
    const api = await tabApi(t, sam.aadObjectId);
    await api('GET', '');
    const link = 'https://teams.microsoft.com/l/message/19:probe-own58@thread.v2/1764000000777';
    const held = cosmosGate(t.proxy!).hold(isPersonalQuery);
    const save = t.send(
      extensionInvoke(t.conversation('groupChat', '19:probe-own58@thread.v2'), sam, 'composeExtension/submitAction', {
        commandId: 'bewaarInVerantwoording',
        commandContext: 'message',
        messagePayload: { id: '1764000000777', linkToMessage: link, body: { contentType: 'html', content: '<p>Sam krijgt een waarschuwing</p>' } },
        data: { noteText: 'Sam krijgt een waarschuwing', key: 'sam-dialog-key-own58', message: '1764000000777' },
      }),
    );
    await held.arrived;
    expect((await api('POST', '/erase', { confirm: true })).json).toEqual({ erased: true });
    held.release();
    expect(JSON.stringify((await save).body)).not.toContain('Bewaard in Mijn verantwoording');
    expect(await own(sam.aadObjectId)).toEqual([]);
  }, 60_000);

  it('more records than one page, the unfinished erasure\'s ticket on the second: the notitie is refused', async () => {
    const quinn = user('Quinn');
    const personal = t.store.container('personal');
    const fillers = Array.from({ length: SINGLE_PARTITION_PAGE + 50 }, (_, i) => ({ id: `probe-own58-filler-${String(i).padStart(5, '0')}`, type: 'probeFiller', userId: quinn.aadObjectId }));
    for (let i = 0; i < fillers.length; i += 50) await Promise.all(fillers.slice(i, i + 50).map((f) => personal.items.create(f)));
    // An erasure begun and not finished: its ticket. The server pages in the order of its own
    // ids (not as written): written again until it is past the first page the app's query gets.
    const ticket = { id: erasureTicketId(quinn.aadObjectId), type: 'erasureTicket', userId: quinn.aadObjectId, marker: 'erased-probe58', createdAt: '2026-11-23T08:00:00.000Z' };
    const onFirstPage = async () => (await personal.items.query({ query: 'SELECT * FROM c WHERE c.userId = @u', parameters: [{ name: '@u', value: quinn.aadObjectId }] }, { partitionKey: quinn.aadObjectId, maxItemCount: SINGLE_PARTITION_PAGE }).fetchNext()).resources.some((r: any) => r.type === 'erasureTicket');
    await personal.items.create(ticket);
    for (let i = 0; i < 400 && (await onFirstPage()); i++) {
      await personal.item(ticket.id, quinn.aadObjectId).delete();
      await personal.items.create(ticket);
    }
    // Precondition: the ticket is not on the first page the app's query gets.
    expect(await onFirstPage()).toBe(false);

    const reply = await new PersonalChat(t, quinn).say('notitie Quinn wil minder uren');
    expect(await noteTexts(t, quinn.aadObjectId)).toEqual([]);
    expect(said(reply)).toMatch(/gewist/i);
  }, 120_000);
});
