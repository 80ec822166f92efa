/**
 * Stop 47: a manager's account to their team is kept for them to look back on (seed 002:
 * "omgekeerd legt de leidinggevende verantwoording af aan zijn teamleden"; the half-yearly rhythm of
 * the talentontwikkelgesprek). Before, `teamverantwoording` sent the words and kept nothing: opening
 * the form again showed no trace of what the manager wrote last time. Now each send keeps one record
 * in the manager's own partition (id from the press), the form lists the earlier accounts newest
 * first (to how many, never who: stop 48), the manager can delete one (what was sent stays in the
 * members' chats), and their export and erasure hold and delete them.
 *
 * Mia manages Anna, Cem and Eva; Olga manages Mia and Bram.
 */
import { message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile, personalChat, pressIn } from './support/proposal-put-before';

const [anna, mia, olga] = ['Anna', 'Mia', 'Olga'].map(user) as [TestUser, TestUser, TestUser];
const SEND = 'review.teamAccount.send';
const CONFIRM = 'review.teamAccount.confirmDelete';
const DELETE = 'review.teamAccount.delete';
const ACCOUNT = /Verantwoording van je leidinggevende|An account from your manager/;

const JUNE = 'JUNI-WOORDEN: ik maakte *elke week* een uur vrij; zie [het plan](https://example.org/plan).';
const NOVEMBER = 'NOVEMBER-WOORDEN: het budget kwam er niet; # nu regel ik een mentor.';
const OLGAS = 'OLGA-WOORDEN: voor Bram en Mia';

/** Whether a TextRun (never read as Markdown) shows exactly `text`. */
function hasTextRun(card: unknown, text: string): boolean {
  return JSON.stringify(card).includes(JSON.stringify({ type: 'TextRun', text }).slice(1, -1));
}

/** Whether `text` shows anywhere in a TextBlock (which Teams reads as Markdown). */
function inTextBlock(card: unknown, text: string): boolean {
  const found: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') found.push(o.text);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found.some((s) => s.includes(text));
}

