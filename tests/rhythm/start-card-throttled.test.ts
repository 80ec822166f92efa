import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt, sessionCardsPosted } from './support';

/**
 * Found in review, stop 40. The rhythm's start job posts the session card and waits
 * `deliverWaitMs` (20 s in production) for its id. Teams throttles that one POST (429 with a
 * Retry-After longer than the wait): the job's wait runs out and the outbox posts the card a
 * moment later. The card that went out must be the session's card all the same (its id recorded
 * by the outbox's onSent hook), so the close brings it up to date instead of leaving an open
 * session in the chat, and no second card is posted.
 * Week 1 is Monday 23 Nov 2026 09:00 Amsterdam (08:00 UTC).
 */
describe('a rhythm start whose card Teams throttled beyond the in-turn wait', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    // The in-turn wait is shortened as a test (production: 20 s; a Retry-After of 30 s does the same there).
    t = await startTestApp({}, '2026-11-19T12:00:00Z', { outboxTimings: { backoffBaseMs: 100, backoffCapMs: 6_000, deliverWaitMs: 300 } });
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    await g.setUp();
  }, 60_000);
  afterAll(() => t.stop());

  it('the card that went out is the session card: its id is stored and the close updates it', async () => {
    await runAt(t, '2026-11-23T07:45:00Z');
    let throttled = 0;
    t.connector.faults = [
      (req) => (req.method === 'POST' && req.conversationId === g.conv.id && req.body?.attachments?.[0]?.content?.refresh && throttled++ === 0 ? { status: 429, retryAfterSeconds: 1 } : undefined),
    ];
    const before = t.connector.calls.length;
    await runAt(t, '2026-11-23T08:00:00Z'); // the start job; runAt drains the outbox, so the card goes out
    t.connector.faults = [];
    const posted = sessionCardsPosted(t, g, before);
    expect(posted).toHaveLength(1);
    const { resources } = await t.store.container('sessions').items
      .query({ query: "SELECT * FROM c WHERE c.type = 'session' AND c.groupId = @g", parameters: [{ name: '@g', value: g.groupId }] })
      .fetchAll();
    expect(resources).toHaveLength(1);
    const session = resources[0] as { id: string; cardActivityId?: string };
    // The card that is in the chat is the one the session remembers.
    expect({ throttled, cardActivityId: session.cardActivityId }).toEqual({ throttled: 2, cardActivityId: posted[0]!.id });
    // And the close (09:00 Amsterdam) brings that card up to date.
    const beforeClose = t.connector.calls.length;
    await runAt(t, '2026-11-23T09:00:30Z');
    expect(t.connector.calls.slice(beforeClose).filter((c) => c.method === 'PUT' && c.activityId === posted[0]!.id).length).toBeGreaterThan(0);
  });
});
