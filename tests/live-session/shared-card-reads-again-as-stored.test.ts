/**
 * The shared-card lane's reads as stored (stop 65, found reviewing the change that re-reads a retry
 * and an update that landed slowly): a retry whose read throws is read again after a pause, and
 * given up (never the card in hand, which could overwrite a newer one) when that fails too; a re-send
 * after a slow landing that Teams fails is read again after the wait; a slow landing whose stored
 * card keeps differing is sent again once, never in a loop; a quick update reads nothing more; one
 * sent again under pacing is not read once more.
 */
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { AdaptiveCardJson } from '../../src/teams/cards/card-kit';
import { SharedCardUpdates } from '../../src/teams/shared-card-updates';
import { waitUntil } from '../outbox/wait-until';

const target = { route: { serviceUrl: 'http://127.0.0.1:9', botId: 'bot' }, conversationId: '19:g@thread.v2', activityId: 'm1' };
const adaptive = (text: string): AdaptiveCardJson => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text }] });
const textOf = (activity: Record<string, unknown>) => String(((activity.attachments as { content: AdaptiveCardJson }[])[0]!.content.body as { text: string }[])[0]!.text);
function warnings() {
  const lines: string[] = [];
  return { lines, logger: createLogger('warn', new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) })) };
}

describe('the shared-card lane reads the card again as stored', () => {
  it('a 503, then a read as stored that throws once (a Cosmos blip): read again after a pause, and the card as stored goes', async () => {
    const sent: string[] = [];
    let calls = 0;
    let reads = 0;
    const transport = { updateActivity: async (_r: unknown, _c: string, _id: string, a: Record<string, unknown>) => (++calls === 1 ? { ok: false as const, status: 503 } : (sent.push(textOf(a)), { ok: true as const })) };
    const lanes = new SharedCardUpdates(transport, warnings().logger, { minIntervalMs: 0 });
    lanes.push(target, { now: () => adaptive('step 3 as read'), fresh: async () => { if (++reads === 1) throw new Error('cosmos blip'); return adaptive('step 3 as stored'); } });
    await waitUntil('the card went', () => sent.length >= 1, { timeoutMs: 5_000, everyMs: 10 });
    await lanes.idle();
    expect({ calls, sent }).toEqual({ calls: 2, sent: ['step 3 as stored'] });
  });

  it('a retry whose read as stored keeps failing leaves the newer card another instance sent meanwhile', async () => {
    let storeDown = false;
    const onTeams: string[] = [];
    let calls = 0;
    const transport = {
      updateActivity: async (_r: unknown, _c: string, _id: string, a: Record<string, unknown>) => {
        // Instance B's newer card lands while this one is failed, and the store stops answering.
        if (++calls === 1) return (onTeams.push('newer from B'), (storeDown = true), { ok: false as const, status: 503 });
        onTeams.push(textOf(a));
        return { ok: true as const };
      },
    };
    const log = warnings();
    const lanes = new SharedCardUpdates(transport, log.logger, { minIntervalMs: 0 });
    lanes.push(target, { now: () => adaptive('mine, read before'), fresh: async () => { if (storeDown) throw new Error('cosmos blip'); return adaptive('as stored'); } });
    await waitUntil('the update was given up', () => log.lines.some((l) => l.includes('could not render the shared card')), { timeoutMs: 10_000, everyMs: 10 });
    await lanes.idle();
    expect(onTeams).toEqual(['newer from B']);
  });

  it('a re-send after a slow landing that Teams fails for now is read again after the wait (another instance sent meanwhile)', async () => {
    let stored = 'v0';
    let calls = 0;
    const onTeams: string[] = [];
    const transport = {
      updateActivity: async (_r: unknown, _c: string, _id: string, a: Record<string, unknown>) => {
        calls++;
        // The first lands, and the store moved on since: a re-send is owed.
        if (calls === 1) return (onTeams.push(textOf(a)), (stored = 'v1'), { ok: true as const });
        // The re-send's four tries are throttled; instance B sends v2 during the last.
        if (calls <= 5) return (calls === 5 && ((stored = 'v2'), onTeams.push('v2')), { ok: false as const, status: 429, retryAfterMs: 20 });
        onTeams.push(textOf(a));
        return { ok: true as const };
      },
    };
    const lanes = new SharedCardUpdates(transport, warnings().logger, { minIntervalMs: 0, overtakeCheckMs: 0 });
    lanes.push(target, { now: () => adaptive('v0'), fresh: async () => adaptive(stored) });
    await waitUntil('sent after the wait', () => calls >= 6, { timeoutMs: 10_000, everyMs: 10 });
    await lanes.idle();
    expect({ last: onTeams.at(-1), stored }).toEqual({ last: 'v2', stored: 'v2' });
  });

  it('a slow landing whose stored card differs each read: sent again once, never a loop', async () => {
    const sent: string[] = [];
    let reads = 0;
    const transport = { updateActivity: async (_r: unknown, _c: string, _id: string, a: Record<string, unknown>) => (sent.push(textOf(a)), { ok: true as const }) };
    const lanes = new SharedCardUpdates(transport, warnings().logger, { minIntervalMs: 0, overtakeCheckMs: 0 });
    lanes.push(target, { now: () => adaptive('v0'), fresh: async () => adaptive(`v${++reads}`) });
    await waitUntil('two sent', () => sent.length >= 2, { timeoutMs: 5_000, everyMs: 10 });
    await lanes.idle();
    await new Promise((r) => setImmediate(r));
    await lanes.idle();
    expect({ sent, reads }).toEqual({ sent: ['v0', 'v1'], reads: 1 });
  });

  it('a fast normal update reads nothing more', async () => {
    let reads = 0;
    let calls = 0;
    const transport = { updateActivity: async () => (calls++, { ok: true as const }) };
    const lanes = new SharedCardUpdates(transport, warnings().logger, { minIntervalMs: 0 });
    lanes.push(target, { now: () => adaptive('v0'), fresh: async () => (reads++, adaptive('x')) });
    await waitUntil('sent', () => calls === 1, { timeoutMs: 5_000, everyMs: 10 });
    await lanes.idle();
    expect({ calls, reads }).toEqual({ calls: 1, reads: 0 });
  });

  it('a slow landing re-sent under pacing: one read more, as OVERTAKE_CHECK_MS says', async () => {
    const sent: string[] = [];
    let reads = 0;
    const transport = { updateActivity: async (_r: unknown, _c: string, _id: string, a: Record<string, unknown>) => (sent.push(textOf(a)), { ok: true as const }) };
    const lanes = new SharedCardUpdates(transport, warnings().logger, { minIntervalMs: 50, overtakeCheckMs: 0 });
    lanes.push(target, { now: () => adaptive('v0'), fresh: async () => adaptive(`v${++reads}`) });
    await waitUntil('two sent', () => sent.length >= 2, { timeoutMs: 5_000, everyMs: 10 });
    await lanes.idle();
    expect({ sent, reads }).toEqual({ sent: ['v0', 'v1'], reads: 1 });
  });
});
