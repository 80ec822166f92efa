import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review of stop 37's own change: an "alle teams" poll where one team refuses its roster at delivery (403). The
 * reminder must not post a "response so far" card into the channel of a team that never got the
 * poll card (the app is no longer there: Teams refuses it, or the team sees a reminder of a poll
 * it never saw).
 */
describe('reminders and delivery for teams out of reach', () => {
  let t: TestApp;
  let d: PulseDriver;
  const aardbei: TestTeam = team('Aardbei', 'aardbeip', members('aardbeip', 6));
  const zwaluw: TestTeam = team('Zwaluw', 'zwaluwp', [HR, ...members('zwaluwp', 6)]);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-unreach'.padEnd(40, 'u'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(aardbei);
    await d.install(zwaluw);
    t.connector.faults = [(req) => (req.method === 'GET' && req.path.includes(aardbei.id) && /members/.test(req.path) ? { status: 403 } : undefined)];
    await d.say(HR, zwaluw, 'peiling start alle teams 2026-12-04');
    await d.settle();
    t.clock.set('2026-11-23T08:10:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
  }, 120_000);
  afterAll(() => t.stop());

  it('the team never delivered gets no reminder in its channel', async () => {
    expect(() => d.pollCard(zwaluw.id)).not.toThrow();
    expect(() => d.pollCard(aardbei.id)).toThrow();
    const before = t.connector.calls.length;
    t.clock.set('2026-11-30T08:00:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
    const calls = t.connector.calls.slice(before).filter((c) => c.method === 'POST');
    const toZwaluw = calls.filter((c) => (c.conversationId ?? '').startsWith(zwaluw.id));
    const toAardbei = calls.filter((c) => (c.conversationId ?? '').startsWith(aardbei.id));
    const texts = (cs: typeof calls) => cs.map((c) => [c.activity?.text ?? '', ...(c.activity?.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join(' '));
    expect({ zwaluwReminded: toZwaluw.length > 0, toAardbei: texts(toAardbei) }).toEqual({ zwaluwReminded: true, toAardbei: [] });
  });

});
