import { TestUser } from '../support/activities';
import { TestApp } from '../support/test-app';
import { anna, bram, cem, facilitationFigures, startWithMiaAsManager } from '../privacy/support/facilitation';
import { planDecemberCemLast, reviewOf, saveAccount } from './support/facilitation';
import { planReview, recordFacilitated } from '../../src/domain/talent-review/review';
import { forgetReportInReview } from '../../src/domain/verantwoording/erasure-reviews';

const ABOUT_ANNA = 'Budget voor een cursus vrijgemaakt';
const ABOUT_BRAM = 'Een buddy geregeld in het team';
const ABOUT_BRAM_EDITED = 'Een buddy geregeld in het team, en een uur per week om samen te oefenen';
const ABOUT_CEM = 'Vier uur per week vrij geroosterd voor zijn re-integratie na ziekte';
const sorted = (xs: string[]) => [...xs].sort((a, b) => a.localeCompare(b));

/**
 * A finished month stays as HR read it, its quotes too. Only accounts written before a month ended
 * count in it (stop 50), but Mia wrote her account of Cem's conversation (30 December) in time,
 * unshared, and ticked "share" on 4 January: the next reading of December held one quote more,
 * tied to the month's last conversation. A month now quotes an account only when sharing was
 * switched on before it ended (`sharedSince`). A withdrawal still removes the quote at once; a
 * re-share after the month ended does not bring it back into that month. Found in review, stop 50.
 */
describe('a facilitation account shared only after its month is over', () => {
  let t: TestApp;
  let press = 0;
  /** Mia saves her account of `who`'s conversation, shared or not (a new press each time). */
  const save = (who: TestUser, text: string, share: boolean) => saveAccount(t, who, text, { share, press: `late-share-${++press}` });
  const stored = (who: TestUser) => reviewOf(t, who);

  beforeAll(async () => {
    t = await startWithMiaAsManager();
    await planDecemberCemLast(t, { anna: ABOUT_ANNA, bram: ABOUT_BRAM }, (who, text) => save(who, text, true));
    t.clock.set('2026-12-30T15:00:00Z');
    await save(cem, ABOUT_CEM, false); // written in time, not shared
  }, 120_000);
  afterAll(() => t.stop());

  it('two readings of the finished month December do not differ by the quote shared between them', async () => {
    t.clock.set('2027-01-02T08:00:00Z');
    const first = await facilitationFigures(t, '2026-12-01', '2026-12-31');
    expect(first).toEqual({ planned: 3, withAccount: 3, shared: sorted([ABOUT_ANNA, ABOUT_BRAM]) });
    t.clock.set('2027-01-04T08:00:00Z');
    await save(cem, ABOUT_CEM, true);
    t.clock.set('2027-01-05T08:00:00Z');
    const second = await facilitationFigures(t, '2026-12-01', '2026-12-31');
    expect({ isolated: second.shared.filter((s) => !first.shared.includes(s)) }).toEqual({ isolated: [] });
    expect(second).toEqual(first);
  }, 120_000);

  it('a withdrawal removes the quote at once; sharing again after the month ended does not bring it back', async () => {
    t.clock.set('2027-01-06T08:00:00Z');
    await save(anna, ABOUT_ANNA, false);
    expect(await facilitationFigures(t, '2026-12-01', '2026-12-31')).toEqual({ planned: 3, withAccount: 3, shared: [ABOUT_BRAM] });
    t.clock.set('2027-01-07T08:00:00Z');
    await save(anna, ABOUT_ANNA, true);
    expect(await facilitationFigures(t, '2026-12-01', '2026-12-31')).toEqual({ planned: 3, withAccount: 3, shared: [ABOUT_BRAM] });
    expect((await stored(anna)).sharedSince).toBe('2027-01-07T08:00:00.000Z');
  }, 120_000);

  it('an edit of a quote shared in time replaces its text and keeps when sharing began', async () => {
    t.clock.set('2027-01-08T08:00:00Z');
    await save(bram, ABOUT_BRAM_EDITED, true);
    expect(await facilitationFigures(t, '2026-12-01', '2026-12-31')).toEqual({ planned: 3, withAccount: 3, shared: [ABOUT_BRAM_EDITED] });
    const doc = await stored(bram);
    expect({ sharedSince: doc.sharedSince, facilitatedAt: doc.facilitatedAt }).toEqual({ sharedSince: '2026-12-16T08:00:00.000Z', facilitatedAt: '2027-01-08T08:00:00.000Z' });
  }, 120_000);

  it('a shared account stored before `sharedSince` existed reads as shared at its last change (never earlier than the truth)', async () => {
    // As stored between the two stop-50 changes: first written in time, last changed (and so
    // perhaps shared) after the month ended. It counts; it is not quoted.
    const { sharedSince: _none, ...legacy } = await stored(bram);
    await t.store.container('reviews').items.upsert(legacy);
    expect(await facilitationFigures(t, '2026-12-01', '2026-12-31')).toEqual({ planned: 3, withAccount: 3, shared: [] });
    // Last changed within the month: quoted, as before.
    await t.store.container('reviews').items.upsert({ ...legacy, facilitatedAt: '2026-12-20T08:00:00.000Z' });
    expect(await facilitationFigures(t, '2026-12-01', '2026-12-31')).toEqual({ planned: 3, withAccount: 3, shared: [ABOUT_BRAM_EDITED] });
  }, 120_000);
});

