import { parse } from 'csv-parse/sync';
import { message, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runWeek } from '../verantwoording/support';
import { closedPoll, seedPoll } from './seed-polls';
import { reportCard } from '../support/hr-report';

const hanna = user('Hanna'); // HR/L&O
const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

/** Reflectie en terugkoppeling: the HR report against a data set whose figures are counted by hand. */
describe('the HR report', () => {
  let t: TestApp;
  const channel = () => t.conversation('channel', '19:hr-channel@thread.tacv2');
  let csvLink = '';
  let summaryLink = '';

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z');
    const g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    // Four sessions, each with all four members checked in at 4; one proposal, decided "adapt".
    await runWeek(g, { personal9: 'Geheime reflectie', personal10: 'Nog een', contribution: 'De overdracht' });
    await seedPoll(t, closedPoll('poll-noord', 'team-noord', 'Zorgteam Noord', '2026-11-20'), [4, 4, 4, 4, 4]); // 5 answers: shown
    await seedPoll(t, closedPoll('poll-fac', 'team-fac', 'Facilitair', '2026-11-21'), [5, 5, 5]); // 3 answers: below 5
    await seedPoll(t, closedPoll('poll-old', 'team-noord', 'Zorgteam Noord', '2026-09-01'), [2, 2, 2, 2, 2]); // outside the period
    t.clock.set('2026-11-30T10:00:00Z');
  });
  afterAll(() => t.stop());

  it('refuses anyone but HR, politely', async () => {
    const before = t.connector.calls.length;
    await t.send(message(channel(), anna, 'rapport 2026-11-01 2026-11-30'));
    const said = t.connector.calls.slice(before).map((c) => c.activity.text).join('\n');
    expect(said).toContain('Alleen HR/L&O kan het rapport opvragen.');
    expect(t.connector.calls.slice(before).some((c) => c.activity.attachments)).toBe(false);
  });

  it('shows HR the figures for the period, as counted by hand', async () => {
    // In a channel: the card as Teams refreshes it for HR, the asker.
    const card = await reportCard(t, channel(), hanna, 'rapport 2026-11-01 2026-11-30');
    expect(cardProblems(card)).toEqual([]);
    const facts = Object.fromEntries(card.body.find((e: { type: string }) => e.type === 'FactSet').facts.map((f: { title: string; value: string }) => [f.title, f.value]));
    expect(facts).toEqual({ 'Actieve groepen': '1', 'Gehouden sessies': '4', Leeruren: '16', 'Voorstellen gemaakt': '1', 'Voorstellen aangenomen of aangepast': '1' });
    const text = cardText(card);
    expect(text).toContain('week 48 van 2026');
    expect(text).toContain('4 / te weinig reacties'); // 16 check-ins at 4; no check-outs
    expect(text).toContain('Zorgteam Noord (20 nov 2026)');
    expect(text).toContain('Boeien 75, Binden 75, Behouden 75');
    expect(text).toContain('Facilitair (21 nov 2026)');
    expect(text).not.toMatch(/2026-09-01|1 sep 2026/);
    expect(text).not.toContain('Geheime reflectie');
    const links = card.actions.map((a: { url: string }) => new URL(a.url));
    csvLink = `${t.app.url}${links[0].pathname}${links[0].search}`;
    summaryLink = `${t.app.url}${links[1].pathname}${links[1].search}`;
  });

  it('downloads a CSV that parses, with the same figures, and a readable summary', async () => {
    const csv = await fetch(csvLink);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows: Record<string, string>[] = parse(await csv.text(), { columns: true });
    const value = (section: string, metric: string, key = '') => rows.find((r) => r.section === section && r.metric === metric && r.key === key)?.value;
    expect(value('totals', 'learningHours')).toBe('16');
    expect(value('totals', 'sessionsHeld')).toBe('4');
    expect(value('b3', 'boeien', 'Zorgteam Noord 2026-11-20')).toBe('75');
    expect(value('b3', 'respondents', 'Facilitair 2026-11-21')).toBe('3');
    expect(value('b3', 'boeien', 'Facilitair 2026-11-21')).toBe('');
    const summary = await (await fetch(summaryLink)).text();
    expect(summary).toContain('1 groep hield 4 sessies: 16 leeruren.');
    expect(summary).toContain('Facilitair, 21 nov 2026: te weinig reacties');
  });

  it('refuses a forged link and an expired one', async () => {
    const forged = new URL(csvLink);
    forged.searchParams.set('to', '2026-12-31');
    expect((await fetch(forged)).status).toBe(403);
    const otherTenant = new URL(csvLink);
    otherTenant.searchParams.set('tenant', 'tenant-evil');
    expect((await fetch(otherTenant)).status).toBe(403);
    t.clock.advanceMinutes(16);
    const expired = await fetch(csvLink);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('verlopen'); // a Dutch report's link refuses in Dutch
  });
});
