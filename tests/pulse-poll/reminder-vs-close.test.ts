import type { IncomingMessage } from 'node:http';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A reminder job runs while HR closes the poll. The reminder read the poll as open; its
 * tally read is held while HR's `peiling sluiten` seals and announces. Released, the reminder is
 * queued after the closing (with a send budget up to the planned closing date, while the early
 * close already expired the poll's budgets) and posts "Nog N dagen om in te vullen" in the
 * thread of a poll that says it is closed.
 * No reminder reaches a team after its poll was closed: it is skipped when it is sent, as its
 * poll is closed then (`sendIf`). Found in review, stop 36.
 */
const path = (req: IncomingMessage) => (req.url ?? '').split('?')[0]!;
const tallyRead = (req: IncomingMessage) => req.method === 'GET' && /\/colls\/pollAnswers\/docs\/tally$/.test(path(req));

describe('a reminder racing the close', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-reminder-close'.padEnd(40, 'r'), B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z', { proxy: true });
    d = new PulseDriver(t);
  }, 60_000);
  afterAll(() => t.stop());

  it('posts no reminder after HR closed the poll', async () => {
    await d.startPoll(noord, 'peiling start dit team 2026-12-04');
    for (const m of noord.members.slice(1, 4)) await d.answerOnCard(noord, m, 4);
    // The halfway reminder is due (Monday 30 November).
    t.clock.set('2026-11-30T12:00:00Z');
    const gate = cosmosGate(t.proxy!);
    const held = gate.hold(tallyRead);
    const running = t.app.scheduler.runDue();
    await held.arrived;
    await d.say(HR, noord, 'peiling sluiten');
    await t.app.outbox.drain(30_000);
    const closedAt = t.connector.calls.length;
    held.release();
    await running;
    await d.settle();
    const afterClose = t.connector.calls
      .slice(closedAt)
      .filter((c) => c.method === 'POST')
      .map((c) => [c.activity.text ?? '', ...(c.activity.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join('\n'))
      .filter((text) => /Herinnering B3-spiegel/.test(text));
    expect(afterClose).toEqual([]);
  }, 120_000);
});
