import { execute } from '../support/activities';
import { anna, bram, cem, facilitationFigures, planConversation, shareAccount, startWithMiaAsManager } from '../privacy/support/facilitation';
import { TestApp } from '../support/test-app';

const ABOUT_ANNA = 'Vier uur per week vrij geroosterd voor haar re-integratie na ziekte';

/**
 * The facilitation section counts a month only when at least 3 distinct professionals had a
 * planned conversation in it, so that no quote belongs to one person's conversation. It counted
 * talent-review documents, not people: a conversation planned again on another date is a second
 * document (README: a planned conversation cannot be moved, planning again adds one). Mia re-plans
 * Anna's gesprek twice in December: the month "held 3 conversations", all of them Anna's, and the
 * quote was shown: HR knew it was about Anna (the only professional with a gesprek that month).
 * Found in review, stop 39.
 */
describe('the facilitation minimum counts professionals, not conversation documents', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startWithMiaAsManager();
    await planConversation(t, anna, '2026-12-08');
    await planConversation(t, anna, '2026-12-10');
    await planConversation(t, anna, '2026-12-14');
    await shareAccount(t, anna, ABOUT_ANNA);
    t.clock.set('2027-01-04T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('precondition: three conversation records for Anna in December', async () => {
    const { resources } = await t.store.container('reviews').items.query({ query: 'SELECT c.date FROM c WHERE c.reportId = @r', parameters: [{ name: '@r', value: anna.aadObjectId }] }).fetchAll();
    expect(resources.map((r: { date: string }) => r.date).sort()).toEqual(['2026-12-08', '2026-12-10', '2026-12-14']);
  });

  it('does not quote an account from a month whose conversations were all one person\'s', async () => {
    const december = await facilitationFigures(t, '2026-12-01', '2026-12-31');
    expect(december.shared).not.toContain(ABOUT_ANNA);
  });
});

/** An erasure still takes the professional's quote out of the report; their conversation still counts, as one person's. */
describe('the facilitation section after a professional erases their data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startWithMiaAsManager();
    await planConversation(t, anna, '2026-12-10');
    await shareAccount(t, anna, ABOUT_ANNA);
    await planConversation(t, bram, '2026-12-15');
    await planConversation(t, cem, '2026-12-17');
    t.clock.set('2027-01-04T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('counts three people and quotes Anna\'s account, then drops the quote when she erases her data', async () => {
    expect(await facilitationFigures(t, '2026-12-01', '2026-12-31')).toEqual({ planned: 3, withAccount: 1, shared: [ABOUT_ANNA] });
    await t.send(execute(t.conversation('personal', 'a:personal-anna'), anna, 'verantwoording.erase.confirm', { confirm: 'yes' }, 'erase-card'));
    await t.app.outbox.drain(60_000);
    expect(await facilitationFigures(t, '2026-12-01', '2026-12-31')).toEqual({ planned: 3, withAccount: 1, shared: [] });
  }, 90_000);
});
