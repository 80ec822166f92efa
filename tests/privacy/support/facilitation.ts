import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { execute, TestUser, user } from '../../support/activities';
import { MEMBERS } from '../../support/group-driver';
import { reportCard } from '../../support/hr-report';
import { HR } from '../../support/pulse-driver';
import { startTestApp, TestApp } from '../../support/test-app';

export const mia = user('Mia');
export const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const miaChat = (t: TestApp) => t.conversation('personal', 'a:personal-mia');

/** The app on 23 Nov 2026, with a directory where Mia manages Anna, Bram and Cem, and HR. */
export function startWithMiaAsManager(): Promise<TestApp> {
  const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  writeFileSync(directory, JSON.stringify({ users: [anna, bram, cem].map((u) => ({ id: u.aadObjectId, name: u.name, managerId: 'aad-mia' })).concat([{ id: 'aad-mia', name: 'Mia', managerId: '' }]) }));
  return startTestApp({ DIRECTORY_FILE: directory, HR_USER_IDS: HR.aadObjectId }, '2026-11-23T08:00:00Z');
}

/** Mia plans her talentontwikkelgesprek with `who` on `date`. */
export async function planConversation(t: TestApp, who: TestUser, date: string): Promise<void> {
  await t.send(execute(miaChat(t), mia, 'review.plan.save', { reportId: who.aadObjectId, date, timeZone: 'Europe/Amsterdam', prepDays: '3' }, `plan-${who.name}`));
}

/** Mia records what she facilitated for `who`, and lets HR quote it. */
export async function shareAccount(t: TestApp, who: TestUser, text: string): Promise<void> {
  const review = (await t.store.container('reviews').items.query({ query: 'SELECT * FROM c WHERE c.reportId = @r', parameters: [{ name: '@r', value: who.aadObjectId }] }).fetchAll()).resources[0];
  await t.send(execute(miaChat(t), mia, 'review.facilitated.save', { reviewId: review.id, facilitated: text, shareFacilitation: 'true' }, `prep-${who.name}-${text.length}`));
}

/** HR's report over the period, its facilitation rows as the CSV download gives them. */
export async function facilitationFigures(t: TestApp, from: string, to: string): Promise<{ planned: number; withAccount: number; shared: string[] }> {
  const card = await reportCard(t, t.conversation('channel', '19:hr-channel@thread.tacv2'), HR, `rapport ${from} ${to}`);
  const csvUrl = new URL(card.actions[0].url);
  const csv = parse(await (await fetch(`${t.app.url}${csvUrl.pathname}${csvUrl.search}`)).text(), { columns: true }) as { section: string; metric: string; value: string }[];
  const rows = csv.filter((r) => r.section === 'facilitation');
  return { planned: Number(rows.find((r) => r.metric === 'conversationsPlanned')?.value), withAccount: Number(rows.find((r) => r.metric === 'withAccount')?.value), shared: rows.filter((r) => r.metric === 'sharedAccount').map((r) => r.value) };
}
