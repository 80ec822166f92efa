import { message } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * HR names a team after "peiling sluiten" / looks at results in a team's channel while another
 * team's poll is the tenant's latest. Closing is final; the wrong poll must never close. The
 * command's words after the verb were dropped: Zuid's poll closed, and Noord's channel was shown
 * Zuid's progress. Found in review, stop 37. Clock: Monday 23 November 2026, 09:00 in Amsterdam.
 */
describe('poll commands that name a team, with two teams\' polls open', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const zuid: TestTeam = team('Zorgteam Zuid', 'zuid', members('zuid', 6));
  const hrChat = () => t.conversation('personal', 'a:hanna-personal');
  const polls = async () => (await t.store.container('polls').items.query("SELECT * FROM c WHERE c.type = 'poll'").fetchAll()).resources;
  const byTeam = async () => Object.fromEntries((await polls()).map((p) => [p.targets[0].teamName, p.status]));
  const said = (from: number) => d.saidSince(from);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-cmd-args-'.padEnd(40, 'k') }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(noord);
    await d.install(zuid);
    t.clock.set('2026-11-23T08:05:00Z');
    await t.send(message(hrChat(), HR, 'peiling start Zorgteam Noord 2026-12-04'));
    await d.settle();
    t.clock.set('2026-11-23T08:06:00Z');
    await t.send(message(hrChat(), HR, 'peiling start Zorgteam Zuid 2026-12-04'));
    await d.settle();
    expect(await byTeam()).toEqual({ 'Zorgteam Noord': 'open', 'Zorgteam Zuid': 'open' });
  }, 60_000);
  afterAll(() => t.stop());

  it('attack: "peiling sluiten Zorgteam Noord" in HR\'s personal chat closes Noord\'s poll or nothing, never Zuid\'s', async () => {
    await t.send(message(hrChat(), HR, 'peiling sluiten Zorgteam Noord'));
    await d.settle();
    expect(await byTeam()).toEqual({ 'Zorgteam Noord': 'closed', 'Zorgteam Zuid': 'open' });
  });

  it('a name that fits no team closes nothing, and says which teams there are', async () => {
    const before = t.connector.calls.length;
    await t.send(message(hrChat(), HR, 'peiling sluiten Zorgteam Oost'));
    await d.settle();
    expect((await byTeam())['Zorgteam Zuid']).toBe('open');
    expect(said(before)).toContain('Zorgteam Zuid');
  });

  it('attack: HR types "peiling resultaten" in Noord\'s channel: the answer is about Noord\'s poll, not Zuid\'s posted into Noord\'s channel', async () => {
    const noordPoll = (await polls()).find((p) => p.targets[0].teamName === 'Zorgteam Noord')!;
    const before = t.connector.calls.length;
    await d.say(HR, noord, 'peiling resultaten');
    await d.settle();
    const reply = t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.activity?.attachments?.length).at(-1)!;
    const card = reply.activity.attachments[0].content;
    // Noord's poll is open: its progress (naming Noord). A card about another poll carries that poll's id.
    const aboutPoll = card.refresh?.action?.data?.pollId ?? (cardText(card).includes('Zorgteam Noord') ? noordPoll.id : 'another poll');
    expect({ aboutPoll, text: said(before) }).toEqual({ aboutPoll: noordPoll.id, text: expect.not.stringContaining('Zorgteam Zuid') });
  });
});
