import { parse } from 'csv-parse/sync';
import { user } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runWeek } from '../verantwoording/support';
import { reportCard } from '../support/hr-report';

const hanna = user('Hanna'); // HR/L&O of tenant-1
const piet = user('Piet'); // HR/L&O of tenant-2
const ADOPTED = 'Tien minuten overdracht met een vast formulier.'; // what runWeek's group adopts
const FIRST_STEP = 'Formulier maken voor donderdag.';

type Card = { body: { type: string; facts?: { title: string; value: string }[] }[]; actions: { url: string }[] };
const factsOf = (card: Card) => Object.fromEntries(card.body.find((e) => e.type === 'FactSet')!.facts!.map((f) => [f.title, f.value]));

/**
 * One deployment may serve several organisations (ALLOWED_TENANT_IDS). The HR report is read
 * across groups, so each of its reads must be held to the requesting HR's tenant: otherwise HR of
 * one organisation counts, and reads the adopted proposals of, another organisation's groups.
 */
describe('the HR report with two tenants', () => {
  let t: TestApp;
  const channelOf = (tenantId: string) => ({ ...t.conversation('channel', `19:hr-${tenantId}@thread.tacv2`), tenantId });

  async function report(hr: typeof hanna, tenantId: string) {
    const card = (await reportCard(t, channelOf(tenantId), hr, 'rapport 2026-11-01 2026-11-30')) as Card;
    const [csvUrl, summaryUrl] = card.actions.map((a) => new URL(a.url)).map((u) => `${t.app.url}${u.pathname}${u.search}`) as [string, string];
    const csv = await (await fetch(csvUrl)).text();
    const rows: Record<string, string>[] = parse(csv, { columns: true });
    const value = (section: string, metric: string, key = '') => rows.find((r) => r.section === section && r.metric === metric && r.key === key)?.value;
    return { card, text: cardText(card), csv, value, summary: await (await fetch(summaryUrl)).text() };
  }

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna,aad-piet', ALLOWED_TENANT_IDS: 'tenant-1,tenant-2' }, '2026-11-23T08:00:00Z');
    // tenant-1: one session, four members checked in at 2, no proposal.
    const own = new GroupDriver(t, t.conversation('groupChat', '19:own-org@thread.v2'), MEMBERS.slice(0, 4));
    await own.setUp();
    await own.startCycle();
    await own.startSession();
    for (const m of own.members) await own.checkIn(m, 2);
    await own.end();
    // tenant-2: a whole week (four sessions, check-ins at 4) and an adopted proposal.
    const other = new GroupDriver(t, { ...t.conversation('groupChat', '19:other-org@thread.v2'), tenantId: 'tenant-2' }, MEMBERS.slice(0, 4));
    await other.setUp();
    await other.startCycle();
    await runWeek(other, { personal9: 'x', personal10: 'y', contribution: 'Geheim van tenant-2' });
    t.clock.set('2026-11-30T10:00:00Z');
  }, 120_000);
  afterAll(() => t.stop());

  it('stores each group as its own tenant\'s', async () => {
    const { resources } = await t.store.container('sessions').items.query("SELECT VALUE c.tenantId FROM c WHERE c.type = 'group'").fetchAll();
    expect(resources.sort()).toEqual(['tenant-1', 'tenant-2']);
  });

  it('shows HR only the sessions, learning hours, energy and proposals of their own tenant', async () => {
    const r = await report(hanna, 'tenant-1');
    expect(factsOf(r.card)).toEqual({ 'Actieve groepen': '1', 'Gehouden sessies': '1', Leeruren: '4', 'Voorstellen gemaakt': '0', 'Voorstellen aangenomen of aangepast': '0' });
    expect(r.text).toContain('2 / te weinig reacties'); // tenant-1's check-ins only; tenant-2's were at 4
    expect(r.text).not.toContain('4 / te weinig reacties');
    expect({ proposal: r.text.includes(ADOPTED), firstStep: r.text.includes(FIRST_STEP) }).toEqual({ proposal: false, firstStep: false });
  });

  it('keeps the CSV and the readable summary to the same tenant', async () => {
    const r = await report(hanna, 'tenant-1');
    expect([r.value('totals', 'groupsActive'), r.value('totals', 'sessionsHeld'), r.value('totals', 'learningHours'), r.value('totals', 'proposalsMade'), r.value('totals', 'proposalsValidated')]).toEqual(['1', '1', '4', '0', '0']);
    expect([r.value('energy', 'averageIn', '2026-W48'), r.value('energy', 'answers', '2026-W48')]).toEqual(['2', '4']);
    expect(r.value('adoption', 'adopted')).toBe('0');
    expect({ csv: r.csv.includes(ADOPTED) || r.csv.includes(FIRST_STEP), summary: r.summary.includes(ADOPTED) || r.summary.includes(FIRST_STEP) }).toEqual({ csv: false, summary: false });
    expect(r.summary).toContain('1 groep hield 1 sessie: 4 leeruren.');
  });

  it('gives the other tenant\'s HR their own figures, and nothing of the first', async () => {
    const r = await report(piet, 'tenant-2');
    expect(factsOf(r.card)).toEqual({ 'Actieve groepen': '1', 'Gehouden sessies': '4', Leeruren: '16', 'Voorstellen gemaakt': '1', 'Voorstellen aangenomen of aangepast': '1' });
    expect(r.text).toContain(ADOPTED);
    expect(r.text).not.toContain('2 / te weinig reacties');
    expect([r.value('totals', 'sessionsHeld'), r.value('totals', 'learningHours'), r.value('energy', 'averageIn', '2026-W48')]).toEqual(['4', '16', '4']);
  });
});
