// Found in review, stop 58 (fixed then: the late-answer note draws the close date in its reader's language; the language files name General in the list of a team's channels).
import { message, submit } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

/**
 * Texts of a B3 poll drawn in the reader's language, not built in code in the poll's.
 * - A member who chose English answers a Dutch channel card on the Action.Submit fallback after HR
 *   closed the poll: the note in their own chat is English (README "From stop 48"), so the day it
 *   names must be English too, not "maandag 23 november".
 * - A Dutch HR adviser names a channel that does not exist: the Dutch list of channels must call
 *   the team's first channel as the Dutch card elsewhere does ("Algemeen"), not "General"; an
 *   English one "General".
 */
// Dutch writes days and months in lower case; English capitalises them ("November" is both).
const DUTCH_DAYS = /\b(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b/;

describe('a poll\'s dates and channel names in the reader\'s language', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)], ['Vitale Weekcyclus']);
  // A team with no channel but General.
  const zuid: TestTeam = team('Zorgteam Zuid', 'zuid', [HR, ...members('zuid', 6)]);

  beforeAll(async () => {
    // Monday 23 November 2026, 09:00 in Amsterdam.
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'poll-late-note-channel-list'.padEnd(40, 'p'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(zuid);
    await d.startPoll(noord, 'peiling start dit team 2026-12-04');
  }, 60_000);
  afterAll(() => t?.stop());

  it('names the day HR closed the poll in English on the English note about a late answer', async () => {
    const who = noord.members[3]!;
    await t.send(message(t.conversation('personal', `a:personal-${who.id}`), who, 'language en'));
    await d.say(HR, noord, 'peiling sluiten');
    await d.settle();
    const card = d.pollCard(noord.id);
    const before = t.connector.calls.length;
    await t.send(d.inTeam(submit(d.channel(noord), who, { verb: 'pulse.answer', pollId: card.pollId, targetId: card.targetId, ...scores(1) }, card.id), noord));
    await d.settle();
    const notes = t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === `a:1on1-${who.id}`).map((c) => c.activity.attachments[0].content);
    expect(notes).toHaveLength(1);
    const text = cardText(notes[0]);
    expect(text).toContain('HR closed the poll on');
    // What the English reader sees: the day in English, as every other English poll card writes it.
    expect(text.match(DUTCH_DAYS)?.[0]).toBeUndefined();
    expect(text).toContain('Monday 23 November');
  }, 60_000);

  it('lists the team\'s first channel as "Algemeen" to a Dutch HR adviser who named an unknown channel', async () => {
    const before = t.connector.calls.length;
    await d.say(HR, noord, 'peiling start Zorgteam Noord 2027-01-08 kanaal Kantine');
    const text = d.saidSince(before);
    expect(text).toContain('bestaat niet in dit team');
    expect(text).toContain('Vitale Weekcyclus');
    // The Dutch started-card says "in het kanaal Algemeen"; the Dutch Teams client calls it so too.
    expect(text).not.toMatch(/\bGeneral\b/);
    expect(text).toContain('Kanalen: Algemeen, Vitale Weekcyclus');
  }, 60_000);

  it('lists "General" first to an English HR adviser, and says so when it is the team\'s only channel', async () => {
    let before = t.connector.calls.length;
    await d.say(HR, noord, 'poll start Zorgteam Noord 2027-01-08 channel Kantine');
    expect(d.saidSince(before)).toContain('Channels: General, Vitale Weekcyclus');
    before = t.connector.calls.length;
    await d.say(HR, noord, 'peiling start Zorgteam Zuid 2027-01-08 kanaal Kantine');
    const text = d.saidSince(before);
    expect(text).toContain('Het heeft alleen het kanaal Algemeen.');
    expect(text).not.toMatch(/Kanalen:|\bGeneral\b/);
  }, 60_000);
});
