import { logs, SeverityNumber } from '@opentelemetry/api-logs';
import { shutdownAzureMonitor, useAzureMonitor } from '@azure/monitor-opentelemetry';
import { BusinessEvent, BusinessEvents } from '../domain/shared/business-events';
import { RedactUrlsSpanProcessor } from './redact-urls';

export interface Telemetry {
  events: BusinessEvents;
  shutdown(): Promise<void>;
}

/**
 * Application Insights through OpenTelemetry: incoming requests, outgoing dependencies (the Bot
 * Connector and Azure OpenAI over HTTP, Cosmos DB through the Azure SDK), exceptions, and our
 * business events as custom events. Query-string values, Bot Connector conversation ids and Cosmos
 * DB document ids in recorded URLs and names are redacted (./redact-urls.ts). Must start before the app's modules load, so their HTTP clients are
 * instrumented (see src/index.ts).
 */
export function startAzureMonitor(connectionString: string): Telemetry {
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    enableLiveMetrics: false,
    // Traffic is a few groups' card clicks: keep every trace rather than the default 5 per second,
    // so a session's requests and dependencies are seen whole.
    samplingRatio: 1,
    tracesPerSecond: 0,
    // Query strings can carry secrets (the HR report link's token): their values never leave the
    // app. Runs before the exporter's batch processor, on requests and dependencies alike.
    spanProcessors: [new RedactUrlsSpanProcessor()],
    instrumentationOptions: {
      http: { enabled: true },
      azureSdk: { enabled: true },
      // pino logs stay in the App Service log stream; only business events go to telemetry.
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
  });
  const logger = logs.getLogger('lerend-werken');
  return {
    events: {
      record(event: BusinessEvent) {
        const { name, ...measurements } = event;
        // Application Insights turns a log record with this attribute into a custom event.
        logger.emit({ severityNumber: SeverityNumber.INFO, body: name, attributes: { 'microsoft.custom_event.name': name, ...measurements } });
      },
    },
    shutdown: () => shutdownAzureMonitor(),
  };
}
