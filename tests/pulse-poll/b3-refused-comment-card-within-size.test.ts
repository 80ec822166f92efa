/**
 * Found in review, stop 58 (fixed then: the comment's transport bound is 8 times its limit, and the
 * refused form brings back at most that much). A refused comment comes back in its field; a crafted
 * press of 20,000 quotes or backslashes (two characters each in JSON) made the refusal card 93 KB,
 * over what the app keeps cards within (MAX_CARD_BYTES, card-size.ts), so the member would get an
 * error instead of the form.
 */
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { cardBytes, MAX_CARD_BYTES } from '../../src/teams/cards/card-size';

describe('a refused B3 comment at the transport bound', () => {
  let t: TestApp;
  let d: PulseDriver;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-own58-b3-size'.padEnd(40, 'c'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
  }, 120_000);
  afterAll(() => t.stop());

  it.each([
    ['20,000 quotation marks (each two characters in JSON)', 'Zorgteam Noord', 'noord', '"'.repeat(20_000)],
    ['20,000 backslashes', 'Zorgteam Oost', 'oost', '\\'.repeat(20_000)],
    ['20,000 lone surrogates (six characters each in JSON)', 'Zorgteam West', 'west', '\uD800'.repeat(20_000)],
  ])('%s: the refusal card stays within what Teams takes', async (_name, teamName, slug, written) => {
    const x = team(teamName, slug, [HR, ...members(slug, 3)]);
    await d.startPoll(x, `peiling start ${x.name} 2026-12-04`);
    await d.settle();
    const card = d.pollCard(x.id);
    const refused = (await d.press(x.members[1]!, d.channel(x), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(3), open: written }, card.id, x)).value;
    expect(cardText(refused)).toContain('Hoogstens 1.000 tekens');
    expect(cardBytes(refused)).toBeLessThanOrEqual(MAX_CARD_BYTES);
  }, 120_000);
});
