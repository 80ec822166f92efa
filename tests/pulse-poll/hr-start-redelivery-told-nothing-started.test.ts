/**
 * Found in own review, stop 67. Teams redelivers HR's `peiling start` while its first delivery
 * is still under way (tests/pulse-poll/start-redelivered-concurrently.test.ts: "no error card to HR";
 * start-poll.ts: "a redelivered command waits for its first delivery, then finds its poll"). Since
 * a971eed5 the redelivery's save window opens before it waits for the tenant's start lease, and is
 * checked after the wait even when the poll it finds is its own, already stored: a redelivery that
 * waited out the first delivery's start past the window (its lease pauses add up to ~3 s, the window
 * is 3 s) tells HR "Het starten duurde te lang, dus er is niets gestart" about the poll that IS open
 * (and whose "started" card she got). Common brief: an error card means nothing was stored.
 * Here the first delivery is held at its lease release (its poll stored in time, all its window
 * checks done) while the redelivery waits; the window's clock then moves past the window.
 */
import { message } from '../support/activities';
import { CosmosFaultRule, holdFirst } from '../support/cosmos-proxy';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team } from '../support/pulse-driver';
import { startTestApp, TestApp, TEST_SAVE_WINDOW_MS } from '../support/test-app';
import { testWindowClock } from '../support/test-window-clock';
import { createTranslator } from '../../src/i18n/i18n';

const nl = createTranslator().t('nl');
const HER_CHAT = 'a:personal-hanna';

describe('a redelivered start that waited out its first delivery past the window', () => {
  let t: TestApp;
  const west = team('Zorgteam West', 'west', members('west', 5));
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'test-key-'.padEnd(40, 'x') }, '2026-11-23T08:00:00Z', { proxy: true });
    await new PulseDriver(t).install(west);
  }, 60_000);
  afterAll(() => t?.stop());

  it('is not told "niets gestart" about the poll that is open', async () => {
    let waiting!: () => void;
    const redeliveryWaits = new Promise<void>((resolve) => (waiting = resolve));
    let jobsScheduled = false;
    let held = false;
    let leaseReadsWhileHeld = 0;
    // The first delivery's first replace in the polls container after its jobs: its lease release (its poll is stored by then).
    const leaseRelease = holdFirst((req) => jobsScheduled && req.kind === 'replace' && req.container === 'polls');
    const rule: CosmosFaultRule = (req) => {
      if (req.container === 'jobs' && req.kind !== 'query' && req.kind !== 'pointRead') jobsScheduled = true;
      const releaseHeld = leaseRelease.rule(req);
      if (releaseHeld) return (held = true), releaseHeld;
      // The redelivery reading the held lease, twice: it is waiting in its lease pauses, its window opened.
      if (held && req.kind === 'pointRead' && req.container === 'polls' && ++leaseReadsWhileHeld === 2) waiting();
      return undefined;
    };
    const command = message(t.conversation('personal', HER_CHAT), HR, 'peiling start Zorgteam West 2026-12-04');
    const from = t.connector.calls.length;
    await t.proxy!.withFaults(rule, async () => {
      const first = t.send(command);
      await leaseRelease.held;
      const again = t.send(command);
      await redeliveryWaits;
      // The redelivery's lease pauses (200 + 400 + 800 + 1600 ms) as the window's clock sees them.
      testWindowClock.advance(TEST_SAVE_WINDOW_MS + 1);
      leaseRelease.open();
      await Promise.all([first, again]);
    });
    await t.app.background.idle();
    await t.app.outbox.drain(30_000);
    const told = t.connector.calls
      .slice(from)
      .filter((c) => c.conversationId === HER_CHAT)
      .map((c) => `${c.activity?.text ?? ''} ${cardText(c.activity?.attachments?.[0]?.content)}`)
      .join('\n');
    const polls = (await t.store.container('polls').items.query("SELECT c.status FROM c WHERE c.type = 'poll'").fetchAll()).resources;
    expect({ polls, toldNothingStarted: told.includes(nl('pulse.error.startTooSlow')) }).toEqual({ polls: [{ status: 'open' }], toldNothingStarted: false });
  }, 120_000);
});
