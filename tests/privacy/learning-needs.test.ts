import { batchIdOf, LearningNeedBatch } from '../../src/domain/learning-needs/learning-need';
import { writePersonalAnswer } from '../../src/domain/personal/personal-answer';
import { JobScheduler } from '../../src/domain/scheduling/job';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { CosmosLearningNeedStore } from '../../src/store/learning-needs.repository';
import { CosmosPersonalRecordRepository } from '../../src/store/verantwoording.repositories';
import { handOverLearningNeeds, LearningNeedDeps, learningNeedsReport, passOnLearningNeed } from '../../src/usecases/learning-needs/learning-needs';
import { startTestCosmos } from '../support/cosmos';
import { FakeClock } from '../support/fake-clock';
import { DatabaseDump, fullDump, nextSecond, occurrences, withoutSystemFields } from './support/database-dump';

const MIN = 3;
/** Every person here works in one organisation; tests/hr-report/learning-needs-tenant.e2e.test.ts has several. */
const TENANT = 'tenant-1';
const PEOPLE = ['aad-anna', 'aad-bram', 'aad-cem', 'aad-dewi', 'aad-eva', 'aad-finn'];
/** The week cycle stores no schedule for these tests: the handover is called by hand. */
const noScheduler: JobScheduler = { schedule: async () => undefined, cancel: async () => undefined };

type Choice = { theme: string; text: string };
/** One run: the dumps during and after, and the wall-clock seconds (`_ts`) the handover ran in. */
type Run = { during: DatabaseDump[]; after: DatabaseDump; handover: { from: number; to: number } };

function depsOn(cosmos: CosmosConnection, clock: FakeClock): LearningNeedDeps {
  return { store: new CosmosLearningNeedStore(cosmos), records: new CosmosPersonalRecordRepository(cosmos), clock, minimum: MIN, timeZone: 'Europe/Amsterdam', scheduler: noScheduler };
}

/** Each person's private answer to question 9 of one week's session (the same in every run). */
async function answer(deps: LearningNeedDeps, userId: string, week: number): Promise<string> {
  const a = writePersonalAnswer({ userId, groupId: 'g1', cycleId: `g1_w${week}`, sessionId: `g1_w${week}_s4`, questionId: 9, text: `Antwoord van ${userId} in week ${week}`, updatedAt: '2026-11-26T08:00:00.000Z' });
  await deps.records.create(a);
  return a.id;
}

/**
 * Learning needs passed on to L&O against a database reader: a full dump (every container and
 * field, `_ts`, `_etag`, `_rid`, read order) after every pass-on and after the handover.
 */
