import { ConfigError, loadConfig } from './config/config';
import { noBusinessEvents } from './domain/shared/business-events';
import { createLogger } from './log/logger';
import type { Telemetry } from './telemetry/azure-monitor';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  // A stray rejection (a telemetry flush, a background send) must not take the app down with it.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason instanceof Error ? reason.message : String(reason) }, 'unhandled rejection'));
  // Telemetry first: OpenTelemetry instruments HTTP and the Azure SDK only for modules loaded after it.
  let telemetry: Telemetry | undefined;
  if (config.telemetry.connectionString) {
    const { startAzureMonitor } = await import('./telemetry/azure-monitor');
    telemetry = startAzureMonitor(config.telemetry.connectionString);
    logger.info('telemetry on: Application Insights');
  } else {
    logger.info('telemetry off: APPLICATIONINSIGHTS_CONNECTION_STRING is not set');
  }
  const { startApp } = await import('./app/compose');
  const app = await startApp(config, { logger, events: telemetry?.events ?? noBusinessEvents });
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    await app.stop();
    await telemetry?.shutdown();
    clearTimeout(force);
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error('Lerend Werken failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
