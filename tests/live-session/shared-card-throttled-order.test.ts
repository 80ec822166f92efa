import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { AdaptiveCardJson } from '../../src/teams/cards/card-kit';
import { MAX_RETRY_AFTER_MS, RETRY_BUDGET_MS, SharedCardUpdates } from '../../src/teams/shared-card-updates';
import { execute, TestUser } from '../support/activities';
import { CosmosProxy } from '../support/cosmos-proxy';
import { stepWriteOf } from '../support/cosmos-gate';
import { GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { EIGHT, isNormalCard, postStraight, sharedCurrent } from './support';

/**
 * Lets one Cosmos DB request through to the store, and holds its answer until the test lets it go:
 * the write is stored, the turn that made it has not heard so yet (a slow answer, a busy event loop).
 */
function holdAnswer(proxy: CosmosProxy, match: (req: IncomingMessage) => boolean) {
  const p = proxy as unknown as { handle: (req: IncomingMessage, res: ServerResponse) => void };
  const original = p.handle.bind(proxy);
  let armed = true;
  let stored!: () => void;
  let release!: () => void;
  const storedP = new Promise<void>((r) => (stored = r));
  const released = new Promise<void>((r) => (release = r));
  p.handle = (req, res) => {
    if (armed && match(req)) {
      armed = false;
      const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => ServerResponse;
      const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
      let head: unknown[] = [];
      (res as unknown as { writeHead: (...a: unknown[]) => ServerResponse }).writeHead = (...args) => ((head = args), res);
      (res as unknown as { end: (...a: unknown[]) => ServerResponse }).end = (...args) => {
        stored();
        void released.then(() => {
          writeHead(...head);
          end(...args);
        });
        return res;
      };
    }
    original(req, res);
  };
  return { stored: storedP, release, restore: () => (p.handle = original) };
}

/**
 * Found in review, stop 49: a live group of eight in a burst, Teams answering a card update with
 * 429 and a Retry-After (seconds: longer than the 500 ms pacing interval). The shared card must end
 * on the newest stored state, not on an older one landing last.
 */
describe('a throttled shared-card update and a step that finished later', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  async function groupAtQuestion2(name: string) {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:${name}@thread.v2`), EIGHT);
    await g.setUp();
    await g.startCycle();
    await g.press(EIGHT[0]!, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,2,3,4,5,6,7', day2: '8', day3: '9', day4: '10' }, 'cycle-card');
    await g.startSession();
    await g.goTo(EIGHT[0]!, 1);
    await t.app.sharedCards.idle();
    return g;
  }

  it('Anna\'s "Volgende" (to 3) is stored, its answer slow; Bram moves on to 4, his card update gets a 429: the shared card ends on question 4', async () => {
    const g = await groupAtQuestion2('throttled-order');
    const [anna, bram] = EIGHT as [TestUser, TestUser];
    const isSessionPut = (req: { method: string; path: string }) => req.method === 'PUT' && req.path.endsWith(`/activities/${g.sessionMessageId}`);
    const putsBefore = t.connector.calls.filter((c) => c.method === 'PUT' && c.id === g.sessionMessageId).length;

    // Anna's move to question 3 is written; her turn hears it only when the test lets it.
    const slow = holdAnswer(t.proxy!, stepWriteOf(g.sessionId));
    const annas = postStraight(t, execute(g.conv, anna, 'session.goto', { ...g.ids(), index: 2, from: 1 }, g.sessionMessageId));
    await slow.stored;
    expect((await g.session()).currentIndex).toBe(2);

    // Teams throttles the next update of the card once (Retry-After 1 s), and the retry is held
    // until Anna's turn has answered: her update meets the lane while it is busy with Bram's.
    let throttled = 0;
    let letRetryGo!: () => void;
    const retryMayGo = new Promise<void>((r) => (letRetryGo = r));
    let retryArrived = false;
    t.connector.faults.push((req) => (throttled === 0 && isSessionPut(req) ? (throttled++, { status: 429, retryAfterSeconds: 1 }) : undefined));
    t.connector.holds.push((req) => (throttled === 1 && !retryArrived && isSessionPut(req) ? ((retryArrived = true), retryMayGo) : undefined));

    // Bram, on his card of question 3, moves the group on to question 4; his update is throttled.
    const brams = await postStraight(t, execute(g.conv, bram, 'session.goto', { ...g.ids(), index: 3, from: 2 }, g.sessionMessageId));
    expect(isNormalCard(brams.body)).toBe(true);
    expect((await g.session()).currentIndex).toBe(3);
    await waitUntil('Bram\'s card update was throttled and retried', () => throttled === 1 && retryArrived);

    // Anna's turn hears its write was stored and answers her, pushing its card (question 3).
    slow.release();
    expect(isNormalCard((await annas).body)).toBe(true);
    slow.restore();
    letRetryGo();

    await waitUntil('both updates reached Teams', () => t.connector.calls.filter((c) => c.method === 'PUT' && c.id === g.sessionMessageId).length >= putsBefore + 2);
    await t.app.sharedCards.idle();
    expect((await g.session()).currentIndex).toBe(3);
    // The stored question is 4; the card everyone's chat shows must say so.
    expect(sharedCurrent(g)).toContain('4.');
  });

  it('a step whose card update Teams throttles four times (Retry-After 1 s each) still reaches the shared card once Teams takes updates again', async () => {
    const g = await groupAtQuestion2('throttled-tried-again');
    const isSessionPut = (req: { method: string; path: string }) => req.method === 'PUT' && req.path.endsWith(`/activities/${g.sessionMessageId}`);
    let throttled = 0;
    t.connector.faults.push((req) => (throttled < 4 && isSessionPut(req) ? (throttled++, { status: 429, retryAfterSeconds: 1 }) : undefined));
    const step = await postStraight(t, execute(g.conv, EIGHT[2]!, 'session.goto', { ...g.ids(), index: 2, from: 1 }, g.sessionMessageId));
    expect(isNormalCard(step.body)).toBe(true);
    await waitUntil('Teams throttled four tries', () => throttled === 4);
    // Given up after its four tries with nothing newer waiting, the update stays in the lane: after
    // Teams' wait it is read again and tried once more. Nobody presses anything meanwhile (typing).
    await t.app.sharedCards.idle();
    await t.app.background.idle();
    await t.app.outbox.drain(30_000);
    await t.app.sharedCards.idle();
    expect((await g.session()).currentIndex).toBe(2);
    expect(sharedCurrent(g)).toContain('3.');
  });
});

/**
 * The same, on the lane alone: an update pushed while an earlier one of the same message is still
 * being sent (Teams answered 429, the lane waits out Retry-After) waited behind it, so it may have
 * been overtaken: it must be read again as stored when it leaves, as a paced one is.
 */
describe('the shared-card lane after a Retry-After longer than the pacing interval', () => {
  const quiet = createLogger('warn', new Writable({ write: (_c, _e, cb) => cb() }));
  const target = { route: { serviceUrl: 'http://127.0.0.1:9', botId: 'bot' }, conversationId: '19:g@thread.v2', activityId: 'm1' };
  const adaptive = (text: string): AdaptiveCardJson => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text }] });

  it('an update pushed during the retry of another is read again when it leaves', async () => {
    const sent: string[] = [];
    let calls = 0;
    const transport = {
      updateActivity: async (_r: unknown, _c: string, _id: string, activity: Record<string, unknown>) => {
        calls++;
        // The first try is throttled: Teams asks for 600 ms, more than the 500 ms pacing interval.
        if (calls === 1) return { ok: false as const, status: 429, retryAfterMs: 600 };
        const [attachment] = activity.attachments as { content: AdaptiveCardJson }[];
        sent.push(String((attachment!.content.body as { text: string }[])[0]!.text));
        return { ok: true as const };
      },
    };
    const updates = new SharedCardUpdates(transport, quiet);
    updates.push(target, { now: () => adaptive('newer step'), fresh: async () => adaptive('newer step as stored') });
    await waitUntil('the first try was throttled', () => calls === 1);
    // A turn that read before the newer step, and finished after it, pushes its (older) card now.
    updates.push(target, { now: () => adaptive('older step'), fresh: async () => adaptive('newest as stored') });
    await waitUntil('both updates went out', () => sent.length === 2);
    // Its own retry is read again as stored too (stop 65: another instance may have sent a newer card meanwhile).
    expect(sent).toEqual(['newer step as stored', 'newest as stored']);
  });
});

/**
 * The lane's retry budget: an update Teams keeps failing is tried again after each wait, read
 * again as stored, and given up (logged once) when the next wait would end past the budget. Only
 * fake timers here: nothing waits for real time.
 */
describe('a shared-card update Teams keeps throttling', () => {
  afterEach(() => jest.useRealTimers());
  const target = { route: { serviceUrl: 'http://127.0.0.1:9', botId: 'bot' }, conversationId: '19:g@thread.v2', activityId: 'm1' };
  const adaptive = (text: string): AdaptiveCardJson => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text }] });

  function throttlingTransport(retryAfterMs: number) {
    const start = Date.now();
    const calls: { at: number; text: string }[] = [];
    return {
      calls,
      updateActivity: async (_r: unknown, _c: string, _id: string, activity: Record<string, unknown>) => {
        const [attachment] = activity.attachments as { content: AdaptiveCardJson }[];
        calls.push({ at: Date.now() - start, text: String((attachment!.content.body as { text: string }[])[0]!.text) });
        return { ok: false as const, status: 429, retryAfterMs };
      },
    };
  }

  function warnings() {
    const lines: string[] = [];
    return { lines, logger: createLogger('warn', new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) })) };
  }

  it('is tried again past its four tries, never before Teams said, read again as stored, and given up within the budget', async () => {
    jest.useFakeTimers();
    const transport = throttlingTransport(20_000);
    const log = warnings();
    const lanes = new SharedCardUpdates(transport, log.logger, { now: () => Date.now() });
    lanes.push(target, { now: () => adaptive('step'), fresh: async () => adaptive('step as stored') });
    await jest.advanceTimersByTimeAsync(3 * RETRY_BUDGET_MS);
    await lanes.idle();
    const { calls } = transport;
    expect(calls.length).toBeGreaterThan(4);
    // Each try after the first is read again as stored (stop 65: another instance may have sent a newer card meanwhile).
    expect(calls.slice(0, 4).map((c) => c.text)).toEqual(['step', 'step as stored', 'step as stored', 'step as stored']);
    expect(new Set(calls.slice(4).map((c) => c.text))).toEqual(new Set(['step as stored']));
    calls.slice(1).forEach((c, i) => expect(c.at - calls[i]!.at).toBeGreaterThanOrEqual(20_000));
    expect(calls.at(-1)!.at).toBeLessThanOrEqual(RETRY_BUDGET_MS);
    expect(log.lines.filter((l) => l.includes('could not update the shared card'))).toHaveLength(1);
  });

  it('a Retry-After past the lane\'s bound still gives the update up at once, logged', async () => {
    jest.useFakeTimers();
    const transport = throttlingTransport(MAX_RETRY_AFTER_MS + 1);
    const log = warnings();
    const lanes = new SharedCardUpdates(transport, log.logger, { now: () => Date.now() });
    lanes.push(target, { now: () => adaptive('step'), fresh: async () => adaptive('step as stored') });
    await jest.advanceTimersByTimeAsync(3 * RETRY_BUDGET_MS);
    await lanes.idle();
    expect(transport.calls.map((c) => c.text)).toEqual(['step']);
    expect(log.lines.filter((l) => l.includes('could not update the shared card'))).toHaveLength(1);
  });
});
