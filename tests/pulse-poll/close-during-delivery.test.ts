import { message } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import type { ConnectorRequest } from '../support/recording-connector';

/**
 * HR closes an "alle teams" poll while its delivery is still going through the teams
 * (here: the roster call of the second team is slow). The delivery read the poll once, as open,
 * and goes on after the close: it posts the open form in the second team's channel, and writes
 * the team's member count into the closed poll, which changes the published response rates.
 * Results are final at closing (the same card before and after), and no form goes out after the
 * poll closed: its update is refused on a closed poll, and the form is skipped when it is sent
 * (`sendIf`). Found in review, stop 36.
 */
describe('a close while delivery is under way', () => {
  let t: TestApp;
  let d: PulseDriver;
  const alfa: TestTeam = team('Team Alfa', 'alfa', [HR, ...members('alfa', 6)]);
  const bravo: TestTeam = team('Team Bravo', 'bravo', [HR, ...members('bravo', 6)]);
  const hrChat = () => t.conversation('personal', 'a:hanna');

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-close-delivery'.padEnd(40, 'k'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
  }, 60_000);
  afterAll(() => t.stop());

  it('keeps the results final and posts no form once HR closed the poll', async () => {
    await d.install(alfa);
    await d.install(bravo);
    let arrived!: () => void;
    let release!: () => void;
    const arrivedP = new Promise<void>((r) => (arrived = r));
    const released = new Promise<void>((r) => (release = r));
    let held = false;
    const isBravoRoster = (req: ConnectorRequest) => req.method === 'GET' && /\/conversations\/19:bravo@thread\.tacv2\/(paged)?members$/.test(decodeURIComponent(req.path));
    t.connector.holds.push((req) => (!held && isBravoRoster(req) ? ((held = true), arrived(), released) : undefined));

    await d.say(HR, alfa, 'peiling start alle teams 2026-12-04');
    await arrivedP;
    await t.send(message(hrChat(), HR, 'peiling sluiten'));
    await t.app.outbox.drain(30_000);
    const { resources: [stored] } = await t.store.container('polls').items.query("SELECT * FROM c WHERE c.type = 'poll'").fetchAll();
    const pollId = stored.id as string;
    expect(stored.status).toBe('closed');
    const atClose = cardText((await d.press(HR, hrChat(), 'pulse.results', { pollId })).value);
    const formsBefore = t.connector.cards((c) => c.method === 'POST' && c.conversationId === bravo.id).filter((c) => c.card.refresh?.action?.verb === 'pulse.view').length;

    release();
    await d.settle();
    const later = cardText((await d.press(HR, hrChat(), 'pulse.results', { pollId })).value);
    const formsAfter = t.connector.cards((c) => c.method === 'POST' && c.conversationId === bravo.id).filter((c) => c.card.refresh?.action?.verb === 'pulse.view').length;
    const poll = (await t.store.container('polls').item(pollId, pollId).read()).resource;

    const bravoTarget = poll.targets.find((x: { teamId: string }) => x.teamId === bravo.id);
    expect({ formsPostedAfterClose: formsAfter - formsBefore, bravoDelivered: bravoTarget.delivered, bravoMemberCount: bravoTarget.memberCount, resultsUnchanged: later === atClose }).toEqual({
      formsPostedAfterClose: 0,
      bravoDelivered: false,
      bravoMemberCount: undefined,
      resultsUnchanged: true,
    });
    expect(later).toEqual(atClose);
  }, 120_000);
});
