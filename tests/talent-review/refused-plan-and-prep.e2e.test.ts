import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, submit, user } from '../support/activities';
import { field, inputValues } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');
const ORG = { users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }, { id: 'aad-nina', name: 'Nina' }] };
const BRAM_MOVED = { users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-nina' }, { id: 'aad-mia', name: 'Mia' }, { id: 'aad-nina', name: 'Nina' }] };

/**
 * Adversarial probes of the talentontwikkelgesprek forms (plan, "wat heb ik gefaciliteerd?"),
 * beyond tests/talent-review/refused-forms.e2e.test.ts: calendar-impossible and far dates, a report
 * who moved to another manager while the card was open, invisible-only text, a manager whose
 * Teams client is English, and the Action.Submit fallback in the personal chat.
 * Clock: Monday 23 November 2026.
 */
describe('refused talent-review forms', () => {
  let t: TestApp;
  let directory = '';
  const personal = () => t.conversation('personal', 'a:personal-mia');
  const press = async (verb: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    (await t.send({ ...execute(personal(), mia, verb, data, 'card-1'), ...extra })).body.value;
  const all = async (container: 'reviews' | 'jobs') => (await t.store.container(container).items.query('SELECT * FROM c').fetchAll()).resources;
  const reviewsOf = async (reportId: string) => (await all('reviews')).filter((r) => r.reportId === reportId);
  const jobsFor = async (reportId: string) => {
    const ids = new Set((await reviewsOf(reportId)).map((r) => r.id));
    return (await all('jobs')).filter((j) => j.payload?.reviewId && (ids.has(j.payload.reviewId) || JSON.stringify(j).includes(reportId)));
  };
  const plan = (change: Record<string, unknown> = {}) => ({ reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3', ...change });
  const org = (doc: unknown) => writeFileSync(directory, JSON.stringify(doc));

  beforeAll(async () => {
    directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    org(ORG);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());
  afterEach(() => org(ORG));

  it.each([
    ['31 February', '2027-02-31', 'Kies een geldige datum.'],
    ['a day-month-year date', '10-12-2026', 'Kies een geldige datum.'],
    ['a date two years ahead', '2028-12-10', 'Kies een datum vanaf vandaag en binnen een jaar.'],
    ['yesterday', '2026-11-22', 'Kies een datum vanaf vandaag en binnen een jaar.'],
  ])('guard: %s comes back next to the date, kept, and stores neither a review nor a prep job', async (_name, date, reason) => {
    const card = await press('review.plan.save', plan({ reportId: 'aad-bram', date }));
    expect(field(card, 'date')).toEqual({ value: date, next: reason });
    expect(field(card, 'reportId')?.value).toBe('aad-bram');
    expect(await reviewsOf('aad-bram')).toEqual([]);
    expect(await jobsFor('aad-bram')).toEqual([]);
  });

  it('guard: an account of only invisible characters (zero-width space, joiner, word joiner, BOM) is refused as empty, nothing stored', async () => {
    await press('review.plan.save', plan({ reportId: 'aad-anna', date: '2026-12-10' }));
    const [review] = await reviewsOf('aad-anna');
    const invisible = '\u200B\u200D\u2060\uFEFF \u200B';
    const card = await press('review.facilitated.save', { reviewId: review.id, facilitated: invisible, shareFacilitation: 'true' });
    expect(field(card, 'facilitated')?.next).toBe('Schrijf op wat je hebt gefaciliteerd: tijd, ruimte of middelen.');
    expect((await reviewsOf('aad-anna'))[0].facilitated).toBeUndefined();
  });

  it('guard: an account far over the transport limit (6,000 characters, emoji) comes back whole with the limit and its length', async () => {
    const [review] = await reviewsOf('aad-anna');
    const long = 'Ruimte gegeven 🙂 '.repeat(400);
    const card = await press('review.facilitated.save', { reviewId: review.id, facilitated: long, shareFacilitation: 'false' });
    expect(field(card, 'facilitated')?.value).toBe(long);
    expect(field(card, 'facilitated')?.next).toMatch(/^Hoogstens 2\.000 tekens; dit zijn er [\d.]+\.$/);
    expect((await reviewsOf('aad-anna'))[0].facilitated).toBeUndefined();
  });

  it('attack: a manager whose Teams client is English (chose no language) gets the refused plan in English', async () => {
    // Mia chose no language in this file; her Teams client says en-US.
    const card = await press('review.plan.save', plan({ date: '2026-01-05' }), { locale: 'en-US' });
    expect(field(card, 'date')?.next).toBe('Choose a date from today and within a year.');
    expect(cardText(card)).toContain('Not saved yet');
  });

  it('attack: "plan review" typed by a manager whose Teams client is English opens the plan card in English', async () => {
    const before = t.connector.calls.length;
    await t.send({ ...message(personal(), mia, 'plan review'), locale: 'en-US' });
    const posted = t.connector.cards((c) => t.connector.calls.indexOf(c) >= before).map((x) => cardText(x.card)).join('\n');
    expect(posted).not.toContain('Gesprek');
    expect(posted).toMatch(/conversation/i);
  });

  it('attack: a plan for a report who moved to another manager while the card was open comes back as the plan form, date and days kept, the reason at the report', async () => {
    org(BRAM_MOVED);
    const card = await press('review.plan.save', plan({ reportId: 'aad-bram', date: '2026-12-17', prepDays: '5' }));
    expect(cardText(card)).toContain('Nog niet bewaard');
    expect(field(card, 'reportId')?.next).toBe('Deze medewerker valt (nu) niet onder jou in de organisatie; kies iemand uit de lijst.');
    expect(inputValues(card).date).toBe('2026-12-17');
    expect(String(inputValues(card).prepDays)).toBe('5');
    expect((await reviewsOf('aad-bram')).map((r) => r.date)).not.toContain('2026-12-17');
  });

  it('attack: an account of what was facilitated, typed while the report moved to another manager, comes back with the text and why, not as a plain error', async () => {
    await press('review.plan.save', plan({ reportId: 'aad-bram', date: '2026-12-03', prepDays: '0' }));
    const [review] = await reviewsOf('aad-bram');
    org(BRAM_MOVED);
    const typed = 'Een uur per week vrij geroosterd voor de leergroep';
    const before = t.connector.calls.length;
    const card = await press('review.facilitated.save', { reviewId: review.id, facilitated: typed, shareFacilitation: 'true' });
    // The pressed prep is no longer theirs to see; what they typed comes in a message of its own, with why.
    expect(cardText(card)).not.toContain('Bram');
    const posted = t.connector.cards((c) => t.connector.calls.indexOf(c) >= before && c.method === 'POST').map((x) => cardText(x.card)).join('\n');
    expect(posted).toContain(typed);
    expect(posted).toContain('valt (nu) niet onder jou');
    expect((await reviewsOf('aad-bram'))[0].facilitated).toBeUndefined();
  });

  it('attack: on the Action.Submit fallback a plan that is stored gets a reply in the personal chat, not silence', async () => {
    const before = t.connector.calls.length;
    await t.send(submit(personal(), mia, { verb: 'review.plan.save', ...plan({ reportId: 'aad-anna', date: '2026-12-21' }) }, 'plan-msg-2'));
    expect((await reviewsOf('aad-anna')).map((r) => r.date)).toContain('2026-12-21');
    const shown = t.connector.cards((c) => t.connector.calls.indexOf(c) >= before).map((x) => cardText(x.card)).join('\n');
    expect(shown).toMatch(/21 december/);
  });

  it('guard: on the Action.Submit fallback a refused plan is posted in the personal chat as the form, inputs kept, reason at the date', async () => {
    const before = t.connector.calls.length;
    await t.send(submit(personal(), mia, { verb: 'review.plan.save', ...plan({ reportId: 'aad-bram', date: '2027-02-31' }) }, 'plan-msg'));
    const posted = t.connector.cards((c) => t.connector.calls.indexOf(c) >= before).map((x) => x.card);
    expect(posted).toHaveLength(1);
    expect(field(posted[0], 'date')).toEqual({ value: '2027-02-31', next: 'Kies een geldige datum.' });
    expect(inputValues(posted[0]).reportId).toBe('aad-bram');
    expect((await reviewsOf('aad-bram')).map((r) => r.date)).not.toContain('2027-02-31');
  });

  it('probe: on the Action.Submit fallback a too-long account comes back with the text, and the form\'s own retry button then stores a corrected one', async () => {
    const [review] = await reviewsOf('aad-anna');
    const long = 'x'.repeat(2100);
    let before = t.connector.calls.length;
    await t.send(submit(personal(), mia, { verb: 'review.facilitated.save', reviewId: review.id, facilitated: long, shareFacilitation: 'false' }, 'prep-msg'));
    const posted = t.connector.cards((c) => t.connector.calls.indexOf(c) >= before).map((x) => x.card);
    expect(posted).toHaveLength(1);
    expect(field(posted[0], 'facilitated')?.value).toBe(long);
    expect(field(posted[0], 'facilitated')?.next).toBe('Hoogstens 2.000 tekens; dit zijn er 2.100.');
    expect((await reviewsOf('aad-anna'))[0].facilitated).toBeUndefined();
    // The manager shortens it and presses the card's own button (Submit: its fallback data plus the inputs).
    const retry = JSON.stringify(posted[0]);
    const fallbackData = JSON.parse(retry).actions[0].fallback?.data ?? { ...JSON.parse(retry).actions[0].data, verb: JSON.parse(retry).actions[0].verb };
    before = t.connector.calls.length;
    await t.send(submit(personal(), mia, { ...fallbackData, facilitated: 'Een stille ruimte geregeld' }, 'refused-msg'));
    expect((await reviewsOf('aad-anna'))[0].facilitated).toBe('Een stille ruimte geregeld');
    const reply = t.connector.calls.slice(before).filter((c) => c.activity?.attachments?.length).map((c) => cardText(c.activity.attachments[0].content)).join('\n');
    expect(reply).not.toContain('Een voorbereiding opent alleen in je eigen chat');
  });
});
