import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { CosmosFault } from '../support/cosmos-proxy';
import { startTestApp, TestApp } from '../support/test-app';
import { isNormalCard } from './support';

/**
 * The group's once-only steps (the ten-minute warning, the close by a member or by the clock)
 * each say something once: the warning, the summary. When Cosmos DB stored the step but its answer
 * was lost, the retry finds the step done; it must still know the step was its own, or nobody
 * says it.
 */
describe('once-only steps whose answer was lost', () => {
  let t: TestApp;
  let round = 0;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  async function openSession() {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:step-faults-${round++}@thread.v2`), MEMBERS.slice(0, 3));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(MEMBERS[0]!, 1, 'Het rooster maken');
    return g;
  }
  /** The next replace of a session document is stored, and its answer dropped. */
  const loseNextSessionReplace = () => {
    let used = false;
    t.proxy!.faults = (req) => (!used && req.kind === 'replace' && req.container === 'sessions' ? ((used = true), { kind: 'dropAfter' } as CosmosFault) : undefined);
    return () => {
      t.proxy!.faults = undefined;
      return used;
    };
  };
  const summariesIn = (g: GroupDriver, from: number) =>
    t.connector.calls.slice(from).filter((c) => c.method === 'POST' && c.conversationId === g.conv.id && cardText(c.activity.attachments?.[0]?.content ?? {}).includes('Samenvatting'));

  it('posts the summary once when a member ends the session', async () => {
    const g = await openSession();
    const before = t.connector.calls.length;
    const restore = loseNextSessionReplace();
    const answer = await g.press(MEMBERS[1]!, 'session.end', g.ids());
    expect(restore()).toBe(true);
    expect(isNormalCard(answer)).toBe(true);
    expect((await g.session()).status).toBe('closed');
    await t.app.outbox.drain(30_000);
    expect(summariesIn(g, before)).toHaveLength(1);
  });

  it('says the ten-minute warning once, and posts the summary once when the clock ends the session', async () => {
    const g = await openSession();
    const before = t.connector.calls.length;
    t.clock.advanceMinutes(50);
    let restore = loseNextSessionReplace();
    await t.app.scheduler.runDue();
    expect(restore()).toBe(true);
    await t.app.outbox.drain(30_000);
    expect(t.connector.calls.slice(before).filter((c) => c.activity.text?.startsWith('Nog 10 minuten'))).toHaveLength(1);

    t.clock.advanceMinutes(10);
    restore = loseNextSessionReplace();
    await t.app.scheduler.runDue();
    expect(restore()).toBe(true);
    await t.app.outbox.drain(30_000);
    expect((await g.session()).status).toBe('closed');
    expect(summariesIn(g, before)).toHaveLength(1);
    t.clock.advanceMinutes(24 * 60); // back in step with the other cases' sessions
  });
});

describe('the summary when Teams refuses it in the turn', () => {
  let t: TestApp;
  afterAll(() => t.stop());

  it('still shows the member the closed session, and posts the summary once, later', async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
    const g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(MEMBERS[0]!, 1, 'Het rooster maken');
    // Teams answers 503 to every attempt to send the summary as the turn's reply (botbuilder tries
    // four times), as when the service is down for a few seconds; a later, proactive send succeeds.
    let refused = 0;
    const isSummary = (body: any) => cardText(body?.attachments?.[0]?.content ?? {}).includes('Samenvatting'); // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form Bot Framework JSON under test
    t.connector.faults.push((req) => (req.method === 'POST' && req.body?.replyToId && isSummary(req.body) ? (refused++, { status: 503 }) : undefined));
    const before = t.connector.calls.length;
    const answer = await g.press(MEMBERS[1]!, 'session.end', g.ids());
    expect(refused).toBeGreaterThan(0);
    expect(isNormalCard(answer)).toBe(true);
    expect(cardText(answer.value)).toContain('Deze sessie is afgerond');
    await t.app.outbox.drain(30_000);
    expect(t.connector.calls.slice(before).filter((c) => c.method === 'POST' && isSummary(c.activity))).toHaveLength(1);
  });
});
