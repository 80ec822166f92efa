import type { IncomingMessage } from 'node:http';
import { CosmosTeamPollLocks } from '../../src/store/pulse-poll.repositories';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

const path = (req: IncomingMessage) => (req.url ?? '').split('?')[0]!;
const header = (req: IncomingMessage, name: string) => String(req.headers[name] ?? '');
/** The create of a poll document (not a team lock, whose partition key is the lock's own id). */
const pollCreate = (req: IncomingMessage) =>
  req.method === 'POST' &&
  /\/colls\/polls\/docs\/?$/.test(path(req)) &&
  header(req, 'x-ms-documentdb-isquery').toLowerCase() !== 'true' &&
  header(req, 'x-ms-cosmos-is-query-plan-request').toLowerCase() !== 'true' &&
  header(req, 'x-ms-cosmos-is-batch-request').toLowerCase() !== 'true' &&
  header(req, 'x-ms-documentdb-partitionkey').includes('poll_');

/**
 * HR types "peiling start" twice (two messages, two activity ids: an impatient resend, or two HR
 * advisers). The first has claimed the team but not yet stored its poll when the second arrives:
 * the claim's holder read as "not open" (no poll yet), so the second took the team and both
 * polls opened, two cards in the channel, whose results could be set against each other. A
 * claim now holds for a minute before its poll is stored, and a start whose poll could not be
 * stored lets its teams go. Found in review, stop 34.
 */
describe('two "peiling start" commands for one team', () => {
  let t: TestApp;
  let d: PulseDriver;
  const zuid = team('Zorgteam Zuid', 'zuid', [HR, ...members('zuid', 6)]);
  const noord = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const west = team('Zorgteam West', 'west', [HR, ...members('west', 6)]);
  const openPollsOf = async (x: TestTeam) => {
    const { resources } = await t.store.container('polls').items.query("SELECT * FROM c WHERE c.type = 'poll' AND c.status = 'open'").fetchAll();
    return resources.filter((p) => p.targets.some((target: { teamId: string }) => target.teamId === x.id)).length;
  };
  const lastReply = (x: TestTeam) => {
    const last = t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === x.id).at(-1)?.activity;
    return `${last?.text ?? ''} ${cardText(last?.attachments?.[0]?.content)}`;
  };

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'two-starts-claim-window'.padEnd(40, 'k') }, '2026-11-23T08:00:00Z', { proxy: true });
    d = new PulseDriver(t);
    for (const x of [zuid, noord, west]) await d.install(x);
  }, 60_000);
  afterAll(() => t.stop());

  it('the second inside the first one\'s claim window is refused: one open poll, one card', async () => {
    const gate = cosmosGate(t.proxy!);
    const held = gate.hold(pollCreate);
    const first = d.say(HR, zuid, 'peiling start Zorgteam Zuid 2026-12-18');
    await held.arrived;
    // The first command holds the team's claim; its poll is not stored yet.
    const second = await d.say(HR, zuid, 'peiling start Zorgteam Zuid 2026-12-18');
    expect(second.status).toBe(200);
    // Since stop 49 the first also holds the tenant's start lease, which refuses the second before its claim.
    expect(lastReply(zuid)).toMatch(/loopt al een peiling|andere peiling gestart/);
    held.release();
    expect((await first).status).toBe(200);
    await d.settle();

    const pollCards = t.connector.cards((c) => c.method === 'POST' && c.conversationId === zuid.id).filter((c) => c.card.refresh?.action?.verb === 'pulse.view');
    expect({ openPolls: await openPollsOf(zuid), pollCardsInChannel: pollCards.length }).toEqual({ openPolls: 1, pollCardsInChannel: 1 });
  }, 60_000);

  it('a start whose poll could not be stored lets the team go: HR\'s next start opens it', async () => {
    // The team's first claim creates its lock; the create after it, the poll's, is refused.
    let creates = 0;
    t.proxy!.faults = (req) => (req.kind === 'create' && req.container === 'polls' && ++creates > 1 ? { kind: 'status', status: 503 } : undefined);
    await d.say(HR, noord, 'peiling start Zorgteam Noord 2026-12-18');
    t.proxy!.faults = undefined;
    expect(creates).toBeGreaterThan(1);
    expect(lastReply(noord)).toMatch(/lukte niet|ging iets mis/i);
    expect(await openPollsOf(noord)).toBe(0);
    await d.say(HR, noord, 'peiling start Zorgteam Noord 2026-12-18');
    expect(lastReply(noord)).not.toContain('loopt al een peiling');
    expect(await openPollsOf(noord)).toBe(1);
  }, 60_000);

  it('a claim whose start stopped before storing its poll holds the team for a minute, then lets go', async () => {
    // As a start that stopped between its claim and its poll leaves the team (the store at once, no proxy).
    const tenantId = t.conversation('groupChat', '19:any@thread.v2').tenantId!;
    expect(await new CosmosTeamPollLocks(t.store).claim(tenantId, west.id, 'poll_stopped', t.clock.now().toISOString(), async () => true)).toBe(true);
    await d.say(HR, west, 'peiling start Zorgteam West 2026-12-18');
    expect(lastReply(west)).toContain('loopt al een peiling');
    expect(await openPollsOf(west)).toBe(0);
    t.clock.set(new Date(t.clock.now().getTime() + 61_000).toISOString());
    await d.say(HR, west, 'peiling start Zorgteam West 2026-12-18');
    expect(await openPollsOf(west)).toBe(1);
  });
});
