/**
 * The half-yearly rhythm (halfjaarritme): HR chooses in the Jaarplan form the two months in which
 * the organisation holds its talentontwikkelgesprekken and accounts to the board; on the first
 * working day of each, at 09:00 Amsterdam, HR gets a reminder in their own 1:1 chat with the
 * half-year's report one press away, and each manager whose direct reports lack a conversation in
 * that half-year in their own planning gets one nudge with the count and the plan form.
 *
 * Clock: Monday 23 November 2026. Hanna and Iris are HR; Iris blocked the app (Teams refuses her
 * chat). Mia manages Anna and Bram, Noor manages Cem.
 * 1. A refused choice (the same month twice) comes back with every input kept, nothing stored.
 * 2. Hanna chooses May and December for 2026, and January and July for 2027.
 * 3. Mia plans Anna on 10 December (in the half-year June-December) and Bram on 15 January
 *    (the next one); Noor plans Cem on 14 December.
 * 4. Tuesday 1 December 09:00 (08:00 UTC): nothing before; then Hanna gets one card (also after a
 *    second run of the job), saying the year has no targets and how to set them; its button shows
 *    the report over 1 June to 31 December. Iris is skipped, and the log names neither her nor anyone.
 *    Mia gets one nudge counting one report without a conversation, naming nobody, with the plan
 *    form; Noor gets none. The next moment is Monday 4 January 2027 (1 January a holiday, then a weekend).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card and job JSON under test */

const [hanna, iris, mia, noor] = [user('Hanna'), user('Iris'), user('Mia'), user('Noor')];
const HR_TITLE = 'Het halfjaar loopt af: tijd voor de verantwoording aan het bestuur';
const MANAGER_TITLE = 'Plan de talentontwikkelgesprekken van dit halfjaar';

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  const users = [
    { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
    { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
    { id: 'aad-cem', name: 'Cem', managerId: 'aad-noor' },
    { id: 'aad-mia', name: 'Mia' },
    { id: 'aad-noor', name: 'Noor' },
  ];
  writeFileSync(file, JSON.stringify({ users }));
  return file;
}

/** The value shown in each input of a form, by id. */
function inputs(card: any): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (node: any): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (typeof node.type === 'string' && node.type.startsWith('Input.')) out[node.id] = node.value;
    Object.values(node).forEach(walk);
  };
  walk(card.body);
  return out;
}

