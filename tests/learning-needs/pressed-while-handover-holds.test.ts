import { LearningNeedBatch, LearningNeedPassOn } from '../../src/domain/learning-needs/learning-need';
import { LearningNeedStore } from '../../src/domain/learning-needs/ports';
import { writePersonalAnswer } from '../../src/domain/personal/personal-answer';
import { JobScheduler } from '../../src/domain/scheduling/job';
import { createTranslator } from '../../src/i18n/i18n';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { CosmosLearningNeedStore } from '../../src/store/learning-needs.repository';
import { CosmosPersonalRecordRepository } from '../../src/store/verantwoording.repositories';
import { learningNeedCard } from '../../src/teams/cards/learning-needs/learning-need.card';
import { handOverLearningNeeds, LearningNeedDeps, MyLearningNeed, passOnLearningNeed, withdrawLearningNeed } from '../../src/usecases/learning-needs/learning-needs';
import { startProxiedCosmos } from '../support/cosmos-proxy';
import { FakeClock } from '../support/fake-clock';
import { cardText } from '../support/group-driver';

/**
 * Found in review, stop 45. Three members (the minimum) pass a need on. The Monday handover seals
 * the first one; its owner presses "Intrekken" (or "Bijwerken") in that moment. The card used to
 * refuse it as "already handed over, nothing can change it any more". Then another member, not
 * sealed yet, withdraws theirs: too few are left, the handover gives the sealed needs back, and the
 * first one waited again with its old theme and words and went to L&O the next week, although its
 * owner had withdrawn (or changed) it and was told it was gone.
 * What must hold: a press while the handover holds a need is kept on it (not refused) and settled
 * by the handover: a withdrawal is carried out (the need is in no batch), a change stands when the
 * need is given back; the card never says "handed over" while no batch holding the need was written.
 */
const MIN = 3;
const TENANT = 'tenant-1';
const noScheduler: JobScheduler = { schedule: async () => undefined, cancel: async () => undefined };

