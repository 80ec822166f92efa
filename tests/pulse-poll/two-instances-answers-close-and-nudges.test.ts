import { execute } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { TestApp } from '../support/test-app';
import { stopEach } from '../live-session/support';
import { startTwoPollInstances } from './support-two-instances';

/**
 * A guard (held when written, in review of stop 60). Two instances of the app on one store (scale-out, a slot swap). Teams
 * sends each activity to either instance, a redelivery may land on the other one, and both run
 * their scheduler and outbox. A poll started on A is answered, changed, closed and reminded across
 * both. The promises: one answer per person (a second changes nothing), results that are the
 * answers told "stored" and nothing else, nudges once per round and never to someone who answered.
 */
const STORED = 'anoniem opgeslagen';
const ALREADY = 'al ingevuld';

describe('a B3 poll served by two instances on one store', () => {
  let a: TestApp;
  let b: TestApp;
  let da: PulseDriver;
  let db: PulseDriver;

  beforeAll(async () => { ({ a, b, da, db } = await startTwoPollInstances('two-instances-key'.padEnd(40, 't'))); }, 60_000);
  afterAll(() => stopEach(b, a));

  const tallyOf = async (pollId: string) => (await a.store.container('pollAnswers').item('tally', pollId).read()).resource;
  const both = async () => {
    await Promise.all([a.app.background.idle(), b.app.background.idle()]);
    await Promise.all([a.app.outbox.drain(30_000), b.app.outbox.drain(30_000)]);
  };
  async function pollOn(x: TestTeam, command: string) {
    db.register(x);
    await da.startPoll(x, command);
    await both();
    return da.pollCard(x.id);
  }
  const answerActivity = (x: TestTeam, who: TestTeam['members'][number], poll: { id: string; pollId: string; targetId: string }, score: number) =>
    da.inTeam(execute(da.channel(x), who, 'pulse.answer', { pollId: poll.pollId, targetId: poll.targetId, ...scores(score) }, poll.id), x);
  const send = async (t: TestApp, activity: Record<string, unknown>) => {
    const res = await t.send(activity);
    return cardText((res.body as { value?: unknown } | undefined)?.value);
  };

  it('an answer delivered to both at once, and a changed answer on the other: stored once, the first answer only', async () => {
    const x = team('Team Dubbel', 'dubbel', [HR, ...members('dubbel', 6)]);
    const poll = await pollOn(x, 'peiling start dit team 2026-12-04');
    const who = x.members.slice(1);
    // Each member's press reaches both instances (Teams redelivered it), and they change their
    // mind at once on the other instance (a second press with other scores).
    const replies = await Promise.all(
      who.flatMap((m, i) => {
        const first = answerActivity(x, m, poll, 4);
        const changed = answerActivity(x, m, poll, 1);
        const [one, other] = i % 2 ? [a, b] : [b, a];
        return [send(one, first).then((r) => ({ m: m.name, r })), send(other, first).then((r) => ({ m: m.name, r })), send(other, changed).then((r) => ({ m: m.name, r }))];
      }),
    );
    const stored = replies.filter((x) => x.r.includes(STORED)).map((x) => x.m).sort();
    const already = replies.filter((x) => x.r.includes(ALREADY)).length;
    const other = replies.filter((x) => !x.r.includes(STORED) && !x.r.includes(ALREADY)).map((x) => `${x.m}: ${x.r.slice(0, 160)}`);
    const tally = await tallyOf(poll.pollId);
    const team1 = tally.teams[poll.targetId];
    const totals = Object.values(team1.histograms as Record<string, number[]>).map((h) => h.reduce((s, n) => s + n, 0));
    expect({ other, storedOnce: stored, already, count: team1.count, respondents: tally.respondents.length, totals: [...new Set(totals)] }).toEqual({
      other: [],
      storedOnce: who.map((m) => m.name).sort(),
      already: who.length * 2,
      count: who.length,
      respondents: who.length,
      totals: [who.length],
    });
  }, 90_000);

  it('HR closes on one instance while the last answers arrive at the other: the results are exactly the answers told "stored"', async () => {
    const x = team('Team Sluit', 'sluit', [HR, ...members('sluit', 8)]);
    const poll = await pollOn(x, 'peiling start dit team 2026-12-04');
    for (const m of x.members.slice(1, 4)) expect(await send(a, answerActivity(x, m, poll, 3))).toContain(STORED);
    // B remembers the poll as open (RememberedPolls): one answer there first.
    expect(await send(b, answerActivity(x, x.members[4]!, poll, 3))).toContain(STORED);
    const late = x.members.slice(5);
    const [closing, ...replies] = await Promise.all([
      db.say(HR, x, 'peiling sluiten'),
      ...late.map((m, i) => send(i % 2 ? a : b, answerActivity(x, m, poll, 5))),
    ]);
    expect(closing.status).toBe(200);
    await both();
    const told = replies.filter((r) => r.includes(STORED)).length;
    const sealed = await tallyOf(poll.pollId);
    expect({ sealed: !!sealed.sealed, count: sealed.teams[poll.targetId].count, fives: sealed.teams[poll.targetId].histograms.boeien[4] }).toEqual({ sealed: true, count: 4 + told, fives: told });
    // Pressed again on B (which remembered the poll as open) after the close: nothing changes.
    const again = await send(b, answerActivity(x, x.members[8]!, poll, 1));
    expect(again).not.toContain(STORED);
    expect((await tallyOf(poll.pollId)).teams).toEqual(sealed.teams);
  }, 90_000);

  it('private nudges with both schedulers and both outboxes running: one nudge per non-respondent, none to who answered', async () => {
    const x = team('Team Por', 'por', [HR, ...members('por', 6)]);
    const poll = await pollOn(x, 'peiling start dit team 2026-12-04 herinner privé');
    const answered = x.members.slice(1, 3);
    for (const [i, m] of answered.entries()) expect(await send(i ? a : b, answerActivity(x, m, poll, 4))).toContain(STORED);
    a.clock.set('2026-11-30T08:00:00Z');
    b.clock.set('2026-11-30T08:00:00Z');
    await Promise.all([a.app.scheduler.runDue(), b.app.scheduler.runDue(), a.app.scheduler.runDue(), b.app.scheduler.runDue()]);
    await both();
    await Promise.all([a.app.scheduler.runDue(), b.app.scheduler.runDue()]);
    await both();
    const nudgesTo = (m: TestTeam['members'][number]) =>
      [...a.connector.calls, ...b.connector.calls].filter((c) => c.method === 'POST' && c.conversationId === `a:1on1-${m.id}` && JSON.stringify(c.activity ?? {}).includes('Team Por')).length;
    expect(Object.fromEntries(x.members.map((m) => [m.name, nudgesTo(m)]))).toEqual(Object.fromEntries(x.members.map((m) => [m.name, answered.includes(m) ? 0 : 1])));
    const reminders = [...a.connector.calls, ...b.connector.calls].filter((c) => c.method === 'POST' && /Herinnering B3-spiegel/.test(JSON.stringify(c.activity ?? {})) && c.conversationId?.startsWith(x.id));
    expect(reminders).toHaveLength(1);
  }, 90_000);
});
