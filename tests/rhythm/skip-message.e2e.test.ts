import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0]];
/** More than the connector client tries a message sent in the turn (four times, then the turn fails). */
const REFUSALS = 4;

/**
 * A skip or a move is stored before the chat is told of it. The message goes through the outbox
 * under the change's key: when Teams refuses it for a while the outbox sends it again, and the
 * member's card shows the plan as it now is, never an error over a change that was made.
 */
describe('the chat message of a plan change when Teams refuses it for a while', () => {
  let t: TestApp;
  let g: GroupDriver;
  const told = (pattern: RegExp) => t.connector.calls.filter((c) => c.conversationId === g.conv.id && pattern.test(String(c.activity.text ?? '')));
  /** Teams answers the matching message with a 503 REFUSALS times, then takes it. */
  const refuseAWhile = (pattern: RegExp) => {
    let refused = 0;
    t.connector.faults.push((req) => {
      if (req.method !== 'POST' || typeof req.body?.text !== 'string' || !pattern.test(req.body.text)) return undefined;
      refused += 1;
      return refused <= REFUSALS ? { status: 503 } : undefined;
    });
  };

  beforeEach(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat', '19:skip-message@thread.v2'), MEMBERS.slice(0, 4));
    await g.setUp();
  });
  afterEach(() => t.stop());

  it('a skip: the member sees the new plan, and the chat is told once, also when pressed again', async () => {
    refuseAWhile(/overgeslagen/);
    const res = await g.press(anna, 'rhythm.skip', { groupId: g.groupId, week: 2, from: '2026-11-30' }, 'cycle-card');
    // Before: "Dat lukte niet ... Er is niets verloren gegaan", over a skip that was stored.
    expect(cardText(res.value)).not.toContain('Er is niets verloren gegaan');
    expect(cardText(res.value)).toContain('ma 7 dec');
    const plan = (await t.store.container('sessions').item(`${g.groupId}_plan`, g.groupId).read()).resource;
    expect(plan.weeks[1].dates[0]).toBe('2026-12-07');
    await g.press(anna, 'rhythm.skip', { groupId: g.groupId, week: 2, from: '2026-11-30' }, 'cycle-card');
    await t.app.outbox.drain(30_000);
    // Before: never told (the error turn sent nothing, the second press found the skip done).
    expect(told(/overgeslagen/).map((c) => c.activity.text)).toEqual(['Anna heeft week 2 overgeslagen. Week 2 is nu ma 7 dec – do 10 dec. De weken erna schuiven mee.']);
  });

  it('a move: the member sees the new plan, and the chat is told once', async () => {
    refuseAWhile(/verplaatst/);
    const res = await g.press(bram, 'rhythm.move', { groupId: g.groupId, week: 2, from: '2026-11-30', start: '2026-12-01' }, 'cycle-card');
    expect(cardText(res.value)).not.toContain('Er is niets verloren gegaan');
    expect(cardText(res.value)).toContain('di 1 dec');
    await t.app.outbox.drain(30_000);
    expect(told(/verplaatst/)).toHaveLength(1);
  });
});
