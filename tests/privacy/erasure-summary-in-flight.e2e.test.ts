/**
 * (First case.) Anna ended the session; its summary, composed from what her turn read, credits Bram. Its write
 * to the outbox was slow (held at the Cosmos proxy: a throttled or retried request), and Bram's
 * erasure ran to the end meanwhile, its purge of the outbox included. Then the write landed, and
 * the summary went out naming him, after his data was erased. Left out in stop 35. A summary is
 * built when the outbox sends it now, from what is stored then.
 *
 * (Second case.) The summary is sent while his erasure is under way: he is off the member list,
 * his answers not yet anonymised. It waits in the outbox until the erasure is done.
 *
 * (Fourth case.) His erasure runs to its end between the summary's render and its send (the
 * sender's waits): the job is handed back and built again.
 */
import type { IncomingMessage } from 'node:http';
import { TestUser, user } from '../support/activities';
import { cosmosGate, replaceOf } from '../support/cosmos-gate';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { stableId } from '../../src/domain/shared/ids';
import { actionData, documentsNaming, eraseInChat, PersonalChat } from '../verantwoording/support';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

/** A new message in the outbox (its job's create), not a query or a change of a job. */
const isOutboxCreate = (req: IncomingMessage) =>
  req.method === 'POST' && /\/colls\/outbox\/docs\/?$/.test((req.url ?? '').split('?')[0]!) && req.headers['x-ms-documentdb-isquery'] !== 'true' && req.headers['x-ms-cosmos-is-query-plan-request'] !== 'true';

