import { execute } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';

/**
 * A press on the new session card between its POST and the batch.
 *
 * The press posts the session card first and stores the session afterwards. Teams shows the card
 * at once and, for every member in its refresh list, sends the card's automatic refresh
 * (Action.Execute, verb of `refresh.action`). When the store is slow for a moment (a 429 on the
 * batch, retried after its retry-after) that refresh, or a member's first tap on a button, arrives
 * before the session exists: loadSession throws notFound and the member's copy of the session card
 * is REPLACED by the error card ("Dat lukte niet ..."), while the session opens a moment later.
 *
 * The promise: an action on a card whose session is still being opened is not answered with an
 * error card that replaces the session card (e.g. it waits for the opening, which holds the
 * group's opening lock, or answers with the card as posted).
 */
describe('the card is acted on before its session is stored', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, undefined, { proxy: true });
  });
  afterAll(() => t.stop());

  it('does not replace a member\'s session card with an error card', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:probe-early-refresh@thread.v2'), MEMBERS.slice(0, 3));
    await g.setUp();
    await g.startCycle();
    let throttled = false;
    // The batch is throttled once, for 1.5 s: Cosmos DB's retry-after.
    t.proxy!.faults = (r) => (!throttled && r.kind === 'batch' && r.container === 'sessions' ? ((throttled = true), { kind: 'status', status: 429, retryAfterMs: 1500 }) : undefined);
    const before = t.connector.calls.length;
    const press = g.press(MEMBERS[0]!, 'session.start', { groupId: g.groupId }, 'cycle-card');
    // Teams shows the posted card; the member's client sends its automatic refresh.
    const postedCard = () => t.connector.calls.slice(before).find((c) => c.method === 'POST' && c.activity.attachments?.[0]?.content?.refresh);
    await waitUntil('the session card is posted', () => postedCard() !== undefined);
    const posted = postedCard();
    const refresh = posted!.activity.attachments[0].content.refresh.action;
    const activity = { ...execute(g.conv, MEMBERS[1]!, refresh.verb, refresh.data, posted!.id), value: { action: { type: 'Action.Execute', verb: refresh.verb, data: refresh.data }, trigger: 'automatic' } };
    const res = await t.send(activity);
    const opened = await press;
    t.proxy!.faults = undefined;
    expect(opened.value).toBe('De sessie is geopend.');
    expect(throttled).toBe(true);
    const shown = res.body?.type === 'application/vnd.microsoft.card.adaptive' ? cardText(res.body.value) : String(res.body?.value);
    expect(shown).not.toContain('Dat lukte niet');
  }, 60_000);
});
