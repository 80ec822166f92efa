import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { execute, message, user } from '../support/activities';
import { MEMBERS } from '../support/group-driver';
import { HR } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');
const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
const ABOUT_ANNA = 'Vier uur per week vrij geroosterd voor haar re-integratie na ziekte';
const ABOUT_BRAM = 'Budget voor een cursus vrijgemaakt';

/**
 * ATTACK: HR picks the report period. Quotes carry no label (no team), but a period of one day,
 * or the difference of two overlapping periods, held exactly one planned conversation: the quote
 * was then tied to that conversation's date, and so to the professional whose talentontwikkelgesprek
 * it was (dates are on HR's and the manager's calendar). The section counts whole calendar months
 * with at least 3 conversations. Found in review, stop 32.
 */
describe('facilitation quotes against report periods HR chooses', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const facilitation = async (from: string, to: string) => {
    await t.send(message(t.conversation('channel', '19:hr-channel@thread.tacv2'), HR, `rapport ${from} ${to}`));
    const card = t.connector.cards().at(-1)!.card;
    const csvUrl = new URL(card.actions[0].url);
    const csv = parse(await (await fetch(`${t.app.url}${csvUrl.pathname}${csvUrl.search}`)).text(), { columns: true }) as { section: string; metric: string; value: string }[];
    const rows = csv.filter((r) => r.section === 'facilitation');
    return { planned: Number(rows.find((r) => r.metric === 'conversationsPlanned')?.value), shared: rows.filter((r) => r.metric === 'sharedAccount').map((r) => r.value) };
  };
  const plan = async (who: typeof anna, date: string, text?: string) => {
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: who.aadObjectId, date, timeZone: 'Europe/Amsterdam', prepDays: '3' }, `plan-${who.name}`));
    if (!text) return;
    const review = (await t.store.container('reviews').items.query({ query: 'SELECT * FROM c WHERE c.reportId = @r', parameters: [{ name: '@r', value: who.aadObjectId }] }).fetchAll()).resources[0];
    await t.send(execute(miaChat(), mia, 'review.facilitated.save', { reviewId: review.id, facilitated: text, shareFacilitation: 'true' }, `prep-${who.name}`));
  };

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [anna, bram, cem].map((u) => ({ id: u.aadObjectId, name: u.name, managerId: 'aad-mia' })).concat([{ id: 'aad-mia', name: 'Mia', managerId: '' }]) }));
    t = await startTestApp({ DIRECTORY_FILE: directory, HR_USER_IDS: HR.aadObjectId }, '2026-11-23T08:00:00Z');
    await plan(anna, '2026-12-10', ABOUT_ANNA);
    await plan(bram, '2026-12-15', ABOUT_BRAM);
    await plan(cem, '2026-12-17');
    // January: December is over, so its figures count (stop 37: a month counts only once over).
    t.clock.set('2027-01-04T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('attack: a one-day period gives exactly one conversation and its quote (Anna\'s, by the date of her gesprek)', async () => {
    const day = await facilitation('2026-12-10', '2026-12-10');
    // Leak: one planned conversation in the period, and the quote that goes with it.
    expect({ planned: day.planned, shared: day.shared }).not.toEqual({ planned: 1, shared: [ABOUT_ANNA] });
  });

  it('guard: a whole month with three conversations is counted and quoted', async () => {
    expect(await facilitation('2026-12-01', '2026-12-31')).toEqual({ planned: 3, shared: [ABOUT_BRAM, ABOUT_ANNA].sort((a, b) => a.localeCompare(b)) });
  });

  it('attack: two overlapping periods differ by exactly one quote, dated to one conversation', async () => {
    const whole = await facilitation('2026-12-01', '2026-12-31');
    const after = await facilitation('2026-12-11', '2026-12-31');
    const isolated = whole.shared.filter((s) => !after.shared.includes(s));
    expect({ plannedDiff: whole.planned - after.planned, isolated }).not.toEqual({ plannedDiff: 1, isolated: [ABOUT_ANNA] });
  });
});
