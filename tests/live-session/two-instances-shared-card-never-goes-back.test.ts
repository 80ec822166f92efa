/**
 * Found in review, stop 65 (two instances): the shared card's lane orders one instance's updates
 * only. A member's "Volgende" served by instance B at the last moment of the hour has its card
 * update throttled by Teams (429) or slow on the network; meanwhile instance A's scheduler closes the
 * session by its time box, or another member moves the group on through A. B's retry sent the card
 * it had built before (the chat's card went back to an open, older step); a slow one landed after
 * A's. Now each retry sends the card read again as stored, and an update that landed slowly is read
 * again and sent once more when the stored card differs (`OVERTAKE_CHECK_MS`, 0 here so that the
 * held update counts as slow however quick the machine).
 */
import { execute, TestUser } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { EIGHT, isNormalCard, postStraight, startTwoInstances, stopEach } from './support';
import { ConnectorRequest } from '../support/recording-connector';

const [anna, bram, cem] = EIGHT as [TestUser, TestUser, TestUser];
const CLOSED = 'Deze sessie is afgerond';

describe('two instances: a step\'s card update and the time box close race', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => { [a, b] = await startTwoInstances({}, { sharedCardIntervalMs: 0, sharedCardOvertakeCheckMs: 0 }); }, 60_000);
  afterAll(() => stopEach(b, a));

  async function openAtEndOfHour(id: string): Promise<GroupDriver> {
    const g = new GroupDriver(a, a.conversation('groupChat', id), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(anna, 1, 'ANNA eerste');
    a.clock.advanceMinutes(50); b.clock.advanceMinutes(50);
    await a.app.scheduler.runDue();
    await Promise.all([a.app.outbox.drain(30_000), a.app.sharedCards.idle()]);
    a.clock.advanceMinutes(10); b.clock.advanceMinutes(10);
    return g;
  }
  const cardPut = (g: GroupDriver, req: ConnectorRequest) => req.method === 'PUT' && req.path.endsWith(`/activities/${g.sessionMessageId}`);
  const isClosedCard = (req: ConnectorRequest) => cardText(req.body?.attachments?.[0]?.content ?? {}).includes(CLOSED);

  /** Resolves once the connector has recorded the closed card (so a held request is recorded after it). */
  const closedRecordedFor = (g: GroupDriver) => async (): Promise<void> => {
    while (!a.connector.calls.some((c) => c.method === 'PUT' && c.id === g.sessionMessageId && cardText(c.activity.attachments[0].content).includes(CLOSED))) await new Promise((r) => setImmediate(r));
  };

  async function race(g: GroupDriver, stepUpdate: 'throttled' | 'slow'): Promise<{ last: string; stepAnswer: string; status: string }> {
    let closedArrived!: () => void;
    const closedPut = new Promise<void>((r) => (closedArrived = r));
    let firstTry!: () => void;
    const stepTried = new Promise<void>((r) => (firstTry = r));
    let stepPuts = 0;
    const closedRecorded = closedRecordedFor(g);
    a.connector.holds.push((req) => {
      if (!cardPut(g, req)) return undefined;
      if (isClosedCard(req)) { closedArrived(); return undefined; }
      stepPuts++;
      if (stepUpdate === 'slow' || stepPuts > 1) { firstTry(); return closedPut.then(closedRecorded); }
      return undefined;
    });
    a.connector.faults.push((req) => {
      if (stepUpdate !== 'throttled' || !cardPut(g, req) || isClosedCard(req) || stepPuts !== 1) return undefined;
      firstTry();
      return { status: 429, retryAfterSeconds: 1 };
    });

    const step = await postStraight(b, execute(g.conv, bram, 'session.goto', { ...g.ids(), index: 1, from: 0 }, g.sessionMessageId));
    await stepTried;
    await a.app.scheduler.runDue();
    await Promise.all([a.app.outbox.drain(30_000), a.app.sharedCards.idle()]);
    await closedPut;
    await b.app.sharedCards.idle();
    a.connector.holds.length = 0;
    a.connector.faults.length = 0;
    const puts = a.connector.calls.filter((c) => c.method === 'PUT' && c.id === g.sessionMessageId);
    return { last: cardText(puts.at(-1)!.activity.attachments[0].content), stepAnswer: isNormalCard(step.body) ? 'normal' : cardText(step.body?.value).slice(0, 120), status: (await g.session()).status };
  }

  it('the step\'s update throttled once (Retry-After 1 s), the close lands meanwhile: the card ends closed', async () => {
    const g = await openAtEndOfHour('19:probe65-step-close-429@thread.v2');
    const r = await race(g, 'throttled');
    expect({ status: r.status, stepAnswer: r.stepAnswer }).toEqual({ status: 'closed', stepAnswer: 'normal' });
    expect({ cardEndsClosed: r.last.includes(CLOSED), last: r.last.slice(0, 200) }).toMatchObject({ cardEndsClosed: true });
  }, 120_000);

  it('the step\'s update slow on the network, the close lands first: the card ends closed', async () => {
    const g = await openAtEndOfHour('19:probe65-step-close-slow@thread.v2');
    const r = await race(g, 'slow');
    expect({ status: r.status, stepAnswer: r.stepAnswer }).toEqual({ status: 'closed', stepAnswer: 'normal' });
    expect({ cardEndsClosed: r.last.includes(CLOSED), last: r.last.slice(0, 200) }).toMatchObject({ cardEndsClosed: true });
  }, 120_000);
  it('the step\'s update throttled once; another member moves the group on via instance A meanwhile: the chat\'s card never goes back', async () => {
    const g = new GroupDriver(a, a.conversation('groupChat', '19:probe65-step-step-429@thread.v2'), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    const isNewer = (req: ConnectorRequest) => cardText(req.body?.attachments?.[0]?.content ?? {}).split('\n').some((l) => l.startsWith('▶ 3.'));
    let newerArrived!: () => void;
    const newerPut = new Promise<void>((r) => (newerArrived = r));
    let firstTry!: () => void;
    const stepTried = new Promise<void>((r) => (firstTry = r));
    let stepPuts = 0;
    const newerRecorded = async () => {
      while (!a.connector.calls.some((c) => c.method === 'PUT' && c.id === g.sessionMessageId && cardText(c.activity.attachments[0].content).split('\n').some((l) => l.startsWith('▶ 3.')))) await new Promise((r) => setImmediate(r));
    };
    a.connector.holds.push((req) => {
      if (!cardPut(g, req)) return undefined;
      if (isNewer(req)) { newerArrived(); return undefined; }
      stepPuts++;
      return stepPuts > 1 ? newerPut.then(newerRecorded) : undefined;
    });
    a.connector.faults.push((req) => {
      if (!cardPut(g, req) || isNewer(req) || stepPuts !== 1) return undefined;
      firstTry();
      return { status: 429, retryAfterSeconds: 1 };
    });
    await postStraight(b, execute(g.conv, bram, 'session.goto', { ...g.ids(), index: 1, from: 0 }, g.sessionMessageId));
    await stepTried;
    await postStraight(a, execute(g.conv, cem, 'session.goto', { ...g.ids(), index: 2, from: 1 }, g.sessionMessageId));
    await a.app.sharedCards.idle();
    await newerPut;
    await b.app.sharedCards.idle();
    a.connector.holds.length = 0;
    a.connector.faults.length = 0;
    const shown = a.connector.calls.filter((c) => c.method === 'PUT' && c.id === g.sessionMessageId).map((c) => cardText(c.activity.attachments[0].content).split('\n').find((l) => l.startsWith('▶'))?.slice(0, 4));
    const last = a.connector.calls.filter((c) => c.method === 'PUT' && c.id === g.sessionMessageId).at(-1)!.activity.attachments[0].content;
    // Once the newer step is in the chat, the card never shows an older one again.
    const fromNewer = shown.slice(shown.indexOf('▶ 3.'));
    expect({ index: (await g.session()).currentIndex, fromNewer: [...new Set(fromNewer)], lastHasRefresh: Boolean(last.refresh) }).toEqual({ index: 2, fromNewer: ['▶ 3.'], lastHasRefresh: true });
  }, 120_000);
});
