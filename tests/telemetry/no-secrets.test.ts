import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { REDACTED, redactQuery, redactUrls, RedactUrlsSpanProcessor } from '../../src/telemetry/redact-urls';
import { message, user } from '../support/activities';
import { RecordingConnector } from '../support/recording-connector';
import { bundleApp, runApp, startCollector, stopApp, stopCollector } from './app-process';

jest.setTimeout(90_000);

/**
 * Telemetry carries no secrets: the HR report's download link is a bearer token in its query
 * string, and OpenTelemetry records the whole URL of every request and dependency.
 */
describe('telemetry carries no secrets from URLs', () => {
  describe('the real app, sending to a local Application Insights stand-in', () => {
    let entry: string;
    let connector: RecordingConnector;
    let collector: Awaited<ReturnType<typeof startCollector>>;
    beforeAll(async () => {
      entry = bundleApp('telemetry-secrets');
      connector = await new RecordingConnector().start();
      collector = await startCollector();
    });
    afterAll(async () => {
      if (entry) rmSync(dirname(entry), { recursive: true, force: true });
      await connector?.stop();
      if (collector) await stopCollector(collector);
    });

    it('does not send the HR report link\'s token, but still records the download', async () => {
      const hanna = user('Hanna');
      const app = await runApp(entry, {
        APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=${collector.url}`,
        // Only for the self-signed loopback collector in this child process.
        NODE_TLS_REJECT_UNAUTHORIZED: '0',
        HR_USER_IDS: hanna.aadObjectId,
        REPORT_LINK_SECRET: 'r'.repeat(40),
      });
      // In the 1:1 chat the bot posts the report itself, links included (in a channel only the asker's refresh has them).
      const chat = { id: 'a:personal-hanna', type: 'personal' as const, tenantId: 'tenant-1', serviceUrl: connector.url };
      await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message(chat, hanna, 'rapport')) });
      const card = connector.cards().at(-1)!.card;
      const link = new URL(card.actions[0].url);
      const token = link.searchParams.get('token')!;
      expect(token.length).toBeGreaterThan(20);
      const res = await fetch(`${app.url}${link.pathname}${link.search}`);
      expect(res.status).toBe(200);
      await stopApp(app); // shutdown flushes what is buffered

      const sent = JSON.stringify(collector.items);
      const where = collector.items.filter((i) => JSON.stringify(i).includes(token)).map((i) => `${i.data?.baseType}: ${String(i.data?.baseData?.url ?? i.data?.baseData?.name).slice(0, 80)}...`);
      expect({ tokenSent: sent.includes(token), where }).toEqual({ tokenSent: false, where: [] });
      // Not by dropping the request: it is there, its URL without the token's value.
      const download = collector.items.find((i) => i.data?.baseType === 'RequestData' && String(i.data.baseData.url).includes('/reports/hr.csv'));
      expect(download?.data.baseData.url).toMatch(/\/reports\/hr\.csv\?token=\[redacted\]$/);
      expect(download?.data.baseData.name).toBe('GET /reports/hr.csv');
      // Nor are the signing secret or the connection's instrumentation key echoed anywhere else.
      expect(sent).not.toContain('r'.repeat(40));
    });
  });

  describe('the span processor', () => {
    it('redacts every query value of requests and dependencies, keeping names and harmless api-version', () => {
      const span = {
        name: 'GET /reports/hr.csv?token=abc.def.ghi',
        attributes: {
          'http.method': 'GET',
          'http.url': 'http://app/reports/hr.csv?token=abc.def.ghi&x=1#top',
          'url.full': 'https://blob.example/c/f?sv=2024&sig=S3CR3T%3D&api-version=2024-10-21',
          'http.target': '/reports/hr.csv?token=abc.def.ghi',
          'url.query': 'token=abc.def.ghi&code=xyz',
          'http.status_code': 200,
          'url.path': '/reports/hr.csv',
        } as Record<string, string | number>,
        events: [{ name: 'exception', attributes: { 'exception.message': 'fetch https://o.example/k?key=SECRET failed' } as Record<string, string> }],
      };
      new RedactUrlsSpanProcessor().onEnd(span);
      expect(span).toEqual({
        name: `GET /reports/hr.csv?token=${REDACTED}`,
        attributes: {
          'http.method': 'GET',
          'http.url': `http://app/reports/hr.csv?token=${REDACTED}&x=${REDACTED}#top`,
          'url.full': `https://blob.example/c/f?sv=${REDACTED}&sig=${REDACTED}&api-version=2024-10-21`,
          'http.target': `/reports/hr.csv?token=${REDACTED}`,
          'url.query': `token=${REDACTED}&code=${REDACTED}`,
          'http.status_code': 200,
          'url.path': '/reports/hr.csv',
        },
        events: [{ name: 'exception', attributes: { 'exception.message': `fetch https://o.example/k?key=${REDACTED} failed` } }],
      });
    });

    it('attack: a Bot Connector path does not name the chat (who gets a private nudge is who has not answered)', () => {
      expect(redactUrls('POST https://smba.trafficmanager.net/emea/v3/conversations/a%3A1xYz-member-chat/activities')).toBe(`POST https://smba.trafficmanager.net/emea/v3/conversations/${REDACTED}/activities`);
      expect(redactUrls('/v3/conversations/19:abc@thread.v2/activities/1700000000000?x=1')).toBe(`/v3/conversations/${REDACTED}/activities/1700000000000?x=${REDACTED}`);
      expect(redactUrls('POST /v3/conversations')).toBe('POST /v3/conversations');
    });

    it('leaves text without a query string alone', () => {
      expect(redactUrls('POST /api/messages')).toBe('POST /api/messages');
      expect(redactUrls('https://x.documents.azure.com/dbs/lerendwerken/colls/sessions')).toBe('https://x.documents.azure.com/dbs/lerendwerken/colls/sessions');
      expect(redactQuery('flag')).toBe('flag');
    });
  });
});
