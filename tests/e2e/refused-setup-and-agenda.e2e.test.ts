import { field } from '../support/card-fields';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Adversarial probes of the group set-up and cycle agenda forms, in Dutch and English groups:
 * day lists with duplicates, unknown question numbers, empty days and letters; group names that
 * are blank, invisible or too long. A refusal keeps the inputs, says why next to the field in the
 * group's language, and stores nothing.
 */
describe('refused set-up and agenda forms', () => {
  let t: TestApp;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  let chat = 0;
  const newGroup = async (language: 'nl' | 'en') => {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:probe2-${++chat}@thread.v2`), [anna, bram, cem, dewi]);
    await g.setUp(language);
    await g.startCycle();
    return g;
  };
  const agendaOf = async (g: GroupDriver) => (await t.store.container('sessions').item(`${g.groupId}_w1`, g.groupId).read()).resource?.agenda;
  const saveAgenda = (g: GroupDriver, days: Record<string, string>) =>
    g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,2,3', day2: '4,5', day3: '6,7', day4: '8,9,10', ...days }, 'agenda-card');

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('guard: an empty day comes back at that day, the other days as chosen, the agenda unchanged', async () => {
    const g = await newGroup('nl');
    const before = await agendaOf(g);
    const res = await saveAgenda(g, { day2: '', day3: '4,5,6,7' });
    expect(field(res.value, 'day2')).toEqual({ value: '', next: 'Kies minstens één vraag voor deze dag.' });
    expect(field(res.value, 'day3')?.value).toBe('4,5,6,7');
    expect(await agendaOf(g)).toEqual(before);
  });

  it('guard: in an English group a question on two days comes back in English at the second day', async () => {
    const g = await newGroup('en');
    const before = await agendaOf(g);
    const res = await saveAgenda(g, { day1: '1,2,3', day2: '3,4,5' });
    expect(field(res.value, 'day2')).toEqual({ value: '3,4,5', next: 'Question 3 is already on another day.' });
    expect(cardText(res.value)).toContain('Not saved yet');
    expect(await agendaOf(g)).toEqual(before);
  });

  it('guard: a range typed as "1-3" (a client that sends typed text) is refused at that day, nothing stored', async () => {
    const g = await newGroup('nl');
    const before = await agendaOf(g);
    const res = await saveAgenda(g, { day1: '1-3' });
    expect(field(res.value, 'day1')?.value).toBe('1-3');
    expect(field(res.value, 'day1')?.next).toBeDefined();
    expect(await agendaOf(g)).toEqual(before);
  });

  it('attack: question 11 (the framework has ten) is refused as unknown at that day, not as "already on another day"', async () => {
    const g = await newGroup('nl');
    const before = await agendaOf(g);
    const res = await saveAgenda(g, { day4: '8,9,10,11' });
    expect(field(res.value, 'day4')).toEqual({ value: '8,9,10,11', next: 'Vraag 11 staat niet in het raamwerk: kies uit de vragen op deze kaart.' });
    expect(await agendaOf(g)).toEqual(before);
  });

  it('attack: a letter in a typed day list ("4,5,x") is refused at that day with the list kept, not silently dropped and saved', async () => {
    const g = await newGroup('en');
    const before = await agendaOf(g);
    const res = await saveAgenda(g, { day2: '4,5,x', day3: '6,7' });
    expect(field(res.value, 'day2')).toEqual({ value: '4,5,x', next: 'Only question numbers, separated by commas (such as 4,5).' });
    expect(await agendaOf(g)).toEqual(before);
  });

  it('guard: a group name of spaces comes back with the reason, in English for an English form, and nothing is stored', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:probe2-name-blank@thread.v2'), [anna, bram, cem, dewi]);
    t.connector.roster = [anna, bram, cem, dewi];
    const res = await g.press(anna, 'group.setup.save', { name: '   ', members: [anna, bram, cem, dewi].map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'en', weeks: '20' }, 'setup-card');
    expect(field(res.value, 'name')?.next).toBe('Give the group a name.');
    expect((await t.store.container('sessions').items.query("SELECT * FROM c WHERE c.type = 'group' AND c.name = '   '").fetchAll()).resources).toEqual([]);
  });

  it('attack: a group name of only invisible characters (zero-width spaces) is refused like an empty one, not stored as a blank name', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:probe2-name-invisible@thread.v2'), [anna, bram, cem, dewi]);
    t.connector.roster = [anna, bram, cem, dewi];
    const invisible = '\u200B\u200B\u200C';
    const res = await g.press(anna, 'group.setup.save', { name: invisible, members: [anna, bram, cem, dewi].map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20' }, 'setup-card');
    const stored = (await t.store.container('sessions').items.query({ query: "SELECT c.name FROM c WHERE c.type = 'group' AND c.name = @n", parameters: [{ name: '@n', value: invisible }] }).fetchAll()).resources;
    expect(stored).toEqual([]);
    expect(field(res.value, 'name')?.next).toBe('Geef de groep een naam.');
  });

  it('guard: a group name over 120 characters comes back whole with the limit and its length, the group unchanged', async () => {
    const g = await newGroup('nl');
    const long = 'Vitale Weekcyclus Zorg '.repeat(6);
    const res = await g.press(anna, 'group.setup.save', { name: long, members: [anna, bram, cem, dewi].map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20' }, 'setup-card');
    // Counted as it would be stored, without the space at its end, as the other text limits count (since stop 57).
    expect(field(res.value, 'name')).toEqual({ value: long, next: `Hoogstens 120 tekens; dit zijn er ${long.trim().length}.` });
    expect((await g.t.store.container('sessions').item(g.groupId, g.groupId).read()).resource.name).toBe('Team Zorg');
  });

  it('guard: a start time of "9.00" (Dutch style) comes back kept, the reason next to it in Dutch, the group unchanged', async () => {
    const g = await newGroup('nl');
    const res = await g.press(anna, 'group.setup.save', { name: 'Team Zorg', members: [anna, bram, cem, dewi].map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '9.00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20' }, 'setup-card');
    expect(field(res.value, 'startTime')).toEqual({ value: '9.00', next: 'Vul een tijd in, zoals 09:00.' });
    expect((await g.t.store.container('sessions').item(g.groupId, g.groupId).read()).resource.schedule.startTime).toBe('09:00');
  });

  it('attack: 0 weeks -> the form shows the 0 that was refused next to its reason, not the stored 20 (a second press would silently save 20)', async () => {
    const g = await newGroup('nl');
    const res = await g.press(anna, 'group.setup.save', { name: 'Team Zorg', members: [anna, bram, cem, dewi].map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '0' }, 'setup-card');
    expect(field(res.value, 'weeks')?.next).toBe('Kies 1 tot 52 weken.');
    expect(field(res.value, 'weeks')?.value).toBe(0);
    expect((await g.t.store.container('sessions').item(g.groupId, g.groupId).read()).resource.plannedWeeks).toBe(20);
  });
});
