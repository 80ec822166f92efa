import { documentProblems } from '../../src/store/document-schemas';
import { HR, members, PulseDriver, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, erasure. HR starts a B3-spiegel poll in a team's channel; its card lists the
 * team's members (their Teams ids, so their view refreshes by itself). Teams answers 503 for a
 * while, so the card waits in the outbox (retried until the poll closes). One member erases their
 * data meanwhile. The erasure deleted every job whose `about` listed them: the whole team was left
 * without its poll. What must hold: the card still goes out once Teams takes messages again,
 * without the erased member (no Teams id or app id of theirs in what is sent, nor in the stored
 * job after the erasure), and it lists the others. A card queued in the older form (`about`
 * listing everyone, in the order of its refresh list) is kept the same way.
 */
interface JobDoc {
  id: string;
  status: string;
  conversationKey: string;
  about?: string[];
  listed?: { userId: string; platformId: string }[];
  listedIds?: string[];
  payload: { attachments?: { content: { refresh?: { userIds: string[] } } }[] };
  _etag: string;
}

async function eraseViaTab(t: TestApp, aadId: string) {
  const signIn = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: aadId }) });
  const { token } = (await signIn.json()) as { token: string };
  const res = await fetch(`${t.app.url}/api/verantwoording/erase`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ confirm: true }) });
  expect(res.status).toBe(200);
}

describe.each([
  ['queued now: its members listed', false],
  ['queued in the older form: `about` every member', true],
])("erasure while a team's channel poll card waits in the outbox (%s)", (_name, olderForm) => {
  let t: TestApp;
  let d: PulseDriver;
  const oost = team('Zorgteam Oost', 'oost', [HR, ...members('oost', 4)]);
  const leaver = oost.members[2]!;
  const others = oost.members.filter((m) => m !== leaver);
  const inChannel = (id: string | undefined) => !!id && decodeURIComponent(id).split(';messageid=')[0] === oost.id;
  const namesLeaver = (doc: unknown) => JSON.stringify(doc).includes(leaver.id) || JSON.stringify(doc).includes(leaver.aadObjectId);
  const outboxJobs = async () => (await t.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources as JobDoc[];
  const pollCards = (from: number) => t.connector.calls.slice(from).filter((c) => c.method === 'POST' && inChannel(c.conversationId) && c.activity.attachments?.[0]?.content?.refresh?.action?.verb === 'pulse.view');

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'test-key-'.padEnd(40, 'x') }, '2026-11-23T08:00:00Z', { outboxTimings: { backoffBaseMs: 200, backoffCapMs: 400, deliverWaitMs: 500 } });
    d = new PulseDriver(t);
    await d.install(oost);
    await d.settle();
  });
  afterAll(() => t.stop());

  it('still posts the poll card to the team, without the erased member, once Teams takes messages again', async () => {
    // Teams does not take new posts in the team's channel for a while.
    const down = (req: { method: string; conversationId?: string }) => (req.method === 'POST' && req.conversationId === oost.id ? { status: 503 } : undefined);
    t.connector.faults.push(down);
    const before = t.connector.calls.length;
    await d.say(HR, oost, 'peiling start dit team 2026-12-04');
    await t.app.background.idle(); // the poll is delivered: its card waits for Teams

    const waiting = (await outboxJobs()).filter((j) => j.status === 'pending' && j.conversationKey === oost.id && j.payload.attachments?.[0]?.content.refresh);
    expect(waiting).toHaveLength(1);
    const card = waiting[0]!;
    expect(card.payload.attachments![0]!.content.refresh!.userIds).toContain(leaver.id); // the scenario holds
    if (olderForm) {
      // As the notifier queued it before: `about` the members' app ids, in the order of the refresh list.
      const { listed, listedIds: _ids, _etag, ...rest } = card;
      await t.store.container('outbox').item(card.id, card.id).replace({ ...rest, about: listed!.map((l) => l.userId) });
    } else {
      expect({ about: card.about, listed: card.listed?.map((l) => l.userId).sort() }).toEqual({ about: undefined, listed: oost.members.map((m) => m.aadObjectId).sort() });
    }

    await eraseViaTab(t, leaver.aadObjectId);

    // Kept, still waiting, with the others listed and nothing of the erased member in it.
    const kept = (await outboxJobs()).filter((j) => j.id === card.id).map((j) => ({ status: j.status, about: j.about, listed: j.listed?.map((l) => l.userId).sort(), namesLeaver: namesLeaver(j) }));
    expect(kept).toEqual([{ status: 'pending', about: undefined, listed: others.map((m) => m.aadObjectId).sort(), namesLeaver: false }]);
    // The kept job is a document the store's schema allows (`listed`, `listedIds`).
    expect((await outboxJobs()).filter((j) => j.id === card.id).flatMap((j) => documentProblems('outbox', j as unknown as Record<string, unknown>))).toEqual([]);

    // Teams is back.
    t.connector.faults.splice(t.connector.faults.indexOf(down), 1);
    for (let i = 0; i < 20 && pollCards(before).length === 0; i++) await t.app.outbox.drain(5_000);
    const posted = pollCards(before);
    expect({
      pollCardPosted: posted.length,
      refreshFor: [...(posted[0]?.activity.attachments[0].content.refresh.userIds ?? [])].sort(),
      namesLeaver: posted.some((c) => namesLeaver(c.activity)),
    }).toEqual({ pollCardPosted: 1, refreshFor: others.map((m) => m.id).sort(), namesLeaver: false });
  });
});
