import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, TestUser, user } from '../support/activities';
import { HR } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { facilitationFigures } from '../privacy/support/facilitation';

const mia = user('Mia');
const [anna, bram, cem, dewi, eva] = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva'].map(user) as [TestUser, TestUser, TestUser, TestUser, TestUser];
const ABOUT = (who: TestUser) => `Budget voor een cursus vrijgemaakt (${who.name})`;
const ABOUT_CEM = 'Vier uur per week vrij geroosterd voor zijn re-integratie na ziekte';
const NOTHING_COUNTED = { planned: 0, withAccount: 0, shared: [] };

/**
 * A finished month stays as HR read it, also when a conversation's own time zone is behind the
 * organisation's. Whether a conversation is held (no longer to plan, move or cancel) is judged in
 * the zone the manager chose for it (America/Curacao: five hours behind Amsterdam in winter; the
 * server takes any IANA zone, down to UTC-12). The report took December as over at midnight in
 * Amsterdam: read at 00:30 on 1 January it held Cem's conversation of 31 December (Curacao) and its
 * quote, and when Mia cancelled it at 01:00 (20:00 on 31 December in Curacao) the next reading
 * lacked exactly that one conversation and its quote. A month now counts once it is over in the
 * zone where days end last (12:00 UTC on the 1st). Found in review, stop 68
 * (probe hr-facilitation-finished-month-zone-behind).
 */
describe('a finished month and conversations in a zone behind the organisation', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const reviewOf = async (who: TestUser) => (await t.store.container('reviews').items.query({ query: 'SELECT * FROM c WHERE c.reportId = @r', parameters: [{ name: '@r', value: who.aadObjectId }] }).fetchAll()).resources[0];
  const plan = async (who: TestUser, date: string, timeZone: string, key = `plan-${who.name}-${date}`) =>
    expect((await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: who.aadObjectId, date, timeZone, prepDays: '3' }, key))).status).toBe(200);
  const cancel = async (who: TestUser, key: string) => {
    const review = await reviewOf(who);
    expect((await t.send(execute(miaChat(), mia, 'review.cancel', { reviewId: review.id, planned: review.createdAt }, key))).status).toBe(200);
  };
  const share = async (who: TestUser, text: string) => {
    const review = await reviewOf(who);
    expect((await t.send(execute(miaChat(), mia, 'review.facilitated.save', { reviewId: review.id, facilitated: text, shareFacilitation: 'true' }, `acc-${who.name}`))).status).toBe(200);
  };
  const december = () => facilitationFigures(t, '2026-12-01', '2026-12-31');

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [anna, bram, cem, dewi, eva].map((u) => ({ id: u.aadObjectId, name: u.name, managerId: mia.aadObjectId })).concat([{ id: mia.aadObjectId, name: 'Mia', managerId: '' }]) }));
    t = await startTestApp({ DIRECTORY_FILE: directory, HR_USER_IDS: HR.aadObjectId }, '2026-11-23T08:00:00Z');
    await plan(anna, '2026-12-08', 'Europe/Amsterdam');
    await plan(bram, '2026-12-10', 'Europe/Amsterdam');
    await plan(dewi, '2026-12-15', 'Europe/Amsterdam');
    await plan(cem, '2026-12-31', 'America/Curacao');
    t.clock.set('2026-12-20T10:00:00Z');
    for (const who of [anna, bram, dewi]) await share(who, ABOUT(who));
    await share(cem, ABOUT_CEM);
  }, 120_000);
  afterAll(() => t?.stop());

  it('is not read while its last day runs in Curacao, so cancelling that day\'s conversation changes no reading', async () => {
    t.clock.set('2026-12-31T23:30:00Z'); // 00:30 on 1 January in Amsterdam, 18:30 on 31 December in Curacao
    const first = await december();
    expect(first).toEqual(NOTHING_COUNTED);
    t.clock.set('2027-01-01T00:00:00Z'); // 01:00 Amsterdam, 20:00 on 31 December in Curacao: not yet held
    await cancel(cem, 'cancel-cem');
    expect(await reviewOf(cem)).toBeUndefined();
    expect(await december()).toEqual(first);
  }, 120_000);

  it('counts it once it is over in every zone, and no conversation planned or cancelled before then nor after changes that', async () => {
    t.clock.set('2027-01-01T00:10:00Z'); // 01:10 Amsterdam
    const before = await december();
    await plan(eva, '2026-12-31', 'America/Curacao');
    expect((await reviewOf(eva))?.date).toBe('2026-12-31'); // accepted: not yet a past day in Curacao
    const after = await december();
    expect({ plannedAdded: after.planned - before.planned }).toEqual({ plannedAdded: 0 });

    // Any IANA zone is taken: at 11:30 UTC it is still 31 December 23:30 in UTC-12.
    t.clock.set('2027-01-01T11:30:00Z');
    await plan(cem, '2026-12-31', 'Etc/GMT+12', 'plan-Cem-again');
    expect((await reviewOf(cem))?.date).toBe('2026-12-31');
    expect(await december()).toEqual(NOTHING_COUNTED);

    t.clock.set('2027-01-01T12:00:00Z'); // midnight in UTC-12: December is over everywhere
    const finished = await december();
    expect(finished).toEqual({ planned: 5, withAccount: 3, shared: [anna, bram, dewi].map(ABOUT).sort((a, b) => a.localeCompare(b)) });
    await cancel(eva, 'cancel-eva'); // held now in Curacao too: refused
    expect((await reviewOf(eva))?.date).toBe('2026-12-31');
    t.clock.set('2027-01-05T09:00:00Z');
    expect(await december()).toEqual(finished);
  }, 120_000);
});