describe('learning needs for L&O: a database reader', () => {
  /** One run: the same people pass on in the same order, a second apart; `assign` says who passes on what. */
  async function run(assign: (i: number) => Choice): Promise<Run> {
    const cosmos = await startTestCosmos();
    try {
      const clock = new FakeClock(new Date('2026-11-26T09:00:00Z'));
      const deps = depsOn(cosmos, clock);
      const answers = [];
      for (const p of PEOPLE.slice(0, 4)) answers.push(await answer(deps, p, 1));
      const during: DatabaseDump[] = [];
      for (let i = 0; i < 4; i++) {
        await nextSecond();
        await passOnLearningNeed(deps, PEOPLE[i]!, answers[i]!, assign(i), TENANT);
        during.push(await fullDump(cosmos));
      }
      clock.set('2026-11-30T01:00:00Z');
      await nextSecond();
      const from = Math.floor(Date.now() / 1000);
      expect((await handOverLearningNeeds(deps)).map((r) => r.result)).toEqual(['handedOver']);
      const to = Math.floor(Date.now() / 1000);
      return { during, after: await fullDump(cosmos), handover: { from, to } };
    } finally {
      await cosmos.close();
    }
  }
  const CHOICES: Choice[] = [
    { theme: 'samenwerken', text: 'Afspraken tussen diensten' },
    { theme: 'samenwerken', text: 'Feedback geven' },
    { theme: 'samenwerken', text: 'Overleggen' },
    { theme: 'digitaal', text: 'Excel-macro\'s' },
  ];
  let a: Run;
  let b: Run;

  beforeAll(async () => {
    // The same people, the same order and moments, with their choices swapped around. The two runs
    // go side by side, each on its own database: they wait out the same wall-clock seconds (the
    // store's `_ts`) together instead of one after the other.
    [a, b] = await Promise.all([run((i) => CHOICES[i]!), run((i) => CHOICES[[2, 0, 1, 3][i]!]!)]);
  });

  it('before the handover nothing anonymous exists: the choice is only in the member\'s own partition', () => {
    for (const dump of a.during) expect(dump.filter((d) => d.container === 'learningNeeds')).toEqual([]);
    const pending = a.during.at(-1)!.filter((d) => d.doc.type === 'learningNeedPassOn');
    expect(pending.map((d) => [d.doc.userId, d.doc.status])).toEqual(PEOPLE.slice(0, 4).map((p) => [p, 'pending']));
  });

  it('after the handover the batch holds no person, no time but the week, and the members\' partitions hold nothing of what they passed on', () => {
    const batches = a.after.filter((d) => d.container === 'learningNeeds').map((d) => d.doc as unknown as LearningNeedBatch);
    expect(batches.map((x) => x.id)).toEqual([batchIdOf('2026-W49', TENANT)]);
    const text = JSON.stringify(withoutSystemFields(a.after, ['learningNeeds']));
    expect(text).not.toMatch(/aad-|Antwoord van|\d{4}-\d{2}-\d{2}T/);
    const leftWithPeople = occurrences(a.after.filter((d) => d.container !== 'learningNeeds'), (v) => (typeof v === 'string' && CHOICES.some((c) => c.text === v || c.theme === v) ? v : undefined));
    expect(leftWithPeople).toEqual([]);
  });

  it('the _ts join fails: every member\'s record was last written by the handover, after the batch', () => {
    const batchTs = Number(a.after.find((d) => d.container === 'learningNeeds')!.doc._ts);
    const passOnTs = a.after.filter((d) => d.doc.type === 'learningNeedPassOn').map((d) => Number(d.doc._ts));
    expect(passOnTs).toHaveLength(4);
    // The pass-ons were a second apart, each before the handover's first second; after it their
    // times say only "handed over then": within the handover's own wall-clock seconds (however
    // long a busy machine makes it; not "within one second", which a stall of a second broke).
    const passedOnTs = a.during.at(-1)!.filter((d) => d.doc.type === 'learningNeedPassOn').map((d) => Number(d.doc._ts));
    expect(Math.max(...passedOnTs)).toBeLessThan(a.handover.from);
    for (const ts of passOnTs) expect(ts).toBeGreaterThanOrEqual(batchTs);
    for (const ts of passOnTs) expect(ts).toBeLessThanOrEqual(a.handover.to);
  });

  it('swapping who passed on what stores exactly the same: documents, fields and read order', () => {
    const keep = ['learningNeeds', 'personal'];
    expect(withoutSystemFields(b.after, keep)).toEqual(withoutSystemFields(a.after, keep));
    const order = (dump: DatabaseDump) => dump.filter((d) => keep.includes(d.container)).map((d) => `${d.container}:${d.doc.id}`);
    expect(order(b.after)).toEqual(order(a.after));
  });
});

/**
 * HR differencing report periods: every report over every period, and every difference between
 * two of them, rests on whole weekly handovers and on themes at least the minimum number of
 * people chose in one handover.
 */
