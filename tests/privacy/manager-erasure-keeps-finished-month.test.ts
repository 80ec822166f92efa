/**
 * Found in review, stop 66 (rh): a manager's erasure deleted every conversation they planned. HR,
 * reading a finished month before and after, learnt how many conversations that one manager had
 * that month, and which anonymous quote was theirs; and the professional lost their own record of a
 * conversation that was held. Now a conversation whose day has come stays, under the erasure's
 * marker and without anything of the manager (their account and its quote go: their words); one
 * still ahead goes.
 *
 * Mia manages Anna and Bram; Nora manages Cem, Dewi and Eva. All five have a conversation in
 * December; Mia has a second one with Bram in February. Mia and Nora each share one account.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, TestUser, user } from '../support/activities';
import { MEMBERS } from '../support/group-driver';
import { HR } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { TalentReview } from '../../src/domain/talent-review/review';
import { isErasureMarker } from '../../src/domain/verantwoording/erasure';
import { eraseReviews, reviewTraces } from '../../src/usecases/verantwoording/my-data-reviews';
import { erasureOnlyDeps, tabApi } from '../verantwoording/support';
import { facilitationFigures } from './support/facilitation';
import { naming } from './support/rights-scenario';

const mia = user('Mia');
const nora = user('Nora');
const [anna, bram, cem, dewi, eva] = MEMBERS as [TestUser, TestUser, TestUser, TestUser, TestUser];
const MANAGES: [TestUser, TestUser[]][] = [[mia, [anna, bram]], [nora, [cem, dewi, eva]]];
const FROM_MIA = 'Mia: twee uur per week vrij voor de opleiding van haar medewerker';
const FROM_NORA = 'Nora: budget voor de training geregeld';
const DECEMBER = { from: '2026-12-01', to: '2026-12-31' };
const chatOf = (t: TestApp, m: TestUser) => t.conversation('personal', `a:personal-${m.name.toLowerCase()}`);

function directory(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  const reports = MANAGES.flatMap(([m, rs]) => rs.map((u) => ({ id: u.aadObjectId, name: u.name, managerId: m.aadObjectId })));
  writeFileSync(file, JSON.stringify({ users: [...reports, ...[mia, nora].map((m) => ({ id: m.aadObjectId, name: m.name, managerId: '' }))] }));
  return file;
}

async function plan(t: TestApp, manager: TestUser, who: TestUser, date: string): Promise<void> {
  await t.send(execute(chatOf(t, manager), manager, 'review.plan.save', { reportId: who.aadObjectId, date, timeZone: 'Europe/Amsterdam', prepDays: '3' }, `plan-${who.name}-${date}`));
}

async function reviewsIn(t: TestApp): Promise<TalentReview[]> {
  return (await t.store.container('reviews').items.query<TalentReview>("SELECT * FROM c WHERE c.type = 'talentReview'").fetchAll()).resources;
}

async function share(t: TestApp, manager: TestUser, who: TestUser, text: string): Promise<void> {
  const review = (await reviewsIn(t)).find((r) => r.reportId === who.aadObjectId && r.date.startsWith('2026-12'))!;
  await t.send(execute(chatOf(t, manager), manager, 'review.facilitated.save', { reviewId: review.id, facilitated: text, shareFacilitation: 'true' }, `prep-${who.name}`));
}

async function erase(t: TestApp, who: TestUser): Promise<void> {
  await t.send(execute(chatOf(t, who), who, 'verantwoording.erase.confirm', { confirm: 'yes' }, `erase-${who.name}`));
  await t.app.outbox.drain(60_000);
}

/** The conversations the professional's own verantwoording (the tab's overview) shows them. */
async function conversationsOf(t: TestApp, who: TestUser): Promise<unknown[]> {
  const api = await tabApi(t, who.aadObjectId);
  const { status, json } = await api('GET', '?lang=nl');
  expect(status).toBe(200);
  return json.conversations;
}

async function planDecember(t: TestApp): Promise<void> {
  let day = 7;
  for (const [m, reports] of MANAGES) for (const r of reports) await plan(t, m, r, `2026-12-${String(day++).padStart(2, '0')}`);
  await plan(t, mia, bram, '2027-02-10');
  await share(t, mia, anna, FROM_MIA);
  await share(t, nora, cem, FROM_NORA);
}

