import { jobIdFor } from '../../src/outbox/outbox-job';
import { TestUser } from '../support/activities';
import { ConnectorRequest } from '../support/recording-connector';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { DatabaseDump, fullDump } from './support/database-dump';

/**
 * ATTACK: private nudges ("herinner privé") decide at sending time whether someone gets one,
 * and the outbox deletes every finished nudge so that "sent" and "skipped" look alike. But only a
 * nudge that is actually SENT can fail: a skipped one (the member answered) never reaches Teams.
 * Whatever the app keeps of a failed or retried send therefore exists only for non-respondents.
 *
 * 1. The log: an undeliverable nudge (the member blocked the bot: 403) is logged at the default
 *    level as "outbox job undeliverable" with its job id. The job id is an unkeyed hash of
 *    `pulse:<poll>:nudge:<round>:<member's AAD id>` (and is stored in clear with the member's id
 *    in the outbox while the nudge waits), so whoever reads the log learns, per round, which of
 *    these members had not answered yet, and which had.
 * 2. The store: a nudge whose send fails transiently (503, 429) is written back as `pending` with
 *    `attempts` and `result: { status }`, and retried until the poll closes (days). A respondent's
 *    nudge is gone. A database reader at any moment during those days sees who had not answered.
 * Both held before stop 31. A guarded job that did not go out is now never logged by itself nor
 * stored with its outcome; a transient failure is retried for a short while only (10 minutes),
 * then the job is deleted like a sent one, and the next reminder round nudges again.
 */
describe('failed private nudges leave no trace of who answered', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  // Both blocked the bot (a 403 on opening or writing their 1:1 chat); one has answered.
  const blockedAnswered = noord.members[2]!;
  const blockedSilent = noord.members[4]!;
  // Both their 1:1 chats answer 503 for now; one has answered.
  const flakyAnswered = noord.members[3]!;
  const flakySilent = noord.members[5]!;
  let pollId = '';
  let roundLogs: string[] = [];
  let afterRound: DatabaseDump = [];

  const touches = (req: ConnectorRequest, who: TestUser) => (req.conversationId ?? '').includes(who.id) || JSON.stringify(req.body ?? {}).includes(who.id);

  beforeAll(async () => {
    // A nudge is retried for a short while only (10 minutes in production, 1.5 s here).
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-nudge-traces'.padEnd(40, 'p'), B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z', { outboxTimings: { backoffBaseMs: 100, backoffCapMs: 6_000, guardedRetryMs: 1_500 } });
    d = new PulseDriver(t);
    await d.install(noord);
    await d.say(HR, noord, 'peiling start dit team 2026-12-04 herinner privé');
    await d.settle();
    const card = d.pollCard(noord.id);
    pollId = card.pollId;
    for (const m of [blockedAnswered, flakyAnswered]) {
      await d.press(m, d.channel(noord), 'pulse.answer', { pollId, targetId: card.targetId, ...scores(2) }, card.id, noord);
    }
    t.connector.blocked.add(blockedAnswered.id);
    t.connector.blocked.add(blockedSilent.id);
    t.connector.faults = [(req) => (req.method === 'POST' && (touches(req, flakyAnswered) || touches(req, flakySilent)) ? { status: 503 } : undefined)];
    const from = t.logs.length;
    t.clock.set('2026-11-30T08:00:00Z'); // the first reminder, with private nudges
    await t.app.scheduler.runDue();
    await t.app.background.idle();
    // The round: every nudge is sent or skipped; the 503s are retried until their short budget ends.
    await t.app.outbox.drain(20_000).catch(() => undefined);
    roundLogs = t.logs.slice(from);
    afterRound = await fullDump(t.store);
  }, 120_000);
  afterAll(async () => {
    t.connector.faults = [];
    await t.stop();
  });

  it('attack: the log of a nudge round reads the same for a member who answered as for one who did not', () => {
    // No line about a guarded job's failure at all: its count alone would say how many had not answered among the blocked.
    expect(roundLogs.filter((l) => /outbox job (undeliverable|failed)|outcome unknown/.test(l))).toEqual([]);
    // The attacker needs only the poll id (in every poll document and card) and the roster.
    const nudgeJob = (who: TestUser) => jobIdFor(`pulse:${pollId}:nudge:0:${who.aadObjectId}`);
    const about = (who: TestUser) => roundLogs.filter((l) => l.includes(nudgeJob(who))).map((l) => l.split(nudgeJob(who)).join('<job>').replace(/"time":\d+/, '"time":0'));
    expect({ who: 'blocked, not answered', lines: about(blockedSilent) }).toEqual({ who: 'blocked, not answered', lines: about(blockedAnswered) });
  });

  it('attack: a database reader after the round finds the same outbox documents for a member who answered as for one who did not', () => {
    const mentioning = (dump: DatabaseDump, who: TestUser) =>
      dump
        .filter((x) => x.container === 'outbox' && (x.doc as { guard?: unknown }).guard)
        .map((x) => JSON.stringify(x.doc))
        .filter((s) => s.includes(who.aadObjectId) || s.includes(who.id))
        .map((s) => s.split(who.aadObjectId).join('<member>').split(who.id).join('<member>').replace(/"(id|_rid|_self|_etag|_ts|notBefore|createdAt|order)":("[^"]*"|\d+)/g, '"$1":"x"'));
    expect({ who: 'failing chat, not answered', docs: mentioning(afterRound, flakySilent) }).toEqual({ who: 'failing chat, not answered', docs: mentioning(afterRound, flakyAnswered) });
  });
});
