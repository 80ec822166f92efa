/**
 * Found in review, stop 42. A day whose agenda holds one question (the group chooses its agenda
 * per day). Anna checks in at minute 0, and her card at once asks for her check-out ("Hoeveel
 * energie heb je nu, aan het eind?") with sixty minutes left: the check-out opened on the last
 * question, which is the first. The shared card also said the check-in's average appears "bij de
 * volgende vraag", a question that does not exist: the opening round closes with the session.
 *
 * What must hold (DOMAIN.md: a session opens with a check-in "and closes with the same"): on a day
 * of one question the check-out opens at the ten-minute warning, which then brings it to the
 * shared card; the card says the opening average appears when the session closes. Days of more
 * questions stay as they were (check-out on the last question; the average at the next question).
 */
import { TestUser, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram, cem, dewi] = ['Anna', 'Bram', 'Cem', 'Dewi'].map(user) as [TestUser, TestUser, TestUser, TestUser];
const ASKS_CHECK_OUT = 'Hoeveel energie heb je nu, aan het eind?';

describe('the energy rounds of a one-question session', () => {
  let t: TestApp;
  let n = 0;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  /** A fresh group whose day 1 holds `day1` and day 2 `day2` (question ids), its session open. */
  async function openDay(day1: string, day2: string) {
    t.clock.set('2026-11-23T08:00:00Z');
    const g = new GroupDriver(t, t.conversation('groupChat', `19:one-question-${n++}@thread.v2`), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1, day2, day3: '6,7', day4: '8,9,10' }, 'cycle-card');
    await g.startSession();
    return g;
  }

  it('asks for the check-out at the ten-minute warning, not in the first minute, and says the opening average comes at the close', async () => {
    const g = await openDay('1', '2,3,4,5');
    const view = cardText((await g.checkIn(anna, 4)).value);
    expect(view).toContain('Jouw energie bij de start: 4');
    expect({
      asksCheckOutAtMinuteZero: view.includes(ASKS_CHECK_OUT),
      promisesNextQuestion: view.includes('bij de volgende vraag'),
      saysWhenAverageAppears: view.includes('Het gemiddelde verschijnt als de sessie sluit, vanaf 3 antwoorden.'),
      minutesLeft: /Nog (\d+) minuten/.exec(view)?.[1],
    }).toEqual({ asksCheckOutAtMinuteZero: false, promisesNextQuestion: false, saysWhenAverageAppears: true, minutesLeft: '60' });
    // A check-out pressed before it opened (a forged or stale press) is refused, and nothing stored.
    expect(cardText((await g.checkIn(anna, 3, 'out')).value)).toContain('Uitchecken kan pas');
    expect((await g.items('checkIn')).filter((c) => c.phase === 'out')).toEqual([]);

    await t.app.sharedCards.idle();
    const before = t.connector.calls.length;
    t.clock.advanceMinutes(50);
    expect(await t.app.scheduler.runDue()).toBe(1);
    await t.app.sharedCards.idle();
    // The warning brings the check-out, so the shared card is edited to show it.
    expect(t.connector.calls.slice(before).some((c) => c.id === g.sessionMessageId)).toBe(true);
    const warned = cardText((await g.press(anna, 'session.refresh', g.ids())).value);
    expect(warned).toContain(ASKS_CHECK_OUT);
    expect(cardText((await g.checkIn(anna, 3, 'out')).value)).toContain('Jouw energie bij de afsluiting: 3');
    expect((await g.items('checkIn')).filter((c) => c.phase === 'out').map((c) => c.score)).toEqual([3]);
  });

  it('keeps a day of more questions as it was: the check-out on the last question, the average at the next', async () => {
    const g = await openDay('1,2', '3,4,5');
    const view = cardText((await g.checkIn(anna, 4)).value);
    expect(view).not.toContain(ASKS_CHECK_OUT);
    expect(view).toContain('Het gemiddelde verschijnt als de check-in sluit (bij de volgende vraag), vanaf 3 antwoorden.');
    expect(cardText((await g.goTo(anna, 1)).value)).toContain(ASKS_CHECK_OUT);
  });
});
