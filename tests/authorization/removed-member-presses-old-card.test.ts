/**
 * Found in review, stop 53 (fixed then: a member Teams removed from the group's chat who pressed
 * the old session card was taken back into the group by that press, and what she sent was stored;
 * nobody was told. `ensureMember` added any non-member while the group had room; the `leftGroup`
 * check was used only by the refresh view).
 *
 * Dewi is removed from the chat (conversationUpdate membersRemoved, which takes her off the group).
 * Her presses on the session card still on her screen (contribute, check in, end) are refused in
 * her language with "no longer a member", what she typed kept on the card, nothing stored, the
 * group unchanged and nobody sent anything. Unless she is in the chat again: the chat's roster
 * (one lookup of her, only for someone who left) lets her press through, whether Teams told of her
 * return (membersAdded, which by itself makes nobody a member: tests/privacy/removed-from-chat)
 * or that update was missed. A roster that does not answer refuses (nothing can tell she is back). Her own earlier press, delivered again after the removal (same
 * activity), is answered as before: found stored, nothing new, and she stays out.
 */
import { execute, membersAdded, membersRemoved, TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { changed, snapshot } from './support';
import { CosmosMembershipIndex } from '../../src/store/membership-index.repository';

const [anna, , , dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

/** A group of four with an open session, and Dewi removed from its chat (the roster no longer lists her). */
async function groupWithDewiRemoved(t: TestApp, chat: string, before?: (g: GroupDriver) => Promise<void>): Promise<GroupDriver> {
  const g = new GroupDriver(t, t.conversation('groupChat', chat), MEMBERS.slice(0, 4));
  await g.setUp('nl', '20');
  await g.startCycle();
  await g.startSession();
  await before?.(g);
  expect((await t.send(membersRemoved(g.conv, anna, [dewi]))).status).toBe(200);
  t.connector.roster = MEMBERS.slice(0, 3);
  return g;
}

async function memberIds(t: TestApp, g: GroupDriver): Promise<string[]> {
  return ((await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource as { members: { id: string }[] }).members.map((m) => m.id);
}

/** Requests for one chat member (Teams' getMember) since `from`. */
function memberLookups(t: TestApp, from: number): string[] {
  return t.connector.requests.slice(from).filter((r) => r.method === 'GET' && /\/members\/[^/]+$/.test(r.path)).map((r) => r.path);
}

describe('a member Teams removed from the chat presses an old card', () => {
  let t: TestApp;
  let g: GroupDriver;
  const earlier = { activity: undefined as unknown as ReturnType<typeof execute> };

  beforeAll(async () => {
    t = await startTestApp();
    g = await groupWithDewiRemoved(t, '19:removed-member-old-card@thread.v2', async (d) => {
      earlier.activity = execute(d.conv, dewi, 'session.contribute', { ...d.ids(), questionId: 1, text: 'Voor mijn vertrek', k: 'dewi-key-1' }, d.sessionMessageId);
      expect((await t.send(earlier.activity)).status).toBe(200);
    });
  }, 60_000);
  afterAll(() => t.stop());

  it('the removal took her off the group', async () => {
    expect(await memberIds(t, g)).not.toContain(dewi.aadObjectId);
  });

  it.each([
    ['contribute', 'session.contribute', () => ({ ...g.ids(), questionId: 1, text: 'Na mijn vertrek' }), 'Na mijn vertrek'],
    ['check in', 'session.energy', () => ({ ...g.ids(), phase: 'in', energyIn: '3' }), undefined],
    ['end the session', 'session.end', () => g.ids(), undefined],
  ] as [string, string, () => Record<string, unknown>, string | undefined][])('%s: refused in Dutch, what she typed kept, nothing stored, nobody told', async (_n, verb, data, typed) => {
    const before = await snapshot(t);
    const calls = t.connector.calls.length;
    const res = await t.send(execute(g.conv, dewi, verb, data(), g.sessionMessageId));
    await t.app.outbox.drain(30_000);
    const text = cardText(res.body?.value);
    expect({ status: res.status, leftSaid: text.includes('geen lid meer van deze groep'), typedKept: typed === undefined || JSON.stringify(res.body?.value).includes(typed) }).toEqual({ status: 200, leftSaid: true, typedKept: true });
    expect(changed(before, await snapshot(t))).toEqual([]);
    expect(t.connector.calls.slice(calls).map((c) => `${c.method} ${c.conversationId}`)).toEqual([]);
    expect(await memberIds(t, g)).not.toContain(dewi.aadObjectId);
  });

  it('her own earlier press, delivered again after the removal, is answered as before and brings her back to nothing', async () => {
    const before = await snapshot(t);
    const res = await t.send(earlier.activity);
    expect(res.status).toBe(200);
    expect(cardText(res.body?.value)).not.toContain('geen lid meer');
    expect(JSON.stringify(res.body?.value)).toContain('Voor mijn vertrek');
    expect(changed(before, await snapshot(t))).toEqual([]);
    expect(await memberIds(t, g)).not.toContain(dewi.aadObjectId);
  });

  it('a roster that does not answer cannot tell she is back: refused, nothing stored', async () => {
    t.connector.faults = [(req) => (req.method === 'GET' && /\/members\//.test(req.path) ? { status: 403 } : undefined)];
    try {
      t.connector.roster = MEMBERS.slice(0, 4);
      const before = await snapshot(t);
      const res = await t.send(execute(g.conv, dewi, 'session.energy', { ...g.ids(), phase: 'in', energyIn: '4' }, g.sessionMessageId));
      expect(cardText(res.body?.value)).toContain('geen lid meer van deze groep');
      expect(changed(before, await snapshot(t))).toEqual([]);
    } finally {
      t.connector.faults = [];
      t.connector.roster = MEMBERS.slice(0, 3);
    }
  });

  it("a member's press asks Teams nothing about the chat", async () => {
    const from = t.connector.requests.length;
    await g.press(anna, 'session.energy', { ...g.ids(), phase: 'in', energyIn: '4' });
    expect(memberLookups(t, from)).toEqual([]);
  });
});

describe('a removed member back in the chat', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(() => t.stop());

  it('Teams tells she was added back: not a member by that (she joins by acting), and her press on the old card joins and is stored', async () => {
    const g = await groupWithDewiRemoved(t, '19:removed-member-added-back@thread.v2');
    const index = new CosmosMembershipIndex(t.store);
    expect((await index.groupsOf(dewi.aadObjectId)).find((e) => e.groupId === g.groupId)).toMatchObject({ member: false });

    t.connector.roster = MEMBERS.slice(0, 4);
    expect((await t.send(membersAdded(g.conv, anna, [dewi]))).status).toBe(200);
    expect(await memberIds(t, g)).not.toContain(dewi.aadObjectId);

    const from = t.connector.requests.length;
    const res = await g.press(dewi, 'session.contribute', { ...g.ids(), questionId: 1, text: 'Weer terug' });
    expect(cardText(res.value)).not.toContain('geen lid meer');
    expect(memberLookups(t, from)).toEqual([`/v3/conversations/${g.conv.id}/members/${dewi.id}`]);
    expect(await memberIds(t, g)).toContain(dewi.aadObjectId);
    expect((await index.groupsOf(dewi.aadObjectId)).find((e) => e.groupId === g.groupId)).toMatchObject({ member: true });
    expect((await g.items('contribution')).filter((c) => c.authorId === dewi.aadObjectId).map((c) => c.text)).toEqual(['Weer terug']);
  });

  it('no update from Teams at all (missed): the roster lists her again (one lookup of her), so her press joins and is stored', async () => {
    const g = await groupWithDewiRemoved(t, '19:removed-member-roster-back@thread.v2');
    t.connector.roster = MEMBERS.slice(0, 4);
    const from = t.connector.requests.length;
    const res = await g.press(dewi, 'session.energy', { ...g.ids(), phase: 'in', energyIn: '2' });
    expect(cardText(res.value)).not.toContain('geen lid meer');
    expect(memberLookups(t, from)).toEqual([`/v3/conversations/${g.conv.id}/members/${dewi.id}`]);
    expect(await memberIds(t, g)).toContain(dewi.aadObjectId);
    expect((await g.items('checkIn')).filter((c) => c.memberId === dewi.aadObjectId || c.authorId === dewi.aadObjectId)).toHaveLength(1);
  });
});