describe('when sharing began, in the review itself', () => {
  const at = (iso: string) => new Date(iso);
  const base = { managerId: 'aad-mia', reportId: 'aad-anna', reportName: 'Anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDaysBefore: 3, conversationRef: {} };
  const planned = planReview(base, at('2026-11-23T10:00:00Z'));

  it('is set when sharing is switched on, kept through edits, gone when it is switched off, new when switched on again', () => {
    const unshared = recordFacilitated(planned, { text: 'Twee uur' }, at('2026-12-01T08:00:00Z'));
    expect(unshared.sharedSince).toBeUndefined();
    const shared = recordFacilitated(unshared, { text: 'Twee uur', share: true }, at('2026-12-02T08:00:00Z'));
    expect(shared.sharedSince).toBe('2026-12-02T08:00:00.000Z');
    expect(recordFacilitated(shared, { text: 'Drie uur', share: true }, at('2026-12-03T08:00:00Z')).sharedSince).toBe('2026-12-02T08:00:00.000Z');
    const withdrawn = recordFacilitated(shared, { text: 'Twee uur', share: false }, at('2026-12-04T08:00:00Z'));
    expect(withdrawn).not.toHaveProperty('sharedSince');
    expect(recordFacilitated(withdrawn, { text: 'Twee uur', share: true }, at('2027-01-05T08:00:00Z')).sharedSince).toBe('2027-01-05T08:00:00.000Z');
  });

  it('an account shared before `sharedSince` existed keeps its last change as the moment, through an edit', () => {
    const { sharedSince: _none, ...legacy } = recordFacilitated(planned, { text: 'Twee uur', share: true }, at('2026-12-02T08:00:00Z'));
    expect(recordFacilitated(legacy, { text: 'Drie uur', share: true }, at('2027-01-05T08:00:00Z')).sharedSince).toBe('2026-12-02T08:00:00.000Z');
  });

  it('goes with the share itself when the professional is erased (the manager\'s text and its first moment stay)', () => {
    const shared = recordFacilitated(planned, { text: 'Twee uur', share: true }, at('2026-12-02T08:00:00Z'));
    const kept = forgetReportInReview(shared, { userId: 'aad-anna', marker: 'erased-0001', language: 'nl' });
    expect({ facilitated: kept.facilitated, first: kept.firstFacilitatedAt, share: kept.shareFacilitation, since: kept.sharedSince }).toEqual({
      facilitated: 'Twee uur',
      first: '2026-12-02T08:00:00.000Z',
      share: undefined,
      since: undefined,
    });
  });
});
