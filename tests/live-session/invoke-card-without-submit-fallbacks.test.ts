/**
 * Issue 11 (stop 57): an answer save built and sent every session card's buttons twice, as the
 * Action.Execute and as its Action.Submit fallback (about 1.4 of 7.4 KB), also in the card that
 * answers an Action.Execute press. That card is shown only by the client that sent the press,
 * which has Universal Actions, so the fallbacks there are never used.
 *
 * Must hold: the member's own card that answers an invoke (an answer, a check-in, a refresh, a
 * step, a refused answer) has no Action.Submit; the card in the group's chat (posted at the
 * start, updated for a step, updated on the Submit fallback) keeps an Action.Submit fallback on
 * every button, with the button's own verb, title and data, for clients without Universal Actions.
 */
import { submit, TestUser } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];

interface FoundAction {
  type: string;
  title?: string;
  verb?: string;
  data?: Record<string, unknown>;
  fallback?: { type: string; title?: string; data?: Record<string, unknown> };
}

/** Every action on a card, the Action.Execute buttons' fallbacks among them, and the refresh action apart. */
function actionsOf(card: unknown): { buttons: FoundAction[]; submits: FoundAction[] } {
  const buttons: FoundAction[] = [];
  const submits: FoundAction[] = [];
  const walk = (node: unknown, key?: string): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n));
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Submit') submits.push(o as unknown as FoundAction);
    else if (o.type === 'Action.Execute' && key !== 'refresh') buttons.push(o as unknown as FoundAction);
    for (const [k, v] of Object.entries(o)) if (k !== 'data') walk(v, k === 'action' ? key : k);
  };
  walk(card);
  return { buttons, submits };
}

/** A chat card: each button has its Submit fallback, which carries the same verb, title and data. */
function expectFallbackOnEveryButton(card: unknown): void {
  const { buttons, submits } = actionsOf(card);
  expect(buttons.length).toBeGreaterThan(0);
  expect(submits.length).toBe(buttons.length);
  for (const b of buttons) expect(b.fallback).toEqual({ type: 'Action.Submit', title: b.title, data: { ...b.data, verb: b.verb } });
}

/** A card that answers a press: its buttons, and no Action.Submit anywhere. */
function expectNoSubmit(card: unknown): void {
  const { buttons, submits } = actionsOf(card);
  expect(buttons.length).toBeGreaterThan(0);
  expect({ submits: submits.length, withFallback: buttons.filter((b) => b.fallback !== undefined).length }).toEqual({ submits: 0, withFallback: 0 });
}

describe('the card that answers an Action.Execute press', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  }, 60_000);
  afterAll(() => t.stop());

  it('has no Action.Submit fallbacks, while the card in the chat keeps one on every button', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:invoke-no-fallbacks@thread.v2'), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    // Posted in the chat for everyone.
    expectFallbackOnEveryButton(g.sharedCard());

    // A member's own additions and views, answered in the invoke.
    expectNoSubmit((await g.contribute(anna, 1, 'Overdracht bij de dienstwissel')).value);
    expectNoSubmit((await g.checkIn(bram, 4)).value);
    expectNoSubmit((await g.press(cem, 'session.refresh', g.ids())).value);
    // Refused (empty): the form comes back in the invoke, also without them.
    const refused = await g.contribute(cem, 1, '   ');
    expect(JSON.stringify(refused.value)).toContain('Attention');
    expectNoSubmit(refused.value);

    // A step of the group: the presser's card without them, the chat's card, updated, with them.
    const step = await g.goTo(anna, 1);
    expectNoSubmit(step.value);
    const updated = t.connector.calls.filter((c) => c.method === 'PUT' && c.id === g.sessionMessageId);
    expect(updated.length).toBeGreaterThan(0);
    expectFallbackOnEveryButton(g.sharedCard());

    // On the Submit fallback in the group's chat, the chat's card is the presser's view: with them.
    const before = t.connector.calls.length;
    const res = await t.send(submit(g.conv, bram, { verb: 'session.contribute', ...g.ids(), questionId: 2, text: 'Het gaat mis bij de overdracht' }, g.sessionMessageId));
    expect(res.status).toBe(200);
    const onFallback = t.connector.calls.slice(before).filter((c) => c.method === 'PUT' && c.id === g.sessionMessageId);
    expect(onFallback.length).toBeGreaterThan(0);
    expectFallbackOnEveryButton(onFallback[onFallback.length - 1]!.activity.attachments[0].content);
  }, 60_000);
});
