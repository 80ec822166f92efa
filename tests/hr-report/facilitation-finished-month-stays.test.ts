import { anna, cem, facilitationFigures, shareAccount, startWithMiaAsManager } from '../privacy/support/facilitation';
import { TestApp } from '../support/test-app';
import { planDecemberCemLast } from './support/facilitation';

const ABOUT_ANNA = 'Budget voor een cursus vrijgemaakt';
const ABOUT_ANNA_EDITED = 'Budget voor een cursus vrijgemaakt, en een middag per week om te oefenen';
const ABOUT_BRAM = 'Een buddy geregeld in het team';
const ABOUT_CEM = 'Vier uur per week vrij geroosterd voor zijn re-integratie na ziekte';

/**
 * A finished month stays as HR read it. A month counts once it is over (stop 37), but the accounts
 * were read as they are now: an account the manager writes after the month is over (Cem's
 * conversation on 30 December, the account typed on 4 January) added one account and one quote to
 * a month HR had already read, tied to the month's last conversation. Weeks already leave out a
 * session closed after its week was over; months now count only accounts first written before
 * they ended (organisation's time zone). A later edit of an account that counted replaces its
 * text and adds or removes no row. Found in review, stop 50 (probe-facilitation-late-account).
 */
describe('a facilitation account written after its month is over', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startWithMiaAsManager();
    await planDecemberCemLast(t, { anna: ABOUT_ANNA, bram: ABOUT_BRAM }, (who, text) => shareAccount(t, who, text));
  }, 120_000);
  afterAll(() => t.stop());

  it('two readings of the finished month December do not differ by the one account written between them', async () => {
    t.clock.set('2027-01-02T08:00:00Z');
    const first = await facilitationFigures(t, '2026-12-01', '2026-12-31');
    expect(first).toEqual({ planned: 3, withAccount: 2, shared: [ABOUT_BRAM, ABOUT_ANNA].sort((a, b) => a.localeCompare(b)) });
    t.clock.set('2027-01-04T08:00:00Z');
    await shareAccount(t, cem, ABOUT_CEM);
    t.clock.set('2027-01-05T08:00:00Z');
    const second = await facilitationFigures(t, '2026-12-01', '2026-12-31');
    const isolated = second.shared.filter((s) => !first.shared.includes(s));
    expect({ accountsAdded: second.withAccount - first.withAccount, isolated }).toEqual({ accountsAdded: 0, isolated: [] });
    expect(second).toEqual(first);
  }, 120_000);

  it('a later edit of an account that counted replaces its text, and adds or removes no row', async () => {
    t.clock.set('2027-01-06T08:00:00Z');
    await shareAccount(t, anna, ABOUT_ANNA_EDITED);
    t.clock.set('2027-01-07T08:00:00Z');
    expect(await facilitationFigures(t, '2026-12-01', '2026-12-31')).toEqual({ planned: 3, withAccount: 2, shared: [ABOUT_BRAM, ABOUT_ANNA_EDITED].sort((a, b) => a.localeCompare(b)) });
  }, 120_000);

  it('keeps the first moment of an account through edits (what the month rule reads)', async () => {
    const { resources } = await t.store.container('reviews').items.query({ query: 'SELECT c.facilitatedAt, c.firstFacilitatedAt FROM c WHERE c.reportId = @r', parameters: [{ name: '@r', value: anna.aadObjectId }] }).fetchAll();
    expect(resources).toEqual([{ facilitatedAt: '2027-01-06T08:00:00.000Z', firstFacilitatedAt: '2026-12-11T08:00:00.000Z' }]);
  });
});
