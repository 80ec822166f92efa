import { ConfigError, parseConfig } from '../../src/config/config';

describe('the rhythm\'s configuration', () => {
  it('defaults to the Dutch holidays and a reminder 15 minutes before a session', () => {
    expect(parseConfig({}).rhythm).toEqual({ holidayRegion: 'NL', reminderMinutes: 15 });
  });

  it('reads another region (country, or country-state) and reminder time', () => {
    expect(parseConfig({ HOLIDAY_REGION: 'be', SESSION_REMINDER_MINUTES: '30' }).rhythm).toEqual({ holidayRegion: 'BE', reminderMinutes: 30 });
    expect(parseConfig({ HOLIDAY_REGION: 'DE-BY' }).rhythm.holidayRegion).toBe('DE-BY');
    expect(parseConfig({ HOLIDAY_REGION: '' }).rhythm.holidayRegion).toBe('NL');
  });

  it.each([
    [{ HOLIDAY_REGION: 'Nederland' }, 'HOLIDAY_REGION'],
    [{ HOLIDAY_REGION: 'NL-XX' }, 'HOLIDAY_REGION'],
    [{ SESSION_REMINDER_MINUTES: '0' }, 'SESSION_REMINDER_MINUTES'],
    [{ SESSION_REMINDER_MINUTES: 'soon' }, 'SESSION_REMINDER_MINUTES'],
  ])('stops with a message naming what to set for %j', (env, name) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(name);
  });
});
