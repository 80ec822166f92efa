import { field } from '../support/card-fields';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Day lists as a client that sends typed text could send them: spacing and leading zeros are
 * read as the numbers; anything else, a number the framework lacks and a number twice on one day
 * are refused at that day with the list kept and nothing stored.
 */
describe('agenda day lists', () => {
  let t: TestApp;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  let chat = 0;
  const newGroup = async (language: 'nl' | 'en') => {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:agenda-lists-${++chat}@thread.v2`), [anna, bram, cem, dewi]);
    await g.setUp(language);
    await g.startCycle();
    return g;
  };
  const agendaOf = async (g: GroupDriver) => (await t.store.container('sessions').item(`${g.groupId}_w1`, g.groupId).read()).resource?.agenda;
  const saveAgenda = (g: GroupDriver, days: Record<string, string>) =>
    g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,2,3', day2: '4,5', day3: '6,7', day4: '8,9,10', ...days }, 'agenda-card');

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 120_000);
  afterAll(() => t.stop());

  it('guard: whitespace, leading zeros and an empty slot between commas are taken as the numbers', async () => {
    const g = await newGroup('nl');
    await saveAgenda(g, { day1: ' 01 , 2,, 3 ', day2: '\t4,5\n' });
    expect((await agendaOf(g)).slice(0, 2)).toEqual([{ day: 1, questionIds: [1, 2, 3] }, { day: 2, questionIds: [4, 5] }]);
  });

  it.each([
    ['Arabic-Indic digits', '٤,٥'],
    ['full-width digits', '４,５'],
    ['a plus sign', '+4,5'],
    ['a huge number', '4,99999999999999999999999'],
    ['a decimal', '4.0,5'],
    ['a negative', '-4,5'],
  ])('attack: %s is refused at that day with the list kept, nothing stored', async (_n, day2) => {
    const g = await newGroup('nl');
    const before = await agendaOf(g);
    const res = await saveAgenda(g, { day2, day3: '6,7' });
    expect(field(res.value, 'day2')).toEqual({ value: day2, next: "Alleen vraagnummers, gescheiden door komma's (zoals 4,5)." });
    expect(await agendaOf(g)).toEqual(before);
  });

  it('attack: question 0 and question 9999 are refused as not in the framework', async () => {
    const g = await newGroup('en');
    const res0 = await saveAgenda(g, { day1: '0,1,2,3' });
    expect(field(res0.value, 'day1')?.next).toBe('Question 0 is not in the framework: choose from the questions on this card.');
    const res9 = await saveAgenda(g, { day4: '8,9,10,9999' });
    expect(field(res9.value, 'day4')?.next).toBe('Question 9999 is not in the framework: choose from the questions on this card.');
  });

  it('attack: the same number twice on one day is not told "already on another day"', async () => {
    const g = await newGroup('nl');
    const before = await agendaOf(g);
    const res = await saveAgenda(g, { day2: '4,4,5' });
    expect(field(res.value, 'day2')?.value).toBe('4,4,5');
    expect(field(res.value, 'day2')?.next).toBe('Vraag 4 staat twee keer op deze dag.');
    expect(cardText(res.value)).toContain('Nog niet bewaard');
    expect(await agendaOf(g)).toEqual(before);
  });
});