describe('learning needs for L&O: HR comparing report periods', () => {
  let cosmos: CosmosConnection;
  let deps: LearningNeedDeps;
  const weeks = ['2026-11-30', '2026-12-07', '2026-12-14'];
  /** Per week, who passes on what; counted by hand below. */
  const plan: Choice[][] = [
    [{ theme: 'samenwerken', text: 'Samen plannen' }, { theme: 'samenwerken', text: 'Feedback' }, { theme: 'samenwerken', text: 'Overleg' }, { theme: 'digitaal', text: 'Excel-macro\'s' }],
    [{ theme: 'samenwerken', text: 'Nog meer overleg' }, { theme: 'coachen', text: 'Nieuwe collega\'s begeleiden' }, { theme: 'vakkennis', text: 'Wondzorg' }],
    [{ theme: 'coachen', text: 'Stagiairs' }, { theme: 'coachen', text: 'Buddy zijn' }, { theme: 'coachen', text: 'Intervisie' }, { theme: 'digitaal', text: 'Teams beter gebruiken' }],
  ];

  beforeAll(async () => {
    cosmos = await startTestCosmos();
    const clock = new FakeClock(new Date('2026-11-26T09:00:00Z'));
    deps = depsOn(cosmos, clock);
    for (const [w, choices] of plan.entries()) {
      for (const [i, choice] of choices.entries()) await passOnLearningNeed(deps, PEOPLE[i + w]!, await answer(deps, PEOPLE[i + w]!, w + 1), choice, TENANT);
      clock.set(`${weeks[w]}T01:00:00Z`);
      expect((await handOverLearningNeeds(deps)).map((r) => r.result)).toEqual(['handedOver']);
    }
  });
  afterAll(() => cosmos.close());

  const periods = () => {
    const days = ['2026-11-29', ...weeks, '2026-12-20'];
    return days.flatMap((from, i) => days.slice(i).map((to) => ({ from, to })));
  };

  it('every batch holds at least the minimum number of people', async () => {
    const batches = await deps.store.batchesBetween('2026-01-01', '2027-01-01', { tenantId: TENANT, legacy: false });
    expect(batches.map((x) => [x.weekStart, x.people])).toEqual([['2026-11-30', 4], ['2026-12-07', 3], ['2026-12-14', 4]]);
  });

  it('no report shows a theme or a text that fewer than the minimum chose in its handover', async () => {
    for (const period of periods()) {
      const r = await learningNeedsReport(deps, TENANT, period);
      const text = JSON.stringify(r);
      for (const lonely of ['Excel-macro\'s', 'Teams beter gebruiken', 'Wondzorg', 'Nieuwe collega\'s begeleiden', 'Nog meer overleg']) expect(text).not.toContain(lonely);
      expect(r.themes.map((th) => th.theme)).not.toContain('digitaal');
      expect(r.themes.map((th) => th.theme)).not.toContain('vakkennis');
    }
  });

  it('two reports differ only by whole handovers, and per theme by nothing or by at least the minimum', async () => {
    const all = await Promise.all(periods().map(async (p) => ({ p, r: await learningNeedsReport(deps, TENANT, p) })));
    const needsOf = (r: Awaited<ReturnType<typeof learningNeedsReport>>, theme: string) => r.themes.find((th) => th.theme === theme)?.needs ?? 0;
    // Two totals may differ only by whole handovers whose rest may show on its own: week 2 (3 needs, a
    // rest of three). Weeks 1 and 3 have a rest of one person: whole, they would give it away.
    const safeHandovers = new Set([0, 3]);
    for (const x of all) {
      for (const y of all) {
        if (x.r.total !== undefined && y.r.total !== undefined) {
          const diff = Math.abs(x.r.total - y.r.total);
          expect(safeHandovers.has(diff)).toBe(true);
        }
        for (const theme of ['samenwerken', 'coachen']) {
          const diff = Math.abs(needsOf(x.r, theme) - needsOf(y.r, theme));
          expect(diff === 0 || diff >= MIN).toBe(true);
        }
      }
    }
    // What is counted differs by nothing or by parts of at least the minimum (3 shown, 3 rest, 3 shown).
    for (const x of all) {
      for (const y of all) {
        const counted = Math.abs(x.r.counted - y.r.counted);
        expect(counted === 0 || counted >= MIN).toBe(true);
      }
    }
  });

  it('a total shows only when every handover\'s hidden rest holds nobody or at least the minimum', async () => {
    const week2 = await learningNeedsReport(deps, TENANT, { from: '2026-12-07', to: '2026-12-07' });
    expect(week2).toMatchObject({ batches: 1, themes: [], themesHidden: true, total: 3, counted: 3, restsLeftOut: 0 }); // three people in the rest: safe
    const week3 = await learningNeedsReport(deps, TENANT, { from: '2026-12-14', to: '2026-12-14' });
    expect(week3).toMatchObject({ batches: 1, themes: [{ theme: 'coachen', needs: 3, texts: ['Buddy zijn', 'Intervisie', 'Stagiairs'] }], themesHidden: false, counted: 3, restsLeftOut: 1 });
    expect(week3.total).toBeUndefined(); // 4 minus the 3 shown would single out one person's theme
    // Weeks 1-3 minus weeks 2-3 would be week 1 (rest: one person): a period total hides with any such week in it.
    const all = await learningNeedsReport(deps, TENANT, { from: '2026-11-30', to: '2026-12-14' });
    expect(all).toMatchObject({ batches: 3, counted: 3 + 3 + 3, restsLeftOut: 2, themesHidden: true });
    expect(all.total).toBeUndefined();
  });
});
