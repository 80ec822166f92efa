import { message, TestUser, user } from '../support/activities';
import { SeenCosmosRequest } from '../support/cosmos-proxy';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { HR, members, PulseDriver, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { isNormalCard } from './support';

const WRITES = new Set(['create', 'upsert', 'replace', 'delete', 'batch']);
const DATA = new Set(['pointRead', 'query', 'create', 'upsert', 'replace', 'delete', 'batch']);

/** What one turn cost in Cosmos DB requests, counted by the proxy in front of the store. */
interface TurnCost {
  /** Reads, queries and writes (query plans are counted apart: the SDK asks for one only when the gateway says a query needs it). */
  data: number;
  writes: number;
  queryPlans: number;
  crossPartition: number;
}

function costOf(seen: SeenCosmosRequest[]): TurnCost {
  return {
    data: seen.filter((r) => DATA.has(r.kind)).length,
    writes: seen.filter((r) => WRITES.has(r.kind)).length,
    queryPlans: seen.filter((r) => r.kind === 'queryPlan').length,
    crossPartition: seen.filter((r) => r.crossPartition).length,
  };
}

/**
 * Round trips per turn, counted on the wire (counts are stable; times are not): a click that
 * changes state costs at most two requests, read-only commands write nothing, and no user turn
 * fans out over every partition.
 */
describe('Cosmos DB requests per turn', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem] = MEMBERS;
  const measure = async (turn: () => Promise<unknown>): Promise<TurnCost> => {
    t.proxy!.reset();
    await turn();
    return costOf(t.proxy!.seen);
  };
  let token = '';
  // Session cards posted in a group's chat.
  const liveCards = (x: GroupDriver) => t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === x.conv.id && c.activity.attachments?.[0]?.content?.refresh?.action?.verb === 'session.refresh');

  beforeAll(async () => {
    // A click's own turn is counted: without pacing, its shared-card update leaves at once, from what
    // the turn read. (With pacing, an update held back reads the session once more when it leaves,
    // off the click's path and at most twice a second per chat; tests/live-session/shared-card-pacing.test.ts.)
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'test-key-'.padEnd(40, 'x') }, undefined, { proxy: true, sharedCardIntervalMs: 0 });
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(anna!, 1, 'Warm maken');
    const res = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: anna!.aadObjectId }) });
    token = ((await res.json()) as { token: string }).token;
  });
  afterAll(() => t.stop());

  it.each([
    ['answer save', () => g.contribute(bram!, 1, 'Een antwoord')],
    ['energy check-in', () => g.checkIn(cem!, 4)],
    ['next question', () => g.goTo(anna!, 1)],
  ])('%s: two requests on the wire (one query, one write), no query plan, no fan-out', async (_name, turn) => {
    let answer: unknown;
    const cost = await measure(async () => (answer = await turn()));
    expect(isNormalCard(answer as never)).toBe(true);
    expect(cost).toEqual({ data: 2, writes: 1, queryPlans: 0, crossPartition: 0 });
  });

  it('answer save in a session of 150 contributions: still one query, asking for the whole session in one page', async () => {
    for (let i = 0; i < 150; i++) await g.contribute(MEMBERS[i % 4]!, 1, `Antwoord ${i}`);
    t.proxy!.reset();
    await g.contribute(bram!, 1, 'Nog een antwoord');
    const queries = t.proxy!.seen.filter((r) => r.kind === 'query');
    expect(costOf(t.proxy!.seen)).toEqual({ data: 2, writes: 1, queryPlans: 0, crossPartition: 0 });
    // Cosmos DB pages a query at 100 items unless asked otherwise; this session holds more documents.
    expect(queries.map((q) => q.pageSize)).toEqual([expect.any(Number)]);
    expect(queries[0]!.pageSize).toBeGreaterThanOrEqual(160);
  });

  it('a session start from the summary card: read the week, then open the session with its time box and its card\'s id in one transaction', async () => {
    const { cycleId } = (await g.session()) as { cycleId: string };
    await g.end();
    t.clock.advanceMinutes(24 * 60);
    const before = g.sessionId;
    const cost = await measure(() => g.startSession(anna, cycleId));
    expect(g.sessionId).not.toBe(before);
    // The session, its time box (and on a proposal day the proposal) are one transactional batch in
    // the group's partition. The card went out before it, so its id is in the batch too.
    expect(t.proxy!.seen.map((r) => `${r.kind} ${r.container}`)).toEqual(['query sessions', 'batch sessions']);
    expect(cost).toEqual({ data: 2, writes: 1, queryPlans: 0, crossPartition: 0 });
  });

  it('"start" in the group chat: the week this instance saw the group in is checked by the one query, not read first', async () => {
    // Members of no other group here, so that Anna's turns below still read one group.
    const other = new GroupDriver(t, t.conversation('groupChat', '19:start-command@thread.v2'), ['Gert', 'Hana', 'Ivo'].map(user));
    await other.setUp();
    await other.startCycle();
    await measure(() => t.send(message(other.conv, other.members[0]!, 'start')));
    // The week's first session also fixes the agenda on the cycle, under the ETag the query read, in
    // the same transaction: an agenda saved at that moment cannot be answered "saved" while day 1
    // runs the old one (tests/live-session/agenda-start-race.test.ts). No request more for it.
    expect(t.proxy!.seen.map((r) => `${r.kind} ${r.container}`)).toEqual(['query sessions', 'batch sessions']);
    expect(liveCards(other)).toHaveLength(1);
  });

  it('"start" on an instance that has not seen the group yet reads the group for its week first', async () => {
    const other = new GroupDriver(t, t.conversation('groupChat', '19:start-cold@thread.v2'), ['Jan', 'Kim', 'Lot'].map(user));
    await other.setUp();
    await other.startCycle();
    t.app.forgetHints();
    await measure(() => t.send(message(other.conv, other.members[0]!, 'start')));
    expect(t.proxy!.seen.map((r) => `${r.kind} ${r.container}`)).toEqual(['pointRead sessions', 'query sessions', 'batch sessions']);
    expect(liveCards(other)).toHaveLength(1);
  });

  it('judgements: one short of a decision costs three requests (a read after it, so that of presses at the same moment the last sees them all), the one that opens it two', async () => {
    // Four members present, a quorum of half: the second judgement opens the decision. Others than
    // Anna's group, so that her own turns below read her one group, as before.
    const [hana, ivo] = ['Hana', 'Ivo', 'Jan', 'Kim'].map(user) as [TestUser, TestUser];
    const j = await new GroupDriver(t, t.conversation('groupChat', '19:counts-judgements@thread.v2'), [hana, ivo, ...['Jan', 'Kim'].map(user)]).answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4 });
    const judge = (who: TestUser) => measure(async () => expect(isNormalCard((await j.press(who, 'proposal.judge', { ...j.ids(), opinion: 'agree', reason: 'Goed' })) as never)).toBe(true));
    const short = await judge(hana);
    const opens = await judge(ivo);
    expect({ short, opens }).toEqual({
      short: { data: 3, writes: 1, queryPlans: 0, crossPartition: 0 },
      opens: { data: 2, writes: 1, queryPlans: 0, crossPartition: 0 },
    });
  });

  it('"status" only reads', async () => {
    const cost = await measure(() => t.send(message(g.conv, anna!, 'status')));
    expect(cost.writes).toBe(0);
    expect(cost.data).toBeLessThanOrEqual(3);
    expect(cost.crossPartition).toBe(0);
  });

  it('a B3-spiegel answer: the tally read and written under its ETag, two requests', async () => {
    const d = new PulseDriver(t);
    const noord = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 5)]);
    await d.startPoll(noord, 'peiling start alle teams 2026-12-04');
    await d.answerOnCard(noord, noord.members[1]!);
    const cost = await measure(() => d.answerOnCard(noord, noord.members[2]!));
    expect(cost).toEqual({ data: 2, writes: 1, queryPlans: 0, crossPartition: 0 });
  });

  it('"verantwoording" in the personal chat, the tab and the message-extension search never fan out', async () => {
    const personal = t.conversation('personal', 'a:personal-anna');
    const chat = await measure(() => t.send(message(personal, anna!, 'verantwoording')));
    const tab = await measure(() => fetch(`${t.app.url}/api/verantwoording`, { headers: { authorization: `Bearer ${token}` } }));
    const search = await measure(() =>
      t.send({
        ...message(personal, anna!, ''),
        type: 'invoke',
        name: 'composeExtension/query',
        value: { commandId: 'zoekVoorstellen', parameters: [{ name: 'zoekterm', value: 'overdracht' }], queryOptions: { skip: 0, count: 25 } },
      }),
    );
    expect({ chat: chat.crossPartition, tab: tab.crossPartition, search: search.crossPartition }).toEqual({ chat: 0, tab: 0, search: 0 });
    expect({ chat: chat.writes, tab: tab.writes, search: search.writes }).toEqual({ chat: 0, tab: 0, search: 0 });
    // The tab's load: whether an erasure is unfinished comes from the records it reads anyway (a
    // point read of the erasure's ticket made it five in stop 44, before this was counted).
    expect(tab.data).toBe(4);
  });
});
