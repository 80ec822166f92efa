import { message } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The words of a Dutch poll's private nudge, and HR ids as an administrator may paste
 * them (an Entra object id is a GUID: its letters' case carries no meaning). The nudge said
 * "kanaal General", and HR ids in capitals were not recognised. Found in review, stop 37.
 */
describe('a Dutch channel poll\'s private nudge names the channel in Dutch', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-nudge-words'.padEnd(40, 'w') }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(noord);
    await d.say(HR, noord, 'peiling start dit team 2026-12-04 herinner privé');
    await d.settle();
    t.clock.set('2026-11-30T08:00:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
  }, 60_000);
  afterAll(() => t.stop());

  it('says "Algemeen" (as Dutch Teams and the app\'s own Dutch texts call it), not "General"', () => {
    const nudge = t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${noord.members[2]!.id}`).at(-1);
    const text = cardText(nudge!.card);
    expect(text).toContain('Je vindt de vragen in het kanaal');
    expect(text).not.toContain('General');
  });
});

describe('HR_USER_IDS written in capitals', () => {
  let t: TestApp;
  let d: PulseDriver;
  const west: TestTeam = team('Zorgteam West', 'west', [HR, ...members('west', 6)]);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId.toUpperCase(), POLL_HASH_KEY: 'probe-hr-ids-case'.padEnd(40, 'c') }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(west);
  }, 60_000);
  afterAll(() => t.stop());

  it('still lets that HR adviser start a poll', async () => {
    expect(HR.aadObjectId).not.toBe(HR.aadObjectId.toUpperCase());
    const before = t.connector.calls.length;
    await t.send(message(t.conversation('personal', 'a:hanna-personal'), HR, 'peiling start Zorgteam West 2026-12-04'));
    await d.settle();
    const said = t.connector.calls.slice(before).flatMap((c) => (c.activity?.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))).join('\n');
    expect(said).toContain('B3-spiegel gestart');
  });
});
