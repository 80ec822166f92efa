/**
 * Found in review, stop 59 (fixed then: a job marked `keyOutlivesErasure` leaves, once finished,
 * what an erasure leaves: a blank under an id keyed with the app's secret, and the job is deleted).
 *
 * Since stop 58 an erasure leaves the key of a card it takes out under an id nobody can compute
 * without the app's secret. But the other cards of the same send stayed, once sent, under their own
 * ids (jobIdFor: a plain hash of the key, which the manager, who holds the press key, recomputes)
 * for seven days (90 for a weekly L&O card). So whoever knows the press key and the roster
 * recomputes every card's id and sees which one is missing: that member erased.
 * 1. Team account: Mia sends Anna, Bram and Cem an account; the cards go; Anna erases. Under each
 *    member's recomputed id a reader finds the same (nothing), and each card's key still holds:
 *    the press delivered again sends nobody a second card.
 * 2. Weekly L&O card: Hanna and Henk (HR) get the week's card; Hanna erases. Under both recomputed
 *    ids a reader finds the same (nothing), and both cards' keys still hold.
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
import { personalChat, pressIn, startMiaManagingApp } from '../talent-review/support/proposal-put-before';
import { cardsTo as weeklyCardsTo, groupWithQuestion9, passOn } from '../learning-needs/support';
import { runAt } from '../rhythm/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored JSON under test */

const SEND = 'review.teamAccount.send';
const WORDS = 'Elke week een uur vrij voor leren.';
const ACCOUNT = /Verantwoording van je leidinggevende|An account from your manager/;

/** Stored documents (any container) whose id or any field holds `value`, as `container/type`. */
async function holding(t: TestApp, value: string): Promise<string[]> {
  const out: string[] = [];
  for (const [container, docs] of Object.entries(await allDocuments(t.store))) {
    for (const d of docs as any[]) if (storedText([d]).includes(value)) out.push(`${container}/${d.type}`);
  }
  return out;
}

/** What the outbox keeps under the keyed id of a job's blank: its field names, or nothing. */
async function blankUnder(t: TestApp, jobId: string): Promise<string[]> {
  const id = t.app.outbox.store.erasedKeyId(jobId);
  const { resource } = await t.store.container('outbox').item(id, id).read<Record<string, unknown>>().catch(() => ({ resource: undefined }));
  if (!resource) return [];
  return Object.keys(resource).filter((k) => !k.startsWith('_')).sort();
}

describe('after a team account, the erased member\'s missing card tells the manager nothing', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('every member\'s recomputed id finds the same, and the press delivered again sends nobody a second card', async () => {
    const [anna, bram, cem, mia] = ['Anna', 'Bram', 'Cem', 'Mia'].map(user) as [TestUser, TestUser, TestUser, TestUser];
    t = await startMiaManagingApp(['Anna', 'Bram', 'Cem']);
    const cardsTo = (who: TestUser) =>
      t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(who.aadObjectId)).filter((c) => ACCOUNT.test(cardText(c.card)) && cardText(c.card).includes(WORDS));
    await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
    const form = t.connector.cards((c) => c.conversationId === personalChat(t, mia).id).at(-1)?.card;
    const sendPress = { ...buttonData(form, SEND), text: WORDS };
    const k = String((sendPress as Record<string, unknown>).k);
    const answer = cardText(await pressIn(t, mia, SEND, sendPress, 'account-send'));
    expect(answer).toContain('Verantwoording verstuurd');
    await t.app.outbox.drain(60_000);
    for (const who of [anna, bram, cem]) expect(cardsTo(who)).toHaveLength(1);

    await t.send(message(personalChat(t, anna), anna, 'wis mijn gegevens'));
    expect(cardText(await pressIn(t, anna, 'verantwoording.erase.confirm', { confirm: 'yes' }))).toContain('Je gegevens zijn gewist');
    await t.app.outbox.drain(30_000);

    // What Mia (or a reader of the database who knows her press key and her team) finds under each
    // member's recomputed job id, and whether a blank sits under its keyed id: alike for all three.
    const ids = { anna: jobIdFor(teamAccountKey('aad-mia', k, 'aad-anna')), bram: jobIdFor(teamAccountKey('aad-mia', k, 'aad-bram')), cem: jobIdFor(teamAccountKey('aad-mia', k, 'aad-cem')) };
    const found: Record<string, string[]> = {};
    const blanks: Record<string, string[]> = {};
    for (const [who, id] of Object.entries(ids)) {
      found[who] = await holding(t, id);
      blanks[who] = await blankUnder(t, id);
    }
    expect(found).toEqual({ anna: [], bram: [], cem: [] });
    expect(blanks).toEqual({ anna: ['id', 'ttl', 'type'], bram: ['id', 'ttl', 'type'], cem: ['id', 'ttl', 'type'] });

    // Each card's key still holds: the press delivered again answers as the first and sends nobody a second card.
    expect(cardText(await pressIn(t, mia, SEND, sendPress, 'account-send-again'))).toBe(answer);
    await t.app.outbox.drain(60_000);
    for (const who of [anna, bram, cem]) expect(cardsTo(who)).toHaveLength(1);
  }, 120_000);
});

describe('after the weekly L&O card, the erased HR person\'s missing card tells nothing', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('both recomputed ids find the same, and both cards\' keys still hold', async () => {
    const [hanna, henk] = ['Hanna', 'Henk'].map(user) as [TestUser, TestUser];
    const members = ['Anna', 'Bram', 'Cem'].map(user) as TestUser[];
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna,aad-henk', ALLOWED_TENANT_IDS: 'tenant-1', B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z');
    const g = await groupWithQuestion9(t, 'tenant-1', members);
    for (const who of members) await passOn(g, who, 'samenwerken', `Tekst van ${who.name}`);
    await new PersonalChat(t, hanna).say('help');
    await new PersonalChat(t, henk).say('help');
    await runAt(t, '2026-11-30T01:00:00Z'); // Monday 02:00 in Amsterdam: the weekly handover
    await t.app.outbox.drain(30_000);
    expect(weeklyCardsTo(t, henk).length).toBeGreaterThan(0);
    const henksCards = weeklyCardsTo(t, henk).length;
    const idsOf = (aadId: string) => ['2026-W48', '2026-W49'].map((week) => jobIdFor(weeklyLoKey('tenant-1', week, aadId)));

    await eraseInChat(t, hanna);
    const found: Record<string, string[]> = {};
    for (const [who, ids] of Object.entries({ hanna: idsOf('aad-hanna'), henk: idsOf('aad-henk') })) {
      found[who] = [];
      for (const id of ids) found[who].push(...(await holding(t, id)));
    }
    expect(found).toEqual({ hanna: [], henk: [] });

    // Each card's key still holds (a week told again queues nobody a second card), behind an id
    // only the app can compute: one blank each, for the week their card was of.
    const held: Record<string, number> = {};
    for (const [who, ids] of Object.entries({ hanna: idsOf('aad-hanna'), henk: idsOf('aad-henk') })) {
      held[who] = 0;
      for (const id of ids) if (await t.app.outbox.store.keyLeftBehind(id)) held[who]++;
    }
    expect(held).toEqual({ hanna: 1, henk: 1 });
    expect(weeklyCardsTo(t, henk)).toHaveLength(henksCards);
  }, 120_000);
});
