/**
 * Found in review, stop 62 (fixed then: a card posted `about` someone is queued under its key keyed with the app's secret, so once ended it names nobody).
 *
 * A finished outbox job that is about one person but does not go to their 1:1 chat by their id
 * must not name them either: else an erasure deletes it while the others' stay, and a reader of the
 * outbox who knows the roster compares before and after (Henk's card is still there, Hanna's is
 * gone: Hanna erased). Two such cards:
 * - the restricted `rapport` and `jaarplan` cards an HR adviser's message gets in a shared chat
 *   (keys `hr-report.restricted:<chat>:<activity>`, `jaarplan.restricted:<chat>:<activity>`,
 *   `about: [asker]`, their refresh lists the asker's Teams id), and
 * - the "B3-spiegel gestart" card HR gets in their own 1:1 chat after `peiling start`
 *   (`pulse.started:<poll>`, the 1:1 chat by its conversation id, `about: [starter]`).
 */
import { message, TestUser, user } from '../support/activities';
import { storedText } from '../support/cosmos';
import { members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { allDocuments, eraseInChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored JSON under test */

const SECRET = 'ended-card-about-one-adviser-'.padEnd(44, 'x');
type Doc = Record<string, any>;

async function outboxJobs(t: TestApp): Promise<Doc[]> {
  return (((await allDocuments(t.store)).outbox ?? []) as Doc[]).filter((d) => d.type === 'outboxJob');
}
const FINISHED = ['sent', 'undeliverable', 'failed', 'unconfirmed', 'skipped'];
const names = (j: Doc, who: TestUser) => storedText([j]).includes(who.aadObjectId) || storedText([j]).includes(`"${who.id}"`);
const byId = (jobs: Doc[]) => Object.fromEntries(jobs.map((j) => [String(j.id), [j._ts, j._etag]]));

describe('a finished card about one HR adviser in a shared chat', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('names nobody once it ended, and the erasure of one adviser changes no finished job', async () => {
    const hanna = user('Hanna');
    const henk = user('Henk');
    t = await startTestApp({ HR_USER_IDS: `${hanna.aadObjectId},${henk.aadObjectId}`, POLL_HASH_KEY: SECRET }, '2027-01-04T08:00:00Z');
    const groupChat = t.conversation('groupChat', '19:ended-about-one-shared@thread.v2');
    for (const adviser of [hanna, henk]) {
      expect((await t.send(message(groupChat, adviser, 'rapport 2026-12-01 2026-12-31'))).status).toBe(200);
      expect((await t.send(message(groupChat, adviser, 'jaarplan'))).status).toBe(200);
    }
    await t.app.outbox.drain(30_000);

    const before = (await outboxJobs(t)).filter((j) => FINISHED.includes(j.status));
    // Both advisers' cards went (the rapport's and the jaarplan's), through the outbox.
    expect(t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === groupChat.id).length).toBeGreaterThanOrEqual(4);
    expect(before.filter((j) => j.status === 'sent').length).toBeGreaterThanOrEqual(4);
    const found = (jobs: Doc[]) => ({ hanna: jobs.filter((j) => names(j, hanna)).length, henk: jobs.filter((j) => names(j, henk)).length });

    await eraseInChat(t, hanna);
    const after = (await outboxJobs(t)).filter((j) => before.some((b) => b.id === j.id));

    expect({ before: found(before), after: found(after) }).toEqual({ before: { hanna: 0, henk: 0 }, after: { hanna: 0, henk: 0 } });
    expect(byId(after)).toEqual(byId(before));
  }, 120_000);
});

describe("the 'poll started' card in HR's own 1:1 chat", () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it("names nobody once it ended, and HR's erasure changes no finished job", async () => {
    const hanna = user('Hanna');
    const henk = user('Henk');
    t = await startTestApp({ HR_USER_IDS: `${hanna.aadObjectId},${henk.aadObjectId}`, POLL_HASH_KEY: SECRET }, '2026-11-23T08:00:00Z');
    const d = new PulseDriver(t);
    const west: TestTeam = team('Zorgteam West', 'west', [hanna, henk, ...members('west', 4)]);
    const oost: TestTeam = team('Zorgteam Oost', 'oost', [hanna, henk, ...members('oost', 4)]);
    await d.install(west);
    await d.install(oost);
    await t.send(message(t.conversation('personal', 'a:hanna-personal'), hanna, 'peiling start Zorgteam West 2026-12-04'));
    await t.send(message(t.conversation('personal', 'a:henk-personal'), henk, 'peiling start Zorgteam Oost 2026-12-04'));
    await d.settle();
    await t.app.outbox.drain(30_000);

    const before = (await outboxJobs(t)).filter((j) => FINISHED.includes(j.status));
    // Each adviser's started card went to their own chat.
    const toChat = (chat: string) => t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === chat && JSON.stringify(c.activity ?? {}).includes('B3-spiegel gestart'));
    expect([toChat('a:hanna-personal').length, toChat('a:henk-personal').length]).toEqual([1, 1]);
    const found = (jobs: Doc[]) => ({ hanna: jobs.filter((j) => names(j, hanna)).length, henk: jobs.filter((j) => names(j, henk)).length });

    await eraseInChat(t, hanna);
    const after = (await outboxJobs(t)).filter((j) => before.some((b) => b.id === j.id));

    expect({ before: found(before), after: found(after) }).toEqual({ before: { hanna: 0, henk: 0 }, after: { hanna: 0, henk: 0 } });
    expect(byId(after)).toEqual(byId(before));
  }, 120_000);
});
