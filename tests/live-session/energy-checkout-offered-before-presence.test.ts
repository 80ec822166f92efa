/**
 * Found in review of the energy check-in and presence. Eva listens without pressing anything
 * during questions 1 and 2 (a silent listener: she has not said she is there). At the last
 * question the present members' cards ask for the check-out, but Eva's offered only "Ik ben
 * erbij": the card hid the closing check-in until she had confirmed presence, although checking
 * out itself says she is there (DOMAIN.md: "Presence is the member's: checking in (or 'ik ben
 * erbij') marks it"), as the opening check-in is offered beside "Ik ben erbij".
 *
 * What must hold: at the last question, a member who has not confirmed presence is asked for the
 * check-out with "Ik ben erbij" beside it (once); checking out stores her score and marks her
 * present, and her card then shows her own score, with no button left to press.
 */
import { TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram, cem, dewi, eva] = MEMBERS as [TestUser, TestUser, TestUser, TestUser, TestUser];
const ASKS_CHECK_OUT = 'Hoeveel energie heb je nu, aan het eind?';

/** The titles of a card's buttons, once each as a member sees them. */
function buttonTitles(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Action.') && typeof o.title === 'string') out.push(o.title);
    for (const [key, value] of Object.entries(o)) if (key !== 'fallback') walk(value);
  };
  walk(card);
  return out;
}

describe('the check-out of a member who has not said she is there', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('is offered at the last question beside "Ik ben erbij", and checking out marks her present', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:checkout-before-presence@thread.v2'), [anna, bram, cem, dewi, eva]);
    await g.setUp();
    await g.startCycle();
    await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,2,3', day2: '4,5', day3: '6,7', day4: '8,9,10' }, 'cycle-card');
    await g.startSession();
    for (const [who, score] of [[anna, 2], [bram, 3], [cem, 5]] as const) await g.checkIn(who, score);
    await g.goTo(anna, 1);
    await g.goTo(anna, 2);
    const annas = cardText((await g.press(anna, 'session.refresh', g.ids())).value);
    const evasCard = (await g.press(eva, 'session.refresh', g.ids())).value;
    const evas = cardText(evasCard);
    expect(annas).toContain(ASKS_CHECK_OUT);
    const buttons = buttonTitles(evasCard);
    expect({ asked: evas.includes(ASKS_CHECK_OUT), checkOutButtons: buttons.filter((b) => b === 'Uitchecken').length, presentButtons: buttons.filter((b) => b === 'Ik ben erbij').length }).toEqual({ asked: true, checkOutButtons: 1, presentButtons: 1 });

    const after = cardText((await g.checkIn(eva, 4, 'out')).value);
    const outs = (await g.items('checkIn')).filter((c) => c.phase === 'out' && c.memberId === eva.aadObjectId).map((c) => c.score);
    expect({ outs, yours: after.includes('Jouw energie bij de afsluiting: 4'), stillOffered: after.includes('Ik ben erbij') || after.includes(ASKS_CHECK_OUT) }).toEqual({ outs: [4], yours: true, stillOffered: false });
  });
});
