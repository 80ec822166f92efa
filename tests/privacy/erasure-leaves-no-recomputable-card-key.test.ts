/**
 * Found in review, stop 58 (fixed then: the key an erasure leaves of a card is kept under an id
 * keyed with the app's secret, POLL_HASH_KEY, and the job's own id is freed).
 *
 * A reader of the whole database after an erasure who knows the erased person's Entra id (as a
 * colleague, HR or their manager does), and what their cards hold (a form's press key `k`), finds
 * nothing under an id that is a plain hash (`stableId`) of those:
 * 1. Team account: Mia sends her team (Anna, Bram) an account; Anna erases. What the outbox keeps
 *    of Anna's card (`outboxErasedKey`) must not sit under jobIdFor(teamAccountKey(mia, k, anna)):
 *    Mia holds `k` and would learn which member erased (ruled out in stop 48).
 * 2. Weekly L&O card: Hanna (HR) gets the week's card, then erases. Its blank, kept 90 days, must
 *    not sit under jobIdFor(weeklyLoKey(tenant, week, hanna)): anyone could tell that she erased.
 */
import { message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { storedText } from '../support/cosmos';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { teamAccountKey } from '../../src/domain/talent-review/team-account';
import { weeklyLoKey } from '../../src/domain/learning-needs/weekly-to-lo';
import { allDocuments, eraseInChat, PersonalChat } from '../verantwoording/support';
import { directoryFile, personalChat, pressIn } from '../talent-review/support/proposal-put-before';
import { groupWithQuestion9, passOn } from '../learning-needs/support';
import { runAt } from '../rhythm/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored JSON under test */

const SEND = 'review.teamAccount.send';
const hanna = user('Hanna');

/** Stored documents (any container) whose id or any field holds one of `values`, as `container/type:id`. */
async function holding(t: TestApp, values: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const [container, docs] of Object.entries(await allDocuments(t.store))) {
    for (const d of docs as any[]) if (values.some((v) => storedText([d]).includes(v))) out.push(`${container}/${d.type}:${d.id}`);
  }
  return out;
}

describe('a team account card\'s erased key tells the manager nothing', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('leaves nothing under an id Mia can recompute from Anna\'s id and her form\'s key', async () => {
    const [anna, mia] = ['Anna', 'Mia'].map(user) as [TestUser, TestUser];
    const directory = directoryFile([
      { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
      { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
      { id: 'aad-mia', name: 'Mia' },
    ]);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
    await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
    const form = t.connector.cards((c) => c.conversationId === personalChat(t, mia).id).at(-1)?.card;
    const sendPress = { ...buttonData(form, SEND), text: 'Elke week een uur vrij voor leren.' };
    const k = String((sendPress as Record<string, unknown>).k);
    expect(k.length).toBeGreaterThan(8); // Mia's card holds the press key
    expect(cardText(await pressIn(t, mia, SEND, sendPress, 'account-send'))).toContain('Verantwoording verstuurd');
    await t.app.outbox.drain(60_000);
    const annas = jobIdFor(teamAccountKey('aad-mia', k, 'aad-anna'));
    const brams = jobIdFor(teamAccountKey('aad-mia', k, 'aad-bram'));
    // The ids are right: both cards went, and each left the blank that holds its key under the
    // recomputed id keyed with the app's secret (since stop 59 a sent card keeps no job under its own id).
    expect({ anna: await t.app.outbox.store.keyLeftBehind(annas), bram: await t.app.outbox.store.keyLeftBehind(brams) }).toEqual({ anna: true, bram: true });
    expect({ anna: await holding(t, [annas]), bram: await holding(t, [brams]) }).toEqual({ anna: [], bram: [] });

    await t.send(message(personalChat(t, anna), anna, 'wis mijn gegevens'));
    expect(cardText(await pressIn(t, anna, 'verantwoording.erase.confirm', { confirm: 'yes' }))).toContain('Je gegevens zijn gewist');
    await t.app.outbox.drain(30_000);

    // What Mia reads: nothing under either recomputed id (since stop 59 Bram's sent card leaves
    // only its blank too, tests/privacy/erasure-missing-job-tells-nothing.test.ts), and Anna's key still held.
    expect({ anna: await holding(t, [annas]), bram: await holding(t, [brams]) }).toEqual({ anna: [], bram: [] });
    expect(await t.app.outbox.store.keyLeftBehind(annas)).toBe(true);
  }, 120_000);
});

describe('the weekly L&O card\'s erased key names nobody', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('leaves nothing under an id recomputable from the tenant, the week and her id', async () => {
    const members = ['Anna', 'Bram', 'Cem'].map(user) as TestUser[];
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', ALLOWED_TENANT_IDS: 'tenant-1', B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z');
    const g = await groupWithQuestion9(t, 'tenant-1', members);
    for (const who of members) await passOn(g, who, 'samenwerken', `Tekst van ${who.name}`);
    await new PersonalChat(t, hanna).say('help');
    await runAt(t, '2026-11-30T01:00:00Z'); // Monday 02:00 in Amsterdam: the weekly handover
    const candidates = ['2026-W48', '2026-W49'].map((week) => jobIdFor(weeklyLoKey('tenant-1', week, 'aad-hanna')));
    // The ids are right: her card went and left the blank holding its key under one recomputed
    // id keyed with the app's secret (since stop 59 a sent card keeps no job under its own id).
    const held = async () => (await Promise.all(candidates.map((id) => t.app.outbox.store.keyLeftBehind(id)))).filter(Boolean).length;
    expect(await held()).toBe(1);

    await eraseInChat(t, hanna);
    expect(await holding(t, candidates)).toEqual([]);
    expect(await held()).toBe(1);
  }, 120_000);
});
