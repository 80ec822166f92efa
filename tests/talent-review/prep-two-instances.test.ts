import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { namedStep } from '../support/named-step';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');
const TITLE = 'Voorbereiding: talentontwikkelgesprek met Anna';

/**
 * A guard (passing when written, in review of stop 36): the prep job on two instances of the app at once, and taken over by the second
 * instance after the first one's lease ran out while its post to Teams hung. One card either way.
 */
describe('the scheduled prep card on two instances', () => {
  let a: TestApp;
  let b: TestApp;
  const miaChat = () => a.conversation('personal', 'a:personal-mia');
  // Both instances post to the service URL of Mia's chat, which is a's connector.
  const prepPosts = () => a.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia' && cardText(c.activity?.attachments?.[0]?.content).includes(TITLE));
  const plan = (date: string) => a.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date, timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
  // What a hung step leaves to read: the last log lines of both instances and the calls to Teams.
  const seen = () => ({ a: a.logs.slice(-12), b: b.logs.slice(-12), calls: a.connector.calls.slice(-6).map((c) => `${c.method} ${c.conversationId} ${cardText(c.activity?.attachments?.[0]?.content).slice(0, 60)}`) });
  const setClocks = (iso: string) => {
    a.clock.set(iso);
    b.clock.set(iso);
  };

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    const timings = { outboxTimings: { backoffBaseMs: 100, backoffCapMs: 6_000, deliverWaitMs: 1_000 } };
    // One app's secret for both, as in production (required with Azure Cosmos DB): the prep card's
    // outbox key is keyed with it (stop 61), and each instance's own random one would give two keys.
    const env = { DIRECTORY_FILE: directory, POLL_HASH_KEY: 'prep-two-instances-secret-'.padEnd(44, 'x') };
    a = await startTestApp(env, '2026-11-23T08:00:00Z', timings);
    b = await startTestApp(env, '2026-11-23T08:00:00Z', { ...timings, cosmos: a.store });
    // Both senders run, as in production: whichever instance holds the tenant's lease (the one
    // that sent last) sends what the other queued. Without the loops, a lease left with the
    // instance that did not queue the card kept it unsent (found by CI, stop 51).
    a.app.outbox.start();
    b.app.outbox.start();
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  it('both instances run due jobs at the same moment: one prep card', async () => {
    await plan('2026-12-10');
    setClocks('2026-12-07T08:00:00Z');
    await Promise.all([a.app.scheduler.runDue(), b.app.scheduler.runDue(), a.app.scheduler.runDue(), b.app.scheduler.runDue()]);
    await Promise.all([a.app.outbox.drain(60_000), b.app.outbox.drain(60_000)]);
    setClocks('2026-12-07T08:30:00Z');
    await Promise.all([a.app.scheduler.runDue(), b.app.scheduler.runDue()]);
    await Promise.all([a.app.outbox.drain(60_000), b.app.outbox.drain(60_000)]);
    expect(prepPosts()).toHaveLength(1);
  }, 120_000);

  it('the first instance hangs on Teams past its lease, the second takes the job over: still one prep card', async () => {
    const before = prepPosts().length;
    await plan('2026-12-17');
    setClocks('2026-12-14T08:00:00Z');
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let arrived!: () => void;
    const hung = new Promise<void>((r) => (arrived = r));
    let held = false;
    a.connector.holds.push((req) => {
      if (held || req.method !== 'POST' || !JSON.stringify(req.body).includes(TITLE)) return undefined;
      held = true;
      arrived();
      return released;
    });
    const first = a.app.scheduler.runDue();
    await namedStep('the prep card reaches Teams from the first instance', hung, seen);
    b.clock.set('2026-12-14T08:05:00Z'); // a's lease (2 minutes) ran out by b's clock
    await namedStep('the second instance runs the job it took over', b.app.scheduler.runDue(), seen);
    release();
    await namedStep("the first instance's run ends once Teams answers", first, seen);
    a.connector.holds.length = 0;
    setClocks('2026-12-14T09:00:00Z');
    await namedStep('both instances run what is due an hour later', Promise.all([a.app.scheduler.runDue(), b.app.scheduler.runDue()]), seen);
    await namedStep('both outboxes drain', Promise.all([a.app.outbox.drain(60_000), b.app.outbox.drain(60_000)]), seen, 90_000);
    expect(prepPosts().length - before).toBe(1);
    const review = (await a.store.container('reviews').items.query("SELECT * FROM c WHERE c.date = '2026-12-17'").fetchAll()).resources[0];
    expect(review.prepSentAt).toBeDefined();
    expect(review.prepCards ?? []).toHaveLength(1);
  }, 120_000);
});
