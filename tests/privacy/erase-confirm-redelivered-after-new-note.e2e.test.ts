/**
 * Found in review, stop 44. Anna types `wis mijn gegevens` in her 1:1 chat and presses the confirm
 * card's button: everything of hers is erased. She then writes a new note (`notitie ...`). Minutes
 * later Teams delivers the very same confirm press again (same activity id, same data). It ran a
 * new erasure and deleted her new note without a word. What must hold: the redelivered press
 * erases nothing (her new note stays) and says the erasure finished earlier and that what she
 * wrote since is kept (the app cannot tell a redelivery from a press on purpose); what the app keeps
 * to know this names nobody (no app id, Teams id, name or tenant in any document that is not
 * hers). A press from a confirm card sent before cards carried their key still erases, as before.
 */
import { execute, TestUser, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, allDocuments, PersonalChat } from '../verantwoording/support';

const CONFIRM = 'verantwoording.erase.confirm';
const ERASED = 'Je gegevens zijn gewist';
const ERASED_EARLIER = 'Je gegevens waren al gewist';
const TENANT = 'tenant-1';

type Doc = Record<string, unknown> & { id: string; type?: string; userId?: string };
const SYSTEM = ['_rid', '_self', '_etag', '_attachments', '_ts'];

/** Her notes as stored (her own partition), by text. */
async function notesOf(t: TestApp, who: TestUser): Promise<string[]> {
  const docs = (await allDocuments(t.store)).personal as Doc[];
  return docs.filter((d) => d.userId === who.aadObjectId && d.type === 'note').map((d) => String(d.text)).sort();
}

/** Every field value (nested, as text) of a document, Cosmos DB's own properties left out. */
function fieldValues(doc: Doc): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (node && typeof node === 'object') return Object.values(node).forEach(walk);
    out.push(String(node));
  };
  Object.entries(doc).filter(([k]) => !SYSTEM.includes(k)).forEach(([k, v]) => {
    out.push(k);
    walk(v);
  });
  return out;
}

describe('a redelivered erase-confirm press after the person wrote something new', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('erases nothing she wrote since, says the erasure finished earlier, and what it keeps names nobody', async () => {
    const anna = user('AnnaWis');
    const chat = new PersonalChat(t, anna);
    await chat.say('notitie Van voor het wissen');
    const ask = (await chat.say('wis mijn gegevens')).cards[0];
    const data = actionData(ask, CONFIRM)!;
    // The press exactly as Teams sends it, kept to be delivered once more.
    const press = execute(chat.conv, anna, CONFIRM, data, 'confirm-card-anna', 'anna-erase-confirm-1');
    const first = await t.send(press);
    expect(cardText(first.body?.value)).toContain(ERASED);
    await t.app.outbox.drain(30_000);
    expect(await notesOf(t, anna)).toEqual([]);

    t.clock.advanceMinutes(5);
    await chat.say('notitie Na het wissen geschreven');
    expect(await notesOf(t, anna)).toEqual(['Na het wissen geschreven']);

    t.clock.advanceMinutes(5);
    const again = await t.send(press);
    expect({ status: again.status, erased: cardText(again.body?.value).includes(ERASED_EARLIER), notes: await notesOf(t, anna) }).toEqual({
      status: 200,
      erased: true,
      notes: ['Na het wissen geschreven'],
    });

    // Everything not hers: no app id, Teams id, name, tenant, nor the card's key itself.
    const naming: string[] = [];
    const receipts: Doc[] = [];
    for (const [container, docs] of Object.entries(await allDocuments(t.store))) {
      for (const d of docs as Doc[]) {
        if (container === 'personal' && d.userId === anna.aadObjectId) continue;
        if (d.type === 'erasureReceipt') receipts.push(d);
        const hit = fieldValues(d).filter((v) => v.includes(anna.aadObjectId) || v.includes(anna.id) || v.includes(anna.name) || v.includes(TENANT) || (typeof data.k === 'string' && v.includes(data.k)));
        if (hit.length) naming.push(`${container}/${d.type ?? ''}:${d.id} -> ${hit.join(', ')}`);
      }
    }
    expect(naming).toEqual([]);
    expect(receipts).toHaveLength(1);
    const [receipt] = receipts as [Doc];
    expect(Object.keys(receipt).filter((k) => !SYSTEM.includes(k)).sort()).toEqual(['id', 'ttl', 'type', 'userId']);
    expect(receipt.userId).not.toBe(anna.aadObjectId);
    // It expires by itself, within days.
    expect(receipt.ttl).toBeGreaterThan(0);
    expect(receipt.ttl).toBeLessThanOrEqual(7 * 24 * 3600);
  });

  it('a confirm press from a card sent before the key still erases, and keeps no receipt', async () => {
    const bram = user('BramWis');
    const chat = new PersonalChat(t, bram);
    await chat.say('notitie Bram zijn notitie');
    expect(await notesOf(t, bram)).toEqual(['Bram zijn notitie']);
    const receiptsBefore = ((await allDocuments(t.store)).personal as Doc[]).filter((d) => d.type === 'erasureReceipt').length;

    const done = await chat.press(CONFIRM, { confirm: 'yes' }, 'old-confirm-card');

    expect(cardText(done)).toContain(ERASED);
    expect(await notesOf(t, bram)).toEqual([]);
    expect(((await allDocuments(t.store)).personal as Doc[]).filter((d) => d.type === 'erasureReceipt').length).toBe(receiptsBefore);
  });
});

describe('a redelivered erase-confirm press after its erasure was finished by the resume job', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  it('erases nothing she wrote since: the resume job left the receipt the interrupted press could not', async () => {
    const eva = user('EvaWis');
    const chat = new PersonalChat(t, eva);
    await chat.say('notitie Van voor het wissen');
    const data = actionData((await chat.say('wis mijn gegevens')).cards[0], CONFIRM)!;
    const press = execute(chat.conv, eva, CONFIRM, data, 'confirm-card-eva', 'eva-erase-confirm-1');
    // Cosmos DB refuses every delete in the personal container: the erasure stops part-way.
    t.proxy!.faults = (req) => (req.kind === 'delete' && req.container === 'personal' ? { kind: 'status', status: 503 } : undefined);
    const first = await t.send(press);
    t.proxy!.faults = undefined;
    expect(cardText(first.body?.value)).toMatch(/nog niet helemaal gewist/);

    // The resume job finishes it, without Eva and without her card's key.
    t.clock.advanceMinutes(60);
    await t.app.scheduler.runDue();
    expect(((await allDocuments(t.store)).personal as Doc[]).filter((d) => d.userId === eva.aadObjectId)).toEqual([]);

    t.clock.advanceMinutes(5);
    await chat.say('notitie Na het wissen geschreven');
    t.clock.advanceMinutes(5);
    const again = await t.send(press);
    expect({ erased: cardText(again.body?.value).includes(ERASED_EARLIER), notes: await notesOf(t, eva) }).toEqual({ erased: true, notes: ['Na het wissen geschreven'] });
    // The receipt names nobody; the ticket that linked it to her is gone.
    const receipts = ((await allDocuments(t.store)).personal as Doc[]).filter((d) => d.type === 'erasureReceipt');
    expect(receipts).toHaveLength(1);
    expect(JSON.stringify(receipts)).not.toMatch(new RegExp(`${eva.aadObjectId}|${eva.name}|${String(data.k)}`));
  });
});
