import { ConfigError, parseConfig } from '../../src/config/config';

describe('B3-spiegel configuration', () => {
  it('has safe defaults: minimum 5, reminders halfway and a day before, Teams\' limits', () => {
    const c = parseConfig({}).pulsePoll;
    expect(c.minRespondents).toBe(5);
    expect(c.reminderPoints).toEqual([{ kind: 'share', percent: 50 }, { kind: 'daysBefore', days: 1 }]);
    expect(c.outbox).toEqual({ tenantPerSecond: 50, conversationPerSecond: 7, concurrency: 16 });
    expect(c.hr).toEqual({ userIds: [], groupId: undefined });
  });

  it('never lets the minimum go below 3', () => {
    expect(() => parseConfig({ B3_MIN_RESPONDENTS: '2' })).toThrow(ConfigError);
    expect(() => parseConfig({ B3_MIN_RESPONDENTS: '0' })).toThrow(/B3_MIN_RESPONDENTS/);
    expect(parseConfig({ B3_MIN_RESPONDENTS: '3' }).pulsePoll.minRespondents).toBe(3);
  });

  it('requires the hash key with Azure Cosmos DB, and a long one', () => {
    expect(() => parseConfig({ ALLOW_LOCAL_MODE: 'true', COSMOS_ENDPOINT: 'https://x.documents.azure.com', REPORT_LINK_SECRET: 'r'.repeat(32) })).toThrow(/POLL_HASH_KEY/);
    expect(() => parseConfig({ ALLOW_LOCAL_MODE: 'true', COSMOS_ENDPOINT: 'https://x.documents.azure.com', REPORT_LINK_SECRET: 'r'.repeat(32), POLL_HASH_KEY: 'short' })).toThrow(/POLL_HASH_KEY/);
    expect(parseConfig({ ALLOW_LOCAL_MODE: 'true', COSMOS_ENDPOINT: 'https://x.documents.azure.com', REPORT_LINK_SECRET: 'r'.repeat(32), POLL_HASH_KEY: 'k'.repeat(32) }).pulsePoll.hashKey).toBe('k'.repeat(32));
  });

  it('reads HR ids, reminder points and limits', () => {
    const c = parseConfig({ HR_USER_IDS: 'a, b', HR_GROUP_ID: 'g', B3_REMINDER_POINTS: '25%, 2d ,75%', OUTBOX_TENANT_RPS: '20', GRAPH_BASE_URL: 'http://127.0.0.1:9' }).pulsePoll;
    expect(c.hr).toEqual({ userIds: ['a', 'b'], groupId: 'g' });
    expect(c.reminderPoints).toEqual([{ kind: 'share', percent: 25 }, { kind: 'daysBefore', days: 2 }, { kind: 'share', percent: 75 }]);
    expect(c.outbox.tenantPerSecond).toBe(20);
    expect(c.graphBaseUrl).toBe('http://127.0.0.1:9');
  });

  it.each(['soon', '50', '0%', '100%', '50%;1d'])('refuses reminder points %s', (spec) => {
    expect(() => parseConfig({ B3_REMINDER_POINTS: spec })).toThrow(ConfigError);
  });
});
