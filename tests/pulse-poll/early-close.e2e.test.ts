import { waitUntil } from '../outbox/wait-until';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, TestTeam, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A poll HR closes early sends none of the cards that still ask for answers.
 * Problem this guards against: a member's poll card that Teams refused for a while was retried
 * until the poll's planned closing date, also when HR had closed the poll days before. It then
 * arrived after the closing: an open form that refuses every answer, beside the results. The
 * closing withdraws every queued message whose use ends at the closing; the closing messages
 * themselves (results, the "closed" card) still go out.
 */
describe('a poll HR closes early', () => {
  let t: TestApp;
  let d: PulseDriver;
  const x: TestTeam = team('Team Noord', 'noord', [HR, ...members('noord', 5)]);
  const [away1, away2] = [x.members[1]!, x.members[2]!];
  const chatOf = (id: string) => `a:1on1-${id}`;
  const pollCardsTo = (id: string) => t.connector.cards((c) => c.method === 'POST' && c.conversationId === chatOf(id));
  const refusedFor = (id: string) => t.connector.requests.filter((r) => r.conversationKey === chatOf(id) && r.status === 503).length;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'early-close-test-key'.padEnd(40, 'z') }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(x);
  });
  afterAll(() => t.stop());

  it('withdraws the cards Teams has not taken yet, and still sends the closing messages', async () => {
    // Teams refuses the 1:1 chats of two members for now: their cards wait for a retry.
    const down = new Set([chatOf(away1.id), chatOf(away2.id)]);
    t.connector.faults = [(req) => (req.method === 'POST' && req.conversationId && down.has(req.conversationId) ? { status: 503 } : undefined)];
    await d.say(HR, x, 'peiling start dit team 2026-12-04 privé');
    t.app.outbox.start(); // sending on its own, as in production, while Teams refuses some
    await waitUntil('the others got their card and Teams refused the two members\' cards', () => [x.members[3]!, x.members[4]!, x.members[5]!].every((m) => pollCardsTo(m.id).length === 1) && refusedFor(away1.id) > 0 && refusedFor(away2.id) > 0, { timeoutMs: 30_000, state: () => `refused ${refusedFor(away1.id)}, ${refusedFor(away2.id)}` });

    await d.say(HR, x, 'peiling sluiten');
    expect(t.connector.texts().at(-1)).toContain('gesloten');
    t.connector.faults = []; // Teams is back
    await d.settle();

    expect(pollCardsTo(away1.id)).toEqual([]);
    expect(pollCardsTo(away2.id)).toEqual([]);
    // The closing still reached HR: the results card in the channel it was started from.
    const results = t.connector.cards((c) => c.method === 'POST' && c.conversationId === x.id).map((c) => cardText(c.card));
    expect(results.some((text) => text.includes('gesloten'))).toBe(true);
  });
});
