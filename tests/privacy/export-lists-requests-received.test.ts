/**
 * A manager's export lists the requests for a talentontwikkelgesprek her reports sent her (review
 * stop 49, data rights: "everything the app keeps about them"). The records are kept in each
 * professional's own partition and name the manager by id (stop 48); she read each on her card.
 * Her erasure already takes her id off them; her export now lists them too, as it lists the
 * proposals put before her: who asked (by id), when, and the message her card showed.
 * Only requests to her: not another manager's, and not in the sender's export as received.
 * A withdrawn request keeps no manager and no message, so it is no longer listed.
 */
import { TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile, pressIn } from '../talent-review/support/proposal-put-before';

/* eslint-disable @typescript-eslint/no-explicit-any -- JSON under test */

const [anna, bram, gus, fay] = ['Anna', 'Bram', 'Gus', 'Fay'].map(user) as [TestUser, TestUser, TestUser, TestUser];
const SEND = 'review.request.send';
const ANNA_WORDS = 'ANNA-VERZOEK: graag over mentorschap';

describe('a manager\'s export lists the requests sent to her', () => {
  let t: TestApp;
  const exportOf = async (userId: string) => {
    const { token } = await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })).json();
    const res = await fetch(`${t.app.url}/api/verantwoording/export`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return res.json();
  };
  const send = async (who: TestUser, text: string) => pressIn(t, who, SEND, { ...buttonData(await pressIn(t, who, 'review.request.open', {}), SEND), text });
  const keptOf = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'reviewRequest' AND c.userId = @u", parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources as any[];

  beforeAll(async () => {
    const directory = directoryFile([
      { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
      { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
      { id: 'aad-fay', name: 'Fay', managerId: 'aad-gus' },
      { id: 'aad-mia', name: 'Mia' },
      { id: 'aad-gus', name: 'Gus' },
    ]);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
    await send(anna, ANNA_WORDS);
    t.clock.advanceMinutes(30);
    await send(bram, '');
    await send(fay, 'FAY-VERZOEK');
  }, 120_000);
  afterAll(() => t?.stop());

  it('lists each request to her, oldest first: its id, who asked, when, and the message (none when none was written)', async () => {
    const [annas] = await keptOf('aad-anna');
    const [brams] = await keptOf('aad-bram');
    expect({ anna: annas?.message, bram: brams?.message }).toEqual({ anna: ANNA_WORDS, bram: undefined });
    expect((await exportOf('aad-mia')).talentReviews.requestsReceived).toEqual([
      { id: annas.id, from: 'aad-anna', sentAt: annas.sentAt, message: ANNA_WORDS },
      { id: brams.id, from: 'aad-bram', sentAt: brams.sentAt },
    ]);
  });

  it('lists only requests to that manager, and none as received in a sender\'s export', async () => {
    const gusExport = await exportOf('aad-gus');
    expect(gusExport.talentReviews.requestsReceived).toEqual([expect.objectContaining({ from: 'aad-fay', message: 'FAY-VERZOEK' })]);
    expect(JSON.stringify(gusExport)).not.toContain(ANNA_WORDS);
    const annaExport = await exportOf('aad-anna');
    expect(annaExport.talentReviews.requestsReceived).toBeUndefined();
    expect(annaExport.talentReviews.requestsMade).toEqual([expect.objectContaining({ managerId: 'aad-mia', message: ANNA_WORDS })]);
  });

  it('no longer lists a request its sender withdrew (the mark keeps no manager)', async () => {
    const [annas] = await keptOf('aad-anna');
    await pressIn(t, anna, 'review.request.withdraw', { id: annas.id });
    expect(await keptOf('aad-anna')).toEqual([]);
    expect((await exportOf('aad-mia')).talentReviews.requestsReceived).toEqual([expect.objectContaining({ from: 'aad-bram' })]);
  });
});