describe("a manager's erasure keeps HR's finished month and the professional's record", () => {
  let t: TestApp;
  let before: Awaited<ReturnType<typeof facilitationFigures>>;
  let plannedBefore: string[];

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directory(), HR_USER_IDS: HR.aadObjectId }, '2026-11-23T08:00:00Z');
    await planDecember(t);
    t.clock.set('2027-01-04T08:00:00Z');
    before = await facilitationFigures(t, DECEMBER.from, DECEMBER.to);
    plannedBefore = (await reviewsIn(t)).map((r) => r.date).sort();
    await erase(t, mia);
  }, 120_000);
  afterAll(() => t?.stop());

  it('read December as five people, two accounts, both quotes before (and Bram\'s February conversation was planned)', () => {
    expect(plannedBefore).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2027-02-10']);
    expect(before).toEqual({ planned: 5, withAccount: 2, shared: [FROM_NORA, FROM_MIA].sort((a, b) => a.localeCompare(b)) });
  });

  it("reads December's planned conversations the same after; only Mia's account and quote go (her words)", async () => {
    expect(await facilitationFigures(t, DECEMBER.from, DECEMBER.to)).toEqual({ planned: 5, withAccount: 1, shared: [FROM_NORA] });
  });

  it('still shows Anna and Bram their held December conversation, without Mia\'s account; Bram\'s in February is gone', async () => {
    expect({ anna: await conversationsOf(t, anna), bram: await conversationsOf(t, bram) }).toEqual({
      anna: [expect.objectContaining({ date: '2026-12-07', held: true })],
      bram: [expect.objectContaining({ date: '2026-12-08', held: true })],
    });
    expect(JSON.stringify(await conversationsOf(t, anna))).not.toContain('twee uur');
  });

  it("keeps Mia's conversations under one erasure marker, and no document holds her id or her words", async () => {
    const hers = (await reviewsIn(t)).filter((r) => [anna, bram].some((u) => u.aadObjectId === r.reportId));
    expect(hers.map((r) => ({ date: r.date, marker: isErasureMarker(r.managerId), facilitated: r.facilitated ?? null })).sort((a, b) => a.date.localeCompare(b.date))).toEqual([
      { date: '2026-12-07', marker: true, facilitated: null },
      { date: '2026-12-08', marker: true, facilitated: null },
    ]);
    expect(new Set(hers.map((r) => r.managerId)).size).toBe(1);
    expect(await naming(t, ['aad-mia', '29:mia', 'a:personal-mia', 'twee uur per week'])).toEqual([]);
  });

  it("Anna's own erasure later works on a conversation whose manager is the marker; December still reads five", async () => {
    await erase(t, anna);
    expect(await naming(t, ['aad-anna', '29:anna'])).toEqual([]);
    expect((await facilitationFigures(t, DECEMBER.from, DECEMBER.to)).planned).toBe(5);
    expect(await conversationsOf(t, bram)).toEqual([expect.objectContaining({ date: '2026-12-08', held: true })]);
  });
});

describe("a manager's erasure of their conversations, run again", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directory(), HR_USER_IDS: HR.aadObjectId }, '2026-11-23T08:00:00Z');
    await planDecember(t);
    t.clock.set('2027-01-04T08:00:00Z');
  }, 120_000);
  afterAll(() => t?.stop());

  it('writes each kept conversation once, whether the run again finds what it read before or nothing left', async () => {
    const deps = erasureOnlyDeps(t.cosmos, t.clock);
    const who = { userId: mia.aadObjectId, marker: 'erased-0a1b2c3d', language: 'nl' as const };
    const read = await reviewTraces(deps, mia.aadObjectId);
    await eraseReviews(deps, read, who);
    const once = (await reviewsIn(t)).map((r) => r.id).sort();
    // As an interrupted run finds the conversations it read before, and as the next run finds none.
    await eraseReviews(deps, read, who);
    await eraseReviews(deps, await reviewTraces(deps, mia.aadObjectId), who);
    expect((await reviewsIn(t)).map((r) => r.id).sort()).toEqual(once);
    expect(once).toHaveLength(5);
    expect(await conversationsOf(t, anna)).toEqual([expect.objectContaining({ date: '2026-12-07', held: true })]);
  });
});
