/**
 * A guard beside private-poll-invite-rerun-across-keying.test.ts (a probe of stop 63, kept in stop
 * 64): the same private poll of two teams sharing members, the second team's roster failing and its
 * delivery run again, but keyed with the app's secret throughout. A member of both teams gets one
 * invite: the double there comes from the change of key alone, and the former-key look-up leaves
 * this as it was. No timing: the clock is the app's, each run's jobs and outbox run to their end.
 */
import { startTestApp, TestApp } from '../support/test-app';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { runAt } from '../rhythm/support';

const KEY = 'poll-invite-rekeyed-'.padEnd(40, 'z');
const shared = members('gedeeld', 5);
const appel: TestTeam = team('Team Appel', 'appel', [HR, ...shared]);
const zwaluw: TestTeam = team('Team Zwaluw', 'zwaluw', [...shared, ...members('zwaluw', 2)]);

describe('a private poll delivered again, keyed throughout', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('a member of both teams gets one invite', async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: KEY, B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    const d = new PulseDriver(t);
    await d.install(zwaluw);
    t.connector.faults = [(req) => (req.method === 'GET' && req.path.includes(zwaluw.id) && /members/.test(req.path) ? { status: 500, retryAfterSeconds: 0 } : undefined)];
    await d.startPoll(appel, 'peiling start alle teams 2026-12-04 privé');
    await d.settle();
    const invitesTo = (id: string) => t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${id}`).length;
    const first = invitesTo(shared[0]!.id);
    t.connector.faults = [];
    await runAt(t, '2026-11-23T09:00:00Z');
    await runAt(t, '2026-11-23T10:00:00Z');
    const zwaluwOnly = invitesTo(members('zwaluw', 2)[0]!.id);
    expect({ first, zwaluwOnly, shared: invitesTo(shared[0]!.id) }).toEqual({ first: 1, zwaluwOnly: 1, shared: 1 });
  }, 180_000);
});
