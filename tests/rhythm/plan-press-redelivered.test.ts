import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Plan presses Teams delivers again, and refused plan forms in the group's language. A skip
 * delivered again after another member moved the week back skipped it a second time (the change's
 * key was new on every run); it carries Teams' activity id now, and the plan keeps its latest
 * changes' keys. Found in review, stop 36 (the English form: a guard from that review).
 */
describe('redelivered plan presses and refused plan forms', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0]];
  const plan = async () => (await t.store.container('sessions').item(`${g.groupId}_plan`, g.groupId).read()).resource as { weeks: { week: number; dates: string[] }[]; skipped: string[] };
  const chatTexts = (from: number) => t.connector.calls.slice(from).filter((c) => c.conversationId === g.conv.id && typeof c.activity.text === 'string').map((c) => c.activity.text as string);

  afterEach(() => t.stop());

  it('Anna\'s skip of week 2, delivered again after Bram moved week 2 back: skips nothing a second time', async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
    const skip = { groupId: g.groupId, week: 2, from: '2026-11-30' };
    await g.press(anna, 'rhythm.skip', skip, 'cycle-card', 'activity-skip-1');
    expect((await plan()).weeks[1]!.dates[0]).toBe('2026-12-07');
    await g.press(bram, 'rhythm.move', { groupId: g.groupId, week: 2, from: '2026-12-07', start: '2026-11-30' }, 'cycle-card');
    expect((await plan()).weeks[1]!.dates[0]).toBe('2026-11-30');
    await t.app.outbox.drain(30_000);
    const before = t.connector.calls.length;
    await g.press(anna, 'rhythm.skip', skip, 'cycle-card', 'activity-skip-1'); // the same activity, again
    await t.app.outbox.drain(30_000);
    expect({ week2: (await plan()).weeks[1]!.dates[0], told: chatTexts(before) }).toEqual({ week2: '2026-11-30', told: [] });
  });

  it('guard: an English group\'s refused move comes back as the form, with the date and the reason in English', async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp('en');
    const refused = await g.press(anna, 'rhythm.move', { groupId: g.groupId, week: 2, from: '2026-11-30', start: '2026-12-05' }, 'cycle-card');
    const start = (refused.value.body as { id?: string; value?: string }[]).find((e) => e.id === 'start');
    expect(start?.value).toBe('2026-12-05');
    expect(cardText(refused.value)).toMatch(/four session days|weekend/i);
    expect(cardText(refused.value)).not.toMatch(/sessiedagen|Kies een andere dag/);
  });
});
