import { execute } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { EIGHT, isNormalCard, postStraight, refusedAsClosed, startTwoInstances, stopEach } from './support';

/**
 * A guard (held when written, in review of stop 61: the second two-instance review). Two instances of the app on one store serve one
 * live group: Teams sends each press to either, a redelivery may land on the other, and both
 * instances' schedulers run the session's time box. README ("Energy check-ins", the live session):
 * an answer is either stored and the group's (in the summary) or refused with nothing stored; the
 * time box closes once with one summary; a check-in counts once and a round's average is
 * published once and never changes.
 */
describe('two instances: the time box closes while members answer, and energy rounds', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => { [a, b] = await startTwoInstances(); }, 60_000);
  afterAll(() => stopEach(b, a));

  const calls = () => [...a.connector.calls, ...b.connector.calls];
  const summariesIn = (conversationId: string) =>
    calls()
      .filter((c) => c.method === 'POST' && c.conversationId === conversationId && cardText(c.activity.attachments?.[0]?.content ?? {}).includes('Samenvatting'))
      .map((c) => cardText(c.activity.attachments[0].content));
  const settle = async () => {
    await Promise.all([a.app.background.idle(), b.app.background.idle()]);
    await Promise.all([a.app.outbox.drain(30_000), b.app.outbox.drain(30_000)]);
    await Promise.all([a.app.sharedCards.idle(), b.app.sharedCards.idle()]);
  };

  it('both schedulers close the session at its time box while three members answer on either instance: one close, one summary, every answer told "saved" is in it', async () => {
    const g = new GroupDriver(a, a.conversation('groupChat', '19:probe61b-timebox@thread.v2'), EIGHT.slice(0, 4));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(EIGHT[0]!, 1, 'ANNA: vooraf');
    // The warning, at 50 minutes, on both instances at once: said once.
    a.clock.advanceMinutes(50);
    b.clock.advanceMinutes(50);
    await Promise.all([a.app.scheduler.runDue(), b.app.scheduler.runDue()]);
    await settle();
    a.clock.advanceMinutes(10);
    b.clock.advanceMinutes(10);

    const texts = ['BRAM: op de rand', 'CEM: op de rand', 'DEWI: op de rand'];
    const presses = texts.map((text, i) => {
      const activity = execute(g.conv, EIGHT[i + 1]!, 'session.contribute', { ...g.ids(), questionId: 1, text }, g.sessionMessageId);
      // Each press delivered to both instances (a redelivery landing on the other one).
      return Promise.all([postStraight(i % 2 ? a : b, activity), postStraight(i % 2 ? b : a, activity)]);
    });
    const [answers] = await Promise.all([Promise.all(presses), a.app.scheduler.runDue(), b.app.scheduler.runDue()]);
    await settle();

    const session = await g.session();
    expect(session.status).toBe('closed');
    const summaries = summariesIn(g.conv.id);
    expect(summaries).toHaveLength(1);
    const stored = (await g.items('contribution')).map((c) => c.text as string);
    const told = texts.map((text, i) => ({ text, saved: answers[i]!.some((r) => isNormalCard(r.body)), refused: answers[i]!.every((r) => refusedAsClosed(r.body) || !isNormalCard(r.body)) }));
    const lies = told.filter((x) => (x.saved && !summaries[0]!.includes(x.text)) || (!x.saved && stored.includes(x.text)));
    expect(lies).toEqual([]);
    // One warning, and nothing posted twice in the group's chat.
    expect(calls().filter((c) => c.method === 'POST' && c.conversationId === g.conv.id && String(c.activity.text ?? '').startsWith('Nog 10 minuten')).length).toBe(1);
    expect([...a.logs, ...b.logs].join('\n')).not.toContain('card action failed');
  }, 90_000);

  it('check-ins delivered to both instances and two "Volgende" presses on both at once: each check-in counted once, the average published once', async () => {
    const g = new GroupDriver(a, a.conversation('groupChat', '19:probe61b-energy@thread.v2'), EIGHT.slice(0, 4));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    const scores = [2, 3, 4, 5];
    const checkIns = EIGHT.slice(0, 4).map((m, i) => {
      const activity = execute(g.conv, m, 'session.energy', { ...g.ids(), phase: 'in', energyIn: String(scores[i]) }, g.sessionMessageId);
      return Promise.all([postStraight(a, activity), postStraight(b, activity)]);
    });
    const answered = (await Promise.all(checkIns)).flat();
    expect(answered.filter((r) => !isNormalCard(r.body)).map((r) => cardText(r.body?.value).slice(0, 120))).toEqual([]);
    expect((await g.items('checkIn')).length).toBe(4);

    const steps = await Promise.all([
      postStraight(a, execute(g.conv, EIGHT[0]!, 'session.goto', { ...g.ids(), index: 1, from: 0 }, g.sessionMessageId)),
      postStraight(b, execute(g.conv, EIGHT[1]!, 'session.goto', { ...g.ids(), index: 1, from: 0 }, g.sessionMessageId)),
    ]);
    expect(steps.every((s) => isNormalCard(s.body))).toBe(true);
    await settle();
    const session = await g.session();
    expect(session.currentIndex).toBe(1);
    expect(session.energy.in.closedAt).toBeDefined();
    // 3.5 from four answers: published once, with all four counted.
    expect({ average: session.energy.in.average, answers: session.energy.in.answers, counted: (session.energy.in.counted ?? []).length }).toEqual({ average: 3.5, answers: 4, counted: 4 });
    expect([...a.logs, ...b.logs].join('\n')).not.toContain('card action failed');
  }, 90_000);
});
