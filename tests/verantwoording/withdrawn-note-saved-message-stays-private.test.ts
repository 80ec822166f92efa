/**
 * Found in review, stop 51: a note made with "Bewaar in mijn verantwoording" from someone else's
 * message, shared with the manager, then withdrawn. Can its words still reach Mia (the manager)
 * through the prep card, Anna's preview, a message-extension search, or a redelivered Save of
 * the original dialog (which must not share it again)? And is the message's sender kept out of
 * what is stored?
 */
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile } from '../talent-review/support/proposal-put-before';
import { extensionInvoke, tabApi } from './support';

const [anna, mia] = [user('Anna'), user('Mia')];
const LINK = 'https://teams.microsoft.com/l/message/19:x@thread.v2/1764000000000';
const WORDS = 'Overdracht voortaan met het SBAR-formulier';
const SENDER = 'Geheime Afzender Zwaantje';

describe('a withdrawn note saved from a message', () => {
  let t: TestApp;
  let reviewId = '';
  const notes = async () => (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'note'").fetchAll()).resources;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const prepText = async () => cardText((await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, `x-${Math.random()}`))).body.value);
  const save = () =>
    extensionInvoke(t.conversation('groupChat'), anna, 'composeExtension/submitAction', {
      commandId: 'bewaarInVerantwoording',
      commandContext: 'message',
      messagePayload: { id: '1764000000000', linkToMessage: LINK, from: { user: { id: 'aad-zwaan', displayName: SENDER } }, body: { contentType: 'html', content: `<p>${WORDS}</p>` } },
      data: { noteText: WORDS, link: LINK, key: 'dialog-key-s51', message: '1764000000000' },
    });

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile([{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }]) }, '2026-11-23T08:00:00Z', { proxy: true });
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
  }, 60_000);
  afterAll(() => t.stop());

  it('saves one private note that holds neither the sender\'s name nor id', async () => {
    const res = await t.send(save());
    expect(res.body.task.value).toContain('(privé)');
    const stored = await notes();
    expect(stored.map((n) => [n.text, n.visibility])).toEqual([[WORDS, 'private']]);
    expect(JSON.stringify(stored)).not.toMatch(/Zwaantje|aad-zwaan/);
  }, 60_000);

  it('shared, the words reach Mia\'s prep card; withdrawn, they are gone from it and from Anna\'s preview', async () => {
    const tab = await tabApi(t, 'aad-anna');
    const [note] = await notes();
    expect((await tab('PUT', '/visibility', { kind: 'note', id: note.id, visibility: 'shared', visibilityRev: 0, rev: 1 })).status).toBe(200);
    expect(await prepText()).toContain(WORDS);
    expect((await tab('PUT', '/visibility', { kind: 'note', id: note.id, visibility: 'private', visibilityRev: 1 })).status).toBe(200);
    expect(await prepText()).not.toContain(WORDS);
    expect(JSON.stringify((await tab('GET', '/preview?lang=nl')).json)).not.toContain(WORDS);
  }, 60_000);

  it('the original Save delivered again after the withdrawal: still one note, still private, not on the prep card', async () => {
    const again = await t.send(save());
    expect(again.body.task.value).toContain('(privé)');
    expect((await notes()).map((n) => [n.text, n.visibility])).toEqual([[WORDS, 'private']]);
    expect(await prepText()).not.toContain(WORDS);
  }, 60_000);

  it('the same message saved again in a new dialog with the same words does not share it either', async () => {
    const fresh = save();
    (fresh.value as { data: Record<string, unknown> }).data = { noteText: WORDS, link: LINK, key: 'dialog-key-s51-second', message: '1764000000000' };
    await t.send(fresh);
    expect((await notes()).every((n) => n.visibility === 'private')).toBe(true);
    expect(await prepText()).not.toContain(WORDS);
  }, 60_000);

  it('Mia\'s proposal search and everything the outbox sent her never carry the withdrawn words', async () => {
    const q = extensionInvoke(miaChat(), mia, 'composeExtension/query', { commandId: 'zoekVoorstellen', parameters: [{ name: 'zoekterm', value: 'SBAR' }], queryOptions: { skip: 0, count: 25 } });
    expect(JSON.stringify((await t.send(q)).body)).not.toContain(WORDS);
    await t.app.outbox.drain(60_000);
    const toMia = t.connector.calls.filter((c) => c.conversationId === 'a:personal-mia' || c.conversationId === t.connector.personalChats.get('aad-mia'));
    expect(JSON.stringify(toMia.map((c) => c.activity))).not.toContain(WORDS);
  }, 60_000);
});
