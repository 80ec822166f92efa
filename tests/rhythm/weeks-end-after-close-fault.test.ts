import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { execute } from '../support/activities';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { runAt } from './support';

/**
 * Found in review, stop 43. A group planned one week. On day 4 a member presses "Sessie afronden";
 * the session closes, but the write that marks the week complete fails (Cosmos answers 503). The
 * look-back job was scheduled just before that write, and the scheduler's next tick ran it: the week
 * was not complete yet, so it invited nobody and was marked done; the member's second press found
 * the job done. Nobody was ever invited. The job now asks again later while the week is not marked
 * complete, and the retried close completes it: each member is invited once, the group told once.
 */
describe('the look-back invitation after a day-4 close retried after a fault', () => {
  let t: TestApp;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
  });
  afterAll(() => t.stop());

  it('the members are still invited once the retried close marks the last planned week complete', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:weeks-end-fault@thread.v2'), [anna, bram, cem, dewi]);
    await g.weekOneToDayFour('1');
    expect((await g.session()).day).toBe(4);

    // The write that marks week 1 complete fails once.
    const cycleDoc = `/docs/${encodeURIComponent(`${g.groupId}_w1`)}`;
    let failed = 0;
    t.proxy!.faults = (req) => {
      if (req.container === 'sessions' && (req.kind === 'replace' || req.kind === 'batch' || req.kind === 'upsert') && req.path.endsWith(cycleDoc) && failed < 20) {
        failed++;
        return { kind: 'status', status: 503 };
      }
      return undefined;
    };
    await t.send(execute(g.conv, anna, 'session.end', g.ids(), g.sessionMessageId));
    t.proxy!.faults = undefined;
    expect(failed).toBeGreaterThan(0);
    expect((await t.store.container('sessions').item(`${g.groupId}_w1`, g.groupId).read()).resource.completedAt).toBeUndefined();

    // The scheduler ticks meanwhile (every 15 s in production).
    await runAt(t, t.clock.now().toISOString());

    // The member presses "afronden" again: the week is now complete.
    await g.end(bram);
    expect((await t.store.container('sessions').item(`${g.groupId}_w1`, g.groupId).read()).resource.completedAt).toBeDefined();
    t.clock.advanceMinutes(1);
    await runAt(t, t.clock.now().toISOString());

    const invited = t.connector
      .cards((c) => c.method === 'POST')
      .filter(({ card }) => JSON.stringify(card).includes('verantwoording.note.add') && /Terugblik/.test(cardText(card))).length;
    const groupLine = t.connector.calls.filter((c) => c.conversationId === g.conv.id && typeof c.activity.text === 'string' && (c.activity.text as string).startsWith('Dit was de geplande week.')).length;
    const job = (await t.store.container('jobs').item(`${g.groupId}_w1_weeksEnd`, `${g.groupId}_w1_weeksEnd`).read()).resource;
    expect({ invited, groupLine, job: job?.status }).toEqual({ invited: 4, groupLine: 1, job: 'done' });
  }, 180_000);
});
