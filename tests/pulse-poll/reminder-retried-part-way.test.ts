import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A reminder round with private nudges ("herinner privé") over two teams. Cosmos DB refuses the
 * round part-way through queuing its nudges: the first team's are queued, the second team's
 * are not, and the reminder job is tried again later. The first team's nudges went out in
 * between and, finished, left no record (a guarded job leaves no trace), so the retry queued
 * them again: everyone in the first team who had not answered got the same nudge twice. Left
 * out in stop 36. A round's nudges now wait until the whole round is queued.
 */
describe('a reminder round retried after queuing part of its nudges', () => {
  let t: TestApp;
  let d: PulseDriver;
  const aardbei: TestTeam = team('Aardbei', 'aardbei-retry', members('aardbei-retry', 6));
  const zwaluw: TestTeam = team('Zwaluw', 'zwaluw-retry', [HR, ...members('zwaluw-retry', 6)]);
  const nudgesTo = (userId: string) =>
    t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${userId}`).filter((c) => /B3-spiegel/.test(cardText(c.card))).length;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'reminder-retried'.padEnd(40, 'r'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z', { proxy: true, outboxTimings: { backoffBaseMs: 100, backoffCapMs: 1_000, guardedRetryMs: 1_500 } });
    d = new PulseDriver(t);
    await d.install(aardbei);
    await d.install(zwaluw);
    await d.say(HR, zwaluw, 'peiling start alle teams 2026-12-04 herinner privé');
    await d.settle();
    // The round queues the two threads' reminders, then Aardbei's six nudges; Zwaluw's are refused.
    let outboxCreates = 0;
    t.proxy!.faults = (req) => (req.container === 'outbox' && req.kind === 'create' && ++outboxCreates > 8 ? { kind: 'status', status: 503 } : undefined);
    t.clock.set('2026-11-30T08:00:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
    t.proxy!.faults = undefined;
    // The reminder job is tried again within the hour.
    t.clock.set('2026-11-30T09:00:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
  }, 120_000);
  afterAll(() => t.stop());

  it('nudges everyone who has not answered once', () => {
    const counts = [...aardbei.members, ...zwaluw.members].map((m) => `${m.name}: ${nudgesTo(m.id)}`);
    expect(counts).toEqual([...aardbei.members, ...zwaluw.members].map((m) => `${m.name}: 1`));
  });
});
