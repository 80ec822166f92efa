// Found in review, stop 62 (fixed then: the settings-changed message is keyed by the group's revision the save wrote, not by the press and its values).
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { cosmosGate, replaceOf } from '../support/cosmos-gate';
import { startTestApp, TestApp } from '../support/test-app';
import { textsSince } from './support';

/**
 * The chat hears who changed the rhythm, as it is now. The last such message in the chat must
 * never name a start time that is not the stored one. Set up Thu 19 Nov 2026, Mon-Thu 09:00.
 */
describe('settings-changed messages under concurrent and repeated saves', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  type Who = typeof MEMBERS[0];
  const shown = { name: 'Team Zorg', members: '', days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20' };
  const form = (startTime: string, extra: Record<string, unknown> = {}) => ({ name: 'Team Zorg', members: g.members.map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime, timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20', ...extra });
  const save = (who: Who, startTime: string, id: string, extra: Record<string, unknown> = {}) => g.press(who, 'group.setup.save', form(startTime, extra), 'setup-card', id);
  const group = async () => (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource as { rev: number; schedule: { startTime: string } };
  const toldTimes = (from: number) => textsSince(t, g, from).filter((s) => /begintijd nu/.test(s));

  beforeEach(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z', { proxy: true });
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
    await t.app.outbox.drain(30_000);
    shown.members = g.members.map((m) => m.aadObjectId).join(',');
  });
  afterEach(() => t.stop());

  // Guards (held when written): the first three cases.
  it('Anna (13:00) and Bram (14:00) save the same form at once: one wins, and the chat is told only what won', async () => {
    const rev = (await group()).rev;
    const from = t.connector.calls.length;
    const gate = cosmosGate(t.proxy!);
    const held = gate.hold(replaceOf(g.groupId));
    const annaSave = save(anna, '13:00', 'act-anna', { shown, rev, k: 'form-anna' });
    await held.arrived;
    await save(bram, '14:00', 'act-bram', { shown, rev, k: 'form-bram' });
    held.release();
    await annaSave;
    await t.app.outbox.drain(30_000);
    const stored = (await group()).schedule.startTime;
    const told = toldTimes(from);
    expect({ stored, told }).toEqual({ stored: '14:00', told: [expect.stringMatching(/^Bram .*begintijd nu 14:00/)] });
  });

  it('without the form as shown (an older card): the last message in the chat names the time that won', async () => {
    const from = t.connector.calls.length;
    const gate = cosmosGate(t.proxy!);
    const held = gate.hold(replaceOf(g.groupId));
    const annaSave = save(anna, '13:00', 'act-anna');
    await held.arrived;
    await save(bram, '14:00', 'act-bram');
    held.release();
    await annaSave;
    await t.app.outbox.drain(30_000);
    const stored = (await group()).schedule.startTime;
    const told = toldTimes(from);
    expect(told.at(-1)).toContain(`begintijd nu ${stored}`);
  });

  it('Bram\'s save delivered again after Anna\'s later save: not told again, the chat\'s last word stays Anna\'s', async () => {
    const from = t.connector.calls.length;
    await save(bram, '13:00', 'act-bram', { k: 'form-bram' });
    await save(anna, '14:00', 'act-anna', { k: 'form-anna' });
    await save(bram, '13:00', 'act-bram', { k: 'form-bram' });
    await t.app.outbox.drain(30_000);
    expect({ stored: (await group()).schedule.startTime, told: toldTimes(from).length, last: toldTimes(from).at(-1) }).toEqual({ stored: '14:00', told: 2, last: expect.stringMatching(/^Anna .*14:00/) });
  });

  it('the setup form posted in the chat is one card for all (one k): Bram saving 13:00 on it after Cem put back 09:00 is told', async () => {
    const from = t.connector.calls.length;
    await save(anna, '13:00', 'act-anna', { k: 'posted-form' });
    await save(cem, '09:00', 'act-cem', { k: 'other-form' });
    // Bram's screen still shows the posted form (its shared update had not reached him): same k.
    await save(bram, '13:00', 'act-bram', { k: 'posted-form', name: 'Team Zorg Noord' });
    await t.app.outbox.drain(30_000);
    const stored = (await group()).schedule.startTime;
    expect({ stored, last: toldTimes(from).at(-1) }).toEqual({ stored: '13:00', last: expect.stringMatching(/^Bram .*begintijd nu 13:00/) });
  });
});
