import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { CosmosFault } from '../support/cosmos-proxy';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { ERROR_TITLE, isNormalCard } from './support';

/**
 * "Sessie afronden" is a once-only group step: it closes the session, (on day 4) completes the
 * week, and posts the summary once. A fault after the close was stored, in the same turn, must
 * not leave the group with an error card ("niets verloren gegaan") over a session that is closed,
 * nor with a summary or a week's completion nobody will ever finish: a press that finds the
 * session closed finishes what follows the close (idempotent), and so does the session's close
 * job when nobody presses again.
 */
/** Runs a scenario once, however many tests look at its outcome. */
function once<T>(run: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= run());
}

describe('ending a session with a fault after the close was stored', () => {
  let t: TestApp;
  let round = 0;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true, sharedCardIntervalMs: 0, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
  });
  afterAll(() => t.stop());

  const summariesIn = (g: GroupDriver, from: number, title = 'Samenvatting') =>
    t.connector.calls.slice(from).filter((c) => c.method === 'POST' && c.conversationId === g.conv.id && cardText(c.activity.attachments?.[0]?.content ?? {}).includes(title));
  const isSummary = (body: any) => cardText(body?.attachments?.[0]?.content ?? {}).includes('Samenvatting'); // eslint-disable-line @typescript-eslint/no-explicit-any -- Bot Framework JSON

  /** Day 1, one answer: Teams refuses the summary (503) and the outbox cannot queue it (Cosmos 503) while Bram presses "afronden". */
  async function endWhileSummaryFails() {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:end-retry-${round++}@thread.v2`), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(anna, 1, 'Het rooster maken');
    const before = t.connector.calls.length;
    const refuse = (req: { method: string; body: any }) => (req.method === 'POST' && isSummary(req.body) ? { status: 503 } : undefined); // eslint-disable-line @typescript-eslint/no-explicit-any -- Bot Framework JSON
    t.connector.faults.push(refuse);
    t.proxy!.faults = (req) => (req.kind === 'create' && req.container === 'outbox' ? ({ kind: 'status', status: 503 } as CosmosFault) : undefined);
    let first;
    try {
      first = await g.press(bram, 'session.end', g.ids());
    } finally {
      t.proxy!.faults = undefined;
      t.connector.faults.splice(t.connector.faults.indexOf(refuse), 1);
    }
    return { g, before, first, closed: (await g.session()).status === 'closed' };
  }

  const dayOne = once(async () => {
    const { g, before, first, closed } = await endWhileSummaryFails();
    // Bram presses "afronden" again (a stale card, or Teams delivering the press again).
    const retry = await g.press(bram, 'session.end', g.ids());
    await t.app.outbox.drain(30_000);
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(30_000);
    return { first, closed, retry, summaries: summariesIn(g, before).length };
  });

  it('day 1, the summary cannot be posted nor queued: the closed session, not an error card', async () => {
    const r = await dayOne();
    expect(r.closed).toBe(true);
    expect(isNormalCard(r.first)).toBe(true);
    expect(cardText(r.first.value)).toContain('Deze sessie is afgerond');
  });

  it('day 1, the summary cannot be posted nor queued: pressing "afronden" again posts it, once', async () => {
    const r = await dayOne();
    expect(isNormalCard(r.retry)).toBe(true);
    expect(cardText(r.retry.value)).not.toContain(ERROR_TITLE);
    expect(r.summaries).toBe(1);
  });

  it('day 1, the summary cannot be posted nor queued, and nobody presses again: the close job posts it, once, and a later press adds none', async () => {
    const { g, before, first, closed } = await endWhileSummaryFails();
    expect([closed, isNormalCard(first)]).toEqual([true, true]);
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(30_000);
    expect(summariesIn(g, before)).toHaveLength(1);
    await g.press(cem, 'session.end', g.ids());
    await t.app.outbox.drain(30_000);
    expect(summariesIn(g, before)).toHaveLength(1);
  });

  /** Days 1-3 held; day 4 open. */
  async function atDayFour() {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:end-retry-${round++}@thread.v2`), [anna, bram, cem, dewi]);
    // Day 1 holds 1-7 (answered, judged, decided); days 2-4 hold 8, 9, 10.
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4 });
    for (const who of [anna, bram, cem]) await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed' });
    await g.press(dewi, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Tafel neerzetten' });
    await g.end(anna);
    t.clock.advanceMinutes(24 * 60);
    await g.startSession();
    await g.contribute(bram, 8, 'Minder stress');
    await g.end(anna);
    t.clock.advanceMinutes(24 * 60);
    await g.startSession();
    await g.end(anna);
    t.clock.advanceMinutes(24 * 60);
    await g.startSession();
    expect((await g.session()).day).toBe(4);
    return g;
  }

  /** Day 4: the close is stored, then marking the week complete fails (Cosmos 503 on the cycle); then Bram presses again. */
  const dayFour = once(async () => {
    const g = await atDayFour();
    const cycleDoc = `${g.groupId}_w1`;
    const before = t.connector.calls.length;
    t.proxy!.faults = (req) => (req.kind === 'replace' && req.path.endsWith(`/docs/${cycleDoc}`) ? ({ kind: 'status', status: 503 } as CosmosFault) : undefined);
    let first;
    try {
      first = await g.press(bram, 'session.end', g.ids());
    } finally {
      t.proxy!.faults = undefined;
    }
    const closed = (await g.session()).status === 'closed';
    const completedBefore = (await t.store.container('sessions').item(cycleDoc, g.groupId).read()).resource.completedAt;
    const retry = await g.press(bram, 'session.end', g.ids());
    await t.app.outbox.drain(30_000);
    const cycle = (await t.store.container('sessions').item(cycleDoc, g.groupId).read()).resource;
    return { first, closed, completedBefore, retry, completedAt: cycle.completedAt, summaries: summariesIn(g, before, 'Weekoverzicht').length };
  });

  it('day 4, marking the week complete fails after the close: the closed session, not an error card', async () => {
    const r = await dayFour();
    expect(r.closed).toBe(true);
    expect(r.completedBefore).toBeUndefined();
    expect(isNormalCard(r.first)).toBe(true);
  });

  it('day 4, marking the week complete fails after the close: pressing "afronden" again marks the week complete', async () => {
    const r = await dayFour();
    expect(isNormalCard(r.retry)).toBe(true);
    expect(r.completedAt).toBeDefined();
  });

  it('day 4, marking the week complete fails after the close: the weekly summary goes out once, press again or not', async () => {
    const r = await dayFour();
    expect(r.summaries).toBe(1);
  });
});
