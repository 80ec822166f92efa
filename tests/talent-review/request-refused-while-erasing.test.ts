import { message, TestUser, user } from '../support/activities';
import { buttonData, textInput } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile, personalChat, pressIn } from './support/proposal-put-before';

/**
 * Stop 48: a sent request for a talentontwikkelgesprek is kept as a record in the professional's own
 * `personal` partition. Like every other write there, it is refused while their erasure is
 * unfinished: the erasure, resumed by its job, deletes whatever the partition holds, so a request
 * answered as kept would be lost without a word, or, written after the erasure's last listing,
 * outlive the erasure.
 *
 * Anna erases her data while the store refuses deletes in her partition (the erasure is unfinished
 * and resumes by itself), then presses "send" on the request form she opened before.
 * Must hold: refused as "erasure under way" in her language; nothing kept in her partition, no card
 * queued or sent to Mia; her message back in the field with the send button.
 */
const [anna] = ['Anna'].map(user) as [TestUser];
const WORDS = 'TIJDENS-WISSEN: graag een gesprek over mijn ontwikkeling';

describe('a request for a conversation sent while the professional\'s erasure is unfinished', () => {
  let t: TestApp;
  const keptOf = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'reviewRequest' AND c.userId = @u", parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources;
  const jobsNaming = async (words: string) =>
    (await t.store.container('outbox').items.query({ query: "SELECT c.id FROM c WHERE c.type = 'outboxJob' AND CONTAINS(ToString(c), @w)", parameters: [{ name: '@w', value: words }] }).fetchAll()).resources;

  beforeAll(async () => {
    const directory = directoryFile([
      { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
      { id: 'aad-mia', name: 'Mia' },
    ]);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true });
  }, 120_000);
  afterAll(() => t?.stop());

  it('is refused as "erasure under way": nothing kept, nothing sent, her message back on the form', async () => {
    const { token } = await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: anna.aadObjectId }) })).json();
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${t.app.url}/api/verantwoording${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    expect((await api('POST', '/notes', { text: 'Van voor het wissen', key: 'request-before-erasure-1' })).status).toBe(201);

    // The form, opened before the erasure began.
    await t.send(message(personalChat(t, anna), anna, 'gesprek aanvragen'));
    const form = t.connector.cards((c) => c.conversationId === personalChat(t, anna).id).at(-1)?.card;
    expect(buttonData(form, 'review.request.send')).toBeDefined();

    t.proxy!.faults = (req) => (req.kind === 'delete' && req.container === 'personal' ? { kind: 'status', status: 503 } : undefined);
    const erase = await api('POST', '/erase', { confirm: true });
    t.proxy!.faults = undefined;
    // Precondition: her erasure is unfinished and resumes by itself.
    expect(erase.status).toBe(503);

    const answer = await pressIn(t, anna, 'review.request.send', { ...buttonData(form, 'review.request.send'), text: WORDS });
    expect({ kept: (await keptOf(anna.aadObjectId)).length, says: cardText(answer) }).toEqual({ kept: 0, says: expect.stringContaining('worden op dit moment gewist') });
    expect(textInput(answer, 'text')?.value).toBe(WORDS);
    expect(buttonData(answer, 'review.request.send')).toEqual(expect.objectContaining({ k: expect.any(String) }));
    expect(await jobsNaming(WORDS)).toEqual([]);
    await t.app.outbox.drain(60_000);
    expect(JSON.stringify(t.connector.cards(() => true))).not.toContain(WORDS);
  }, 120_000);
});
