/**
 * Found in review, stop 49: the rhythm's plan card (pick a week) and move form (pick a start date)
 * under hostile input, in an English group. The promise: a refused date comes back in the form with
 * the reason next to the field, in the group's language; nothing stored; never a dead end.
 */
import { TestUser } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];

/** The move form's date input and the text right after it. */
function startField(card: any): { value: unknown; next?: string } | undefined {
  const i = card.body.findIndex((e: any) => e.id === 'start');
  return i < 0 ? undefined : { value: card.body[i].value, next: card.body[i + 1]?.type === 'TextBlock' ? card.body[i + 1].text : undefined };
}

describe('the plan and move-week forms under hostile input (English group)', () => {
  let t: TestApp;
  let g: GroupDriver;
  let move: Record<string, unknown>;
  const plan = async () => JSON.stringify((await t.store.container('sessions').items.query("SELECT c.weeks, c.skipped FROM c WHERE c.type = 'plan'").fetchAll()).resources);

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem]);
    await g.setUp('en');
    await g.startCycle();
    const ask = await g.press(anna, 'rhythm.move.ask', { groupId: g.groupId, week: '3' }, 'cycle-card');
    expect(cardText(ask.value)).toMatch(/Move week 3/i);
    move = ask.value.actions.find((a: any) => a.verb === 'rhythm.move').data;
  });
  afterAll(() => t.stop());

  it.each([
    ['a date that does not exist', '2026-02-30'],
    ['a word instead of a date', 'tomorrow'],
    ['only spaces', '   '],
    ['a date in the past', '2026-11-02'],
  ])('%s comes back in the move form with an English reason next to the date; nothing stored', async (_name, start) => {
    const before = await plan();
    const res = await g.press(bram, 'rhythm.move', { ...move, start }, 'cycle-card');
    expect(cardProblems(res.value)).toEqual([]);
    const f = startField(res.value);
    expect(f).toBeDefined();
    expect(f!.next).toBeDefined();
    expect(f!.next).not.toMatch(/\b(de|het|een|niet|datum)\b/);
    expect(await plan()).toBe(before);
  });

  it('a date over the payload\'s length bound (no date input sends one) is refused in English; nothing stored', async () => {
    const before = await plan();
    const start = '2026-12-14 (the Monday after the Christmas market, ok?)';
    const res = await g.press(bram, 'rhythm.move', { ...move, start }, 'cycle-card');
    expect(await plan()).toBe(before);
    expect(cardText(res.value)).toContain("That didn't work");
  });

  it('a week the plan card did not offer (already started, or beyond the plan): the plan with why, or an English error card that says how to get a fresh one', async () => {
    const before = await plan();
    const started = await g.press(bram, 'rhythm.move.ask', { groupId: g.groupId, week: '1' }, 'cycle-card');
    expect(cardText(started.value)).toContain('Week 1');
    const beyond = await g.press(bram, 'rhythm.move.ask', { groupId: g.groupId, week: '99' }, 'cycle-card');
    expect(cardText(beyond.value)).toContain("Ask for a fresh card with 'status'");
    expect(await plan()).toBe(before);
  });
});
