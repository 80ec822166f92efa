/**
 * Found in review, stop 62 (fixed then: every private message queued through `TeamsMessenger.toPerson`
 * and the outbox's other private kinds is queued under a key keyed with the app's secret
 * (`Outbox.privately`, `keyedKey`), so it keeps nothing naming anyone once it ended).
 *
 * Stop 61 did this for half-year and prep cards only. Every other private message (the weeks'-end
 * look-back invitation, the Prof-traject offer, a review notice, ...) stayed as it ended for its
 * seven days under a plain key (`weeksEnd:<cycle>:<member>`, `talentReview.notice:<review>:...`),
 * naming its recipient (target, conversationKey) and their chat; an erasure deleted the erased
 * person's. So in that week a reader of the outbox who knows the roster saw every member's card
 * but one: who erased.
 * Weeks'-end: a group of four plans one week and finishes it; each member gets the offer and the
 * look-back card in their own 1:1 chat; the outbox sends them; Dewi erases.
 * Review notices: Mia plans a conversation with each of her three reports; each gets the notice; Bram erases.
 * The reader of the whole outbox container (every field, `_ts`, order, ids; any plain hash of a key
 * they can guess from the roster, tenant, group, cycle and review ids) finds the same for each
 * person, and the erasure changed none of the finished private messages.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, TestUser, user } from '../support/activities';
import { storedText } from '../support/cosmos';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt } from '../rhythm/support';
import { allDocuments, eraseInChat } from '../verantwoording/support';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { offerKey } from '../../src/usecases/week-cycle/offer-prof-traject';
import { weeksEndKey } from '../../src/usecases/week-cycle/planned-weeks-end';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored JSON under test */

const SECRET = 'other-private-messages-secret-'.padEnd(44, 'x');

type Doc = Record<string, unknown>;

/** The outbox's jobs, every field, system ones too. */
async function outboxJobs(t: TestApp): Promise<Doc[]> {
  return (((await allDocuments(t.store)).outbox ?? []) as Doc[]).filter((d) => d.type === 'outboxJob');
}

/** Jobs once addressed to one person's 1:1 chat (an ended keyed one keeps only the kind of its target). */
const personal = (jobs: Doc[]) => jobs.filter((j) => (j.target as { kind: string }).kind === 'person');

/** What the reader finds of each person: jobs whose id is a plain hash of a key they guess, or that name them anywhere. */
function foundPer(jobs: Doc[], roster: Record<string, TestUser>, guessedKeys: (who: TestUser) => string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, who] of Object.entries(roster)) {
    const recomputed = guessedKeys(who).map(jobIdFor);
    out[name] = jobs.filter((j) => recomputed.includes(String(j.id)) || storedText([j]).includes(who.aadObjectId) || storedText([j]).includes(`"${who.id}"`)).length;
  }
  return out;
}

/** A finished private job as the reader compares it: all but its id, times and Teams' message id (which names nobody). */
const shape = (j: Doc) =>
  storedText([{ ...Object.fromEntries(Object.entries(j).filter(([k]) => !['id', '_ts', '_etag', '_rid', '_self', '_attachments', 'order', 'createdAt', 'notBefore'].includes(k))), result: { ...(j.result as object), activityId: undefined } }]);
const byId = (jobs: Doc[]) => Object.fromEntries(jobs.map((j) => [String(j.id), [j._ts, j._etag]]));

describe("after the weeks'-end cards went to every member, an erasure tells a reader of the outbox nothing", () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('per member, the reader finds as many private jobs naming them, and the erasure changed none', async () => {
    t = await startTestApp({ POLL_HASH_KEY: SECRET }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
    const g = new GroupDriver(t, t.conversation('groupChat', '19:other-private@thread.v2'), [anna, bram, cem, dewi]);
    await g.weekOneToDayFour('1');
    await g.end(anna);
    await runAt(t, t.clock.now().toISOString());
    const cycleId = `${g.groupId}_w1`;
    const guessed = (who: TestUser) => [who.aadObjectId, who.id].flatMap((id) => [weeksEndKey(cycleId, id), offerKey(g.groupId, id)]);

    const before = await outboxJobs(t);
    // Each member's offer and look-back card went: two private jobs a member, all ended.
    expect(personal(before)).toHaveLength(8);
    expect(before.every((j) => j.status === 'sent' && typeof j.ttl === 'number')).toBe(true);

    await eraseInChat(t, dewi);

    const after = await outboxJobs(t);
    const roster = { anna, bram, cem, dewi };
    // As many for each, in the whole container (none: the keys are keyed with the app's secret, and nothing names anybody).
    expect(foundPer(after, roster, guessed)).toEqual({ anna: 0, bram: 0, cem: 0, dewi: 0 });
    // Every finished private card alike but for its id and times: nobody's told from another's.
    expect(new Set(personal(after).map(shape)).size).toBe(1);
    // Nothing in the outbox was deleted or touched by the erasure: the same ids, each as it was.
    expect(byId(after)).toEqual(byId(before));
  }, 240_000);
});

describe('after review notices went to every report, an erasure tells a reader of the outbox nothing', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('per report, the reader finds as many notices naming them, and the erasure changed none', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    const reports = ['Anna', 'Bram', 'Cem'].map(user) as [TestUser, TestUser, TestUser];
    writeFileSync(file, JSON.stringify({ users: [...reports.map((r) => ({ id: r.aadObjectId, name: r.name, managerId: 'aad-mia' })), { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: file, POLL_HASH_KEY: SECRET }, '2026-11-23T08:00:00Z');
    const mia = user('Mia');
    const miaChat = t.conversation('personal', 'a:personal-mia');
    for (const [i, r] of reports.entries()) {
      await t.send(execute(miaChat, mia, 'review.plan.save', { reportId: r.aadObjectId, date: `2026-12-${14 + i}`, timeZone: 'Europe/Amsterdam', prepDays: '3' }, `plan-card-${i}`, `plan-${i}`));
    }
    await t.app.outbox.drain(60_000);
    const reviews = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.type = 'talentReview'").fetchAll()).resources as { id: string; createdAt: string; reportId: string }[];
    expect(reviews).toHaveLength(3);
    // The notice's former key: the review's id (a plain hash of manager, report and date) and its moment.
    const guessed = (who: TestUser) => reviews.filter((r) => r.reportId === who.aadObjectId).map((r) => `talentReview.notice:${r.id}:${r.createdAt}:planned`);

    const before = await outboxJobs(t);
    expect(personal(before)).toHaveLength(3);
    expect(before.every((j) => j.status === 'sent' && typeof j.ttl === 'number')).toBe(true);

    const [, bram] = reports;
    await eraseInChat(t, bram);

    const after = await outboxJobs(t);
    expect(foundPer(after, { anna: reports[0], bram, cem: reports[2] }, guessed)).toEqual({ anna: 0, bram: 0, cem: 0 });
    // Nor the manager: each notice was about her, and none names her now.
    expect(storedText(personal(after))).not.toContain('aad-mia');
    expect(new Set(personal(after).map(shape)).size).toBe(1);
    expect(byId(after)).toEqual(byId(before));
  }, 120_000);
});
