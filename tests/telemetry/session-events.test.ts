import { BusinessEvent } from '../../src/domain/shared/business-events';
import { user } from '../support/activities';
import { GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Product telemetry says a session was held only when someone was there. The rhythm opens every
 * planned session by itself and the time box closes it, also in a week nobody came: such a close
 * is its own event, as the HR report does not count it as held either.
 */
describe('session events in product telemetry', () => {
  let t: TestApp;
  const events: BusinessEvent[] = [];
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { events: { record: (e) => void events.push(e) } });
  });
  afterAll(() => t.stop());

  it('records a session closed with nobody present apart from one that was held', async () => {
    const members = ['Anna', 'Bram', 'Cem'].map(user);
    const g = new GroupDriver(t, t.conversation('groupChat', '19:events@thread.v2'), members);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.end();
    await g.startSession();
    await g.checkIn(members[0]!, 4);
    await g.end();
    const closes = events.map((e) => e.name as string).filter((name) => name === 'sessionHeld' || name === 'sessionUnattended');
    expect(closes).toEqual(['sessionUnattended', 'sessionHeld']);
  });
});
