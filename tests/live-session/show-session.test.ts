import { execute } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * "Toon sessie" on the week card puts the live session card at the bottom of the chat again.
 * Several members pressing it together, or Teams delivering one press twice, must not fill the
 * chat with copies: only the newest copy follows the group's steps, so the others go stale.
 */
describe('showing the session card again', () => {
  let t: TestApp;
  let round = 0;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  async function openSession() {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:show-${round++}@thread.v2`), MEMBERS);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    return g;
  }
  const show = (g: GroupDriver, who = MEMBERS[1]!) => g.press(who, 'session.show', { groupId: g.groupId, cycleId: `${g.groupId}_w1` }, 'cycle-card');
  const copies = (from: number) => t.connector.calls.slice(from).filter((c) => c.method === 'POST' && c.activity.attachments?.[0]?.content?.refresh);
  const storedCardId = async (g: GroupDriver) => (await t.cosmos.container('sessions').item(g.sessionId, g.groupId).read()).resource.cardActivityId;

  it('posts the live card at the bottom, points the copy above to it, and the group\'s next step edits the new one', async () => {
    const g = await openSession();
    const first = g.sessionMessageId;
    const before = t.connector.calls.length;
    const answer = await show(g);
    expect(answer.value).toBe('De sessiekaart staat weer onderaan de chat.');
    const [copy] = copies(before);
    expect(copies(before)).toHaveLength(1);
    expect(await storedCardId(g)).toBe(copy!.id);
    // The copy above has no buttons left to act on a card the group no longer follows.
    const above = t.connector.latest(first);
    expect(cardText(above)).toBe('De sessiekaart staat nu onderaan de chat.');
    expect(above.refresh).toBeUndefined();
    expect(cardProblems(above)).toEqual([]);
    g.sessionMessageId = copy!.id;
    const edits = t.connector.calls.length;
    await g.goTo(MEMBERS[0]!, 1);
    const put = t.connector.calls.slice(edits).filter((c) => c.method === 'PUT');
    expect(put.map((c) => c.id)).toEqual([copy!.id]);
  });

  it('posts one copy when Teams delivers the same press twice', async () => {
    const g = await openSession();
    const press = execute(g.conv, MEMBERS[1]!, 'session.show', { groupId: g.groupId, cycleId: `${g.groupId}_w1` }, 'cycle-card');
    let before = t.connector.calls.length;
    await Promise.all([t.send(press), t.send(press)]);
    expect(copies(before)).toHaveLength(1);
    before = t.connector.calls.length;
    await t.send(press);
    expect(copies(before)).toHaveLength(0);
  });

  it('posts one copy when four members press together, and tells each where the card is', async () => {
    const g = await openSession();
    const before = t.connector.calls.length;
    const answers = await Promise.all(MEMBERS.slice(0, 4).map((m) => show(g, m)));
    expect(copies(before)).toHaveLength(1);
    const told = ['De sessiekaart staat weer onderaan de chat.', 'De sessiekaart komt zo onderaan de chat.'];
    expect(answers.every((a) => told.includes(a.value))).toBe(true);
    expect(await storedCardId(g)).toBe(copies(before)[0]!.id);
  });

  it('shows it again on a press a while later, after the chat moved on', async () => {
    const g = await openSession();
    await show(g);
    t.clock.advanceMinutes(1);
    const before = t.connector.calls.length;
    await show(g, MEMBERS[2]!);
    expect(copies(before)).toHaveLength(1);
    expect(await storedCardId(g)).toBe(copies(before)[0]!.id);
  });

  it('lets the next press show the card when Teams refused the copy', async () => {
    const g = await openSession();
    const refuse = (req: { method: string; body: any }) => (req.method === 'POST' && req.body?.attachments?.[0]?.content?.refresh ? { status: 403 } : undefined); // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form Bot Framework JSON under test
    t.connector.faults.push(refuse);
    try {
      const refused = await show(g);
      expect(refused.type).toBe('application/vnd.microsoft.card.adaptive');
    } finally {
      t.connector.faults.splice(t.connector.faults.indexOf(refuse), 1);
    }
    const before = t.connector.calls.length;
    expect((await show(g, MEMBERS[3]!)).value).toBe('De sessiekaart staat weer onderaan de chat.');
    expect(copies(before)).toHaveLength(1);
  });

  it('says so when no session runs', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:show-${round++}@thread.v2`), MEMBERS);
    await g.setUp();
    await g.startCycle();
    expect((await g.press(MEMBERS[0]!, 'session.show', { groupId: g.groupId }, 'cycle-card')).value).toBe('Er loopt nu geen sessie.');
  });
});
