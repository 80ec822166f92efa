// Found in review, stop 62 (fixed then: a setup save that changes the start time, time zone, days or planned weeks queues one message to the group's chat, keyed by the save).
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A plan change by one member is visible to the group. A skip or a move is told in the chat
 * through the outbox ("Anna heeft week 2 verplaatst ..."). Bram moving the group's start time from
 * 09:00 to 13:00 and its days to Tuesday-Friday in the setup form changes every session ahead just
 * as much; the other members hear it in the chat, not only Bram in his invoke answer (an
 * Action.Execute answer without `shared` replaces the card for the presser only, see
 * card-actions.ts `deliver`). Who changed what, as it is now; once per save, also when Teams
 * delivers the save again; nothing for a save that changes none of these. Set up Thu 19 Nov 2026.
 */
describe('a settings change by one member is told in the chat', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0]];

  async function start(language: 'nl' | 'en' = 'nl') {
    t = await startTestApp({}, '2026-11-19T12:00:00Z', { proxy: true });
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp(language);
    await t.app.outbox.drain(30_000);
  }
  afterEach(() => t.stop());

  /** The texts the app posted in the group's chat since call `from`. */
  const textsSince = (from: number): string[] =>
    t.connector.calls
      .slice(from)
      .filter((c) => c.conversationId === g.conv.id && typeof c.activity?.text === 'string')
      .map((c) => c.activity.text as string);

  const save = (form: Partial<Record<'name' | 'days' | 'startTime' | 'timeZone' | 'language' | 'weeks', string>>, id: string) =>
    g.press(bram, 'group.setup.save', { name: 'Team Zorg', members: g.members.map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20', ...form }, 'setup-card', id);

  it('control: Anna moving week 2 is told in the chat', async () => {
    await start();
    const before = t.connector.calls.length;
    await g.press(anna, 'rhythm.move', { groupId: g.groupId, week: 2, from: '2026-11-30', start: '2026-12-01' }, 'cycle-card', 'act-move');
    await t.app.outbox.drain(30_000);
    expect(textsSince(before).filter((s) => /verplaatst/.test(s))).toHaveLength(1);
  });

  it('Bram moves the start time to 13:00 and the days to Tue-Fri: the chat hears it once, also when Teams delivers the save again', async () => {
    await start();
    const before = t.connector.calls.length;
    const answer = await save({ days: '2,3,4,5', startTime: '13:00' }, 'act-save');
    // Bram's own answer shows the new time (the save went through).
    expect(JSON.stringify(answer.value)).toContain('13:00');
    await save({ days: '2,3,4,5', startTime: '13:00' }, 'act-save');
    await t.app.outbox.drain(30_000);
    expect(textsSince(before)).toEqual(['Bram heeft de instellingen van de groep gewijzigd: begintijd nu 13:00; sessiedagen nu dinsdag, woensdag, donderdag en vrijdag.']);
  });

  it('the planned weeks and the time zone, in an English group: told in English', async () => {
    await start('en');
    const before = t.connector.calls.length;
    await save({ weeks: '24', timeZone: 'Europe/London', language: 'en' }, 'act-save-en');
    await t.app.outbox.drain(30_000);
    expect(textsSince(before)).toEqual(["Bram changed the group's settings: time zone now Europe/London; now 24 active weeks."]);
  });

  it('a save that changes none of them (the same form, or only the name) tells the chat nothing', async () => {
    await start();
    const before = t.connector.calls.length;
    await save({}, 'act-same');
    await save({ name: 'Team Zorg Noord' }, 'act-name');
    await t.app.outbox.drain(30_000);
    expect(textsSince(before)).toEqual([]);
  });

  it('the message costs the save one request: its outbox write (none on a save that tells nothing)', async () => {
    await start();
    // The save's own requests: the outbox sender's reads and updates run beside it, off the click.
    const clickPath = () => t.proxy!.seen.filter((r) => r.kind !== 'metadata' && (r.container !== 'outbox' || r.kind === 'create')).map((r) => `${r.kind} ${r.container}`);
    t.proxy!.reset();
    await save({ name: 'Team Zorg Noord' }, 'act-name-only');
    const silent = clickPath();
    t.proxy!.reset();
    await save({ name: 'Team Zorg Noord', startTime: '10:00' }, 'act-10');
    const told = clickPath();
    // The rest of the save is as before (35 requests for this start-time save in the embedded store, 36 with the message).
    expect({ told: told.filter((r) => r === 'create outbox').length, silent: silent.filter((r) => r === 'create outbox').length }).toEqual({ told: 1, silent: 0 });
  });
});
