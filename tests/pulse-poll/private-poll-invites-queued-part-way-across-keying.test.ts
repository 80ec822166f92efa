/**
 * Stop 64, beside private-poll-invite-rerun-across-keying.test.ts: the same double within one team.
 * A private poll's delivery, run by the code before stop 62 (invites under plain keys), lists the
 * team on the tally and queues part of its invites when the store stops taking them, so the team
 * stays undelivered and its delivery job runs again, after the update (keyed keys). A member whose
 * invite was queued before got a second one under the keyed key; now each member gets one, and what
 * the run again queues is keyed. The update is simulated in one app by taking the outbox's secret
 * away, then giving it back. No timing: the clock is the app's, each run is run to its end.
 */
import { startTestApp, TestApp } from '../support/test-app';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { runAt } from '../rhythm/support';
import { allDocuments } from '../verantwoording/support';

const KEY = 'poll-invites-part-way-'.padEnd(40, 'z');
const zwaluw: TestTeam = team('Team Zwaluw', 'zwaluw', members('zwaluw', 7));
const hrTeam: TestTeam = team('Team HR', 'hr', [HR]);

type Job = { id: string; type: string; target: { kind: string }; keyedKey?: true };

describe('a private poll whose invites were queued part-way before the update to keyed private keys', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('the delivery run again after the update invites each member once', async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: KEY, B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: { baseMs: 1, capMs: 2 } });
    const outbox = t.app.outbox as unknown as { privateKeySecret?: string };
    const d = new PulseDriver(t);
    const personJobs = async () => (((await allDocuments(t.store)).outbox ?? []) as Job[]).filter((j) => j.type === 'outboxJob' && j.target.kind === 'person');
    const invitesTo = (id: string) => t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${id}`).length;
    const invites = () => zwaluw.members.map((m) => invitesTo(m.id));
    await d.install(zwaluw);
    await d.install(hrTeam);
    outbox.privateKeySecret = undefined; // the code before stop 62
    // The outbox's creates in the command's turn and delivery: the started card, the announcement, then the invites side by side.
    let creates = 0;
    t.proxy!.faults = (req) => (req.kind === 'create' && req.container === 'outbox' && ++creates > 4 ? { kind: 'status', status: 503 } : undefined);
    await d.say(HR, hrTeam, 'peiling start Team Zwaluw 2026-12-04 privé');
    await d.settle();
    const before = invites();
    const plainBefore = new Set((await personJobs()).map((j) => j.id));
    t.proxy!.faults = undefined;
    outbox.privateKeySecret = KEY; // the update
    await runAt(t, '2026-11-23T09:00:00Z');
    await runAt(t, '2026-11-23T10:00:00Z');

    expect({ partWay: before.filter((n) => n === 1).length > 0 && before.includes(0), after: invites() }).toEqual({ partWay: true, after: [1, 1, 1, 1, 1, 1, 1] });
    const queuedAfterUpdate = (await personJobs()).filter((j) => !plainBefore.has(j.id));
    expect(queuedAfterUpdate.length).toBe(before.filter((n) => n === 0).length);
    expect(queuedAfterUpdate.every((j) => j.keyedKey)).toBe(true);
  }, 180_000);
});
