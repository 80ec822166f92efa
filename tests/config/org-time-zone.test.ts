import { ConfigError, parseConfig } from '../../src/config/config';

/** ORG_TIME_ZONE: the organisation's time zone, for dates and times where no group or person chose one. */
describe('ORG_TIME_ZONE', () => {
  it('is Europe/Amsterdam by default', () => {
    expect(parseConfig({}).orgTimeZone).toBe('Europe/Amsterdam');
  });

  it('takes any IANA zone', () => {
    expect(parseConfig({ ORG_TIME_ZONE: 'America/New_York' }).orgTimeZone).toBe('America/New_York');
  });

  it.each(['Mars/Olympus', 'CET+1', 'amsterdam'])('refuses %s, naming the variable', (zone) => {
    expect(() => parseConfig({ ORG_TIME_ZONE: zone })).toThrow(ConfigError);
    expect(() => parseConfig({ ORG_TIME_ZONE: zone })).toThrow(/ORG_TIME_ZONE: .*IANA time zone/);
  });
});
