/**
 * A guard (held when written, in review of stop 53): a planned conversation's reviewId after the directory changed. Mia
 * planned a conversation with Anna, who shared a note; then the directory names Olga Anna's
 * manager. Mia (the ex-manager) presses her own old cards; Olga (the manager of the same report
 * now) presses with Mia's reviewId. Neither reads Anna's shared words through Mia's plan, nothing
 * is stored on it, and Olga's replies are those for a reviewId of nothing.
 */
import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestCosmos } from '../support/cosmos';
import { startTestApp, TestApp } from '../support/test-app';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { PersonalChat } from '../verantwoording/support';
import { directoryFile } from '../talent-review/support/proposal-put-before';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const anna = user('Anna');
const mia = user('Mia');
const olga = user('Olga');
const SHARED = 'ANNA-GEDEELD met de leidinggevende';
const words = (card: unknown) => cardText(card).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<key>');

describe('a conversation\'s reviewId after Anna moved from Mia to Olga', () => {
  let cosmos: CosmosConnection;
  let before: TestApp;
  let t: TestApp;
  let reviewId: string;
  const review = async () => {
    const doc = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.type = 'talentReview'").fetchAll()).resources[0];
    return doc && JSON.stringify(Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_'))));
  };

  beforeAll(async () => {
    cosmos = await startTestCosmos();
    const people = (annasManager: string) => directoryFile([{ id: 'aad-anna', name: 'Anna', managerId: annasManager }, { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' }, { id: 'aad-olga', name: 'Olga' }]);
    before = await startTestApp({ DIRECTORY_FILE: people('aad-mia') }, '2026-11-23T08:00:00Z', { cosmos });
    const annaChat = new PersonalChat(before, anna);
    await annaChat.press('verantwoording.note.add', { text: SHARED, k: 'note-1' });
    const note = (await before.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'note'").fetchAll()).resources[0];
    await annaChat.press('verantwoording.visibility', { kind: 'note', id: note.id, visibility: 'shared', rev: 1 });
    const miaChat = new PersonalChat(before, mia);
    await miaChat.press('review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: 3, k: 'plan-1' });
    reviewId = (await before.store.container('reviews').items.query("SELECT * FROM c WHERE c.type = 'talentReview'").fetchAll()).resources[0].id;
    // (control) before the change, Mia's prep card shows what Anna shared.
    expect(words(await miaChat.press('review.prep.show', { reviewId }, 'list-card'))).toContain(SHARED);
    await before.app.outbox.drain(30_000);
    await before.stop();
    t = await startTestApp({ DIRECTORY_FILE: people('aad-olga') }, '2026-11-24T08:00:00Z', { cosmos });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await cosmos?.close();
  });

  it.each([
    ['review.prep.show', {}],
    ['review.phase.propose', { phase: 'toepassen', k: 'p-1' }],
    ['review.facilitated.save', { facilitated: 'MIA-NA-VERHUIZING', k: 'f-1' }],
    ['review.move', { date: '2027-01-11', k: 'm-1' }],
  ] as [string, Record<string, unknown>][])('Mia, no longer the manager, presses %s on her plan: nothing of Anna shown, nothing stored, nothing sent to others', async (verb, data) => {
    const stored = await review();
    const calls = t.connector.calls.length;
    const reply = words(await new PersonalChat(t, mia).press(verb, { reviewId, ...data }, 'list-card'));
    await t.app.outbox.drain(30_000);
    expect({ shown: reply.includes(SHARED), changed: (await review()) !== stored, sent: t.connector.calls.slice(calls).filter((c) => c.conversationId !== 'a:personal-mia').length }).toEqual({ shown: false, changed: false, sent: 0 });
  });

  it.each([
    ['review.prep.show', {}],
    ['review.change.open', {}],
    ['review.phase.propose', { phase: 'toepassen', k: 'o-p' }],
    ['review.facilitated.save', { facilitated: 'OLGA-WOORDEN', k: 'o-f' }],
    ['review.move', { date: '2027-01-11', k: 'o-m' }],
    ['review.cancel', {}],
  ] as [string, Record<string, unknown>][])("Olga, Anna's manager now, presses %s with Mia's reviewId: as for a reviewId of nothing", async (verb, data) => {
    const olgaChat = new PersonalChat(t, olga);
    const stored = await review();
    const calls = t.connector.calls.length;
    const real = words(await olgaChat.press(verb, { reviewId, ...data }, 'list-card'));
    await t.app.outbox.drain(30_000);
    const changed = (await review()) !== stored;
    const sent = t.connector.calls.slice(calls).filter((c) => c.conversationId !== 'a:personal-olga').length;
    const missing = words(await olgaChat.press(verb, { reviewId: 'review-nope', ...data, ...(data.k ? { k: `${data.k}-2` } : {}) }, 'list-card'));
    expect({ same: real === missing ? 'same' : `${real}\n---\n${missing}`, shown: real.includes(SHARED), changed, sent }).toEqual({ same: 'same', shown: false, changed: false, sent: 0 });
  });

  it('(control) the review is still stored under Mia', async () => {
    expect(JSON.parse((await review())!)).toMatchObject({ id: reviewId, managerId: 'aad-mia', reportId: 'aad-anna' });
  });
});

