import { CosmosReportSource } from '../../src/store/hr-report.source';
import { CosmosTalentReviewRepository } from '../../src/store/talent-review.repository';
import { computeFor } from '../../src/usecases/hr-report/hr-report';
import { PulsePollDeps } from '../../src/usecases/pulse-poll/deps';
import { isHr, mayBeHr } from '../../src/usecases/pulse-poll/access';
import { user } from '../support/activities';
import { downloadText, reportLinks } from '../support/hr-report';
import { HR } from '../support/pulse-driver';
import { TestApp } from '../support/test-app';
import { cem, mia } from '../privacy/support/facilitation';
import { facilitationRows, planMonthsHrCouldPad, reviewOf, startWithHrAlsoManaging } from './support/facilitation';

const ABOUT_CEM = 'Vier uur per week vrij geroosterd voor zijn re-integratie na ziekte';
const ABOUT_ANNA = 'Budget voor een cursus vrijgemaakt';

/**
 * The facilitation minimum leaves out the conversations of every manager who is an HR member, not
 * only the reader's (found in review, stop 50). Hanna (HR) manages Dewi and Eva, Ivo (HR) manages
 * no one. In December Mia had one conversation (Cem, account shared) and Hanna two. Counting only
 * the reader's own, Hanna saw December hidden, but Ivo saw it counted with its one quote, Mia's
 * account of Cem; and Ivo's download link is a bearer URL that Hanna can open or be sent. Now
 * December is hidden to both, and a month with three professionals of non-HR managers reads the
 * same to both, Hanna's own conversation in its figures.
 */
describe('the facilitation section reads the same to every HR reader', () => {
  let t: TestApp;
  const ivo = user('Ivo');

  beforeAll(async () => {
    t = await startWithHrAlsoManaging([ivo]);
    await planMonthsHrCouldPad(t, { cemInDecember: ABOUT_CEM, annaInJanuary: ABOUT_ANNA });
    t.clock.set('2027-02-04T08:00:00Z');
  }, 120_000);
  afterAll(() => t.stop());

  it('Ivo, HR who manages no one, gets no December quote either: his links (bearer URLs Hanna can be sent) do not hand Hanna Cem\'s one account', async () => {
    const ivos = await reportLinks(t, ivo, '2026-12-01', '2026-12-31');
    expect(JSON.stringify(ivos.card)).not.toContain(ABOUT_CEM);
    expect(await facilitationRows(t, ivos.csv)).toEqual(['conversationsPlanned=0', 'withAccount=0']);
    const summary = await downloadText(t, ivos.summary);
    expect(summary).not.toContain(ABOUT_CEM);
  }, 120_000);

  it('Hanna\'s December is hidden as before, and reads as Ivo\'s', async () => {
    const hannas = await reportLinks(t, HR, '2026-12-01', '2026-12-31');
    expect(JSON.stringify(hannas.card)).not.toContain(ABOUT_CEM);
    expect(await facilitationRows(t, hannas.csv)).toEqual(['conversationsPlanned=0', 'withAccount=0']);
  }, 120_000);

  it('a month with three professionals of managers outside HR counts, Hanna\'s own conversation in its figures, the same for both readers', async () => {
    const expected = ['conversationsPlanned=4', 'withAccount=1', `sharedAccount=${ABOUT_ANNA}`];
    expect(await facilitationRows(t, (await reportLinks(t, HR, '2027-01-01', '2027-01-31')).csv)).toEqual(expected);
    expect(await facilitationRows(t, (await reportLinks(t, ivo, '2027-01-01', '2027-01-31')).csv)).toEqual(expected);
  }, 120_000);

  it('asks whether someone is HR once per distinct manager or professional in the period, and no one else (the HR check may ask Microsoft Graph)', async () => {
    const asked: string[] = [];
    const hrIds = new Set([HR.aadObjectId, ivo.aadObjectId]);
    const tenant = (await reviewOf(t, cem, '2026-12-15')).conversationRef.conversation.tenantId as string;
    const report = await computeFor(
      {
        source: new CosmosReportSource(t.store, undefined),
        b3: { closedPolls: async () => [] },
        isHr: async (id) => (asked.push(id), hrIds.has(id)),
        clock: t.clock,
        timeZone: 'Europe/Amsterdam',
        sessionHours: 1.5,
        facilitation: new CosmosTalentReviewRepository(t.store),
      },
      tenant,
      { from: '2026-12-01', to: '2027-01-31' },
    );
    // Seven conversations of two managers and five professionals (HR professionals count toward no minimum either, stop 68): seven questions.
    expect(asked.sort()).toEqual([HR, mia, ...['Anna', 'Bram', 'Cem', 'Dewi', 'Eva'].map(user)].map((u) => u.aadObjectId).sort());
    expect(report.facilitation).toEqual({ conversationsPlanned: 4, withAccount: 1, shared: [ABOUT_ANNA] });
  }, 120_000);

  it('a manager the directory cannot place counts as HR for the minimum: with Graph down, no month shows one that would hide', async () => {
    const tenant = (await reviewOf(t, cem, '2026-12-15')).conversationRef.conversation.tenantId as string;
    const deps = {
      source: new CosmosReportSource(t.store, undefined),
      b3: { closedPolls: async () => [] },
      // isHr grants access: a directory that cannot answer is a no there. mayBeHr leaves conversations out of the minimum: a yes.
      // The directory cannot place Hanna; it places Mia and the professionals, none of them HR.
      isHr: async () => false,
      mayBeHr: async (id: string) => id === HR.aadObjectId,
      clock: t.clock,
      timeZone: 'Europe/Amsterdam',
      sessionHours: 1.5,
      facilitation: new CosmosTalentReviewRepository(t.store),
    };
    const report = await computeFor(deps, tenant, { from: '2026-12-01', to: '2027-01-31' });
    expect(report.facilitation?.shared).not.toContain(ABOUT_CEM);
    expect(report.facilitation).toEqual({ conversationsPlanned: 4, withAccount: 1, shared: [ABOUT_ANNA] });
  }, 120_000);
});

describe('mayBeHr: whether a manager may be HR, for the facilitation minimum', () => {
  const down = { hr: { userIds: [], groupId: 'hr-group' }, directory: { isInGroup: () => Promise.reject(new Error('Graph down')) } } as unknown as PulsePollDeps;
  it('says yes when the directory cannot answer (isHr, which grants access, says no)', async () => {
    expect(await mayBeHr(down, 'aad-hanna')).toBe(true);
    expect(await isHr(down, 'aad-hanna')).toBe(false);
  });
  it('answers as isHr when the directory answers, and for the listed HR ids in any case', async () => {
    const up = { hr: { userIds: ['AAD-IVO'], groupId: 'hr-group' }, directory: { isInGroup: async (id: string) => id === 'aad-hanna' } } as unknown as PulsePollDeps;
    expect([await mayBeHr(up, 'aad-hanna'), await mayBeHr(up, 'aad-mia'), await mayBeHr(up, 'aad-ivo')]).toEqual([true, false, true]);
    const none = { hr: { userIds: [], groupId: '' }, directory: { isInGroup: () => Promise.reject(new Error('no group')) } } as unknown as PulsePollDeps;
    expect(await mayBeHr(none, 'aad-mia')).toBe(false);
  });
});
