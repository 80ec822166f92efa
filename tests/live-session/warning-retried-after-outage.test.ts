/**
 * The scheduler retries a failed job for about a day (stop 36). The ten-minute warning
 * of a session whose writes failed for a while (Cosmos DB unavailable for the session document)
 * is retried past the session's end. If its retry comes before the close job's, the group is told
 * "10 minutes left" about a session whose hour is over (the message's budget, msUntil(endsAt), is
 * checked only after a failed send, not before the first). Found in review, stop 36.
 */
import { CosmosFault } from '../support/cosmos-proxy';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';

describe('a ten-minute warning retried after an outage', () => {
  let t: TestApp;
  afterAll(() => t.stop());

  it('is not said after the session\'s hour is over', async () => {
    // Seventy minutes of failed writes: the store's tries stay, their pauses (not checked here) are shortened.
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
    const g = new GroupDriver(t, t.conversation('groupChat', '19:late-warning@thread.v2'), MEMBERS.slice(0, 3));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(MEMBERS[0]!, 1, 'Het rooster maken');
    const sessionId = g.sessionId;
    const endsAt = Date.parse((await g.session()).endsAt);
    const before = t.connector.calls.length;

    // From the warning's moment (50 minutes in) for 70 minutes, every write of the session fails.
    t.clock.advanceMinutes(50);
    t.proxy!.faults = (req) =>
      (req.kind === 'replace' && req.path.endsWith(`/docs/${sessionId}`)) || (req.kind === 'batch' && req.container === 'sessions') ? ({ kind: 'status', status: 503 } as CosmosFault) : undefined;
    for (let m = 0; m < 70; m++) {
      await t.app.scheduler.runDue();
      t.clock.advanceMinutes(1);
    }
    t.proxy!.faults = undefined;
    // The scheduler ticks on (once a minute here) until the clock closed the session.
    for (let m = 0; m < 90 && (await g.session()).status !== 'closed'; m++) {
      await t.app.scheduler.runDue();
      t.clock.advanceMinutes(1);
    }
    await t.app.outbox.drain(30_000);
    expect((await g.session()).status).toBe('closed');

    const warnings = t.connector.calls.slice(before).filter((c) => c.activity.text?.startsWith('Nog 10 minuten'));
    expect({ warningsAfterTheEnd: warnings.length, endedAt: new Date(endsAt).toISOString(), clockNow: t.clock.now().toISOString() }).toEqual({
      warningsAfterTheEnd: 0,
      endedAt: new Date(endsAt).toISOString(),
      clockNow: expect.any(String),
    });
  }, 300_000);
});
