/**
 * Stop 58 (a left-out of stop 57): a B3 comment may be 1,000 characters, counted as every limit
 * counts (as they show, and at least half the UTF-16 units), but the press's transport bound was
 * 2,000 units: a comment over it was refused before the domain counted it, and told its length in
 * units ("2.002" for 1,001 emoji). Now the press carries what the domain counts (as every typed word
 * on the session card and the talent review's forms since stop 57): refused with its count as it
 * shows, the words back in the field.
 */
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

describe('a B3 comment counts characters as they show', () => {
  let t: TestApp;
  let d: PulseDriver;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'comment-characters'.padEnd(40, 'c'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
  }, 120_000);
  afterAll(() => t.stop());

  it('1,001 emoji are refused as 1.001 characters, with the words back in the field', async () => {
    const x = team('Zorgteam Zuid', 'zuid', [HR, ...members('zuid', 3)]);
    await d.startPoll(x, 'peiling start Zorgteam Zuid 2026-12-04');
    await d.settle();
    const card = d.pollCard(x.id);
    const written = '\u{1F600}'.repeat(1001);
    const refused = (await d.press(x.members[1]!, d.channel(x), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(3), open: written }, card.id, x)).value;
    expect(cardText(refused)).toContain('Hoogstens 1.000 tekens; dit zijn er 1.001');
    expect(JSON.stringify(refused)).toContain(JSON.stringify(written).slice(1, -1));
  }, 120_000);
});
