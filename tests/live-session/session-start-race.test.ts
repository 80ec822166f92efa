import { execute, message } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { CosmosFault, randomCosmosFaults } from '../support/cosmos-proxy';
import { ERROR_TITLE } from './support';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Several members press "Start de sessie" at the same moment (or Teams delivers one press twice):
 * one session, and one card in the chat. Every further copy would go stale at the group's first
 * step, and members acting on it would act on an old view.
 */
describe('several members opening the same session at once', () => {
  let t: TestApp;
  let round = 0;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  async function freshGroup() {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:race-${round++}@thread.v2`), MEMBERS);
    await g.setUp();
    await g.startCycle();
    return g;
  }
  const sessionCards = (from: number) => t.connector.calls.slice(from).filter((c) => c.method === 'POST' && c.activity.attachments?.[0]?.content?.refresh);
  const sessions = async (g: GroupDriver) =>
    (await t.cosmos.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'session' AND c.groupId = @g", parameters: [{ name: '@g', value: g.groupId }] }).fetchAll()).resources;

  it('posts one card when four members press start together, and tells the others where it is', async () => {
    for (let i = 0; i < 3; i++) {
      const g = await freshGroup();
      const before = t.connector.calls.length;
      const answers = await Promise.all(MEMBERS.slice(0, 4).map((m) => g.press(m, 'session.start', { groupId: g.groupId }, 'cycle-card')));
      expect(sessionCards(before)).toHaveLength(1);
      expect(await sessions(g)).toHaveLength(1);
      expect(answers.map((a) => a.type)).toEqual(Array(4).fill('application/vnd.microsoft.activity.message'));
      // One press opened it; a press that read the session before its card was stored hears the
      // card is on its way, one that read it after hears it is in the chat.
      const others = ['De sessie is net geopend; de kaart verschijnt zo in de chat. Zie je hem niet, typ dan start.', 'De sessie loopt al; de sessiekaart staat in de chat.'];
      expect(answers.filter((a) => a.value === 'De sessie is geopend.')).toHaveLength(1);
      expect(answers.filter((a) => a.value !== 'De sessie is geopend.').every((a) => others.includes(a.value))).toBe(true);
      // The card that was posted is the one the session updates.
      const [posted] = sessionCards(before);
      expect((await sessions(g))[0].cardActivityId).toBe(posted!.id);
    }
  });

  it('posts one card when Teams delivers the same press twice', async () => {
    const g = await freshGroup();
    const before = t.connector.calls.length;
    const press = execute(g.conv, MEMBERS[0]!, 'session.start', { groupId: g.groupId }, 'cycle-card');
    await Promise.all([t.send(press), t.send(press)]);
    expect(sessionCards(before)).toHaveLength(1);
  });

  it('gives an error card when the session card cannot be posted: nothing is stored, and "start" opens the session with its card', async () => {
    const g = await freshGroup();
    const refuseCards = (req: { method: string; body: any }) => (req.method === 'POST' && req.body?.attachments?.[0]?.content?.refresh ? { status: 403 } : undefined); // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form Bot Framework JSON under test
    t.connector.faults.push(refuseCards);
    try {
      const answer = await g.press(MEMBERS[0]!, 'session.start', { groupId: g.groupId }, 'cycle-card');
      expect(cardText(answer.value)).toContain(ERROR_TITLE);
    } finally {
      t.connector.faults.splice(t.connector.faults.indexOf(refuseCards), 1);
    }
    expect(await sessions(g)).toHaveLength(0);
    const before = t.connector.calls.length;
    await t.send(message(g.conv, MEMBERS[1]!, 'start'));
    expect(sessionCards(before)).toHaveLength(1);
    const stored = await sessions(g);
    expect(stored).toHaveLength(1);
    expect(stored[0].cardActivityId).toBe(sessionCards(before)[0]!.id);
  });

  it('opens the session on a later press when the first press could not post its card', async () => {
    const g = await freshGroup();
    const refuseCards = (req: { method: string; body: any }) => (req.method === 'POST' && req.body?.attachments?.[0]?.content?.refresh ? { status: 403 } : undefined); // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form Bot Framework JSON under test
    t.connector.faults.push(refuseCards);
    try {
      await g.press(MEMBERS[0]!, 'session.start', { groupId: g.groupId }, 'cycle-card');
    } finally {
      t.connector.faults.splice(t.connector.faults.indexOf(refuseCards), 1);
    }
    t.clock.advanceMinutes(1);
    const before = t.connector.calls.length;
    const answer = await g.press(MEMBERS[1]!, 'session.start', { groupId: g.groupId }, 'cycle-card');
    expect(sessionCards(before)).toHaveLength(1);
    expect(answer.value).toBe('De sessie is geopend.');
  });
});

/**
 * Two instances of the app each get a press at the same moment: both read the week before either
 * stored the session, so both post a card. The store lets one opening in; the other press's card
 * becomes a pointer (no buttons, no refresh), and the session follows the winner's card.
 */
describe('members pressing start at once on two instances of the app', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({}, undefined, { cosmos: a.store });
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  it('leaves one live session card; the other press\'s card points to it', async () => {
    const g = new GroupDriver(a, a.conversation('groupChat', '19:two-instances@thread.v2'), MEMBERS);
    await g.setUp();
    await g.startCycle();
    const isSessionCard = (req: { method: string; body: any }) => req.method === 'POST' && !!req.body?.attachments?.[0]?.content?.refresh; // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form Bot Framework JSON under test
    // Each instance's card waits until both presses have posted theirs: both read an unopened week.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let arrived = 0;
    const hold = (req: { method: string; body: any }) => (isSessionCard(req) ? (++arrived === 2 && release(), released) : undefined); // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form Bot Framework JSON under test
    a.connector.holds.push(hold);
    b.connector.holds.push(hold);
    const [fromA, fromB] = [a.connector.calls.length, b.connector.calls.length];
    const answers = await Promise.all([
      a.send(execute(g.conv, MEMBERS[0]!, 'session.start', { groupId: g.groupId }, 'cycle-card')),
      b.send(execute(g.conv, MEMBERS[1]!, 'session.start', { groupId: g.groupId }, 'cycle-card')),
    ]);
    a.connector.holds.length = 0;
    b.connector.holds.length = 0;
    const calls = [...a.connector.calls.slice(fromA), ...b.connector.calls.slice(fromB)];
    const posted = calls.filter((c) => c.method === 'POST' && c.activity.attachments?.[0]?.content?.refresh);
    expect(posted).toHaveLength(2);
    const stored = (await a.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'session'" }, { partitionKey: g.groupId }).fetchAll()).resources;
    expect(stored).toHaveLength(1);
    const live = posted.find((c) => c.id === stored[0].cardActivityId);
    const other = posted.find((c) => c !== live)!;
    expect(live).toBeDefined();
    const updates = calls.filter((c) => c.method === 'PUT' && c.activityId === other.id);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.activity.attachments[0].content.refresh).toBeUndefined();
    expect(updates[0]!.activity.attachments[0].content.actions ?? []).toEqual([]);
    expect(cardText(updates[0]!.activity.attachments[0].content)).toContain('Een ander lid startte deze sessie op hetzelfde moment');
    expect(calls.filter((c) => c.method === 'PUT' && c.activityId === live!.id)).toHaveLength(0);
    expect(answers.map((r) => r.body?.value).sort()).toEqual(['De sessie is geopend.', 'De sessie loopt al; de sessiekaart staat in de chat.']);
  });
});

describe('a member pressing start at the moment the planned session starts by itself', () => {
  let t: TestApp;
  afterAll(() => t.stop());

  it('posts one card when the planned start runs while the press is posting its card', async () => {
    t = await startTestApp({}, '2026-11-23T07:00:00Z'); // Monday 08:00 in Amsterdam; the group meets at 09:00
    const g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS);
    await g.setUp();
    await g.startCycle();
    t.clock.set('2026-11-23T08:00:00Z');
    let arrived!: () => void;
    let release!: () => void;
    const cardArrived = new Promise<void>((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const isSessionCard = (req: { method: string; body: any }) => req.method === 'POST' && !!req.body?.attachments?.[0]?.content?.refresh; // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form Bot Framework JSON under test
    t.connector.holds.push((req) => (isSessionCard(req) ? (arrived(), released) : undefined));
    const before = t.connector.calls.length;
    const press = g.press(MEMBERS[1]!, 'session.start', { groupId: g.groupId }, 'cycle-card');
    // The press read the week and its card is on its way; the planned start runs now. It waits for
    // the press's opening (one per group at a time) and then finds the session open with its card.
    await cardArrived;
    t.connector.holds.length = 0;
    const planned = t.app.scheduler.runDue();
    release();
    expect(await planned).toBeGreaterThan(0); // the planned start (and its reminder) ran
    expect((await press).value).toBe('De sessie is geopend.');
    const posted = t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.activity.attachments?.[0]?.content?.refresh);
    expect(posted).toHaveLength(1);
  });
});

/**
 * Cosmos DB faults while a session opens (429, 503, connections dropped before or after the store
 * wrote). An error card must mean no session was stored; any other answer leaves the group one
 * session, and a card in the chat at once or after "start".
 */
describe('opening a session under Cosmos DB faults', () => {
  let t: TestApp;
  let round = 0;
  beforeAll(async () => {
    t = await startTestApp({}, undefined, { proxy: true });
  });
  afterAll(() => t.stop());

  async function freshGroup() {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:start-faults-${round++}@thread.v2`), MEMBERS.slice(0, 3));
    await g.setUp();
    await g.startCycle();
    return g;
  }
  const once = (match: (req: { kind: string; container?: string }) => boolean, fault: CosmosFault) => {
    let used = false;
    return (req: { kind: string; container?: string }) => (!used && match(req) ? ((used = true), fault) : undefined);
  };

  it('counts a create whose answer was lost as this press\'s: the card is posted, not left to nobody', async () => {
    const g = await freshGroup();
    const before = t.connector.calls.length;
    // The opening's one transaction is stored, and its answer lost.
    t.proxy!.faults = once((r) => r.kind === 'batch' && r.container === 'sessions', { kind: 'dropAfter' });
    const answer = await g.press(MEMBERS[0]!, 'session.start', { groupId: g.groupId }, 'cycle-card');
    t.proxy!.faults = undefined;
    expect(answer.value).toBe('De sessie is geopend.');
    const posted = sessionCardsSince(t, before);
    expect(posted).toHaveLength(1);
    expect((await sessionsOf(t, g))[0].cardActivityId).toBe(posted[0]!.id);
  });

  /** What an opening stores in the group's partition: the session, its time box, and the agenda fixed on the cycle. */
  async function openingOf(g: GroupDriver) {
    const sessions = await sessionsOf(t, g);
    const jobs = (await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'job'" }, { partitionKey: g.groupId }).fetchAll()).resources;
    const { resource: cycle } = await t.store.container('sessions').item(`${g.groupId}_w1`, g.groupId).read();
    return { sessions, jobs, agendaFixed: !!cycle.agendaFixedAt };
  }

  /** Whatever write stores the session's time box fails: the opening's transaction (or, before it, the job's own create). */
  const timeBoxFails = (r: { kind: string; container?: string }): CosmosFault | undefined =>
    (r.kind === 'batch' && r.container === 'sessions') || (r.kind === 'create' && r.container === 'jobs') ? { kind: 'status', status: 503 } : undefined;

  it('opens a session with its time box and fixed agenda, or nothing of it: an error card means nothing was stored', async () => {
    const g = await freshGroup();
    t.proxy!.faults = timeBoxFails;
    const failed = t.connector.calls.length;
    const refused = await g.press(MEMBERS[0]!, 'session.start', { groupId: g.groupId }, 'cycle-card');
    t.proxy!.faults = undefined;
    expect(cardText(refused.value)).toContain(ERROR_TITLE);
    expect(await openingOf(g)).toEqual({ sessions: [], jobs: [], agendaFixed: false });
    // The card went out before the transaction failed: it says the session did not start, and has no buttons.
    expect(liveSessionCardsSince(t, failed)).toHaveLength(0);
    expect(withdrawnSince(t, failed)).toEqual(['Deze sessie is niet gestart: het opslaan lukte niet. Druk nogmaals op Sessie starten, of typ start.']);

    const before = t.connector.calls.length;
    const opened = await g.press(MEMBERS[1]!, 'session.start', { groupId: g.groupId }, 'cycle-card');
    expect(opened.value).toBe('De sessie is geopend.');
    const { sessions, jobs, agendaFixed } = await openingOf(g);
    expect(sessions).toHaveLength(1);
    expect(jobs).toEqual([expect.objectContaining({ id: `${sessions[0].id}_warn`, kind: 'session.warning', status: 'pending' })]);
    expect(agendaFixed).toBe(true);
    expect(sessions[0].cardActivityId).toBe(sessionCardsSince(t, before)[0]!.id);
  });

  it('answers the "start" command the same way: nothing stored on a failure, everything on the next "start"', async () => {
    const g = await freshGroup();
    t.proxy!.faults = timeBoxFails;
    const before = t.connector.calls.length;
    await t.send(message(g.conv, MEMBERS[0]!, 'start'));
    t.proxy!.faults = undefined;
    expect(liveSessionCardsSince(t, before)).toHaveLength(0);
    expect(withdrawnSince(t, before)).toHaveLength(1);
    expect(await openingOf(g)).toEqual({ sessions: [], jobs: [], agendaFixed: false });
    const again = t.connector.calls.length;
    await t.send(message(g.conv, MEMBERS[0]!, 'start'));
    expect(liveSessionCardsSince(t, again)).toHaveLength(1);
    expect((await openingOf(g)).jobs).toHaveLength(1);
  });

  it('says so on the card when the store cannot tell whether the session opened, and "start" then shows or opens it', async () => {
    const g = await freshGroup();
    // The transaction fails, and so does the read that would tell whether it was stored after all.
    let batchFailed = false;
    t.proxy!.faults = (r) => {
      if (r.kind === 'batch' && r.container === 'sessions') return (batchFailed = true), { kind: 'dropAfter' };
      return batchFailed && r.kind === 'query' ? { kind: 'status', status: 503 } : undefined;
    };
    const before = t.connector.calls.length;
    const answer = await g.press(MEMBERS[0]!, 'session.start', { groupId: g.groupId }, 'cycle-card');
    t.proxy!.faults = undefined;
    expect(cardText(answer.value)).toContain(ERROR_TITLE);
    expect(withdrawnSince(t, before)).toEqual(['Het is niet zeker of deze sessie is gestart. Typ start: dan komt de sessiekaart onderaan de chat, of start de sessie alsnog.']);
    const again = t.connector.calls.length;
    await t.send(message(g.conv, MEMBERS[1]!, 'start'));
    const [card] = liveSessionCardsSince(t, again);
    expect(card).toBeDefined();
    const stored = await sessionsOf(t, g);
    expect(stored).toHaveLength(1);
    expect(stored[0].cardActivityId).toBe(card!.id);
  });

  it('shows an error card only when no session was stored, and never leaves the group without a way to its card', async () => {
    const wrong: string[] = [];
    for (let i = 0; i < 10; i++) {
      const g = await freshGroup();
      const before = t.connector.calls.length;
      t.proxy!.faults = randomCosmosFaults(0.4, 300 + i);
      const answer = await g.press(MEMBERS[0]!, 'session.start', { groupId: g.groupId }, 'cycle-card');
      t.proxy!.faults = undefined;
      const stored = await sessionsOf(t, g);
      const isError = answer.type === 'application/vnd.microsoft.card.adaptive' && cardText(answer.value).includes(ERROR_TITLE);
      if (isError && stored.length !== 0) wrong.push(`round ${i}: error card, but ${stored.length} session stored`);
      if (!isError && stored.length !== 1) wrong.push(`round ${i}: "${answer.value}", ${stored.length} sessions stored`);
      if (answer.value === 'De sessie is net geopend; de kaart verschijnt zo in de chat. Zie je hem niet, typ dan start.') wrong.push(`round ${i}: told it was just opened by another press, but nobody else pressed`);
      const posted = liveSessionCardsSince(t, before);
      if (answer.value === 'De sessie is geopend.' && !(posted.length === 1 && stored[0]?.cardActivityId === posted[0]!.id)) wrong.push(`round ${i}: opened, ${posted.length} cards, tracked ${stored[0]?.cardActivityId}`);
      if (!isError && answer.value !== 'De sessie is geopend.') {
        // What the member is told to do brings the card: "start".
        const again = t.connector.calls.length;
        await t.send(message(g.conv, MEMBERS[0]!, 'start'));
        const card = liveSessionCardsSince(t, again);
        const after = await sessionsOf(t, g);
        if (card.length !== 1 || after.length !== 1 || after[0].cardActivityId !== card[0]!.id) wrong.push(`round ${i}: after "start", ${card.length} cards, ${after.length} sessions`);
      }
    }
    expect(wrong).toEqual([]);
    expect(t.proxy!.count((r) => r.status === 0 || r.status === 429 || r.status === 503)).toBeGreaterThan(5);
  }, 120_000);
});

