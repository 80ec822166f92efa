/**
 * The English B3 mirror and HR report cards call things by their English names.
 * Problem this guards against: the English HR report card was titled "Reflectie en terugkoppeling"
 * and listed "B3-spiegel per team", and the English mirror card invited the team to its "next
 * Vitale Weekcyclus session", while the English poll cards and the manifest say "B3 mirror" and
 * "Vital Week Cycle".
 */
import { cardText } from '../support/group-driver';
import { reportCard } from '../support/hr-report';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { closedPoll, seedPoll } from '../hr-report/seed-polls';

describe('English names on the B3 mirror and HR report cards', () => {
  let t: TestApp;
  let d: PulseDriver;
  const north: TestTeam = team('Care Team North', 'north', [HR, ...members('north', 7)]);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'english-names-key'.padEnd(40, 'x'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
  }, 60_000);
  afterAll(() => t.stop());

  it('invites the English team to its next "Vital Week Cycle" session on the mirror card', async () => {
    await d.startPoll(north, 'poll start this team 2026-12-04 language en');
    for (const m of north.members.slice(1, 6)) await d.answerOnCard(north, m, 4);
    t.clock.set('2026-12-05T06:00:00Z'); // past the closing moment: the close posts the mirror
    await t.app.scheduler.runDue();
    await d.settle();
    const mirror = t.connector.cards((c) => c.conversationId === north.id).map((c) => cardText(c.card)).find((x) => x.includes('results of Care Team North'));
    expect(mirror).toContain('Vital Week Cycle');
    expect(mirror).not.toContain('Vitale Weekcyclus');
  }, 60_000);

  it('titles the English report "Reflection and feedback" and calls the instrument "B3 mirror"', async () => {
    await seedPoll(t, { ...closedPoll('poll-en', 'team-en', 'Care Team East', '2026-11-20'), language: 'en' }, [4, 4, 4, 4, 4]);
    const card = cardText(await reportCard(t, t.conversation('channel', '19:hr-channel@thread.tacv2'), HR, 'report 2026-11-01 2026-12-05'));
    expect(card).toContain('Reflection and feedback');
    expect(card).toContain('B3 mirror');
    expect(card).not.toMatch(/B3-spiegel|Reflectie en terugkoppeling/);
    // Dates and weeks in English words, not ISO ("2026-11-20") nor Dutch ("20 nov").
    expect(card).toContain('1 Nov 2026');
    expect(card).toContain('Care Team East (20 Nov 2026)');
    expect(card).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{4}-W\d{2}/);
  }, 60_000);
});
