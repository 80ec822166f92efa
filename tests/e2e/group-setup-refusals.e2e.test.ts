/**
 * Scenario: a group fills in the setup form and something cannot be taken.
 * 1. A group that works in English (or sets itself up in English) types a start time that is no
 *    time: the form comes back in English, with the input kept and the English reason next to it.
 * 2. Teams cannot list the chat's members (answered 403: the SDK retries a 5xx for seconds first,
 *    and the app handles both the same) while the form adds Eva: the form
 *    comes back with the reason next to the members and the choice kept; nothing is saved, and
 *    Eva is never left out silently.
 */
import { user } from '../support/activities';
import { field } from '../support/card-fields';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

describe('the group setup form refuses in the group\'s language and drops nobody', () => {
  let t: TestApp;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  const eva = user('Eva');
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  const settings = (members: typeof anna[], extra: Record<string, unknown> = {}) => ({ name: 'Team Care', members: members.map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'en', weeks: '20', ...extra });
  const stored = async (g: GroupDriver) => (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource;

  it('gives an English group the English reason next to a start time that is no time, with the time kept', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:setup-english@thread.v2'), [anna, bram, cem, dewi]);
    await g.setUp('en');
    const res = await g.press(anna, 'group.setup.save', settings([anna, bram, cem, dewi], { startTime: '25:00' }), 'setup-card');
    expect(field(res.value, 'startTime')?.value).toBe('25:00');
    expect(cardText(res.value)).toContain('Start time');
    expect(field(res.value, 'startTime')?.next).toBe('Fill in a time, like 09:00.');
  });

  it('answers a first setup in English when the form chose English, before the group exists', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:setup-first-english@thread.v2'), [anna, bram, cem, dewi]);
    t.connector.roster = [anna, bram, cem, dewi];
    const res = await g.press(anna, 'group.setup.save', settings([anna, bram, cem, dewi], { startTime: '25:00' }), 'setup-card');
    expect(field(res.value, 'startTime')?.value).toBe('25:00');
    expect(cardText(res.value)).toContain('Start time');
    expect(field(res.value, 'startTime')?.next).toBe('Fill in a time, like 09:00.');
  });

  it.each([
    ['en', "The chat's members could not be fetched; please try again."],
    ['nl', 'De deelnemers van de chat konden niet worden opgehaald; probeer het opnieuw.'],
  ] as const)('refuses at the members, in %s, when Teams cannot list the chat while the form adds Eva', async (language, reason) => {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:roster-down-${language}@thread.v2`), [anna, bram, cem, dewi]);
    await g.setUp(language);
    t.connector.roster = [anna, bram, cem, dewi, eva];
    t.connector.faults = [(req) => (/members$/.test(req.path) ? { status: 403 } : undefined)];
    const submitted = settings([anna, bram, cem, dewi, eva], { language, name: 'Team Care renamed' });
    let res;
    try {
      res = await g.press(anna, 'group.setup.save', submitted, 'setup-card');
    } finally {
      t.connector.faults = [];
    }
    expect(field(res.value, 'members')?.next).toBe(reason);
    expect(field(res.value, 'members')?.value).toBe(submitted.members);
    const group = await stored(g);
    expect(group.members.map((m: { id: string }) => m.id)).toEqual([anna, bram, cem, dewi].map((m) => m.aadObjectId));
    expect(group.name).not.toBe('Team Care renamed');
  });

  it('takes Eva once Teams lists the chat again', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:roster-back@thread.v2'), [anna, bram, cem, dewi]);
    await g.setUp('en');
    t.connector.roster = [anna, bram, cem, dewi, eva];
    await g.press(anna, 'group.setup.save', settings([anna, bram, cem, dewi, eva]), 'setup-card');
    expect((await stored(g)).members.map((m: { id: string }) => m.id)).toContain(eva.aadObjectId);
  });
});
