import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * an "alle teams" channel poll with private nudges ("herinner privé"). One team removes
 * the app mid-poll (Teams then refuses its roster with 403, as for any conversation the bot is no
 * longer in). The other team's non-respondents must still get their nudge at the reminder. The
 * reminder failed on that roster before any nudge, on every retry for a day; delivery stopped at
 * it too. Found in review, stop 37.
 */
describe('private nudges after the app was removed from one team of the poll', () => {
  let t: TestApp;
  let d: PulseDriver;
  const aardbei: TestTeam = team('Aardbei', 'aardbei', members('aardbei', 6));
  const zwaluw: TestTeam = team('Zwaluw', 'zwaluw', [HR, ...members('zwaluw', 6)]);
  const nudgesTo = (userId: string) =>
    t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${userId}`).filter((c) => /B3-spiegel/.test(cardText(c.card)));

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-removed-team'.padEnd(40, 'r'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(aardbei);
    await d.install(zwaluw);
    await d.say(HR, zwaluw, 'peiling start alle teams 2026-12-04 herinner privé');
    await d.settle();
    d.pollCard(aardbei.id);
    d.pollCard(zwaluw.id);
    // Aardbei removes the app: Teams sends the removal, and from then on refuses the team's roster.
    await d.remove(aardbei);
    t.connector.faults = [(req) => (req.path.includes(encodeURIComponent(aardbei.id)) || req.path.includes(aardbei.id) ? { status: 403 } : undefined)];
    t.clock.set('2026-11-30T08:00:00Z'); // halfway: the first reminder, with private nudges
    await t.app.scheduler.runDue();
    await d.settle();
  }, 120_000);
  afterAll(() => t.stop());

  it('nudges the non-respondents of the team that still has the app', () => {
    // The reminder round ran: Zwaluw's thread got its reminder.
    const thread = t.connector.cards((c) => c.conversationId.startsWith(`${zwaluw.id};messageid=`)).map((c) => cardText(c.card));
    expect(thread.some((x) => /Herinnering B3-spiegel/.test(x))).toBe(true);
    const nudged = zwaluw.members.filter((m) => nudgesTo(m.id).length > 0).map((m) => m.name);
    expect({ nudged, rosterRefused: t.logs.some((l) => /team roster request failed/.test(l)) }).toEqual({ nudged: zwaluw.members.map((m) => m.name), rosterRefused: true });
  });
});

/**
 * The same root cause at delivery. "Alle teams" includes a team whose roster Teams refuses
 * (the app was removed there and the removal event never reached the app, or Teams answers 403
 * for it for another reason). Teams are delivered in name order; the refused one comes first.
 */
describe('delivery of an "alle teams" poll when one team\'s roster is refused', () => {
  let t: TestApp;
  let d: PulseDriver;
  const aardbei: TestTeam = team('Aardbei', 'aardbei2', members('aardbeix', 6));
  const zwaluw: TestTeam = team('Zwaluw', 'zwaluw2', [HR, ...members('zwaluwx', 6)]);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-refused-roster'.padEnd(40, 'q'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(aardbei);
    await d.install(zwaluw);
    t.connector.faults = [(req) => (req.method === 'GET' && req.path.includes(aardbei.id) && /members/.test(req.path) ? { status: 403 } : undefined)];
    await d.say(HR, zwaluw, 'peiling start alle teams 2026-12-04');
    await d.settle();
    // The safety-net delivery job runs too (two minutes later).
    t.clock.set('2026-11-23T08:10:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
  }, 120_000);
  afterAll(() => t.stop());

  it('still posts the poll card in the channel of the team whose roster can be read', () => {
    expect(() => d.pollCard(zwaluw.id)).not.toThrow();
  });

  /**
   * Found in review of stop 37's own change: the reminder then posted a "response so far" card
   * into the channel of the team that never got the poll card (the app is no longer there: Teams
   * refuses it, or the team sees a reminder of a poll it never saw).
   */
  it('the team never delivered gets no reminder in its channel', async () => {
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
