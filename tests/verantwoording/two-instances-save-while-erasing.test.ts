/**
 * A guard (held when written, in review of stop 60). Two instances of the app on one store. A person's note is saved from the
 * tab on one instance and from the chat on the other, while their erasure runs on one of them.
 * The promise (README "Mijn verantwoording and data rights", stop 54): once "Je gegevens zijn
 * gewist" is said, nothing of theirs is stored, and a save that landed too late is not answered
 * as saved. The stop-54 test (save-in-flight-not-kept-after-erasure.test.ts) played this on one
 * instance; here the save and the erasure are served by different instances.
 */
import { holdFirst } from '../support/cosmos-proxy';
import { TestUser, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, eraseInChat, PersonalChat, tabApi } from './support';

describe('a note saved on one instance while the erasure runs on the other', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
    b = await startTestApp({}, '2026-11-23T08:00:00Z', { cosmos: a.cosmos });
  }, 60_000);
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  const own = async (who: TestUser) =>
    (await a.store.container('personal').items.query({ query: 'SELECT c.id, c.type, c.text FROM c WHERE c.userId = @u', parameters: [{ name: '@u', value: who.aadObjectId }] }).fetchAll()).resources.map(
      (d: { type: string; text?: string }) => `${d.type}:${d.text ?? ''}`,
    );

  it('a tab save on B whose write lands after A said "gewist" is neither kept nor answered as saved', async () => {
    const tara = user('Tara');
    const api = await tabApi(b, tara.aadObjectId);
    const hold = holdFirst((req) => req.kind === 'create' && req.container === 'personal');
    await a.proxy!.withFaults(hold.rule, async () => {
      const save = api('POST', '/notes', { text: 'Tara twijfelt of ze wil blijven', key: 'tara-two-instances-0001' });
      await hold.held;
      await eraseInChat(a, tara);
      expect(await own(tara)).toEqual([]);
      hold.open();
      const saved = await save;
      expect({ answeredSaved: saved.status === 201, left: await own(tara) }).toEqual({ answeredSaved: false, left: [] });
    });
  }, 90_000);

  it('tab on A, chat on B and the erasure confirmed on B, all at once: after "gewist" nothing of theirs is left', async () => {
    const vera = user('Vera');
    const chatB = new PersonalChat(b, vera);
    const ask = (await chatB.say('wis mijn gegevens')).cards[0];
    const tabA = await tabApi(a, vera.aadObjectId);
    // Something stored first, so the erasure has work to do.
    expect((await tabA('POST', '/notes', { text: 'Vera eerste notitie', key: 'vera-two-0000' })).status).toBe(201);
    const [tabSave, chatSave, erased] = await Promise.all([
      tabA('POST', '/notes', { text: 'Vera via de tab', key: 'vera-two-0001' }),
      chatB.say('notitie Vera via de chat'),
      chatB.press('verantwoording.erase.confirm', actionData(ask, 'verantwoording.erase.confirm')!),
    ]);
    expect(cardText(erased)).toContain('Je gegevens zijn gewist');
    await Promise.all([a.app.background.idle(), b.app.background.idle()]);
    await Promise.all([a.app.outbox.drain(30_000), b.app.outbox.drain(30_000)]);
    const left = await own(vera);
    const chatText = [...chatSave.texts, ...chatSave.cards.map((c) => cardText(c))].join(' ');
    // A save answered before the erasure began is erased with the rest; one refused says so.
    expect({ left, tab: tabSave.status, chat: chatText.slice(0, 200) }).toEqual({ left: [], tab: tabSave.status, chat: chatText.slice(0, 200) });
  }, 90_000);
});
