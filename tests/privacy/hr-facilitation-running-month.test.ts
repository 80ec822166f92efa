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
 * ATTACK: the facilitation section counts whole calendar months with at least 3 planned
 * conversations, so that no quote belongs to one conversation. But a month counts while it runs
 * (and before its conversations were held): HR asks the same period (the whole month) the day
 * after each conversation, and each reading adds the account of the conversation just held. The
 * difference of two readings is one quote, tied to the one conversation between them.
 * Weeks are counted only once over (`countedSessions`); months were not. Found in review, stop 37.
 */
describe('facilitation quotes of a month that is still running', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const facilitation = async (from: string, to: string) => {
    await t.send(message(t.conversation('channel', '19:hr-channel@thread.tacv2'), HR, `rapport ${from} ${to}`));
    const card = t.connector.cards().at(-1)!.card;
    const csvUrl = new URL(card.actions[0].url);
    const csv = parse(await (await fetch(`${t.app.url}${csvUrl.pathname}${csvUrl.search}`)).text(), { columns: true }) as { section: string; metric: string; value: string }[];
    const rows = csv.filter((r) => r.section === 'facilitation');
    return { planned: Number(rows.find((r) => r.metric === 'conversationsPlanned')?.value), withAccount: Number(rows.find((r) => r.metric === 'withAccount')?.value), shared: rows.filter((r) => r.metric === 'sharedAccount').map((r) => r.value) };
  };
  const plan = async (who: typeof anna, date: string) => {
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: who.aadObjectId, date, timeZone: 'Europe/Amsterdam', prepDays: '3' }, `plan-${who.name}`));
  };
  const account = async (who: typeof anna, text: string) => {
    const review = (await t.store.container('reviews').items.query({ query: 'SELECT * FROM c WHERE c.reportId = @r', parameters: [{ name: '@r', value: who.aadObjectId }] }).fetchAll()).resources[0];
    await t.send(execute(miaChat(), mia, 'review.facilitated.save', { reviewId: review.id, facilitated: text, shareFacilitation: 'true' }, `prep-${who.name}-${text.length}`));
  };

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [anna, bram, cem].map((u) => ({ id: u.aadObjectId, name: u.name, managerId: 'aad-mia' })).concat([{ id: 'aad-mia', name: 'Mia', managerId: '' }]) }));
    t = await startTestApp({ DIRECTORY_FILE: directory, HR_USER_IDS: HR.aadObjectId }, '2026-11-23T08:00:00Z');
    await plan(anna, '2026-12-10');
    await plan(bram, '2026-12-15');
    await plan(cem, '2026-12-17');
  });
  afterAll(() => t.stop());

  it('attack: two readings of December, before and after Bram\'s conversation, differ by exactly his quote', async () => {
    t.clock.set('2026-12-11T08:00:00Z');
    await account(anna, ABOUT_ANNA);
    const first = await facilitation('2026-12-01', '2026-12-31');
    t.clock.set('2026-12-16T08:00:00Z');
    await account(bram, ABOUT_BRAM);
    const second = await facilitation('2026-12-01', '2026-12-31');
    const isolated = second.shared.filter((s) => !first.shared.includes(s));
    // Leak: the one conversation held between the two readings (15 December, Bram's) and its quote.
    expect({ accountsAdded: second.withAccount - first.withAccount, isolated }).not.toEqual({ accountsAdded: 1, isolated: [ABOUT_BRAM] });
  });
});
