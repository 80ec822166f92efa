import { execute } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { TestApp } from '../support/test-app';
import { stopEach } from '../live-session/support';
import { startTwoPollInstances } from './support-two-instances';

/**
 * A guard (held when written, in review of stop 61). Two instances on one store. README "Privacy:
 * who can learn what", B3: HR cannot learn "one more answer between two readings (figures appear
 * once and never change)". HR reads `peiling resultaten` on B again and again while HR closes on A
 * and the last answers land on both instances. Every reading that shows figures must show the
 * same figures (else the difference of two readings is one person's answer), and they must be the
 * team's mirror in its channel.
 */
describe('B3 results read on one instance while the other closes', () => {
  let a: TestApp;
  let b: TestApp;
  let da: PulseDriver;
  let db: PulseDriver;

  beforeAll(async () => { ({ a, b, da, db } = await startTwoPollInstances('probe61-readings-key'.padEnd(40, 'r'))); }, 60_000);
  afterAll(() => stopEach(b, a));

  const answer = (t: TestApp, d: PulseDriver, x: TestTeam, who: TestTeam['members'][number], poll: { id: string; pollId: string; targetId: string }, score: number) =>
    t.send(d.inTeam(execute(d.channel(x), who, 'pulse.answer', { pollId: poll.pollId, targetId: poll.targetId, ...scores(score) }, poll.id), x));

  it('every reading with figures shows the same figures, the mirror\'s', async () => {
    const x = team('Team Lezen', 'lezen', [HR, ...members('lezen', 8)]);
    db.register(x);
    await da.startPoll(x, 'peiling start dit team 2026-12-04');
    const poll = da.pollCard(x.id);
    for (const m of x.members.slice(1, 5)) await answer(a, da, x, m, poll, 3);

    const readings: string[] = [];
    let closed = false;
    const reader = (async () => {
      // HR in their personal chat would see the same; the team's channel is where HR typed it.
      for (let i = 0; i < 40 && !(closed && readings.length > 2); i++) {
        const card = await db.read(HR, x, 'peiling resultaten Team Lezen');
        if (card) readings.push(cardText(card));
      }
    })();
    const late = x.members.slice(5);
    await Promise.all([
      da.say(HR, x, 'peiling sluiten Team Lezen').then(() => (closed = true)),
      ...late.map((m, i) => answer(i % 2 ? a : b, i % 2 ? da : db, x, m, poll, i % 2 ? 5 : 1)),
    ]);
    await reader;
    await Promise.all([a.app.background.idle(), b.app.background.idle()]);
    await Promise.all([a.app.outbox.drain(30_000), b.app.outbox.drain(30_000)]);
    readings.push(cardText(await db.read(HR, x, 'peiling resultaten Team Lezen')));

    const withFigures = readings.filter((r) => /\bB1\b|Boeien|boeien/.test(r) && !/dagen|days left/i.test(r));
    const figures = (r: string) => r.split('\n').filter((l) => /\d/.test(l) && !/gesloten|closed|\d{4}/.test(l)).join('\n');
    expect(withFigures.length).toBeGreaterThan(0);
    expect([...new Set(withFigures.map(figures))]).toHaveLength(1);
    // The team's mirror in its channel (posted by whichever instance's outbox sent it): the same figures.
    const mirrors = [a, b].flatMap((t) => t.connector.cards((c) => c.method === 'POST' && c.conversationId === x.id).map((c) => cardText(c.card))).filter((text) => /uitkomsten van/.test(text) && /Boeien/.test(text));
    expect(mirrors.length).toBeGreaterThan(0);
    const scoresOf = (r: string) => r.match(/(Boeien|Binden|Behouden)\n\d+/g)?.join('|');
    expect([...new Set([...mirrors, ...withFigures].map(scoresOf))]).toHaveLength(1);
  }, 120_000);
});
