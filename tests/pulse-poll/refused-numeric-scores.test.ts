import { field } from '../support/card-fields';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The answer takes a score sent as a JSON number (scoreOf reads numbers), but a refused
 * answer's form keeps only scores sent as text (pollFormCard's `given` reads strings only). A
 * client that sends numbers and leaves one statement open gets the form back with every score
 * it gave wiped: the refused form must keep ALL the inputs.
 * Found in review, stop 37.
 */
describe('a refused poll answer whose scores came as numbers', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'test-key-'.padEnd(40, 'x') }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.startPoll(noord, 'peiling start Zorgteam Noord 2026-12-04');
  });
  afterAll(() => t.stop());

  it('keeps the numeric scores given next to the one left open', async () => {
    const poll = d.pollCard(noord.id);
    const ids = ['werkzaamheden', 'werkbeleving', 'waardering', 'beloning', 'samenwerking', 'ontwikkelkansen', 'boeien', 'binden'];
    const values = Object.fromEntries(ids.map((id) => [`item_${id}`, 4]));
    const res = await d.press(noord.members[1]!, d.channel(noord), 'pulse.answer', { pollId: poll.pollId, targetId: poll.targetId, ...values, open: 'Opmerking' }, poll.id, noord);
    expect(field(res.value, 'item_behouden')).toBeDefined();
    expect(ids.map((id) => field(res.value, `item_${id}`)?.value)).toEqual(ids.map(() => '4'));
  });
});
