import { ConversationSpec, TestUser } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { emptyTally, foldAnswer, withoutMarkers } from '../../src/domain/pulse-poll/tally';
import { Scores } from '../../src/domain/pulse-poll/answer';
import { ITEM_IDS } from '../../src/domain/pulse-poll/instrument';

/**
 * Attack (review of stop 49, as an adversary): a database reader WITHOUT the hash key, one look at
 * the database, after a member of an open private poll had their data erased.
 *
 * The erasure (forgetPollMarkers, via `withoutMarkers`) takes the person's respondent marker out
 * of the tally and keeps their scores. Before it, the tally always holds one marker per counted
 * answer; after it, `respondents.length` fell one short of the teams' counts exactly when the
 * erased person had answered. Who was erased is no secret to the organisation (they left, or
 * asked for it), so the gap told a keyless reader THAT the person answered, and where their team's
 * count is 1 (an early answer, or a small team), the team's histograms are that person's answer.
 * Now a random stand-in of the same shape takes the marker's place, sorted in like the others: it
 * matches nobody's keyed hash, so it refuses nobody's answer, and the erased person cannot answer
 * again (their invitee marker went too).
 *
 * Two private polls, side by side: in West the erased member answered; in Oost the erased member
 * did not (a colleague did). Everything a keyless reader sees of the two tallies should be alike.
 */
describe('what an erasure leaves in an open private poll\'s tally for a reader without the key', () => {
  let t: TestApp;
  let d: PulseDriver;
  const west: TestTeam = team('Zorgteam West', 'west', [HR, ...members('west', 6)]);
  const oost: TestTeam = team('Zorgteam Oost', 'oost', [HR, ...members('oost', 6)]);
  const personal = (userId: string): ConversationSpec => ({ id: `a:1on1-${userId}`, type: 'personal', tenantId: 'tenant-1', serviceUrl: t.connector.url });
  const privateCard = (who: TestUser) => {
    const card = t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${who.id}`)[0]!;
    return { id: card.call.id, ...(card.card.refresh.action.data as { pollId: string; targetId: string }) };
  };
  const answer = async (who: TestUser, score: number) => {
    const card = privateCard(who);
    const res = await d.press(who, personal(who.id), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(score) }, card.id);
    return { pollId: card.pollId, view: cardText(res.value) };
  };
  const erase = async (who: TestUser) => {
    const signIn = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: who.aadObjectId }) });
    const { token } = (await signIn.json()) as { token: string };
    const res = await fetch(`${t.app.url}/api/verantwoording/erase`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ confirm: true }) });
    if (res.status !== 200) throw new Error(`erasure answered ${res.status}`);
  };
  const tallyOf = async (pollId: string) =>
    (await t.store.container('pollAnswers').item('tally', pollId).read()).resource as { respondents: string[]; invitees?: Record<string, string[]>; teams: Record<string, { count: number }> };
  /** What a reader without the key can count in a tally: markers, answers per team, invitees per team. */
  const shape = async (pollId: string) => {
    const tally = await tallyOf(pollId);
    return {
      markers: tally.respondents.length,
      answers: Object.values(tally.teams).reduce((n, team) => n + team.count, 0),
      invitees: Object.values(tally.invitees ?? {}).map((list) => list.length),
    };
  };
  let westPoll = '';
  let oostPoll = '';

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'b3-erasure-count-gap'.padEnd(40, 'g'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(west);
    await d.install(oost);
    await d.say(HR, west, 'peiling start dit team 2026-12-04 privé');
    await d.say(HR, oost, 'peiling start dit team 2026-12-04 privé');
    await d.settle();
  }, 120_000);
  afterAll(() => t.stop());

  it('attack: the tally of the poll whose erased member answered reads the same as that of the poll whose erased member did not', async () => {
    // West: the erased member is the one who answered.
    westPoll = (await answer(west.members[3]!, 5)).pollId;
    // Oost: a colleague answered; the erased member never did.
    oostPoll = (await answer(oost.members[2]!, 5)).pollId;
    expect(await shape(westPoll)).toEqual(await shape(oostPoll)); // alike before the erasures

    await erase(west.members[3]!);
    await erase(oost.members[3]!);

    // Before: West { markers: 0, answers: 1 }, Oost { markers: 1, answers: 1 }: the keyless reader
    // learned that West's erased member answered, and (count 1) what they answered.
    expect({ west: await shape(westPoll) }).toEqual({ west: await shape(oostPoll) });
    const markers = (await tallyOf(westPoll)).respondents;
    expect({ sorted: markers.every((m, i) => i === 0 || markers[i - 1]! < m), shape: markers.every((m) => /^[A-Za-z0-9_-]{22}$/.test(m)) }).toEqual({ sorted: true, shape: true });
  }, 120_000);

  it('keeps the stand-in through an erasure run again, lets a colleague still answer, and never the erased person', async () => {
    const before = (await tallyOf(westPoll)).respondents;
    await erase(west.members[3]!); // run again (as a redelivered or resumed erasure): nothing to forget
    const afterAgain = (await tallyOf(westPoll)).respondents;

    const colleague = await answer(west.members[4]!, 2);
    const erased = await answer(west.members[3]!, 1);
    expect({
      unchangedByRerun: afterAgain,
      colleagueStored: colleague.view.includes('anoniem opgeslagen'),
      erasedStored: erased.view.includes('anoniem opgeslagen'),
      shape: await shape(westPoll),
    }).toEqual({ unchangedByRerun: before, colleagueStored: true, erasedStored: false, shape: { markers: 2, answers: 2, invitees: [6] } });
  }, 120_000);
});

describe('withoutMarkers', () => {
  const scores = Object.fromEntries(ITEM_IDS.map((id) => [id, 3])) as Scores;
  const fold = (tally: ReturnType<typeof emptyTally>, hash: string) => {
    const r = foldAnswer(tally, { targetId: 'a', hash, invitee: `inv-${hash}`, scores });
    if (r.outcome !== 'stored') throw new Error(r.outcome);
    return r.tally;
  };
  const start = { ...emptyTally('p', ['a'], { invitees: true }), invitees: { a: ['inv-B', 'inv-D', 'inv-F'] } };
  const answered = fold(fold(start, 'D'), 'B');
  let n = 0;
  const standIn = () => ['C', 'E', 'A'][n++ % 3]!;

  it('puts a stand-in, sorted in, where the respondent marker was, and returns the same tally when run again', () => {
    const once = withoutMarkers(answered, { respondent: ['D'], invitees: { a: ['inv-D'] } }, standIn);
    expect({ respondents: once.respondents, invitees: once.invitees, count: once.teams.a!.count }).toEqual({ respondents: ['B', 'C'], invitees: { a: ['inv-B', 'inv-F'] }, count: 2 });
    expect(withoutMarkers(once, { respondent: ['D'], invitees: { a: ['inv-D'] } }, standIn)).toBe(once);
  });

  it('adds no stand-in for someone who did not answer', () => {
    const r = withoutMarkers(answered, { respondent: ['F'], invitees: { a: ['inv-F'] } }, standIn);
    expect(r.respondents).toEqual(['B', 'D']);
  });
});
