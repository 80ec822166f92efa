import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { SHARED_CARD_INTERVAL_MS, SharedCard, SharedCardUpdates } from '../../src/teams/shared-card-updates';
import { AdaptiveCardJson } from '../../src/teams/cards/card-kit';
import { execute } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { EIGHT, isNormalCard } from './support';

/** A transport that records each update and answers when the test lets it. */
function recordingTransport() {
  const sent: string[] = [];
  return {
    sent,
    updateActivity: async (_route: unknown, _conv: string, _id: string, activity: Record<string, unknown>) => {
      const [attachment] = activity.attachments as { content: AdaptiveCardJson }[];
      sent.push(String((attachment!.content.body as { text: string }[])[0]!.text));
      return { ok: true as const };
    },
  };
}

/** Pacing waits the test can see and end: a wait resolves only when the test says so. */
function heldSleep() {
  const waits: { ms: number; release: () => void }[] = [];
  return { waits, sleep: (ms: number) => new Promise<void>((release) => waits.push({ ms, release })) };
}

const quiet = createLogger('warn', new Writable({ write: (_c, _e, cb) => cb() }));
const target = { route: { serviceUrl: 'http://127.0.0.1:9', botId: 'bot' }, conversationId: '19:g@thread.v2', activityId: 'm1' };

const adaptive = (text: string): AdaptiveCardJson => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text }] });

/** A shared card as a turn saw it (`now`), and as read again when it leaves late (`fresh`). */
function card(text: string, renders: string[]): SharedCard {
  return {
    now: () => {
      renders.push(text);
      return adaptive(text);
    },
    fresh: async () => {
      renders.push(`${text} as stored`);
      return adaptive(`${text} as stored`);
    },
  };
}

/** The first element of a card (at any depth) that matches. */
function findIn(card: unknown, match: (node: Record<string, unknown>) => boolean): Record<string, any> | undefined { // eslint-disable-line @typescript-eslint/no-explicit-any -- card JSON under test
  if (!card || typeof card !== 'object') return undefined;
  if (!Array.isArray(card) && match(card as Record<string, unknown>)) return card as Record<string, unknown>;
  for (const child of Object.values(card)) {
    const found = findIn(child, match);
    if (found) return found;
  }
  return undefined;
}
const findAction = (card: unknown, verb: string) => findIn(card, (n) => n.type === 'Action.Execute' && n.verb === verb);
const findInput = (card: unknown, id: string) => findIn(card, (n) => typeof n.type === 'string' && n.type.startsWith('Input.') && n.id === id);

/** Waits for the expected state (bounded, so a wrong expectation fails instead of spinning). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; !check(); i++) {
    if (i > 2000) throw new Error('the expected state never came');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('shared card updates are paced per message', () => {
  test('a burst of clicks sends the first card at once, then only the newest, read again as stored; each rendered once', async () => {
    const transport = recordingTransport();
    const held = heldSleep();
    const renders: string[] = [];
    const updates = new SharedCardUpdates(transport, quiet, { sleep: held.sleep });
    for (let i = 1; i <= 10; i++) updates.push(target, card(`answer ${i}`, renders));

    await until(() => transport.sent.length === 1 && held.waits.length === 1);
    expect(transport.sent).toEqual(['answer 1']);
    // The rest waits for the message's next slot, within Teams' sustained rate for one conversation.
    expect(held.waits[0]!.ms).toBeGreaterThan(0);
    expect(held.waits[0]!.ms).toBeLessThanOrEqual(SHARED_CARD_INTERVAL_MS);

    held.waits[0]!.release();
    await updates.idle();
    expect(transport.sent).toEqual(['answer 1', 'answer 10 as stored']);
    expect(renders).toEqual(['answer 1', 'answer 10 as stored']);
  });

  test('idle() sends what waits for its slot at once (shutdown), and a later click is paced again', async () => {
    const transport = recordingTransport();
    const held = heldSleep();
    const renders: string[] = [];
    const updates = new SharedCardUpdates(transport, quiet, { sleep: held.sleep });
    updates.push(target, card('first', renders));
    updates.push(target, card('second', renders));
    await updates.idle(); // the second goes out without waiting for its slot
    expect(transport.sent).toEqual(['first', 'second']);
    expect(held.waits).toHaveLength(0);

    updates.push(target, card('third', renders));
    await until(() => held.waits.length === 1);
    expect(transport.sent).toEqual(['first', 'second']);
    held.waits[0]!.release();
    await updates.idle();
    // Held back by pacing, the third may have been overtaken meanwhile: it is read again.
    expect(transport.sent).toEqual(['first', 'second', 'third as stored']);
  });

  test('a channel message is one lane, whether named with its thread (a click) or without (the AI draft, the time box)', async () => {
    const transport = recordingTransport();
    const held = heldSleep();
    const renders: string[] = [];
    const updates = new SharedCardUpdates(transport, quiet, { sleep: held.sleep });
    const inThread = { ...target, conversationId: `${target.conversationId};messageid=1796000000000` };
    updates.push(inThread, card('click', renders));
    updates.push(target, card('AI draft', renders));
    updates.push(inThread, card('next click', renders));
    await until(() => transport.sent.length === 1 && held.waits.length === 1);
    held.waits[0]!.release();
    await updates.idle();
    expect(transport.sent).toEqual(['click', 'next click as stored']);
  });

  test('messages are paced independently, and a card that fails to render leaves the next one free', async () => {
    const transport = recordingTransport();
    const held = heldSleep();
    const renders: string[] = [];
    const updates = new SharedCardUpdates(transport, quiet, { sleep: held.sleep });
    updates.push(target, {
      now: () => {
        throw new Error('state gone');
      },
    });
    updates.push({ ...target, activityId: 'm2' }, card('other message', renders));
    await until(() => transport.sent.length === 1);
    expect(transport.sent).toEqual(['other message']);
    // The failed render sent nothing, so the next update of that message goes out without a wait.
    updates.push(target, card('after the failure', renders));
    await updates.idle();
    expect(transport.sent).toEqual(['other message', 'after the failure']);
    expect(held.waits).toHaveLength(0);
  });
});

/**
 * Eight members act at the same moment. Each gets their own card back at once. An answer does not
 * edit the shared message: an edit re-renders every member's card and wipes what they are typing.
 * A step of the group (the next question) does, twice for a burst (the first, then the newest
 * state), not once per press. The interval is widened so a slow machine's burst still falls inside it.
 */
