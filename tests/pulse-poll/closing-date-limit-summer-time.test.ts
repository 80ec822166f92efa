import { closingInstant, MAX_OPEN_DAYS } from '../../src/domain/pulse-poll/poll';
import { PulseDriver, HR, members, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A poll may stay open until a closing date at most MAX_OPEN_DAYS (60) days from today. Whether a
 * date is allowed must not depend on the hour HR types the command, also when the open period
 * crosses a change of summer time (a 25- or 23-hour day): the limit was counted in milliseconds,
 * so at 00:30 a 60-day date was refused and at 23:30 a 61-day one accepted. Found in review, stop 32.
 */
const AMS = 'Europe/Amsterdam';

describe('the 60-day limit on a closing date, across a summer-time change', () => {
  it('accepts 31 October 2026 (60 days after 1 September) at 00:30 local on 1 September, as it does at 10:00', () => {
    expect(MAX_OPEN_DAYS).toBe(60);
    // 10:00 on 1 September in Amsterdam: accepted.
    expect(closingInstant('2026-10-31', new Date('2026-09-01T08:00:00Z'), AMS).toISOString()).toBe('2026-10-31T23:00:00.000Z');
    // 00:30 on 1 September in Amsterdam (31 August 22:30 UTC): the same date, the same day.
    expect(() => closingInstant('2026-10-31', new Date('2026-08-31T22:30:00Z'), AMS)).not.toThrow();
  });

  it('refuses 3 April 2027 (61 days after 1 February) at 23:30 local on 1 February, as it does at 10:00', () => {
    // 10:00 on 1 February in Amsterdam: refused, 61 days is one too many.
    expect(() => closingInstant('2027-04-03', new Date('2027-02-01T09:00:00Z'), AMS)).toThrow();
    // 23:30 on 1 February (22:30 UTC), with the 23-hour day of 28 March in between: the same date, the same rule.
    expect(() => closingInstant('2027-04-03', new Date('2027-02-01T22:30:00Z'), AMS)).toThrow();
  });

  describe('over HTTP: HR starts the poll just after midnight', () => {
    let t: TestApp;
    let d: PulseDriver;
    const north = team('Care Team North', 'north', [HR, ...members('north', 5)]);
    beforeAll(async () => {
      t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'sixty-days-key'.padEnd(40, 'x') }, '2026-08-31T22:30:00Z');
      d = new PulseDriver(t);
    }, 60_000);
    afterAll(() => t.stop());

    it('opens a poll closing 31 October when started at 00:30 on 1 September', async () => {
      await d.startPoll(north, 'poll start this team 2026-10-31 language en');
      const polls = (await t.cosmos.container('polls').items.query("SELECT * FROM c WHERE c.type = 'poll'").fetchAll()).resources;
      expect(polls.map((p) => p.closesOn)).toEqual(['2026-10-31']);
    }, 60_000);
  });
});
