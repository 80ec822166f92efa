import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { FakeAzureOpenAi, malformed, rateLimited, startFakeAzureOpenAi, success } from '../support/fake-azure-openai';
import { RecordingConnector } from '../support/recording-connector';
import type { TestApp } from '../support/test-app';
import { bundleApp, runApp, startCollector, stopApp, stopCollector } from './app-process';

jest.setTimeout(120_000);

/**
 * The Azure OpenAI dependency in telemetry. The real entry point runs with Application Insights
 * pointed at a local collector and Azure OpenAI at the local fake; a group asks for drafts that
 * succeed, are rate limited and are malformed. The calls are recorded, and nothing of the API
 * key, the prompt, the answer or the people reaches telemetry.
 */
const API_KEY = 'sk-PROBE-TELEMETRY-KEY-91';
const members = ['Merel', 'Spreeuw', 'Fazant'].map(user);
const ANSWER = 'TELEMETRIEMARKER overdracht';

describe('telemetry of the AI dependency', () => {
  let entry: string;
  let connector: RecordingConnector;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let ai: FakeAzureOpenAi;
  beforeAll(async () => {
    entry = bundleApp('probe-ai-telemetry');
    connector = await new RecordingConnector().start();
    collector = await startCollector();
    ai = await startFakeAzureOpenAi('gpt-4o-test', API_KEY);
  });
  afterAll(async () => {
    if (entry) rmSync(dirname(entry), { recursive: true, force: true });
    await connector?.stop();
    if (collector) await stopCollector(collector);
    await ai?.close();
  });

  it('records the AI calls without the key, the prompt, the answer or names', async () => {
    connector.roster = members;
    const app = await runApp(entry, {
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=${collector.url}`,
      NODE_TLS_REJECT_UNAUTHORIZED: '0',
      AZURE_OPENAI_ENDPOINT: ai.url,
      AZURE_OPENAI_DEPLOYMENT: ai.deployment,
      AZURE_OPENAI_API_KEY: API_KEY,
      AI_TIMEOUT_MS: '3000',
      AI_MAX_RETRIES: '0',
    });
    const t = {
      connector,
      send: async (activity: Record<string, unknown>) => {
        const res = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : undefined };
      },
      conversation: () => ({ id: '19:probe-ai-telemetry@thread.v2', type: 'groupChat' as const, tenantId: 'tenant-1', serviceUrl: connector.url }),
    } as unknown as TestApp;
    try {
      const g = await new GroupDriver(t, t.conversation('groupChat'), members).answeredOnDayOne([`${ANSWER} 1`, `${ANSWER} 2`, `${ANSWER} 3`, `${ANSWER} 4`, `${ANSWER} 5`]);
      /** Waits until the shared card shows `text` (the draft's outcome is pushed there in the background). */
      const cardSays = async (text: string) => {
        // Up to a minute: the app runs in its own process, which a busy two-core machine may leave waiting for long.
        for (let i = 0; i < 1200; i++) {
          if (cardText(connector.latest(g.sessionMessageId)).includes(text)) return;
          await new Promise((r) => setTimeout(r, 50));
        }
        throw new Error(`the card never said ${text}`);
      };
      ai.script(rateLimited(0));
      await g.press(members[1]!, 'proposal.draft', g.ids());
      await cardSays('te druk bezet');
      // A failed draft may be asked again (the verb allows it after a failure).
      ai.script(malformed(`ECHO ${ANSWER}`));
      await g.press(members[1]!, 'proposal.draft', g.ids());
      await cardSays('onbruikbaar');
      // Naming no member: a draft that does is withheld since stop 67 (the names are checked in the telemetry all the same).
      ai.script(success({ proposal: 'VOORSTELMARKER voor het hele team', assumptions: ['a'], risks: ['r'], questionsToCheck: ['q'] }));
      await g.press(members[1]!, 'proposal.draft', g.ids());
      await cardSays('VOORSTELMARKER');
    } finally {
      await stopApp(app);
    }

    const dependencies = collector.items.filter((i) => i.data?.baseType === 'RemoteDependencyData').map((i) => i.data.baseData);
    expect(dependencies.some((d) => String(d.data ?? d.name).includes('/chat/completions'))).toBe(true);
    const sent = JSON.stringify(collector.items);
    const found = [API_KEY, 'TELEMETRIEMARKER', 'VOORSTELMARKER', 'ECHO', 'Merel', 'Spreeuw', 'Fazant', 'aad-merel', 'Team Zorg', 'GROUP_ANSWERS_JSON'].filter((s) => sent.includes(s));
    expect(found).toEqual([]);
  });
});
