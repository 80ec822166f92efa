import restify from 'restify';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { Logger } from '../log/logger';

/** The HTTP surface: the Bot Framework endpoint and a health check. */
export function createServer(adapter: TeamsAdapter, app: Application<TurnState>, logger: Logger): restify.Server {
  const server = restify.createServer({ name: 'lerend-werken', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024 }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      await app.run(context);
    });
  });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  server.on('restifyError', (_req, _res, err, cb) => {
    logger.warn({ status: (err as { statusCode?: number }).statusCode, err: err.message }, 'http error');
    cb();
  });
  return server;
}
