// A README left-out of stop 62 (fixed in stop 63: a group-chat message that names the member who acted is queued about them, under a key keyed with the app's secret).
import { storedText } from '../support/cosmos';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { allDocuments, eraseInChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored JSON under test */

/**
 * "Anna heeft week 2 overgeslagen ..." and "Bram heeft de instellingen van de groep gewijzigd ..."
 * go to the group's chat through the outbox. Their jobs kept the text, the name in it, for their
 * seven days, also after Anna's erasure: a reader of the outbox found her name there after she
 * erased her data. Now such a message is queued `about` the member who acted and, in production
 * (`POLL_HASH_KEY`), under a keyed key: once it ended it keeps nothing of its text or whom it named.
 * A sent job kept no payload already; one Teams refused for good (undeliverable) kept it. Set up Thu 19 Nov 2026.
 */
const SECRET = 'ended-group-message-naming-actor-'.padEnd(44, 'x');
type Doc = Record<string, any>;

describe('a group-chat message naming who changed the rhythm', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('names nobody in the outbox once it ended undelivered, and nothing of it names the member after her erasure', async () => {
    const [anna, bram] = MEMBERS as [(typeof MEMBERS)[0], (typeof MEMBERS)[0]];
    t = await startTestApp({ POLL_HASH_KEY: SECRET }, '2026-11-19T12:00:00Z');
    const g = new GroupDriver(t, t.conversation('groupChat', '19:ended-naming-actor@thread.v2'), MEMBERS.slice(0, 4));
    await g.setUp();
    await t.app.outbox.drain(30_000);
    // Teams refuses both messages for good (the app was removed from the chat meanwhile, say): their
    // jobs end undelivered, which keep what they would have said (a sent job keeps no payload).
    t.connector.faults.push((req) => (req.method === 'POST' && req.conversationId === g.conv.id && / heeft /.test(String(req.body?.text ?? '')) ? { status: 403, code: 'Forbidden' } : undefined));
    await g.press(anna, 'rhythm.skip', { groupId: g.groupId, week: 2, from: '2026-11-30' }, 'cycle-card', 'act-skip');
    await g.press(bram, 'group.setup.save', { name: 'Team Zorg', members: g.members.map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '13:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20' }, 'setup-card', 'act-save');
    await t.app.outbox.drain(30_000);

    const jobs = async () => (((await allDocuments(t.store)).outbox ?? []) as Doc[]).filter((d) => d.type === 'outboxJob');
    // Both were tried, and ended.
    const ended = (await jobs()).filter((j) => j.status === 'undeliverable' || j.status === 'failed');
    expect(ended.length).toBeGreaterThanOrEqual(2);
    const naming = (who: string) => async () => (await jobs()).filter((j) => storedText([j]).includes(`${who} heeft`)).map((j) => ({ id: j.id, status: j.status }));
    expect({ anna: await naming('Anna')(), bram: await naming('Bram')() }).toEqual({ anna: [], bram: [] });

    await eraseInChat(t, anna);
    expect(await naming('Anna')()).toEqual([]);
  }, 120_000);
});