describe('a manager keeps their accounts to the team to look back on', () => {
  let t: TestApp;
  const lastCardIn = (who: TestUser) => t.connector.cards((c) => c.conversationId === personalChat(t, who).id).at(-1)?.card;
  const openForm = async (who: TestUser) => {
    await t.send(message(personalChat(t, who), who, 'teamverantwoording'));
    return lastCardIn(who);
  };
  const send = async (who: TestUser, text: string, activityId?: string, form?: unknown) => pressIn(t, who, SEND, { ...buttonData(form ?? (await openForm(who)), SEND), text }, activityId);
  /** The kept accounts as stored, read directly (never counted or failed). */
  const keptOf = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount' AND c.userId = @u", parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources;
  const accountsTo = (aadId: string, words: string) =>
    t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(aadId)).map((c) => c.card).filter((card) => ACCOUNT.test(cardText(card)) && cardText(card).includes(words));
  const exportOf = async (userId: string) => {
    const { token } = await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })).json();
    const res = await fetch(`${t.app.url}/api/verantwoording/export`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    const directory = directoryFile([
      { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
      { id: 'aad-cem', name: 'Cem', managerId: 'aad-mia' },
      { id: 'aad-eva', name: 'Eva', managerId: 'aad-mia' },
      { id: 'aad-bram', name: 'Bram', managerId: 'aad-olga' },
      { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' },
      { id: 'aad-olga', name: 'Olga' },
    ]);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-06-01T08:00:00Z');
  });
  afterAll(() => t?.stop());

  it('a new form says the account is kept, and shows no earlier one yet', async () => {
    const form = await openForm(mia);
    expect(cardText(form)).toContain('Lerend Werken bewaart wat je verstuurt in jouw gegevens');
    expect(cardText(form)).not.toContain('Je eerdere verantwoordingen');
  });

  it('lists both accounts sent half a year apart, newest first, with to whom and the words as plain text', async () => {
    expect(cardText(await send(mia, JUNE))).toContain('Je vindt hem terug onder teamverantwoording');
    t.clock.set('2026-11-23T09:00:00Z');
    const form = await openForm(mia);
    await send(mia, NOVEMBER, undefined, form);

    const again = await openForm(mia);
    const text = cardText(again);
    expect(text).toContain('Je eerdere verantwoordingen');
    const newer = text.indexOf('23 november 2026, aan je 3 directe collega\'s:');
    const older = text.indexOf('1 juni 2026, aan je 3 directe collega\'s:');
    expect(newer).toBeGreaterThan(-1);
    expect(older).toBeGreaterThan(newer);
    expect(text.indexOf('NOVEMBER-WOORDEN')).toBeLessThan(text.indexOf('JUNI-WOORDEN'));
    // How many, never who (stop 48: a member's erasure must change nothing the manager sees).
    // (Above the kept part the form names whom a new account goes to: the directory's team now.)
    expect(text.slice(text.indexOf('Je eerdere verantwoordingen'))).not.toMatch(/Anna|Cem|Eva/);
    // The words exactly as typed, in TextRuns: no link, no emphasis, no heading made of them.
    for (const words of [JUNE, NOVEMBER]) {
      expect(hasTextRun(again, words)).toBe(true);
      expect(inTextBlock(again, words.slice(0, 16))).toBe(false);
    }
    expect(cardProblems(again)).toEqual([]);
    expect(await keptOf('aad-mia')).toHaveLength(2);
  });

  it('shows the last three in full and all of them, a page at a time, one press away', async () => {
    for (const n of [1, 2]) {
      t.clock.set(`2026-11-2${3 + n}T09:00:00Z`);
      await send(mia, `EXTRA-${n}: nog een verantwoording`);
    }
    const form = await openForm(mia);
    expect(cardText(form)).toContain('EXTRA-2');
    expect(cardText(form)).not.toContain('JUNI-WOORDEN');
    expect(cardText(form)).toContain('Alle 4 bekijken');
    const all = await pressIn(t, mia, 'review.teamAccount.list', buttonData(form, 'review.teamAccount.list'));
    expect(cardText(all)).toContain('1 tot en met 4 van 4, nieuwste eerst');
    expect(hasTextRun(all, JUNE)).toBe(true);
    expect(cardProblems(all)).toEqual([]);
  });

  it('a send press Teams delivers again, or pressed twice on one form, keeps one record and sends each member one card', async () => {
    t.clock.set('2026-11-26T09:00:00Z');
    const before = (await keptOf('aad-mia')).length;
    const form = await openForm(mia);
    const words = 'TWEEMAAL-GEDRUKT: een keer bewaard';
    await send(mia, words, 'mia-twice', form);
    await send(mia, words, 'mia-twice', form);
    await send(mia, words, 'mia-twice-other-delivery', form);
    await t.app.outbox.drain(60_000);
    expect((await keptOf('aad-mia')).length).toBe(before + 1);
    for (const id of ['aad-anna', 'aad-cem', 'aad-eva']) expect(accountsTo(id, 'TWEEMAAL-GEDRUKT')).toHaveLength(1);
  });

  it('deletes one from her list after a confirm that says what was sent stays in the chats; delivered again, nothing more happens', async () => {
    const form = await openForm(mia);
    const all = await pressIn(t, mia, 'review.teamAccount.list', { skip: 0 });
    const juneId = (await keptOf('aad-mia')).find((r) => r.text === JUNE)!.id as string;
    const confirm = await pressIn(t, mia, CONFIRM, { id: juneId });
    expect(cardText(confirm)).toContain('Deze verantwoording verwijderen?');
    expect(cardText(confirm)).toContain('Wat je verstuurde, blijft in de chats van je teamleden staan.');
    expect(hasTextRun(confirm, JUNE)).toBe(true);
    expect(buttonData(confirm, DELETE)).toEqual({ id: juneId });
    expect(cardProblems(confirm)).toEqual([]);
    expect(buttonData(all, CONFIRM)).toEqual({ id: expect.any(String) });
    expect(cardText(form)).toContain('Verwijderen');

    const deleted = await pressIn(t, mia, DELETE, { id: juneId }, 'mia-delete');
    expect(cardText(deleted)).toContain('Verwijderd uit je lijst.');
    expect(cardText(deleted)).not.toContain('JUNI-WOORDEN');
    expect(cardProblems(deleted)).toEqual([]);
    const again = await pressIn(t, mia, DELETE, { id: juneId }, 'mia-delete');
    expect(cardText(again)).toContain('niet (meer) in je lijst');
    expect((await keptOf('aad-mia')).map((r) => r.text)).not.toContain(JUNE);
    expect(cardText(await pressIn(t, mia, 'review.teamAccount.list', { skip: 0 }))).not.toContain('JUNI-WOORDEN');
    // What was sent stays in Anna's chat.
    expect(accountsTo('aad-anna', 'JUNI-WOORDEN')).toHaveLength(1);
  });

  it('refuses another manager who forges a delete or a confirm with Mia\'s record id: nothing deleted, nothing of hers shown', async () => {
    await send(olga, OLGAS);
    const target = (await keptOf('aad-mia')).find((r) => r.text === NOVEMBER)!.id as string;
    const confirm = await pressIn(t, olga, CONFIRM, { id: target });
    expect(cardText(confirm)).toContain('niet (meer) in je lijst');
    expect(cardText(confirm)).not.toContain('NOVEMBER-WOORDEN');
    const refused = await pressIn(t, olga, DELETE, { id: target });
    expect(cardText(refused)).toContain('niet (meer) in je lijst');
    expect(cardText(refused)).not.toContain('NOVEMBER-WOORDEN');
    expect((await keptOf('aad-mia')).map((r) => r.id)).toContain(target);
    // Olga's own list holds only her own.
    expect((await keptOf('aad-olga')).map((r) => r.text)).toEqual([OLGAS]);
  });

  it('Mia\'s export lists her accounts (words, when, language, to how many, whether up); Anna\'s export holds none of them', async () => {
    const exported = await exportOf('aad-mia');
    const kept = exported.talentReviews.teamAccounts as { text: string }[];
    expect(kept.map((k) => k.text)).toEqual([NOVEMBER, 'EXTRA-1: nog een verantwoording', 'EXTRA-2: nog een verantwoording', 'TWEEMAAL-GEDRUKT: een keer bewaard']);
    expect(kept[0]).toEqual({
      id: expect.any(String),
      text: NOVEMBER,
      sentAt: '2026-11-23T09:00:00.000Z',
      language: 'nl',
      recipientCount: 3,
      toOwnManager: false,
    });
    const annas = await exportOf(anna.aadObjectId);
    expect(annas.talentReviews.teamAccounts).toBeUndefined();
    expect(JSON.stringify(annas)).not.toContain('NOVEMBER-WOORDEN');
  });

  it('Mia\'s erasure deletes her kept accounts; Olga\'s stay', async () => {
    await t.send(message(personalChat(t, mia), mia, 'wis mijn gegevens'));
    expect(cardText(await pressIn(t, mia, 'verantwoording.erase.confirm', { confirm: 'yes' }))).toContain('Je gegevens zijn gewist');
    expect(await keptOf('aad-mia')).toEqual([]);
    expect(await keptOf('aad-olga')).toHaveLength(1);
    expect((await exportOf('aad-mia')).talentReviews.teamAccounts).toBeUndefined();
  });
});