describe('a session summary whose outbox write lands after an erasure', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A turn waits a second for its message to go out (not 20): the second case's summary waits longer.
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true, outboxTimings: { backoffBaseMs: 100, backoffCapMs: 6_000, deliverWaitMs: 1_000 } });
  });
  afterAll(() => t.stop());

  /** A new group in its own chat, its first session open. */
  const openSession = async (chatId: string, members: TestUser[]) => {
    const g = new GroupDriver(t, t.conversation('groupChat', chatId), members);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    return g;
  };
  const named = (...names: string[]) => names.map(user);

  /**
   * `ender` ends the session; the claim of its summary's job (its first replace) is slow, its card
   * built just before, and `erased` erases their data meanwhile, to the end.
   */
  const endWhileErasedDuringWaits = async (g: GroupDriver, ender: TestUser, erased: TestUser) => {
    const held = cosmosGate(t.proxy!).hold(replaceOf(stableId('ob', `summary:${g.sessionId}`)));
    const end = g.end(ender);
    await held.arrived;
    const chat = new PersonalChat(t, erased);
    const ask = (await chat.say('wis mijn gegevens')).cards[0];
    const done = await chat.press('verantwoording.erase.confirm', actionData(ask, 'verantwoording.erase.confirm')!);
    expect(cardText(done)).toContain('Je gegevens zijn gewist');
    held.release();
    await end;
    await t.app.outbox.drain(30_000);
  };

  const summariesIn = (g: GroupDriver, text: string) => t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === g.conv.id && JSON.stringify(c.activity).includes(text) && !c.activity.attachments?.[0]?.content?.refresh);

  it('goes out without naming the erased member (his answer stays, anonymously), and is not lost for the group', async () => {
    const g = await openSession('19:summary-in-flight@thread.v2', [anna, bram, cem, dewi]);
    await g.contribute(anna, 1, 'Overdracht tussen diensten');
    await g.contribute(bram, 1, 'Zorg over de nachtdienst');

    const held = cosmosGate(t.proxy!).hold(isOutboxCreate);
    const end = g.end(anna);
    await held.arrived;
    await eraseInChat(t, bram);
    held.release();
    await end;
    await t.app.outbox.drain(30_000);

    const summaries = summariesIn(g, 'Overdracht tussen diensten');
    expect({
      summaries: summaries.length,
      namingBram: summaries.filter((c) => /Bram|29:bram|aad-bram/.test(JSON.stringify(c.activity))).length,
      stored: await documentsNaming(t.store, bram),
    }).toEqual({ summaries: 1, namingBram: 0, stored: [] });
  });

  it('waits in the outbox while his erasure is under way, and then goes out without him', async () => {
    const [anna2, bram2, cem2, dewi2] = named('AnnaS', 'BramS', 'CemS', 'DewiS') as [TestUser, TestUser, TestUser, TestUser];
    const g = await openSession('19:summary-during-erasure@thread.v2', [anna2, bram2, cem2, dewi2]);
    await g.contribute(anna2, 1, 'Roosters op tijd');
    await g.contribute(bram2, 1, 'Vaste overdracht om acht uur');

    // The erasure stops at its mark of the open session: he is off the list, nothing anonymised yet.
    const held = cosmosGate(t.proxy!).hold(replaceOf(g.sessionId!));
    const erasure = eraseInChat(t, bram2);
    await held.arrived;
    await g.end(anna2);
    const whileErasing = summariesIn(g, 'Roosters op tijd').length;
    held.release();
    await erasure;
    await t.app.outbox.drain(30_000);

    const summaries = summariesIn(g, 'Roosters op tijd');
    expect({ whileErasing, summaries: summaries.length, namingBram: summaries.filter((c) => /BramS|29:brams|aad-brams/i.test(JSON.stringify(c.activity))).length }).toEqual({ whileErasing: 0, summaries: 1, namingBram: 0 });
  });

  // Found in review, stop 36: the waiting summary was due again at once after each failed render,
  // and the sender read it and built it again in a loop for as long as the erasure lasted.
  it('waits for the erasure without being tried again in a loop', async () => {
    const [anna3, bram3, cem3, dewi3] = named('AnnaW', 'BramW', 'CemW', 'DewiW') as [TestUser, TestUser, TestUser, TestUser];
    const g = await openSession('19:summary-waits@thread.v2', [anna3, bram3, cem3, dewi3]);
    await g.contribute(anna3, 1, 'Pauzes samen');

    const held = cosmosGate(t.proxy!).hold(replaceOf(g.sessionId!));
    const erasure = eraseInChat(t, bram3);
    await held.arrived;
    const failedRenders = () => t.logs.filter((l) => l.includes('outbox guard or render failed')).length;
    const before = failedRenders();
    await g.end(anna3); // the turn waits (a second here) for its summary, which cannot be built yet
    const summaryJob = (await t.store.container('outbox').items.query({ query: "SELECT * FROM c WHERE c.render.args.sessionId = @s", parameters: [{ name: '@s', value: g.sessionId! }] }).fetchAll()).resources[0];
    // Each failed render puts it off, twice as long each time (100 ms, 200 ms, ... here): a few in
    // the turn's second, each one counted on the job (it was due again at once: built every 50 ms).
    const renders = failedRenders() - before;
    // Put off from its last failed render by at least the back-off's first step (100 ms here), not
    // due again at once. Measured from that render's log line, not from the wall clock when the
    // test reads the job: a busy machine may read it seconds later (it failed so, forced).
    const lastFailure = JSON.parse(t.logs.filter((l) => l.includes('outbox guard or render failed')).at(-1)!) as { time: number };
    const deferred = Date.parse(summaryJob.notBefore) >= lastFailure.time + 100 && summaryJob.notBefore > summaryJob.createdAt;
    expect({ status: summaryJob.status, deferred, countedOnTheJob: summaryJob.checksFailed === renders, few: renders <= 5 }).toEqual({ status: 'pending', deferred: true, countedOnTheJob: true, few: true });
    held.release();
    await erasure;
    await t.app.outbox.drain(30_000);
    expect(summariesIn(g, 'Pauzes samen')).toHaveLength(1);
  });
  // Found in review, stop 36: the summary was built before the sender's waits (the rate limits,
  // the claim), and an erasure that ran to its end in that moment did not stop the card built before it.
  it('is not sent as built when an erasure of a member it names ran to its end during the sender\'s waits', async () => {
    const [anna, bram, cem, dewi] = named('AnnaR', 'BramR', 'CemR', 'DewiR') as [TestUser, TestUser, TestUser, TestUser];
    const g = await openSession('19:summary-render-wait@thread.v2', [anna, bram, cem, dewi]);
    await g.contribute(anna, 1, 'Roosters op tijd maken');
    await g.contribute(bram, 1, 'Vaste overdracht om acht uur');

    await endWhileErasedDuringWaits(g, anna, bram);
    const summaries = summariesIn(g, 'Roosters op tijd maken');
    expect({ summaries: summaries.length, namingBram: summaries.filter((c) => /BramR|29:bramr|aad-bramr/i.test(JSON.stringify(c.activity))).length }).toEqual({ summaries: 1, namingBram: 0 });
  });

  // Found in the second review, stop 36: the check compared the group's lastErasureAt, a time; a
  // second erasure released at the same stamp (here the clock stands still; in life the same
  // millisecond, or an instance whose clock is behind) left it unchanged. It counts them now.
  it('is not sent as built when a second erasure in the group ends during the sender\'s waits at the same stamp', async () => {
    const [anna, bram, cem, dewi, eva] = named('AnnaQ', 'BramQ', 'CemQ', 'DewiQ', 'EvaQ') as [TestUser, TestUser, TestUser, TestUser, TestUser];
    const g = await openSession('19:summary-second-erasure@thread.v2', [anna, bram, cem, dewi, eva]);
    await g.contribute(anna, 1, 'Roosters op tijd maken');
    await g.contribute(bram, 1, 'Vaste overdracht om acht uur');

    // An earlier erasure in the group (Eva's) sets lastErasureAt.
    await eraseInChat(t, eva);

    await endWhileErasedDuringWaits(g, anna, bram);
    const summaries = summariesIn(g, 'Roosters op tijd maken');
    expect({ summaries: summaries.length, namingBram: summaries.filter((c) => /BramQ|29:bramq|aad-bramq/i.test(JSON.stringify(c.activity))).length }).toEqual({ summaries: 1, namingBram: 0 });
  });
});
