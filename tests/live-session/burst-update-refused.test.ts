import { execute, submit } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { EIGHT, ERROR_TITLE, exportOf, isNormalCard, postStraight } from './support';

/**
 * Found in review, stop 49: Teams refuses every update of the session card for good: 403 (the bot
 * was removed from the chat) or 404 (the message was deleted). The presser is still answered, what
 * they sent is stored once, and the time box's jobs still finish.
 */
describe.each([
  [403, 'BotNotInConversationRoster'],
  [404, 'ActivityNotFoundInConversation'],
])('card updates refused with %i', (status, code) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('a burst of answers and steps is answered and stored; the warning and the close jobs finish', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:refused-${status}@thread.v2`), EIGHT);
    await g.setUp();
    await g.startCycle();
    await g.press(EIGHT[0]!, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,2,3,4,5,6,7', day2: '8', day3: '9', day4: '10' }, 'cycle-card');
    await g.startSession();
    let refused = 0;
    t.connector.faults.push((req) => (req.method === 'PUT' && req.path.endsWith(`/activities/${g.sessionMessageId}`) ? (refused++, { status, code }) : undefined));

    const answers = await Promise.all(
      EIGHT.map((m, i) => {
        const data = { ...g.ids(), questionId: 1, text: `${m.name} ondanks ${status}` };
        return postStraight(t, i % 2 ? execute(g.conv, m, 'session.contribute', data, g.sessionMessageId) : submit(g.conv, m, { verb: 'session.contribute', ...data }, g.sessionMessageId));
      }),
    );
    expect(answers.map((r) => r.status)).toEqual(EIGHT.map(() => 200));
    answers.forEach((r, i) => i % 2 && expect(isNormalCard(r.body)).toBe(true));
    const step = await postStraight(t, execute(g.conv, EIGHT[0]!, 'session.goto', { ...g.ids(), index: 1 }, g.sessionMessageId));
    expect(isNormalCard(step.body)).toBe(true);
    expect(cardText(step.body.value).split('\n').find((l) => l.startsWith('▶'))).toContain('2.');
    await t.app.sharedCards.idle();
    expect(refused).toBeGreaterThan(0);
    expect((await g.session()).currentIndex).toBe(1);
    for (const m of EIGHT) expect((await exportOf(t, m)).contributions.map((c) => c.text)).toEqual([`${m.name} ondanks ${status}`]);

    // The warning (it edits the card: the check-out comes) and the close run once and finish.
    t.clock.advanceMinutes(50);
    await t.app.scheduler.runDue();
    t.clock.advanceMinutes(11);
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(30_000);
    await t.app.sharedCards.idle();
    t.clock.advanceMinutes(5);
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(30_000);
    expect((await g.session()).status).toBe('closed');
    expect(t.connector.texts().filter((x) => x.startsWith('Nog 10 minuten'))).toHaveLength(1);
    const privateErrors = t.connector.calls.filter((c) => c.conversationId.startsWith('a:') && JSON.stringify(c.activity).includes(ERROR_TITLE));
    expect(privateErrors).toEqual([]);
    expect(t.logs.join('\n')).not.toContain('card action failed');
    expect(t.logs.join('\n')).not.toMatch(/"level":50/);
  });
});
