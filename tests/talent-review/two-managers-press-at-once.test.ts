import { writeFileSync } from 'node:fs';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile } from './support/proposal-put-before';

/**
 * Found in review, stop 50: Anna moves from Mia to Noor. Both have a planned conversation about
 * her and press prep-card buttons at the same moment; Teams delivers presses twice, at once.
 */
const mia = user('Mia');
const noor = user('Noor');

describe('old and new manager pressing at once; a press delivered twice at once', () => {
  let t: TestApp;
  let file = '';
  const chat = (who: typeof mia) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const reviewOf = async (managerId: string) => (await t.store.container('reviews').items.query({ query: "SELECT * FROM c WHERE c.reportId = 'aad-anna' AND c.managerId = @m", parameters: [{ name: '@m', value: managerId }] }).fetchAll()).resources[0];
  const users = (managerId: string) => [{ id: 'aad-anna', name: 'Anna', managerId }, { id: 'aad-mia', name: 'Mia' }, { id: 'aad-noor', name: 'Noor' }];

  beforeAll(async () => {
    file = directoryFile(users('aad-mia'));
    t = await startTestApp({ DIRECTORY_FILE: file }, '2026-11-23T08:00:00Z');
    await t.send(execute(chat(mia), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    writeFileSync(file, JSON.stringify({ users: users('aad-noor') }));
    await t.send(execute(chat(noor), noor, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-17', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
  }, 60_000);
  afterAll(() => t.stop());

  it('Mia (no longer the manager) is refused in Dutch and stores nothing; Noor\'s press is kept, at the same moment', async () => {
    const [miaReview, noorReview] = [await reviewOf('aad-mia'), await reviewOf('aad-noor')];
    expect(noorReview).toBeDefined();
    const [miaRes, noorRes] = await Promise.all([
      t.send(execute(chat(mia), mia, 'review.facilitated.save', { reviewId: miaReview.id, facilitated: 'MIA-LATE account', shareFacilitation: true }, 'prep-card', 'mia-fac')),
      t.send(execute(chat(noor), noor, 'review.facilitated.save', { reviewId: noorReview.id, facilitated: 'NOOR account', shareFacilitation: true }, 'prep-card', 'noor-fac')),
    ]);
    expect(cardText(noorRes.body.value)).toContain('NOOR account');
    expect(cardText(miaRes.body.value)).not.toContain('Anna');
    expect(cardText(miaRes.body.value)).toMatch(/niet meer|geen/i);
    expect((await reviewOf('aad-mia'))?.facilitated).toBeUndefined();
    expect((await reviewOf('aad-noor')).facilitated).toBe('NOOR account');
  }, 60_000);

  it('two different presses by Noor at the same moment are both kept (no lost update)', async () => {
    const id = (await reviewOf('aad-noor')).id;
    await Promise.all([
      t.send(execute(chat(noor), noor, 'review.facilitated.save', { reviewId: id, facilitated: 'NOOR second account', shareFacilitation: false }, 'prep-card', 'noor-fac-2')),
      t.send(execute(chat(noor), noor, 'review.phase.propose', { reviewId: id, phase: 'actie' }, 'prep-card', 'noor-phase-1')),
    ]);
    const stored = await reviewOf('aad-noor');
    expect({ facilitated: stored.facilitated, share: stored.shareFacilitation, phase: stored.phaseProposal?.phase }).toEqual({ facilitated: 'NOOR second account', share: false, phase: 'actie' });
  }, 60_000);

  it('one press Teams delivers twice at the same moment is applied once, and a later press stays', async () => {
    const id = (await reviewOf('aad-noor')).id;
    const press = () => t.send(execute(chat(noor), noor, 'review.phase.propose', { reviewId: id, phase: 'toepassen' }, 'prep-card', 'noor-phase-2'));
    const answers = await Promise.all([press(), press()]);
    for (const a of answers) expect(a.status).toBe(200);
    for (const a of answers) expect(cardText(a.body.value)).not.toMatch(/misgegaan|went wrong/i);
    await t.send(execute(chat(noor), noor, 'review.phase.propose', { reviewId: id, phase: 'actie' }, 'prep-card', 'noor-phase-3'));
    await press();
    expect((await reviewOf('aad-noor')).phaseProposal?.phase).toBe('actie');
  }, 60_000);
});
