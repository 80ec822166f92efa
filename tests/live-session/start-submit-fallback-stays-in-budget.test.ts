import { submit } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';

/**
 * Found in review, stop 47. Stop 47 (e4d5d20) sends a message outcome on the Action.Submit fallback to the presser's own
 * chat through the outbox. "Start de sessie" always answers with a message ("De sessie is
 * geopend"), so a start pressed on the Submit fallback in the group's chat now creates an outbox
 * job in the session-start turn: three Cosmos requests where the budget is two (query, batch;
 * tests/live-session/request-counts.test.ts), and a 1:1 message that only repeats what the group's
 * chat already shows (the session card).
 * Must hold: the session start from the summary card on the Submit fallback costs what it costs on
 * Action.Execute: one query and one batch, nothing queued (the words only confirm what the chat
 * shows; a refusal's words, which the chat does not show, still reach the presser:
 * refusal-message-on-submit-fallback.test.ts).
 */
describe('session start on the Action.Submit fallback', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, undefined, { proxy: true, sharedCardIntervalMs: 0 });
  }, 60_000);
  afterAll(() => t.stop());

  it('reads the week and opens the session in one batch: two requests, no outbox job', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:start-submit@thread.v2'), MEMBERS.slice(0, 4));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    const { cycleId } = (await g.session()) as { cycleId: string };
    await g.end();
    t.clock.advanceMinutes(24 * 60);
    await t.app.outbox.drain(30_000);

    const before = t.connector.calls.length;
    t.proxy!.reset();
    const res = await t.send(submit(g.conv, MEMBERS[1]!, { verb: 'session.start', groupId: g.groupId, cycleId }, 'summary-card'));
    expect(res.status).toBe(200);
    const turn = t.proxy!.seen.map((r) => `${r.kind} ${r.container}`);
    // The session card for day 2 was posted in the group's chat (the start worked).
    await waitUntil('the day-2 session card in the group chat', () =>
      t.connector.calls.slice(before).some((c) => c.method === 'POST' && c.conversationId === g.conv.id && c.activity?.attachments?.[0]?.content?.refresh?.action?.verb === 'session.refresh'),
    );
    expect(turn.filter((r) => !r.startsWith('metadata') && !r.startsWith('queryPlan'))).toEqual(['query sessions', 'batch sessions']);
  }, 90_000);
});
