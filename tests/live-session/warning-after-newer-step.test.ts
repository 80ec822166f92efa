import { execute, TestUser } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { SHARED_CARD_INTERVAL_MS } from '../../src/teams/shared-card-updates';
import { EIGHT, isNormalCard, postStraight, sharedCurrent } from './support';

/**
 * Found in review, stop 49: the ten-minute warning is a group step that edits the shared card (it
 * brings the check-out). In a busy chat Teams throttles the warning message (429, Retry-After 1 s),
 * and the warning job edits the card only after the message went out. A member who moved the group
 * on in that second must not see the card go back to the question the warning job read.
 */
describe('the ten-minute warning throttled while a member moves the group on', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('the shared card ends on the question the group moved to, with the check-out the warning brought', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:warning-order@thread.v2'), EIGHT);
    await g.setUp();
    await g.startCycle();
    await g.press(EIGHT[0]!, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,2,3,4,5,6,7', day2: '8', day3: '9', day4: '10' }, 'cycle-card');
    await g.startSession();
    await g.goTo(EIGHT[0]!, 1);
    await t.app.sharedCards.idle();
    const bram = EIGHT[1] as TestUser;

    // Teams throttles the warning message once; its second try is answered only after Bram's card
    // update reached Teams and the pacing interval since has passed (Retry-After is whole seconds).
    const isWarning = (req: { method: string; body: any }) => req.method === 'POST' && typeof req.body?.text === 'string' && req.body.text.startsWith('Nog 10 minuten'); // eslint-disable-line @typescript-eslint/no-explicit-any -- connector JSON
    let throttled = 0;
    let bramsCardAt = 0;
    let letGo!: () => void;
    const mayGo = new Promise<void>((r) => (letGo = r));
    t.connector.faults.push((req) => (throttled === 0 && isWarning(req) ? (throttled++, { status: 429, retryAfterSeconds: 1 }) : undefined));
    t.connector.holds.push((req) => (throttled === 1 && isWarning(req) ? mayGo : undefined));

    t.clock.advanceMinutes(50);
    const warning = t.app.scheduler.runDue();
    await waitUntil('the warning was stored and its message throttled', async () => throttled === 1 && (await g.session()).warned === true);

    const putsBefore = t.connector.calls.filter((c) => c.method === 'PUT' && c.id === g.sessionMessageId).length;
    const brams = await postStraight(t, execute(g.conv, bram, 'session.goto', { ...g.ids(), index: 2, from: 1 }, g.sessionMessageId));
    expect(isNormalCard(brams.body)).toBe(true);
    await waitUntil('Bram\'s step reached the shared card', () => {
      const landed = t.connector.calls.filter((c) => c.method === 'PUT' && c.id === g.sessionMessageId).length > putsBefore;
      if (landed && !bramsCardAt) bramsCardAt = performance.now();
      return landed;
    });
    expect(sharedCurrent(g)).toContain('3.');
    await waitUntil('the pacing interval since Bram\'s update has passed', () => performance.now() - bramsCardAt > SHARED_CARD_INTERVAL_MS + 100);
    letGo();
    await warning;
    await t.app.sharedCards.idle();

    const stored = await g.session();
    expect({ index: stored.currentIndex, warned: stored.warned }).toEqual({ index: 2, warned: true });
    expect(t.connector.texts().filter((x) => x.startsWith('Nog 10 minuten'))).toHaveLength(1);
    expect(sharedCurrent(g)).toContain('3.');
    expect(cardText(g.sharedCard())).toContain('rond af en check uit');
  });
});
