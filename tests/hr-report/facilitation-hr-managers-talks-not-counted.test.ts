import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, TestUser, user } from '../support/activities';
import { reportCard } from '../support/hr-report';
import { HR } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { facilitationFigures } from '../privacy/support/facilitation';

const ABOUT_CEM = 'Vier uur per week vrij geroosterd voor zijn re-integratie na ziekte';
const ABOUT_ANNA = 'Budget voor een cursus vrijgemaakt';

/**
 * The facilitation section shows a month only when at least 3 professionals had a planned
 * conversation in it (MIN_CONVERSATIONS_PER_MONTH), so no quote belongs to one conversation. The
 * reader can be a manager too: Hanna (HR) manages Dewi and Eva. Her two conversations in December
 * lifted a month holding only Mia's one conversation with Cem over the minimum, and the one quote
 * in it was, for her, Mia's account of Cem's conversation: the padding the B3-spiegel refuses
 * (pulse-poll-padding). The minimum now counts no conversation whose manager is an HR member (any
 * of them, so a month reads the same to every HR reader: facilitation-same-for-every-hr-reader),
 * on the card and in its signed downloads. Found in review, stop 50
 * (probe-facilitation-hr-pads-month).
 */
describe('HR who is also a manager cannot pad a month of facilitation accounts with her own conversations', () => {
  let t: TestApp;
  const mia = user('Mia');
  const [anna, bram, cem, dewi, eva] = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva'].map(user) as [TestUser, TestUser, TestUser, TestUser, TestUser];
  const plan = (manager: TestUser, who: TestUser, date: string) =>
    t.send(execute(t.conversation('personal', `a:personal-${manager.name.toLowerCase()}`), manager, 'review.plan.save', { reportId: who.aadObjectId, date, timeZone: 'Europe/Amsterdam', prepDays: '3' }, `plan-${who.name}-${date}`));
  const share = async (who: TestUser, date: string, text: string) => {
    const review = (await t.store.container('reviews').items.query({ query: 'SELECT * FROM c WHERE c.reportId = @r AND c.date = @d', parameters: [{ name: '@r', value: who.aadObjectId }, { name: '@d', value: date }] }).fetchAll()).resources[0];
    expect((await t.send(execute(t.conversation('personal', 'a:personal-mia'), mia, 'review.facilitated.save', { reviewId: review.id, facilitated: text, shareFacilitation: 'true' }, `prep-${who.name}-${date}`))).status).toBe(200);
  };

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'hr-pads-')), 'directory.json');
    writeFileSync(
      directory,
      JSON.stringify({
        users: [
          ...[anna, bram, cem].map((u) => ({ id: u.aadObjectId, name: u.name, managerId: mia.aadObjectId })),
          { id: dewi.aadObjectId, name: 'Dewi', managerId: HR.aadObjectId },
          { id: eva.aadObjectId, name: 'Eva', managerId: HR.aadObjectId },
          { id: mia.aadObjectId, name: 'Mia' },
          { id: HR.aadObjectId, name: 'Hanna' },
        ],
      }),
    );
    t = await startTestApp({ DIRECTORY_FILE: directory, HR_USER_IDS: HR.aadObjectId }, '2026-11-23T08:00:00Z');
    // December: Mia's one conversation (Cem) and Hanna's two.
    expect((await plan(mia, cem, '2026-12-15')).status).toBe(200);
    expect((await plan(HR, dewi, '2026-12-16')).status).toBe(200);
    expect((await plan(HR, eva, '2026-12-17')).status).toBe(200);
    // January: Mia's three (Anna, Bram, Cem) and Hanna's one.
    for (const who of [anna, bram, cem]) expect((await plan(mia, who, '2027-01-12')).status).toBe(200);
    expect((await plan(HR, dewi, '2027-01-13')).status).toBe(200);
    t.clock.set('2026-12-16T08:00:00Z');
    await share(cem, '2026-12-15', ABOUT_CEM);
    t.clock.set('2027-01-13T08:00:00Z');
    await share(anna, '2027-01-12', ABOUT_ANNA);
  }, 120_000);
  afterAll(() => t.stop());

  it('December\'s download does not hand Hanna the one account that is not her own', async () => {
    t.clock.set('2027-02-04T08:00:00Z');
    const december = await facilitationFigures(t, '2026-12-01', '2026-12-31');
    expect(december.shared).not.toContain(ABOUT_CEM);
    expect(december).toEqual({ planned: 0, withAccount: 0, shared: [] });
  }, 120_000);

  it('nor does the report card she sees', async () => {
    const card = await reportCard(t, t.conversation('channel', '19:hr-channel@thread.tacv2'), HR, 'rapport 2026-12-01 2026-12-31');
    expect(JSON.stringify(card)).not.toContain(ABOUT_CEM);
  }, 120_000);

  it('a month with three professionals of managers outside HR counts, her own conversation in its figures', async () => {
    // HR's own conversations tell HR nothing it does not know; the month reads the same to every HR reader.
    expect(await facilitationFigures(t, '2027-01-01', '2027-01-31')).toEqual({ planned: 4, withAccount: 1, shared: [ABOUT_ANNA] });
  }, 120_000);
});