function sessionCardsSince(t: TestApp, from: number) {
  return t.connector.calls.slice(from).filter((c) => c.method === 'POST' && c.activity.attachments?.[0]?.content?.refresh);
}

/** Session cards posted since `from` that were not turned into a notice afterwards. */
function liveSessionCardsSince(t: TestApp, from: number) {
  const calls = t.connector.calls.slice(from);
  return sessionCardsSince(t, from).filter((posted) => {
    const last = calls.filter((c) => c.method === 'PUT' && c.activityId === posted.id).pop();
    return !last || !!last.activity.attachments?.[0]?.content?.refresh;
  });
}

/** What the session cards posted since `from` and then withdrawn say instead. */
function withdrawnSince(t: TestApp, from: number): string[] {
  const calls = t.connector.calls.slice(from);
  const posted = new Set(sessionCardsSince(t, from).map((c) => c.id));
  return calls.filter((c) => c.method === 'PUT' && !!c.activityId && posted.has(c.activityId) && !c.activity.attachments?.[0]?.content?.refresh).map((c) => cardText(c.activity.attachments[0].content));
}

async function sessionsOf(t: TestApp, g: GroupDriver) {
  const query = { query: "SELECT * FROM c WHERE c.type = 'session' AND c.groupId = @g", parameters: [{ name: '@g', value: g.groupId }] };
  return (await t.store.container('sessions').items.query(query, { partitionKey: g.groupId }).fetchAll()).resources;
}
