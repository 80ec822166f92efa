/**
 * The shared-card lane's reads as stored (stop 65, found reviewing the change that re-reads a retry
 * and an update that landed slowly): a retry whose read throws still sends the card in hand (it
 * gave the update up); a slow landing whose stored card keeps differing is sent again once, never
 * in a loop; a quick update reads nothing more; one sent again under pacing is not read once more.
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
  it('a 503 then a re-read that throws (a Cosmos blip): the card in hand still goes out', async () => {
    const sent: string[] = [];
    let calls = 0;
    const transport = { updateActivity: async (_r: unknown, _c: string, _id: string, a: Record<string, unknown>) => (++calls === 1 ? { ok: false as const, status: 503 } : (sent.push(textOf(a)), { ok: true as const })) };
    const log = warnings();
    const lanes = new SharedCardUpdates(transport, log.logger, { minIntervalMs: 0 });
    lanes.push(target, { now: () => adaptive('step 3'), fresh: async () => { throw new Error('cosmos blip'); } });
    await waitUntil('the lane is done', () => calls >= 2 || log.lines.some((l) => l.includes('could not update')), { timeoutMs: 5_000, everyMs: 10 });
    await lanes.idle();
    expect({ calls, sent }).toEqual({ calls: 2, sent: ['step 3'] });
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