describe('the half-yearly rhythm', () => {
  let t: TestApp;
  let hr: PersonalChat;
  /** The cards in a person's 1:1 chat that the outbox opened with their directory id. */
  const cardsTo = (aadId: string) => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(aadId)).map((c) => c.card);
  const titled = (aadId: string, title: string) => cardsTo(aadId).filter((c) => cardText(c).includes(title));
  const jobs = async () => (await t.store.container('jobs').items.query("SELECT * FROM c WHERE c.kind = 'jaarplan.halfYear'").fetchAll()).resources as any[];
  const plan = async (year: number) => (await t.store.container('installations').items.query(`SELECT * FROM c WHERE c.type = 'jaarplan' AND c.year = ${year}`).fetchAll()).resources[0];

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna,aad-iris', DIRECTORY_FILE: directoryFile() }, '2026-11-23T09:00:00Z');
    t.connector.blocked.add('aad-iris');
    hr = new PersonalChat(t, hanna);
  });
  afterAll(() => t.stop());

  it('gives a refused choice of months back with every input kept, and stores nothing', async () => {
    const form = (await hr.say('jaarplan')).cards[0];
    expect(inputs(form)).toMatchObject({ firstMoment: '6', secondMoment: '12' }); // June and December unless HR chose others
    const back = await hr.press('jaarplan.save', { ...actionData(form, 'jaarplan.save'), weekCycles: '40', learningHours: '', proposalsValidated: '', firstMoment: '12', secondMoment: '12' });
    expect(cardProblems(back)).toEqual([]);
    expect(cardText(back)).toContain('Niet opgeslagen: zie de reden bij het veld.');
    expect(inputs(back)).toEqual({ weekCycles: 40, learningHours: undefined, proposalsValidated: undefined, firstMoment: '12', secondMoment: '12' });
    // The reason right under the second month.
    const ids = back.body.map((e: any) => e.id ?? e.text);
    expect(ids[ids.indexOf('secondMoment') + 1]).toBe('Kies twee verschillende maanden.');
    expect(await plan(2026)).toBeUndefined();
  });

  it('stores the months HR chose with the year, and schedules the first moment once', async () => {
    const form = (await hr.say('jaarplan')).cards[0];
    const saved = await hr.press('jaarplan.save', { ...actionData(form, 'jaarplan.save'), weekCycles: '', learningHours: '', proposalsValidated: '', firstMoment: '12', secondMoment: '5' });
    expect(cardText(saved)).toContain('Jaarplan Duurzaam leren 2026 opgeslagen');
    expect(cardText(saved)).toContain('mei en december');
    expect(await plan(2026)).toMatchObject({ moments: [5, 12], targets: {} });
    const next = await hr.press('jaarplan.open', { year: 2027 });
    await hr.press('jaarplan.save', { ...actionData(next, 'jaarplan.save'), weekCycles: '10', learningHours: '', proposalsValidated: '', firstMoment: '1', secondMoment: '7' });
    expect(await plan(2027)).toMatchObject({ moments: [1, 7] });
    // Opened and saved three times: one job, for Tuesday 1 December 09:00 Amsterdam.
    expect((await jobs()).map((j) => [j.dueAt, j.status])).toEqual([['2026-12-01T08:00:00.000Z', 'pending']]);
  });

  it('reminds HR once and nudges only the manager with a report lacking a conversation this half-year', async () => {
    const planFor = async (manager: typeof mia, reportId: string, date: string) => {
      const chat = t.conversation('personal', `a:personal-${manager.name.toLowerCase()}`);
      await t.send(execute(chat, manager, 'review.plan.save', { reportId, date, timeZone: 'Europe/Amsterdam', prepDays: '3' }, `plan-${reportId}`));
    };
    await planFor(mia, 'aad-anna', '2026-12-10');
    await planFor(mia, 'aad-bram', '2027-01-15'); // the next half-year: Bram has none in this one
    await planFor(noor, 'aad-cem', '2026-12-14');

    const logsBefore = t.logs.length;
    t.clock.set('2026-12-01T07:59:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    expect(titled('aad-hanna', HR_TITLE)).toEqual([]);

    t.clock.set('2026-12-01T08:00:00Z');
    await t.app.scheduler.runDue();
    // The same job run again (a second instance that took it over, a retry): nothing twice.
    const [done] = (await jobs()).filter((j) => j.dueAt === '2026-12-01T08:00:00.000Z');
    expect(done.status).toBe('done');
    await t.store.container('jobs').item(done.id, done.id).replace({ ...done, status: 'pending', attempts: 0 });
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);

    const reminders = titled('aad-hanna', HR_TITLE);
    expect(reminders).toHaveLength(1);
    expect(cardProblems(reminders[0])).toEqual([]);
    const text = cardText(reminders[0]);
    expect(text).toContain('van 1 jun 2026 tot en met 31 dec 2026');
    expect(text).toContain("Voor 2026 staan er nog geen doelen in het Jaarplan Duurzaam leren. Stel ze in met 'jaarplan'");
    expect(actionData(reminders[0], 'jaarplan.open')).toEqual({ year: 2026, language: 'nl' }); // the form opens in the card's language
    const view = actionData(reminders[0], 'hrReport.view');
    expect(view).toEqual({ from: '2026-06-01', to: '2026-12-31', language: 'nl' });
    const hannaChat = t.conversation('personal', t.connector.personalChats.get('aad-hanna')!);
    const report = (await t.send(execute(hannaChat, hanna, 'hrReport.view', view!, 'reminder'))).body.value;
    expect(cardText(report)).toContain('Reflectie en terugkoppeling: 1 jun 2026 tot en met 31 dec 2026');

    // Iris' chat is refused by Teams: skipped, and the log names no one.
    expect(titled('aad-iris', HR_TITLE)).toEqual([]);
    const log = t.logs.slice(logsBefore).join('');
    expect(log).toContain('half-yearly moment');
    expect(log).not.toMatch(/iris|hanna|aad-mia|aad-noor|aad-bram/i);

    const nudges = titled('aad-mia', MANAGER_TITLE);
    expect(nudges).toHaveLength(1);
    expect(cardProblems(nudges[0])).toEqual([]);
    const nudge = cardText(nudges[0]);
    expect(nudge).toContain('In je planning staat voor 1 van je directe medewerkers nog geen talentontwikkelgesprek tussen 1 jun 2026 en 31 dec 2026.');
    expect(nudge).not.toMatch(/Anna|Bram/);
    expect(actionData(nudges[0], 'review.plan.open')).toEqual({});
    expect(titled('aad-noor', MANAGER_TITLE)).toEqual([]);

    // The next moment: January 2027 as chosen, on its first working day (1 January a holiday, then a weekend).
    expect((await jobs()).filter((j) => j.status === 'pending').map((j) => j.dueAt)).toEqual(['2027-01-04T08:00:00.000Z']);
  });
});
