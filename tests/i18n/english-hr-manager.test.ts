/**
 * A guard (held when written, in review of stop 52, English parity): HR and a manager who chose English ("language en") meet
 * no Dutch: HR's Jaarplan form (a refusal and the save), the report in the 1:1 chat (card, CSV and
 * summary downloads), the half-yearly reminder and the report it opens; the manager's plan form,
 * a refused plan, the prep card and the half-yearly nudge. Every string the app sends to their
 * chats (posted or as a press answer) is scanned, as in english-group-week.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { user } from '../support/activities';
import { downloadText, reportCard } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';
import { dutchIn, DUTCH, NAMES } from './english-scan';

const [hanna, mia] = [user('Hanna'), user('Mia')];

describe('English HR and manager meet no Dutch', () => {
  let t: TestApp;
  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }, { id: 'aad-hanna', name: 'Hanna' }] }));
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', DIRECTORY_FILE: file }, '2026-11-23T09:00:00Z');
  });
  afterAll(() => t?.stop());

  it('HR: jaarplan, report card, CSV and summary, half-year reminder are English', async () => {
    const hr = new PersonalChat(t, hanna);
    const m = new PersonalChat(t, mia);
    const answers: unknown[] = [];
    await hr.say('language en', 'en-GB');
    await m.say('language en', 'en-GB');
    const form = (await hr.say('jaarplan', 'en-GB')).cards[0];
    answers.push(await hr.press('jaarplan.save', { ...actionData(form, 'jaarplan.save'), weekCycles: 'x', learningHours: '', proposalsValidated: '', firstMoment: '12', secondMoment: '12' }));
    answers.push(await hr.press('jaarplan.save', { ...actionData(form, 'jaarplan.save'), weekCycles: '40', learningHours: '', proposalsValidated: '', firstMoment: '5', secondMoment: '12' }));
    for (const c of ['help', 'report', 'report 2026-13-01 2026-11-30', 'proposals', 'offer', 'my data', 'accountability']) await hr.say(c, 'en-GB');
    const card = await reportCard(t, hr.conv, hanna, 'report 2026-06-01 2026-11-30');
    const links = (card.actions ?? []).filter((a: { url?: string }) => a.url).map((a: { url: string }) => a.url);
    const files: string[] = await Promise.all(links.map((u: string) => downloadText(t, u)));
    // Manager: plan form, a refused plan, the plan, the prep card.
    for (const c of ['help', 'plan review', 'prep', 'account to team', 'my data', 'accountability']) await m.say(c, 'en-GB');
    answers.push(await m.press('review.plan.save', { reportId: 'aad-anna', date: 'tomorrow', timeZone: 'Europe/Amsterdam', prepDays: '3' }));
    answers.push(await m.press('review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }));
    const reviewId = (await t.cosmos.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0]?.id;
    if (reviewId) answers.push(await m.press('review.prep.show', { reviewId }));
    t.clock.set('2026-12-01T08:00:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    const chats = new Set([hr.conv.id, m.conv.id, t.connector.personalChats.get('aad-hanna'), t.connector.personalChats.get('aad-mia')]);
    const sent = t.connector.calls.filter((c) => chats.has(c.conversationId)).map((c) => c.activity);
    // The half-year reminder's report button, pressed.
    for (const a of sent) for (const att of a.attachments ?? []) {
      const view = actionData(att.content, 'hrReport.view');
      if (view) answers.push(await hr.press('hrReport.view', view));
    }
    const found = [...sent, ...answers, ...hr.cards, ...m.cards].flatMap((n) => dutchIn(n, NAMES));
    const inFiles = files.flatMap((f, i) => f.replace(NAMES, '').split('\n').filter((line) => DUTCH.test(line)).map((line) => `file ${i}: ${line}`));
    const titles = sent.flatMap((a) => (a.attachments ?? []).map((x: { content: { body?: { text?: string }[] } }) => x.content.body?.[0]?.text));
    expect(titles.join('|')).toMatch(/half-year|half year/i);
    expect(reviewId).toBeDefined();
    expect(files.length).toBe(2);
    expect(sent.length).toBeGreaterThan(10);
    expect([...new Set([...found, ...inFiles])]).toEqual([]);
  });
});
