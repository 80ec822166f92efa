import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { DatabaseDump, fullDump } from './support/database-dump';

/**
 * ATTACK (a database reader WITHOUT the hash key, seeing every document and system field): a
 * channel poll with private nudges ("herinner privé"). Early on one member has answered. If the
 * outbox queued a nudge for the non-respondents only (each naming the person in `target` and
 * `guard`), or kept a finished nudge as `sent` / `skipped`, or remembered the 1:1 chat opened for a
 * nudge (`personalConversation`, owner in clear, no TTL), the reader would get the respondents as
 * "the team (the poll card's `about`) minus the nudged", and with one respondent their whole answer
 * and comment from the tally. This file checks that the store holds the same for a member who
 * answered as for one who did not, while the nudges wait and after they went.
 */
describe('private nudges leave nothing in the database that tells who answered', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const alice = noord.members[3]!;
  const bob = noord.members[4]!;
  let queued: DatabaseDump;
  let after: DatabaseDump;

  /**
   * The outbox documents that mention someone (by app id or Teams id), every field included (system
   * fields too), with every member's ids written alike: the roster is no secret, who answered is.
   */
  const mentioning = (dump: DatabaseDump, who: { id: string; aadObjectId: string }) =>
    dump
      .filter((x) => x.container === 'outbox')
      .map((x) => JSON.stringify(x.doc))
      .filter((s) => s.includes(who.aadObjectId) || s.includes(who.id))
      .map((s) => noord.members.reduce((out, m) => out.split(m.aadObjectId).join('<member>').split(m.id).join('<member>'), s));

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'nudge-privacy-key'.padEnd(40, 'n'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(noord);
    await d.say(HR, noord, 'peiling start dit team 2026-12-04 herinner privé');
    await d.settle();
    const card = d.pollCard(noord.id);
    await d.press(alice, d.channel(noord), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(2, { boeien: 5, behouden: 1 }), open: 'ik wil weg' }, card.id, noord);
    t.clock.set('2026-11-30T08:00:00Z'); // halfway: the first reminder, with private nudges
    await t.app.scheduler.runDue();
    queued = await fullDump(t.cosmos); // the sender of the test app runs only in settle(): all nudges wait
    await d.settle();
    after = await fullDump(t.cosmos);
  }, 120_000);
  afterAll(() => t.stop());

  it('queues a nudge for every member, answered or not, each the same but for the person', async () => {
    const nudges = queued.filter((x) => x.container === 'outbox' && (x.doc as { guard?: unknown }).guard).map((x) => x.doc as { guard: { args: { userId: string } } });
    expect(nudges.map((n) => n.guard.args.userId).sort()).toEqual(noord.members.map((m) => m.aadObjectId).sort());
    // Documents naming Alice (who answered) and Bob (who did not) differ only in the name and Cosmos' ids.
    // `_ts` is the second the store wrote each: the nudges are queued one after another in the
    // roster's order, so on a loaded machine two may straddle a second whoever answered (seen in stop 58's busy CI).
    const shape = (who: typeof alice) => mentioning(queued, who).map((s) => s.replace(/"(id|_rid|_self|_etag)":"[^"]*"/g, '"$1":"x"').replace(/#\d{7}/, '#n').replace(/"_ts":\d+/, '"_ts":0'));
    expect(shape(alice)).toEqual(shape(bob));
  });

  it('after the nudges went, roster minus nudged no longer names the respondent, nor joins them to the tally', async () => {
    // Only Bob and the other non-respondents were nudged in Teams.
    const nudgedInTeams = noord.members.filter((m) => t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${m.id}`).length > 0);
    expect(nudgedInTeams).not.toContainEqual(alice);
    expect(nudgedInTeams).toContainEqual(bob);

    // The probe's attack, on the store alone.
    const outbox = after.filter((x) => x.container === 'outbox').map((x) => x.doc as any); // eslint-disable-line @typescript-eslint/no-explicit-any -- raw documents
    // A roster: whom a message is about, or lists (the poll card, while it waits; sent, it keeps neither).
    const roster = new Set<string>(outbox.flatMap((j) => [...(Array.isArray(j.about) ? j.about : []), ...(Array.isArray(j.listed) ? j.listed.map((l: { userId: string }) => l.userId) : [])]));
    const nudged = new Set<string>(outbox.filter((j) => j.guard).map((j) => j.guard.args.userId as string));
    const answeredPerDb = [...roster].filter((u) => !nudged.has(u));
    expect(roster.has(alice.aadObjectId)).toBe(false);
    expect(answeredPerDb).not.toEqual([alice.aadObjectId]);

    // Stronger: every document that mentions Alice mentions Bob the same way, system fields included.
    expect(mentioning(after, alice)).toEqual(mentioning(after, bob));
    // No finished nudge is kept, whatever its status.
    expect(outbox.filter((j) => j.guard)).toEqual([]);
  });

  it('remembers no 1:1 chat opened for a nudge (it would exist only for the non-respondents)', async () => {
    const chats = after.filter((x) => x.container === 'outbox' && (x.doc as { type?: string }).type === 'personalConversation');
    expect(chats).toEqual([]);
  });

  it('a second round nudges again through a chat opened anew, and still keeps nothing', async () => {
    const before = t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${bob.id}`).length;
    t.clock.set('2026-12-03T08:00:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
    expect(t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${bob.id}`).length).toBeGreaterThan(before);
    expect(t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${alice.id}`)).toEqual([]);
    const dump = await fullDump(t.cosmos);
    expect(mentioning(dump, alice)).toEqual(mentioning(dump, bob));
  }, 60_000);
});
