/**
 * "Mijn gegevens" of an HR member who started B3-spiegel polls said nothing of them, although
 * each stored poll keeps them as its starter (app id, Teams id, and the chat it was started from:
 * exactly what the erasure forgets, forgetPollStarter). The export now lists the polls they
 * started, found the same way, with only what the poll keeps about them: never anyone's answers.
 * Found in review, stop 38. Since stop 39 a poll of one team also names that team.
 */
import { message } from '../support/activities';
import { HR, members, PulseDriver, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

describe('the export of someone who started B3-spiegel polls', () => {
  let t: TestApp;
  const oost = team('Zorgteam Oost', 'oost', [HR, ...members('oost', 5)]);
  const west = team('Zorgteam West', 'west', [HR, ...members('west', 5)]);
  const [firstOfOost] = oost.members.slice(1);

  const exportOf = async (aadId: string) => {
    const signIn = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: aadId }) });
    const { token } = (await signIn.json()) as { token: string };
    const res = await fetch(`${t.app.url}/api/verantwoording/export`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return res.text();
  };
  const stored = async (container: 'polls' | 'pollAnswers') => (await t.store.container(container).items.query('SELECT * FROM c').fetchAll()).resources;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'test-key-'.padEnd(40, 'x') });
    const d = new PulseDriver(t);
    // One poll started in Oost's channel, one from HR's 1:1 chat with the bot for West.
    await d.startPoll(oost, 'peiling start dit team 2026-12-04');
    await d.install(west);
    await t.send(message(t.conversation('personal'), HR, 'peiling start Zorgteam West 2026-12-04'));
    await d.settle();
    // A member answers, so there is something the export must leave out.
    await d.answerOnCard(oost, firstOfOost!, 2);
    await d.settle();
  });
  afterAll(() => t.stop());

  // The team by its name (stop 39): an id alone told the person nothing.
  it('lists the polls they started: id, scope and its team by name, dates, and whether it was from their 1:1 chat', async () => {
    const polls = (await stored('polls')).filter((p) => p.type === 'poll');
    // The scenario holds: both polls name HR as their starter.
    expect(polls.map((p) => p.startedBy)).toEqual([HR.aadObjectId, HR.aadObjectId]);
    const inOost = polls.find((p) => p.scope.teamId === oost.id)!;
    const inWest = polls.find((p) => p.scope.teamId === west.id)!;
    const exported = JSON.parse(await exportOf(HR.aadObjectId));
    expect(exported.pollsStarted).toEqual(
      expect.arrayContaining([
        { pollId: inOost.pollId, scope: { kind: 'team', teamId: oost.id }, teamName: 'Zorgteam Oost', opensAt: inOost.opensAt, closesOn: '2026-12-04', startedFromOwnChat: false },
        { pollId: inWest.pollId, scope: { kind: 'team', teamId: west.id }, teamName: 'Zorgteam West', opensAt: inWest.opensAt, closesOn: '2026-12-04', startedFromOwnChat: true },
      ]),
    );
    expect(exported.pollsStarted).toHaveLength(2);
  });

  it('carries nothing of the answers or of who answered', async () => {
    const answers = await stored('pollAnswers');
    expect(answers.length).toBeGreaterThan(0);
    const text = await exportOf(HR.aadObjectId);
    for (const a of answers) expect(text).not.toContain(a.id);
    expect(text).not.toContain(firstOfOost!.aadObjectId);
    expect(text).not.toContain(firstOfOost!.id);
  });

  it('lists no poll for a member who only answered one', async () => {
    const exported = JSON.parse(await exportOf(firstOfOost!.aadObjectId));
    expect(exported.pollsStarted).toEqual([]);
    for (const p of (await stored('polls')).filter((x) => x.type === 'poll')) expect(JSON.stringify(exported)).not.toContain(p.pollId);
  });
});
