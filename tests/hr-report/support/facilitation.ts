import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { execute, TestUser, user } from '../../support/activities';
import { downloadText } from '../../support/hr-report';
import { HR } from '../../support/pulse-driver';
import { startTestApp, TestApp } from '../../support/test-app';
import { anna, bram, cem, mia, planConversation } from '../../privacy/support/facilitation';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored review documents under test */

/**
 * Set-up shared by the facilitation tests of the HR report. The base (Mia manages Anna, Bram and
 * Cem; `startWithMiaAsManager`, `planConversation`, `shareAccount`, `facilitationFigures`) is in
 * tests/privacy/support/facilitation.ts; this adds what the stop-50 review tests repeat.
 */

/** The two professionals Hanna (HR) manages herself. */
export const [dewi, eva] = ['Dewi', 'Eva'].map(user) as [TestUser, TestUser];

/**
 * The app on 23 Nov 2026, with a directory where Mia manages Anna, Bram and Cem, Hanna (HR)
 * manages Dewi and Eva, and `otherHr` are HR members too, managing no one.
 */
export function startWithHrAlsoManaging(otherHr: TestUser[] = []): Promise<TestApp> {
  const directory = join(mkdtempSync(join(tmpdir(), 'hr-also-managing-')), 'directory.json');
  writeFileSync(
    directory,
    JSON.stringify({
      users: [
        ...[anna, bram, cem].map((u) => ({ id: u.aadObjectId, name: u.name, managerId: mia.aadObjectId })),
        ...[dewi, eva].map((u) => ({ id: u.aadObjectId, name: u.name, managerId: HR.aadObjectId })),
        ...[mia, HR, ...otherHr].map((u) => ({ id: u.aadObjectId, name: u.name })),
      ],
    }),
  );
  const hrIds = [HR, ...otherHr].map((u) => u.aadObjectId).join(',');
  return startTestApp({ DIRECTORY_FILE: directory, HR_USER_IDS: hrIds }, '2026-11-23T08:00:00Z');
}

/** `manager` plans a talentontwikkelgesprek with `who` on `date`; fails the test unless the bot accepts it. */
export async function planAs(t: TestApp, manager: TestUser, who: TestUser, date: string): Promise<void> {
  const chat = t.conversation('personal', `a:personal-${manager.name.toLowerCase()}`);
  expect((await t.send(execute(chat, manager, 'review.plan.save', { reportId: who.aadObjectId, date, timeZone: 'Europe/Amsterdam', prepDays: '3' }, `plan-${who.name}-${date}`))).status).toBe(200);
}

/** The stored review of `who`'s conversation on `date`, or (no date) the first one stored. */
export async function reviewOf(t: TestApp, who: TestUser, date?: string): Promise<any> {
  const byPerson = { name: '@r', value: who.aadObjectId };
  const query = date
    ? { query: 'SELECT * FROM c WHERE c.reportId = @r AND c.date = @d', parameters: [byPerson, { name: '@d', value: date }] }
    : { query: 'SELECT * FROM c WHERE c.reportId = @r', parameters: [byPerson] };
  return (await t.store.container('reviews').items.query(query).fetchAll()).resources[0];
}

/**
 * Mia saves her account of `who`'s conversation (the one on `date`, or the first stored), shared
 * with HR or not, as the press with activity id `press`; fails the test unless the bot accepts it.
 */
export async function saveAccount(t: TestApp, who: TestUser, text: string, how: { share: boolean; press: string; date?: string }): Promise<void> {
  const review = await reviewOf(t, who, how.date);
  const res = await t.send(execute(t.conversation('personal', 'a:personal-mia'), mia, 'review.facilitated.save', { reviewId: review.id, facilitated: text, shareFacilitation: how.share ? 'true' : 'false' }, how.press));
  expect(res.status).toBe(200);
}

/**
 * Months Hanna's own conversations could pad: December holds Mia's one conversation (Cem, 15th)
 * and Hanna's two (Dewi, Eva); January Mia's three (Anna, Bram, Cem, 12th) and Hanna's one (Dewi).
 * Mia shares her account of Cem's December and of Anna's January conversation the next day. The
 * clock is left on 13 January 2027.
 */
export async function planMonthsHrCouldPad(t: TestApp, shared: { cemInDecember: string; annaInJanuary: string }): Promise<void> {
  await planAs(t, mia, cem, '2026-12-15');
  await planAs(t, HR, dewi, '2026-12-16');
  await planAs(t, HR, eva, '2026-12-17');
  for (const who of [anna, bram, cem]) await planAs(t, mia, who, '2027-01-12');
  await planAs(t, HR, dewi, '2027-01-13');
  t.clock.set('2026-12-16T08:00:00Z');
  await saveAccount(t, cem, shared.cemInDecember, { share: true, date: '2026-12-15', press: 'prep-Cem-2026-12-15' });
  t.clock.set('2027-01-13T08:00:00Z');
  await saveAccount(t, anna, shared.annaInJanuary, { share: true, date: '2027-01-12', press: 'prep-Anna-2027-01-12' });
}

/**
 * Mia's December with Cem's conversation the month's last: Anna on the 10th, Bram on the 15th, Cem
 * on the 30th. Her accounts of Anna's and Bram's are written and shared the day after each, with
 * `share`; Cem's is the test's to write.
 */
export async function planDecemberCemLast(t: TestApp, sharedInTime: { anna: string; bram: string }, share: (who: TestUser, text: string) => Promise<void>): Promise<void> {
  await planConversation(t, anna, '2026-12-10');
  await planConversation(t, bram, '2026-12-15');
  await planConversation(t, cem, '2026-12-30');
  t.clock.set('2026-12-11T08:00:00Z');
  await share(anna, sharedInTime.anna);
  t.clock.set('2026-12-16T08:00:00Z');
  await share(bram, sharedInTime.bram);
}

/** The facilitation rows of a report's CSV download link, as `metric=value`, as anyone holding the link gets them. */
export async function facilitationRows(t: TestApp, csvUrl: string): Promise<string[]> {
  const rows = parse(await downloadText(t, csvUrl), { columns: true }) as { section: string; metric: string; value: string }[];
  return rows.filter((r) => r.section === 'facilitation').map((r) => `${r.metric}=${r.value}`);
}
