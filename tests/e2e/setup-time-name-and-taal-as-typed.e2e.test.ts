/**
 * Found in review, stop 55 (fixed then: "09:30 pm" / "12:15 am" were stored as 09:30 and 12:15,
 * now read as 21:30 / 00:15 by readStartTime; a group name kept a pasted tab and a right-to-left
 * override, now singleLineText makes the tab a space and drops bidi controls).
 * The group settings card's start time as Dutch and English people type it when a client shows
 * Input.Time as a text box (or the Submit fallback), its name field with invisible-only input or
 * pasted tabs and direction overrides, and the `taal` command's spellings. A refused form comes
 * back with the inputs kept and the reason next to the field in the group's language, nothing
 * stored; an accepted input is stored as the person meant it.
 */
import { message, TestUser } from '../support/activities';
import { field } from '../support/card-fields';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

describe('setup start time, name and taal as people type them', () => {
  let t: TestApp;
  const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  const settings = (extra: Record<string, unknown> = {}) => ({ name: 'Team Zorg', members: [anna, bram, cem, dewi].map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20', ...extra });
  const stored = async (g: GroupDriver) => (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource;
  let n = 0;
  const group = async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:setup-as-typed-${++n}@thread.v2`), [anna, bram, cem, dewi]);
    await g.setUp('nl');
    return g;
  };

  it.each(['9.00', '9u', 'half tien', '9:00'])('start time %p: refused next to the time in Dutch, kept, nothing stored', async (typed) => {
    const g = await group();
    const res = await g.press(anna, 'group.setup.save', settings({ startTime: typed, name: 'Team Zorg nieuw' }), 'setup-card');
    expect(field(res.value, 'startTime')?.value).toBe(typed);
    expect(field(res.value, 'startTime')?.next).toMatch(/tijd/i);
    const s = await stored(g);
    expect(s.schedule.startTime).toBe('09:00');
    expect(s.name).toBe('Team Zorg');
  });

  it('start time "10:30 uur" is stored as 10:30', async () => {
    const g = await group();
    await g.press(anna, 'group.setup.save', settings({ startTime: '10:30 uur' }), 'setup-card');
    expect((await stored(g)).schedule.startTime).toBe('10:30');
  });

  it.each([
    ['09:30 pm', '21:30'],
    ['12:15 am', '00:15'],
    ['12:00 PM', '12:00'],
    ['07:45 a.m.', '07:45'],
  ])('start time %p (English, am/pm) is stored as %p, never as the 24-hour reading', async (typed, meant) => {
    const g = await group();
    await g.press(anna, 'group.setup.save', settings({ startTime: typed }), 'setup-card');
    expect((await stored(g)).schedule.startTime).toBe(meant);
  });

  it.each(['13:00 pm', '00:30 am'])('start time %p (no clock reads so): refused next to the time, kept, nothing stored', async (typed) => {
    const g = await group();
    const res = await g.press(anna, 'group.setup.save', settings({ startTime: typed, name: 'Team Zorg nieuw' }), 'setup-card');
    expect(field(res.value, 'startTime')?.value).toBe(typed);
    expect(field(res.value, 'startTime')?.next).toMatch(/tijd/i);
    const s = await stored(g);
    expect(s.schedule.startTime).toBe('09:00');
    expect(s.name).toBe('Team Zorg');
  });

  it('a name of zero-width and RTL marks only is refused next to the name, kept, nothing stored', async () => {
    const g = await group();
    const typed = '\u200B\u200F\u202E \u2060';
    const res = await g.press(anna, 'group.setup.save', settings({ name: typed }), 'setup-card');
    expect(field(res.value, 'name')?.next).toBeTruthy();
    expect((await stored(g)).name).toBe('Team Zorg');
  });

  it('a name with a pasted tab and a right-to-left override inside is stored without them (they space and reorder what others see)', async () => {
    const g = await group();
    await g.press(anna, 'group.setup.save', settings({ name: 'Team\tZorg \u202Egroen' }), 'setup-card');
    const name: string = (await stored(g)).name;
    expect(name).not.toMatch(/[\t\u202A-\u202E\u2066-\u2069]/);
    expect(name).toBe('Team Zorg groen');
  });

  it('a name of a line break, a tab and direction isolates only is refused next to the name, nothing stored', async () => {
    const g = await group();
    const res = await g.press(anna, 'group.setup.save', settings({ name: '\u2066\n\t\u2069\u202A' }), 'setup-card');
    expect(field(res.value, 'name')?.next).toBeTruthy();
    expect((await stored(g)).name).toBe('Team Zorg');
  });

  it.each([
    ['taal EN', 'en'],
    // Stop 56: the language's name is understood too.
    ['taal Engels', 'en'],
    ['taal english', 'en'],
    ['taal Duits', 'nl'],
  ] as const)('%p in a Dutch group leaves the group in %p and answers', async (typed, after) => {
    const g = await group();
    const before = t.connector.texts().length;
    expect((await t.send(message(g.conv, cem, typed))).status).toBe(200);
    expect((await stored(g)).language).toBe(after);
    const said = t.connector.texts().slice(before).join('\n');
    if (after === 'nl') expect(said).toContain("taal en");
  });
});
