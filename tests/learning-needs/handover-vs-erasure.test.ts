import { LearningNeedBatch, LearningNeedPassOn, passOnId } from '../../src/domain/learning-needs/learning-need';
import { LearningNeedStore } from '../../src/domain/learning-needs/ports';
import { writePersonalAnswer } from '../../src/domain/personal/personal-answer';
import { JobScheduler } from '../../src/domain/scheduling/job';
import { erasureTicketId } from '../../src/domain/verantwoording/erasure-ticket';
import { PersonalRecordRepository } from '../../src/domain/verantwoording/ports';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { CosmosLearningNeedStore } from '../../src/store/learning-needs.repository';
import { CosmosPersonalRecordRepository } from '../../src/store/verantwoording.repositories';
import { handOverLearningNeeds, LearningNeedDeps, passOnLearningNeed, withdrawLearningNeed } from '../../src/usecases/learning-needs/learning-needs';
import { eraseMyData, tryEraseMyData } from '../../src/usecases/verantwoording/my-data';
import { cosmosGate, deleteOf } from '../support/cosmos-gate';
import { startProxiedCosmos } from '../support/cosmos-proxy';
import { FakeClock } from '../support/fake-clock';
import { verantwoordingDeps } from '../verantwoording/support';

/**
 * The weekly learning-needs handover (sealing the pending needs, folding them into one anonymous
 * batch for L&O, stripping the members' records) while a member withdraws their need or has their
 * data erased. A need is in a batch only when the handover sealed it before its owner's erasure
 * began (the member was shown it as handed over then); an erasure never reports done while a batch
 * with the person's words is still to be written. No timing: the other actor runs at a fixed point
 * of the handover (a wrapped store or repository method), or one Cosmos request of the erasure is
 * held at the proxy while the handover runs.
 */
const MIN = 3;
const TENANT = 'tenant-1';
const noScheduler: JobScheduler = { schedule: async () => undefined, cancel: async () => undefined };