describe('a burst of answers in a live group', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp({}, undefined, { sharedCardIntervalMs: 60_000 });
    g = new GroupDriver(t, t.conversation('groupChat'), EIGHT);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
  });
  afterAll(() => t.stop());

  const updates = () => t.connector.calls.filter((c) => c.method === 'PUT' && c.id === g.sessionMessageId);
  const pressAll = (verb: string, data: (m: (typeof EIGHT)[number]) => Record<string, unknown>) =>
    Promise.all(
      EIGHT.map(async (m) => {
        const activity = execute(g.conv, m, verb, { ...g.ids(), ...data(m) }, g.sessionMessageId);
        const res = await fetch(`${t.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
        return { status: res.status, body: (await res.json()) as { type?: string; value?: unknown } };
      }),
    );

  it('answers leave the shared message alone, so nobody loses what they are typing; each member gets their own card with every answer stored so far', async () => {
    const before = updates().length;
    const answers = await pressAll('session.contribute', (m) => ({ questionId: 1, text: `${m.name} in de drukte` }));
    expect(answers.filter((a) => a.status !== 200 || !isNormalCard(a.body))).toEqual([]);
    await t.app.sharedCards.idle();
    expect(updates().slice(before)).toEqual([]);
    // Each member's own card shows their answer, with those stored before it.
    answers.forEach((a, i) => expect(cardText(a.body.value)).toContain(`${EIGHT[i]!.name} in de drukte`));
    expect(await g.items('contribution')).toHaveLength(8);
  });

  it('a burst of "next question" updates the shared card twice, not once per press, and it ends on what is stored', async () => {
    const before = updates().length;
    const pressed = await pressAll('session.goto', () => ({ index: 1 }));
    expect(pressed.filter((a) => a.status !== 200 || !isNormalCard(a.body))).toEqual([]);
    await t.app.sharedCards.idle();
    expect(updates().slice(before)).toHaveLength(2);
    const shared = cardText(g.sharedCard());
    // Question 1, answered by all eight, is ticked; question 2 is the current one.
    expect(shared).toMatch(/✓ 1\./);
    expect(shared).toMatch(/▶ 2\./);
  });

  it('"Vernieuwen" on a member\'s own card shows the others\' latest answers and keeps what the member had typed, unsaved', async () => {
    const [anna, bram] = EIGHT;
    const own = await g.contribute(anna!, 2, 'Anna over de situatie');
    // Her own card offers the refresh, sending the inputs along, for the question she is on.
    const refresh = findAction(own.value, 'session.refresh');
    expect(refresh).toMatchObject({ associatedInputs: 'auto', data: { ...g.ids(), questionId: 2 } });
    await g.contribute(bram!, 2, 'Bram over de situatie');
    const before = updates().length;
    const fresh = await g.press(anna!, 'session.refresh', { ...refresh!.data, text: 'Half getypt, nog niet verstuurd' });
    expect(cardText(fresh.value)).toContain('Bram over de situatie');
    expect(findInput(fresh.value, 'text')?.value).toBe('Half getypt, nog niet verstuurd');
    expect(cardText(fresh.value)).not.toContain('Controleer wat je hebt ingevuld');
    expect((await g.items('contribution')).map((c) => c.text)).not.toContain('Half getypt, nog niet verstuurd');
    await t.app.sharedCards.idle();
    expect(updates().slice(before)).toEqual([]);
    // Unsaved means private: not on another member's own card, not on the shared card, not in the logs.
    const bramsView = await g.press(bram!, 'session.refresh', g.ids());
    expect(JSON.stringify(bramsView.value)).not.toContain('Half getypt');
    expect(JSON.stringify(g.sharedCard())).not.toContain('Half getypt');
    expect(t.logs.join('\n')).not.toContain('Half getypt');
    // A draft from a card that showed another question does not land in this question's input: it
    // comes back on its own question, with why it is not saved (stop 38: it was dropped).
    const elsewhere = await g.press(anna!, 'session.refresh', { ...g.ids(), questionId: 3, text: 'Voor een andere vraag' });
    expect(cardText(elsewhere.value)).toContain('Vraag 3 ·');
    expect(cardText(elsewhere.value)).not.toContain('Vraag 2 ·');
    expect(findInput(elsewhere.value, 'text')?.value).toBe('Voor een andere vraag');
    expect(cardText(elsewhere.value)).toContain('De groep ging intussen verder');
    // Teams' automatic refresh sends the card's refresh data only: the plain own view.
    const automatic = await g.press(anna!, 'session.refresh', g.ids());
    expect(cardText(automatic.value)).toContain('Bram over de situatie');
    expect(findInput(automatic.value, 'text')?.value).toBe('');
  });
});
