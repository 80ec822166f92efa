/**
 * Found holding in review, stop 49 (data rights, as an adversary): the erasure survives faults in the steps
 * stops 47-49 added. Anna and her manager Mia use what those stops keep (support/rights-scenario.ts),
 * the outbox still holding the cards; then each confirms "wis mijn gegevens" while Cosmos DB fails:
 * 1. Mia: every query across the `personal` partitions answers 503 (the erasure's sweeps of the
 *    requests, proposals and team accounts kept in others' partitions), then the answers of writes
 *    there are lost after they landed;
 * 2. Anna: a quarter of all requests fail at random (seeded).
 * The resume job (time passes, the scheduler runs) finishes each. What must hold: nothing in any
 * container names either of them afterwards, and no ticket or group mark is left.
 */
import { message } from '../support/activities';
import { cardText } from '../support/group-driver';
import { randomCosmosFaults } from '../support/cosmos-proxy';
import { startTestApp, TestApp } from '../support/test-app';
import { personalChat, pressIn } from '../talent-review/support/proposal-put-before';
import { allDocuments, runDueJobs } from '../verantwoording/support';
import { anna, annaAndMia, mia, naming, rightsDirectory } from './support/rights-scenario';
import { TestUser } from '../support/activities';

describe('an erasure cut short by faults in the stop 47-49 steps finishes without the person', () => {
  let t: TestApp;
  const confirmErase = async (who: TestUser) => {
    await t.send(message(personalChat(t, who), who, 'wis mijn gegevens'));
    return cardText(await pressIn(t, who, 'verantwoording.erase.confirm', { confirm: 'yes' }));
  };
  /** Time passes: the resume jobs (first after ten minutes, then hourly rounds) and the outbox run. */
  const letTimePass = async () => {
    for (let i = 0; i < 6; i++) {
      t.clock.advanceMinutes(61);
      await runDueJobs(t);
    }
  };
  const tickets = async () => ((await allDocuments(t.store)).personal as { type: string }[]).filter((d) => d.type === 'erasureTicket').length;

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: rightsDirectory() }, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: { baseMs: 1, capMs: 4 } });
    await annaAndMia(t, { send: false });
  }, 300_000);
  afterAll(() => t?.stop());

  it('Mia: cross-partition sweeps refused, then lost answers: finished by the resume, nothing names her', async () => {
    let said = '';
    let ticketWritten = false;
    await t.proxy!.withFaults(
      (req) => {
        // After the ticket (the erasure's first create in `personal`), every query over `personal`
        // fails: the proxy cannot tell a query across partitions from one, so both do.
        if (req.container === 'personal' && req.kind === 'create') ticketWritten = true;
        if (ticketWritten && req.container === 'personal' && req.kind === 'query') return { kind: 'status', status: 503 };
        return undefined;
      },
      async () => {
        said = await confirmErase(mia);
      },
    );
    expect(ticketWritten).toBe(true);
    expect(said).not.toContain('Je gegevens zijn gewist');
    await t.proxy!.withFaults((req) => (req.container === 'personal' && (req.kind === 'replace' || req.kind === 'upsert') ? { kind: 'dropAfter' } : undefined), letTimePass);
    await letTimePass();
    expect({ names: await naming(t, ['aad-mia', '29:mia', 'Mia']), tickets: await tickets() }).toEqual({ names: [], tickets: 0 });
  });

  it('Anna: random faults: finished by the resume, nothing names her', async () => {
    await t.proxy!.withFaults(randomCosmosFaults(0.25, 49), async () => {
      await confirmErase(anna).catch(() => '');
    });
    await letTimePass();
    expect({ names: await naming(t, ['aad-anna', '29:anna', 'Anna', 'ANNA-']), tickets: await tickets() }).toEqual({ names: [], tickets: 0 });
  });
});
