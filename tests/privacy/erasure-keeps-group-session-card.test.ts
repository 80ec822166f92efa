import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { TestUser } from '../support/activities';

/**
 * Found in review, erasure. The planned start opens a session and queues its card for the group's
 * chat; Teams answers 503 for a while, so the card waits in the outbox (retried until the
 * session's end). Bram erases his data meanwhile. The card lists every member (its refresh list),
 * and the erasure deleted every job whose `about` listed him: the session stayed open and the
 * group never got its card. What must hold: the card still goes out once Teams takes messages
 * again, without Bram (no Teams id or app id of his in what is sent, nor in the stored job after
 * the erasure). A card queued in the older form (a frozen card, `about` listing everyone) is
 * rebuilt in place by the erasure, as a job about no one, rather than deleted.
 */
const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

async function eraseViaTab(t: TestApp, aadId: string) {
  const signIn = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: aadId }) });
  const { token } = (await signIn.json()) as { token: string };
  const res = await fetch(`${t.app.url}/api/verantwoording/erase`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ confirm: true }) });
  expect(res.status).toBe(200);
}

interface JobDoc {
  id: string;
  status: string;
  conversationKey: string;
  about?: string[];
  render?: { kind: string; args: Record<string, string> };
  payload: Record<string, unknown>;
  _etag: string;
}

describe.each([
  ['queued now: rendered when sent', false],
  ['queued in the older form: a frozen card about every member', true],
])("erasure while the group's scheduled session card waits in the outbox (%s)", (_name, olderForm) => {
  let t: TestApp;
  let g: GroupDriver;
  const inGroupChat = (id: string | undefined) => !!id && decodeURIComponent(id).split(';messageid=')[0] === g.conv.id;
  const namesBram = (doc: unknown) => JSON.stringify(doc).includes(bram.id) || JSON.stringify(doc).includes(bram.aadObjectId);
  const outboxJobs = async () => (await t.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources as JobDoc[];

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z', { outboxTimings: { backoffBaseMs: 200, backoffCapMs: 400, deliverWaitMs: 500 } });
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await t.app.outbox.drain(30_000);
  });
  afterAll(() => t.stop());

  it('still posts the session card to the group, without Bram, once Teams takes messages again', async () => {
    // Teams does not take posts in the group chat for a while.
    const down = (req: { method: string; conversationId?: string }) => (req.method === 'POST' && inGroupChat(req.conversationId) ? { status: 503 } : undefined);
    t.connector.faults.push(down);
    t.clock.set('2026-11-23T08:00:00Z');
    await t.app.scheduler.runDue(); // the planned start opens the session and queues its card (it waits for Teams)

    const sessions = (await t.store.container('sessions').items.query("SELECT * FROM c WHERE c.type = 'session'").fetchAll()).resources;
    expect(sessions.filter((s: { status: string }) => s.status === 'open')).toHaveLength(1);
    const waiting = (await outboxJobs()).filter((j) => j.status === 'pending' && j.conversationKey === g.conv.id);
    expect(waiting).toHaveLength(1); // the session card
    const card = waiting[0]!;
    if (olderForm) {
      // As the start queued it before: the card itself, listing every member's Teams id, and `about` them all.
      const { render: _render, _etag, ...rest } = card;
      const frozen = { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', refresh: { action: { type: 'Action.Execute', verb: 'refreshSession' }, userIds: [anna, bram, cem, dewi].map((m) => m.id) } } }] };
      await t.store.container('outbox').item(card.id, card.id).replace({ ...rest, payload: frozen, about: [anna, bram, cem, dewi].map((m) => m.aadObjectId) });
    } else {
      // The job holds only how to build the card: it is about no one.
      expect({ about: card.about, render: card.render?.kind, namesBram: namesBram(card) }).toEqual({ about: undefined, render: 'weekCycle.sessionCard', namesBram: false });
    }

    await eraseViaTab(t, bram.aadObjectId);

    // Kept, rendered when sent, and nothing of Bram in it.
    const kept = (await outboxJobs()).filter((j) => j.id === card.id).map((j) => ({ status: j.status, about: j.about, render: j.render?.kind, namesBram: namesBram(j) }));
    expect(kept).toEqual([{ status: 'pending', about: undefined, render: 'weekCycle.sessionCard', namesBram: false }]);

    // Teams is back.
    t.connector.faults.splice(t.connector.faults.indexOf(down), 1);
    const before = t.connector.calls.length;
    const sessionCards = () => t.connector.calls.slice(before).filter((c) => c.method === 'POST' && inGroupChat(c.conversationId) && c.activity.attachments?.[0]?.content?.refresh);
    for (let i = 0; i < 20 && sessionCards().length === 0; i++) await t.app.outbox.drain(5_000);
    const refreshFor = sessionCards()[0]?.activity.attachments[0].content.refresh.userIds;
    expect({
      sessionCardPosted: sessionCards().length,
      refreshFor,
      namesBram: sessionCards().some((c) => namesBram(c.activity)),
    }).toEqual({ sessionCardPosted: 1, refreshFor: [anna.id, cem.id, dewi.id], namesBram: false });
    // The session knows its card (updates go there).
    const [session] = (await t.store.container('sessions').items.query("SELECT * FROM c WHERE c.type = 'session'").fetchAll()).resources;
    expect(session.cardActivityId).toBe(sessionCards()[0]!.id);
  });
});
