/**
 * Scenario: Anna and Bram both have the week's agenda card open (the same agenda) and each saves
 * a different choice of questions per day, one after the other or at the same moment.
 * Guarantees: never both told "saved" while only one agenda is stored. The save from a card that
 * showed an agenda someone else has since replaced is refused: the agenda form comes back with the
 * presser's choice kept, the reason next to day 1 and the agenda stored now; saving again from it
 * then stores theirs. Two saves of the same choice are both fine.
 */
import { TestUser } from '../support/activities';
import { buttonData, field, inputValues } from '../support/card-fields';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
const ANNA = { day1: '1,2,3,4,5,6,7', day2: '8', day3: '9', day4: '10' };
const BRAM = { day1: '1,2', day2: '3,4,5', day3: '6,7', day4: '8,9,10' };
const CHANGED = /intussen/i;

describe('agenda saves from one agenda card', () => {
  let t: TestApp;
  let chat = 0;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  async function week() {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:agenda-race-${++chat}@thread.v2`), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    const cycleId = `${g.groupId}_w1`;
    const card = (await g.press(anna, 'cycle.agenda.open', { groupId: g.groupId, cycleId }, 'cycle-card')).value;
    const save = buttonData(card, 'cycle.agenda.save');
    const day1 = async () => ((await t.store.container('sessions').item(cycleId, g.groupId).read()).resource.agenda[0].questionIds as number[]).join(',');
    return { g, save, day1 };
  }

  it('refuses the later of two different agendas: choice kept, reason at day 1, the stored agenda shown; saving again stores it', async () => {
    const { g, save, day1 } = await week();
    const a = await g.press(anna, 'cycle.agenda.save', { ...save, ...ANNA }, 'cycle-card');
    const b = await g.press(bram, 'cycle.agenda.save', { ...save, ...BRAM }, 'cycle-card');
    expect(cardText(a.value)).not.toMatch(CHANGED);
    expect(field(b.value, 'day1')).toEqual({ value: BRAM.day1, next: expect.stringMatching(CHANGED) });
    expect(inputValues(b.value)).toMatchObject(BRAM);
    expect(cardText(b.value)).toContain('Nu bewaard');
    expect(await day1()).toBe(ANNA.day1);
    const again = await g.press(bram, 'cycle.agenda.save', { ...buttonData(b.value, 'cycle.agenda.save'), ...inputValues(b.value) }, 'cycle-card');
    expect(cardText(again.value)).not.toMatch(CHANGED);
    expect(await day1()).toBe(BRAM.day1);
  });

  it('at the same moment: one saved, the other refused, and the stored agenda is the saved one', async () => {
    const { g, save, day1 } = await week();
    const [a, b] = await Promise.all([g.press(anna, 'cycle.agenda.save', { ...save, ...ANNA }, 'cycle-card'), g.press(bram, 'cycle.agenda.save', { ...save, ...BRAM }, 'cycle-card')]);
    const refused = [a, b].map((r) => CHANGED.test(cardText(r.value)));
    expect(refused.filter(Boolean)).toHaveLength(1);
    expect(await day1()).toBe(refused[0] ? BRAM.day1 : ANNA.day1);
  });

  it('takes the same choice saved twice from one card without a refusal', async () => {
    const { g, save, day1 } = await week();
    const a = await g.press(anna, 'cycle.agenda.save', { ...save, ...ANNA }, 'cycle-card');
    const b = await g.press(bram, 'cycle.agenda.save', { ...save, ...ANNA }, 'cycle-card');
    expect([a, b].map((r) => CHANGED.test(cardText(r.value)))).toEqual([false, false]);
    expect(await day1()).toBe(ANNA.day1);
  });
});
