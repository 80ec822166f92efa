import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, TestUser, user } from '../support/activities';
import { HR } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { facilitationFigures } from './support/facilitation';

const mia = user('Mia');
const [anna, bram, cem] = ['Anna', 'Bram', 'Cem'].map(user) as [TestUser, TestUser, TestUser];
const ABOUT_ANNA = 'Vier uur per week vrij geroosterd voor haar re-integratie na ziekte';
const ABOUT_HANNA = 'Een opleiding arbeidsrecht goedgekeurd';

/**
 * The facilitation section counts a month only when at least 3 professionals had a conversation,
 * so no quote belongs to one person. HR members as managers counted toward no month's minimum,
 * but as professionals they still made up the crowd: Hanna (HR) reports to Mia, as Anna and Bram
 * do; Mia shared her accounts of Anna's and Hanna's December conversations. Reading December,
 * Hanna knew one quote was about herself, and the other was about one of two people. HR members
 * as professionals now count toward no month's minimum either (any HR member, whoever reads: the
 * month reads the same to every HR reader); a month that counts holds their conversations all the
 * same. Found in review, stop 68 (probe hr-facilitation-reader-is-one-of-three).
 */
describe('an HR reader who is one of the three professionals of a month', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const reviewOf = async (who: TestUser, date: string) =>
    (await t.store.container('reviews').items.query({ query: 'SELECT * FROM c WHERE c.reportId = @r AND c.date = @d', parameters: [{ name: '@r', value: who.aadObjectId }, { name: '@d', value: date }] }).fetchAll()).resources[0];

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [anna, bram, cem, HR].map((u) => ({ id: u.aadObjectId, name: u.name, managerId: mia.aadObjectId })).concat([{ id: mia.aadObjectId, name: 'Mia', managerId: '' }]) }));
    t = await startTestApp({ DIRECTORY_FILE: directory, HR_USER_IDS: HR.aadObjectId }, '2026-11-23T08:00:00Z');
    const plans = [[anna, '2026-12-08'], [bram, '2026-12-10'], [HR, '2026-12-15'], [anna, '2027-01-12'], [bram, '2027-01-13'], [cem, '2027-01-14'], [HR, '2027-01-15']] as const;
    for (const [who, date] of plans) {
      expect((await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: who.aadObjectId, date, timeZone: 'Europe/Amsterdam', prepDays: '3' }, `plan-${who.name}-${date}`))).status).toBe(200);
      expect((await reviewOf(who, date))?.date).toBe(date);
    }
    t.clock.set('2026-12-20T10:00:00Z');
    for (const [who, text] of [[anna, ABOUT_ANNA], [HR, ABOUT_HANNA]] as const) {
      const review = await reviewOf(who, who === anna ? '2026-12-08' : '2026-12-15');
      expect((await t.send(execute(miaChat(), mia, 'review.facilitated.save', { reviewId: review.id, facilitated: text, shareFacilitation: 'true' }, `acc-${who.name}`))).status).toBe(200);
    }
  }, 120_000);
  afterAll(() => t?.stop());

  it('does not count a month whose crowd, without the HR professional, is below the minimum', async () => {
    t.clock.set('2027-02-04T09:00:00Z');
    const december = await facilitationFigures(t, '2026-12-01', '2026-12-31'); // read by Hanna (HR)
    const notAboutHer = december.shared.filter((s) => s !== ABOUT_HANNA);
    expect({ planned: december.planned, quotesNotAboutReader: notAboutHer }).toEqual({ planned: 0, quotesNotAboutReader: [] });
  }, 120_000);

  it('counts a month with three professionals outside HR, the HR professional\'s conversation in its figures', async () => {
    expect(await facilitationFigures(t, '2027-01-01', '2027-01-31')).toEqual({ planned: 4, withAccount: 0, shared: [] });
  }, 120_000);
});