describe('the weekly learning-needs handover and a member\'s withdrawal or erasure at the same time', () => {
  let cosmos: CosmosConnection;
  let gate: ReturnType<typeof cosmosGate>;
  let close: () => Promise<void>;
  let clock: FakeClock;
  let run = 0;
  beforeEach(async () => {
    const proxied = await startProxiedCosmos();
    cosmos = proxied.cosmos;
    close = () => proxied.close();
    gate = cosmosGate(proxied.proxy);
    clock = new FakeClock(new Date('2026-11-26T09:00:00Z'));
  });
  afterEach(() => close());

  type Hook = { store: 'createBatch' | 'change'; meanwhile: () => Promise<unknown> } | { ticketRead: true; meanwhile: () => Promise<unknown> };

  /** The handover's deps, with `meanwhile` run once at the chosen point: a store method, or the handover's first read of an erasure ticket. */
  function deps(hook?: Hook): LearningNeedDeps {
    const real = new CosmosLearningNeedStore(cosmos);
    const realRecords = new CosmosPersonalRecordRepository(cosmos);
    let done = false;
    const once = async () => {
      if (done) return;
      done = true;
      await hook!.meanwhile();
    };
    const store: LearningNeedStore = Object.create(real);
    const records: PersonalRecordRepository = Object.create(realRecords);
    if (hook && 'store' in hook) {
      (store as unknown as Record<string, unknown>)[hook.store] = async (...args: unknown[]) => {
        await once();
        return (real[hook.store] as (...a: unknown[]) => unknown).apply(real, args);
      };
    }
    if (hook && 'ticketRead' in hook) {
      records.get = async (userId, id) => {
        if (id === erasureTicketId(userId)) await once();
        return realRecords.get(userId, id);
      };
    }
    return { store, records, clock, minimum: MIN, timeZone: 'Europe/Amsterdam', scheduler: noScheduler };
  }

  async function fourPassOns(d: LearningNeedDeps) {
    const people = ['aad-anna', 'aad-bram', 'aad-cem', 'aad-dewi'].map((p) => `${p}-${run}`);
    run++;
    const answers: string[] = [];
    for (const [i, userId] of people.entries()) {
      const a = writePersonalAnswer({ userId, groupId: 'g1', cycleId: 'g1_w1', sessionId: 'g1_w1_s4', questionId: 9, text: `Antwoord ${i}`, updatedAt: '2026-11-26T08:00:00.000Z' });
      await d.records.create(a);
      answers.push(a.id);
      await passOnLearningNeed(d, userId, a.id, { theme: 'samenwerken', text: `TEKST-${i}` }, TENANT);
    }
    clock.set('2026-11-30T01:00:00Z');
    return { people, answers, dewi: people[3]!, dewisAnswer: answers[3]! };
  }
  const batches = async () => (await cosmos.container('learningNeeds').items.query<LearningNeedBatch>('SELECT * FROM c').fetchAll()).resources;
  const batchSeen = async () => {
    const all = await batches();
    expect(all).toHaveLength(1);
    const [batch] = all;
    return { people: batch!.people, needs: batch!.needs, dewisWords: (batch!.themes.samenwerken?.texts ?? []).includes('TEKST-3') };
  };
  const passOnOf = async (userId: string) =>
    (await cosmos.container('personal').items.query<LearningNeedPassOn>({ query: "SELECT * FROM c WHERE c.type = 'learningNeedPassOn' AND c.userId = @u", parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources[0];
  const nothingLeftOf = async (userId: string) =>
    (await cosmos.container('personal').items.query({ query: 'SELECT c.id, c.type FROM c WHERE c.userId = @u', parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources;
  const erase = (userId: string) => tryEraseMyData(verantwoordingDeps(cosmos, clock), userId, { tenantId: TENANT });

  it('a withdrawal that arrives after the handover read the pending needs is either withdrawn and in no batch, or refused and handed over', async () => {
    const setup = deps();
    const { dewi, dewisAnswer } = await fourPassOns(setup);
    let withdrawal: 'withdrawn' | 'refused' | undefined;
    // The handover's first sealing write waits until Dewi's withdrawal has run to the end.
    const d = deps({
      store: 'change',
      meanwhile: () => withdrawLearningNeed(setup, dewi, dewisAnswer).then(() => (withdrawal = 'withdrawn'), () => (withdrawal = 'refused')),
    });
    const results = await handOverLearningNeeds(d);
    const [batch] = await batches();
    const texts = batch?.themes.samenwerken?.texts ?? [];
    const dewis = await passOnOf(dewi);
    expect(results.map((r) => r.result)).toEqual(['handedOver']);
    if (withdrawal === 'withdrawn') expect({ dewisRecord: dewis, inBatch: texts.includes('TEKST-3'), people: batch?.people }).toEqual({ dewisRecord: undefined, inBatch: false, people: 3 });
    else expect({ status: dewis?.status, inBatch: texts.includes('TEKST-3'), people: batch?.people }).toEqual({ status: 'handedOver', inBatch: true, people: 4 });
  });

  it('an erasure that begins after the handover sealed a need but before it looked for erasures takes the need: it is in no batch, and gone when the erasure reports done', async () => {
    const setup = deps();
    const { dewi } = await fourPassOns(setup);
    let first: Awaited<ReturnType<typeof erase>> | undefined;
    let statusMeanwhile: string | undefined;
    const d = deps({
      ticketRead: true,
      meanwhile: async () => {
        first = await erase(dewi);
        statusMeanwhile = (await passOnOf(dewi))?.status;
      },
    });
    expect(await handOverLearningNeeds(d)).toEqual([{ tenantId: TENANT, result: 'handedOver', people: 3, needs: 3 }]);

    // Meanwhile the erasure found her need sealed, left it to the handover and said it was not finished.
    expect({ done: first?.done, started: first && !first.done && first.started, statusMeanwhile }).toEqual({ done: false, started: true, statusMeanwhile: 'sealing' });
    // The handover found her erasure begun and gave the need back to it.
    expect(await batchSeen()).toEqual({ people: 3, needs: 3, dewisWords: false });
    expect((await passOnOf(dewi))?.status).toBe('pending');
    // The erasure run again (its resume job) finishes: nothing of hers is left, and no batch has her words.
    expect((await erase(dewi)).done).toBe(true);
    expect(await nothingLeftOf(dewi)).toEqual([]);
    expect(await batchSeen()).toEqual({ people: 3, needs: 3, dewisWords: false });
  });

  it('an erasure that begins after the handover sealed a need and found no erasure of its owner leaves it to the handover, and reports done only once it was handed over', async () => {
    const setup = deps();
    const { dewi } = await fourPassOns(setup);
    let first: Awaited<ReturnType<typeof erase>> | undefined;
    // The point the handover failed to keep the need out before: sealed and read, its batch not yet written.
    const d = deps({ store: 'createBatch', meanwhile: async () => (first = await erase(dewi)) });
    expect(await handOverLearningNeeds(d)).toEqual([{ tenantId: TENANT, result: 'handedOver', people: 4, needs: 4 }]);

    // Sealed before her erasure began (and shown to her as handed over), the need went into the
    // batch; the erasure did not say it was done while that batch was still to be written.
    expect(first?.done).toBe(false);
    expect(await batchSeen()).toEqual({ people: 4, needs: 4, dewisWords: true });
    expect(await passOnOf(dewi)).toEqual(expect.objectContaining({ status: 'handedOver' }));
    expect((await erase(dewi)).done).toBe(true);
    expect(await nothingLeftOf(dewi)).toEqual([]);
    // What L&O has stays as it was when the erasure reported done.
    expect(await batchSeen()).toEqual({ people: 4, needs: 4, dewisWords: true });
  });

  it('a need sealed by a handover that runs while its owner\'s erasure is under way (read it waiting, not yet deleted) is given back to the erasure: in no batch, and gone when the erasure reports done', async () => {
    const setup = deps();
    const { dewi, dewisAnswer } = await fourPassOns(setup);
    // The erasure has read her need waiting and is about to delete it: that delete is held.
    const held = gate.hold(deleteOf(passOnId(dewi, dewisAnswer)));
    const erasure = erase(dewi);
    await held.arrived;
    // Meanwhile the whole handover runs, and seals her need too.
    expect(await handOverLearningNeeds(deps())).toEqual([{ tenantId: TENANT, result: 'handedOver', people: 3, needs: 3 }]);
    expect((await passOnOf(dewi))?.status).toBe('pending');
    held.release();
    expect((await erasure).done).toBe(true);

    expect(await nothingLeftOf(dewi)).toEqual([]);
    expect(await batchSeen()).toEqual({ people: 3, needs: 3, dewisWords: false });
  });
});