describe('a withdrawal or change pressed while the weekly handover holds the need', () => {
  let cosmos: CosmosConnection;
  let close: () => Promise<void>;
  let clock: FakeClock;
  beforeEach(async () => {
    const proxied = await startProxiedCosmos();
    cosmos = proxied.cosmos;
    close = () => proxied.close();
    clock = new FakeClock(new Date('2026-11-26T09:00:00Z'));
  });
  afterEach(() => close());

  function deps(afterFirstChange?: () => Promise<void>): LearningNeedDeps {
    const real = new CosmosLearningNeedStore(cosmos);
    const store: LearningNeedStore = Object.create(real);
    let calls = 0;
    store.change = async (p, mutate) => {
      const result = await real.change(p, mutate);
      if (++calls === 1 && afterFirstChange) await afterFirstChange();
      return result;
    };
    return { store, records: new CosmosPersonalRecordRepository(cosmos), clock, minimum: MIN, timeZone: 'Europe/Amsterdam', scheduler: noScheduler };
  }

  const recordOf = async (userId: string) =>
    (await cosmos.container('personal').items.query<{ type: string } & Partial<LearningNeedPassOn>>({ query: "SELECT * FROM c WHERE c.type IN ('learningNeedPassOn', 'learningNeedWithdrawn') AND c.userId = @u", parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources[0];
  const batches = async () => (await cosmos.container('learningNeeds').items.query<LearningNeedBatch>('SELECT * FROM c').fetchAll()).resources;

  async function passOnAll(people: string[]): Promise<Record<string, string>> {
    const setup = deps();
    const answers: Record<string, string> = {};
    for (const [i, userId] of people.entries()) {
      const a = writePersonalAnswer({ userId, groupId: 'g1', cycleId: 'g1_w1', sessionId: 'g1_w1_s4', questionId: 9, text: `Antwoord ${i}`, updatedAt: '2026-11-26T08:00:00.000Z' });
      await setup.records.create(a);
      answers[userId] = a.id;
      await passOnLearningNeed(setup, userId, a.id, { theme: 'samenwerken', text: `TEKST-${i}` }, TENANT);
    }
    clock.set('2026-11-30T01:00:00Z');
    return answers;
  }

  /**
   * The handover, with `press` run by the owner of the first need it sealed, right after that seal;
   * with `thenWithdrawOther`, another member, not sealed yet, withdraws theirs next (too few are left).
   */
  async function handOverWhile(people: string[], answers: Record<string, string>, press: (d: LearningNeedDeps, userId: string, answerId: string) => Promise<MyLearningNeed | undefined>, thenWithdrawOther: boolean) {
    const setup = deps();
    const seen: { who?: string; stands?: MyLearningNeed; error?: unknown } = {};
    const d = deps(async () => {
      const sealed = (await cosmos.container('personal').items.query<LearningNeedPassOn>("SELECT * FROM c WHERE c.type = 'learningNeedPassOn' AND c.status = 'sealing'").fetchAll()).resources;
      const first = sealed[0]!.userId;
      seen.who = first;
      try {
        seen.stands = await press(setup, first, answers[first]!);
      } catch (err) {
        seen.error = err;
      }
      if (!thenWithdrawOther) return;
      const other = people.find((p) => p !== first && !sealed.some((s) => s.userId === p))!;
      await withdrawLearningNeed(setup, other, answers[other]!, 'press-2');
    });
    const results = await handOverLearningNeeds(d);
    return { results, ...seen };
  }

  it('a withdrawal is kept, not refused as handed over, and carried out when the handover gives the needs back', async () => {
    const people = ['aad-anna', 'aad-bram', 'aad-cem'];
    const answers = await passOnAll(people);
    const run = await handOverWhile(people, answers, (d, userId, answerId) => withdrawLearningNeed(d, userId, answerId, 'press-1'), true);
    expect(run.error).toBeUndefined();
    expect(run.stands).toEqual(expect.objectContaining({ status: 'sealing', asked: { kind: 'withdraw' } }));
    expect(run.results.map((r) => r.result)).toEqual(['waiting']);
    expect(await batches()).toHaveLength(0);
    // Withdrawn: nothing of what was passed on waits for the next handover.
    const after = await recordOf(run.who!);
    expect({ type: after?.type, status: after?.status, theme: after?.theme, text: after?.text }).toEqual({ type: 'learningNeedWithdrawn', status: undefined, theme: undefined, text: undefined });
  });

  it('a change is kept, not refused as handed over, and stands when the handover gives the needs back', async () => {
    const people = ['aad-anna', 'aad-bram', 'aad-cem'];
    const answers = await passOnAll(people);
    const run = await handOverWhile(people, answers, (d, userId, answerId) => passOnLearningNeed(d, userId, answerId, { theme: 'digitaal', text: 'NIEUW' }, TENANT, 'press-1'), true);
    expect(run.error).toBeUndefined();
    expect(run.stands).toEqual(expect.objectContaining({ status: 'sealing', asked: { kind: 'change', theme: 'digitaal', text: 'NIEUW' } }));
    expect(run.results.map((r) => r.result)).toEqual(['waiting']);
    const after = await recordOf(run.who!);
    expect({ type: after?.type, status: after?.status, theme: after?.theme, text: after?.text, asked: after?.asked, batchId: after?.batchId }).toEqual({
      type: 'learningNeedPassOn',
      status: 'pending',
      theme: 'digitaal',
      text: 'NIEUW',
      asked: undefined,
      batchId: undefined,
    });
  });

  it('a withdrawal the handover sees before it builds the batch keeps the need out of it', async () => {
    const people = ['aad-anna', 'aad-bram', 'aad-cem', 'aad-dewi'];
    const answers = await passOnAll(people);
    const run = await handOverWhile(people, answers, (d, userId, answerId) => withdrawLearningNeed(d, userId, answerId, 'press-1'), false);
    expect(run.results).toEqual([{ tenantId: TENANT, result: 'handedOver', people: 3, needs: 3 }]);
    const [batch] = await batches();
    const withdrawnText = `TEKST-${people.indexOf(run.who!)}`;
    expect(batch?.themes.samenwerken?.texts).not.toContain(withdrawnText);
    expect((await recordOf(run.who!))?.type).toBe('learningNeedWithdrawn');
  });

  it.each(['nl', 'en'] as const)('the card of a held need (%s) does not say it was handed over, and says the press was kept', (language) => {
    const t = createTranslator().t(language);
    const view = { groupId: 'g', sessionId: 'g_w1_s4', questionId: 9, answer: 'Mijn antwoord', minimum: MIN };
    const handedOverText = t('verantwoording.learningNeed.status.handedOver');
    const held = cardText(learningNeedCard({ ...view, current: { answerId: 'a', status: 'sealing', theme: 'samenwerken' } }, t));
    const withdrawAsked = cardText(learningNeedCard({ ...view, current: { answerId: 'a', status: 'sealing', theme: 'samenwerken', asked: { kind: 'withdraw' } }, notice: 'withdrawNoted' }, t));
    expect([held, withdrawAsked].map((text) => text.includes(handedOverText))).toEqual([false, false]);
    expect(held).toContain(t('verantwoording.learningNeed.status.sealing', { theme: t('verantwoording.learningNeed.theme.samenwerken') }));
    expect(withdrawAsked).toContain(t('verantwoording.learningNeed.notice.withdrawNoted'));
  });
});
