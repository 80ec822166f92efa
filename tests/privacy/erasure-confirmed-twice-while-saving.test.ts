import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat, tabApi } from '../verantwoording/support';

/**
 * A guard (held when written, in review of stop 53): the erasure confirmed twice at once (chat and tab, and the
 * same chat press delivered twice), and while note saves from chat and tab run. The promise: once
 * "Je gegevens zijn gewist" is said, nothing of hers is stored; no 5xx; no error card.
 */
describe('erasure confirmed twice, and while saves run', () => {
  let t: TestApp;
  const anna = user('Anna');
  const own = async () => (await t.store.container('personal').items.query({ query: "SELECT c.id, c.type, c.text FROM c WHERE c.userId = 'aad-anna'" }).fetchAll()).resources as { id: string; type: string; text?: string }[];

  beforeEach(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterEach(() => t.stop());

  it('the confirm press delivered twice at once and the tab erase at the same moment: all say erased, nothing stays', async () => {
    const chat = new PersonalChat(t, anna);
    await chat.say('notitie Een notitie van Anna');
    await chat.say('notitie Nog een');
    const ask = (await chat.say('wis mijn gegevens')).cards[0];
    const data = actionData(ask, 'verantwoording.erase.confirm')!;
    const api = await tabApi(t, 'aad-anna');
    const press = execute(chat.conv, anna, 'verantwoording.erase.confirm', data, 'erase-card', 'act-erase-1');
    const [a, b, c] = await Promise.all([t.send(press), t.send(press), api('POST', '/erase', { confirm: true })]);
    await t.app.outbox.drain(30_000);
    const said = [a, b].map((r) => `${r.status} ${cardText(r.body?.value)}`);
    expect({ said: said.map((s) => /Je gegevens zijn gewist/.test(s)), tab: c.status, left: await own() }).toEqual({ said: [true, true], tab: 200, left: [] });
  });

  it('notes added from chat and tab while the erasure is confirmed: after "gewist" none stays', async () => {
    const chat = new PersonalChat(t, anna);
    await chat.say('notitie Voor de wisopdracht');
    const ask = (await chat.say('wis mijn gegevens')).cards[0];
    const data = actionData(ask, 'verantwoording.erase.confirm')!;
    const api = await tabApi(t, 'aad-anna');
    const adds = [
      ...[1, 2, 3, 4].map((i) => api('POST', '/notes', { text: `Tab notitie ${i}`, key: `tab-key-${i}-0000000000` })),
      ...[1, 2, 3].map((i) => t.send({ ...execute(chat.conv, anna, 'verantwoording.note.add', { text: `Knop notitie ${i}`, k: `knop-key-${i}-000000000` }, 'ov-1') })),
    ];
    const [erase, ...rest] = await Promise.all([t.send(execute(chat.conv, anna, 'verantwoording.erase.confirm', data, 'erase-card')), ...adds, chat.say('notitie Getypt tijdens het wissen')]);
    await t.app.outbox.drain(30_000);
    expect(cardText(erase.body?.value)).toContain('Je gegevens zijn gewist');
    const statuses = rest.map((r) => (r as { status?: number }).status ?? 200);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(await own()).toEqual([]);
  });
});
