/**
 * Found in review of the energy check-in. Day 1 holds questions 1-3. The group reaches question 3:
 * check-out opens and every present member's card asks "Hoeveel energie heb je nu, aan het eind?".
 * Anna checks out. Cem picks 3, and while he does, Bram presses "Vorige vraag" to finish question
 * 2. Cem then presses "Uitchecken" on the card that offered it. It used to be refused (check-out
 * was decided from where the group stood now), nothing stored, and the answer was the bare error
 * card, which replaced Cem's own session card: his pick and his view of the session were gone.
 *
 * What must hold: a check-out that opened stays open for the rest of the session (the session
 * remembers it), so Cem's score is stored beside Anna's and he sees his session card; Bram's card
 * still asks for the check-out after going back. A check-out pressed before it ever opened is
 * refused with nothing stored, on the member's own session card, the score kept and the reason
 * beside it.
 */
import { TestUser } from '../support/activities';
import { field, inputValue } from '../support/card-fields';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
const ASKS_CHECK_OUT = 'Hoeveel energie heb je nu, aan het eind?';

async function dayOfThreeQuestions(t: TestApp, thread: string): Promise<GroupDriver> {
  const g = new GroupDriver(t, t.conversation('groupChat', thread), [anna, bram, cem, dewi]);
  await g.setUp();
  await g.startCycle();
  await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,2,3', day2: '4,5', day3: '6,7', day4: '8,9,10' }, 'cycle-card');
  await g.startSession();
  for (const [who, score] of [[anna, 2], [bram, 3], [cem, 5]] as const) await g.checkIn(who, score);
  return g;
}

describe('a check-out after another member went back a question', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('is stored beside the check-out given before, and the member keeps the session card', async () => {
    const g = await dayOfThreeQuestions(t, '19:checkout-after-back@thread.v2');
    await g.goTo(anna, 1);
    await g.goTo(anna, 2);
    // Cem's own card at the last question offers the check-out.
    expect(cardText((await g.press(cem, 'session.refresh', g.ids())).value)).toContain(ASKS_CHECK_OUT);
    await g.checkIn(anna, 4, 'out');
    // Bram goes back to finish question 2, while Cem picks his score.
    await g.goTo(bram, 1);
    expect((await g.session()).currentIndex).toBe(1);
    const res = await g.checkIn(cem, 3, 'out');
    const text = cardText(res.value);
    const stored = (await g.items('checkIn')).filter((c) => c.phase === 'out').map((c) => c.score).sort();
    expect({ stored, showsSession: text.includes('Team Zorg · week 1'), refused: text.includes('Uitchecken kan pas') }).toEqual({ stored: [3, 4], showsSession: true, refused: false });
    // Going back closed nothing: Bram's card still asks for his check-out.
    expect(cardText((await g.press(bram, 'session.refresh', g.ids())).value)).toContain(ASKS_CHECK_OUT);
  });

  it('pressed before check-out ever opened, is refused on the member\'s own session card with the score kept', async () => {
    const g = await dayOfThreeQuestions(t, '19:checkout-not-yet-open@thread.v2');
    await g.goTo(anna, 1);
    // Question 2 of 3: no card offers the check-out yet; a press from elsewhere (a crafted one) sends it.
    expect(cardText((await g.press(cem, 'session.refresh', g.ids())).value)).not.toContain(ASKS_CHECK_OUT);
    const res = await g.checkIn(cem, 3, 'out');
    const text = cardText(res.value);
    expect((await g.items('checkIn')).filter((c) => c.phase === 'out')).toEqual([]);
    expect({ showsSession: text.includes('Team Zorg · week 1'), energyOut: field(res.value, 'energyOut') }).toEqual({
      showsSession: true,
      energyOut: { value: '3', next: expect.stringContaining('Uitchecken kan pas bij de laatste vraag') },
    });
    expect(inputValue(res.value, 'energyOut')).toBe('3');
  });
});
