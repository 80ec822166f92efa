import { LearningNeedBatch, passOnId } from '../../src/domain/learning-needs/learning-need';
import { writePersonalAnswer } from '../../src/domain/personal/personal-answer';
import { JobScheduler } from '../../src/domain/scheduling/job';
import { erasureTicketId } from '../../src/domain/verantwoording/erasure-ticket';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { CosmosLearningNeedStore } from '../../src/store/learning-needs.repository';
import { CosmosPersonalRecordRepository } from '../../src/store/verantwoording.repositories';
import { handOverLearningNeeds, LearningNeedDeps, passOnLearningNeed, withdrawLearningNeed } from '../../src/usecases/learning-needs/learning-needs';
import { startTestCosmos } from '../support/cosmos';
import { FakeClock } from '../support/fake-clock';

/**
 * Found in review, stop 54 (fixed then: the handover gave back needs withdrawn while held before
 * reading the members' erasure tickets, then built the batch from a list read after them, in which
 * a withdrawal stored meanwhile still went to L&O). Four members pass a need on (minimum 3). The
 * Monday handover seals all four, reads each sealed member's erasure ticket (`giveBackToErasures`),
 * then lists what is sealed and builds the batch from that list. Anna presses "Intrekken" while the
 * tickets are read: her withdrawal is stored on the need (`asked: withdraw`) and her card says "if
 * it was not yet in this week's batch, it is withdrawn". The list the batch is built from holds her
 * withdrawal and no batch was written yet: the handover gives her need back from that list
 * (`giveBackWithdrawn`), so it is not in the batch. (A withdrawal stored after that list was read
 * still goes, as the card says it may.)
 */
const MIN = 3;
const TENANT = 'tenant-1';
const noScheduler: JobScheduler = { schedule: async () => undefined, cancel: async () => undefined };

describe('learning needs: a withdrawal stored while the handover reads erasure tickets', () => {
  let cosmos: CosmosConnection;
  afterAll(() => cosmos?.close());

  it('leaves the withdrawn need out of the batch', async () => {
    cosmos = await startTestCosmos();
    const clock = new FakeClock(new Date('2026-11-26T09:00:00Z'));
    const records = new CosmosPersonalRecordRepository(cosmos);
    const deps: LearningNeedDeps = { store: new CosmosLearningNeedStore(cosmos), records, clock, minimum: MIN, timeZone: 'Europe/Amsterdam', scheduler: noScheduler };
    const answers: Record<string, string> = {};
    for (const user of ['aad-anna', 'aad-bram', 'aad-cem', 'aad-dewi']) {
      const a = writePersonalAnswer({ userId: user, groupId: 'g1', cycleId: 'g1_w1', sessionId: 'g1_w1_s4', questionId: 9, text: `Antwoord ${user}`, updatedAt: '2026-11-26T08:00:00.000Z' });
      await records.create(a);
      answers[user] = a.id;
      await passOnLearningNeed(deps, user, a.id, { theme: 'samenwerken', text: `PROBE tekst van ${user}` }, TENANT, `card-${user}`);
    }

    // Anna presses "Intrekken" in the moment the handover reads Bram's erasure ticket.
    let pressed: unknown;
    const handover: LearningNeedDeps = {
      ...deps,
      records: Object.assign(Object.create(records) as CosmosPersonalRecordRepository, {
        get: async (userId: string, id: string) => {
          if (id === erasureTicketId('aad-bram') && pressed === undefined) pressed = await withdrawLearningNeed(deps, 'aad-anna', answers['aad-anna']!, 'card-anna-withdraw');
          return records.get(userId, id);
        },
      }),
    };
    clock.set('2026-11-30T01:00:00Z');
    const results = await handOverLearningNeeds(handover);
    // Her press was kept on the need (the handover held it): her card says "withdrawal noted".
    expect(pressed).toMatchObject({ status: 'sealing', asked: { kind: 'withdraw' } });
    expect(results.map((r) => r.result)).toEqual(['handedOver']);

    const batches = (await cosmos.container('learningNeeds').items.query<LearningNeedBatch>("SELECT * FROM c WHERE c.type = 'learningNeedBatch'").fetchAll()).resources;
    expect(batches).toHaveLength(1);
    expect({ people: batches[0]!.people, annaInIt: JSON.stringify(batches[0]).includes('PROBE tekst van aad-anna') }).toEqual({ people: 3, annaInIt: false });
    // Her withdrawal was carried out: what it leaves stands in her partition, nothing of what she passed on.
    const hers = (await cosmos.container('personal').item(passOnId('aad-anna', answers['aad-anna']!), 'aad-anna').read()).resource;
    expect({ type: hers?.type, theme: hers?.theme, text: hers?.text }).toEqual({ type: 'learningNeedWithdrawn', theme: undefined, text: undefined });
  }, 60_000);
});
