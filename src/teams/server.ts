import restify from 'restify';
import { Activity, ActivityTypes, INVOKE_RESPONSE_KEY } from 'botbuilder';
import { Application, TurnState } from './teams-ai';
import type { Logger } from '../log/logger';
import { checkActivity } from './activity-envelope';
import { loggableError } from '../log/loggable-error';
import { Authenticated, EdgeAdapter, TurnToRedeliver } from './bot-app';
import { addressedToThisMachine } from './this-machine-only';

type Answer = { status: number; body?: unknown };

/** Why a token was refused, for the log: the error's kind and message, never the token itself. */
function rejectionReason(err: unknown): { reason: string; errorType: string } {
  const e = err as { name?: string; message?: string; constructor?: { name?: string } };
  const reason = String(e?.message ?? err).replace(/[^\x20-\x7e]/g, '').slice(0, 160);
  return { reason, errorType: e?.constructor?.name ?? e?.name ?? typeof err };
}

/**
 * One request to /api/messages: authenticate, check the activity's envelope, run the turn.
 * A rejected token is a 401; an activity that is not what Teams sends is ignored with a warning
 * (a 400 for an invoke, or when it is no activity at all); a turn no handler answered is a 400;
 * a turn a handler failed on purpose (TurnToRedeliver) is a 503, so that Teams delivers it again.
 */
async function receive(adapter: EdgeAdapter, app: Application<TurnState>, logger: Logger, body: unknown, authHeader: string): Promise<Answer> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { status: 400 };
  let auth: Authenticated;
  try {
    auth = await adapter.authenticate(body as Partial<Activity>, authHeader);
  } catch (err) {
    logger.warn({ ...rejectionReason(err), withToken: authHeader.length > 0 }, 'bot token rejected');
    return { status: 401 };
  }
  const checked = checkActivity(body);
  if (!checked.ok) {
    logger.warn({ problems: checked.problems, invoke: checked.invoke }, 'invalid activity ignored');
    return { status: checked.invoke || checked.kind === 'notAnActivity' ? 400 : 200 };
  }
  let invoke;
  try {
    invoke = await adapter.runTurn(auth, checked.activity as unknown as Activity, async (context) => {
      await app.run(context);
      if (context.activity.type === ActivityTypes.Invoke && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
        logger.info({ name: String(context.activity.name ?? '').slice(0, 60) }, 'invoke nobody answers');
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 400 } });
      }
    });
  } catch (err) {
    if (!(err instanceof TurnToRedeliver)) throw err;
    logger.warn({ reason: err.message, activityType: checked.activity.type }, 'turn failed on purpose; answered 503 so Teams delivers it again');
    return { status: 503 };
  }
  return invoke ? { status: invoke.status, body: invoke.body } : { status: 200 };
}

/** How long an idle connection to /api/messages stays open: longer than the callers keep theirs. */
const KEEP_ALIVE_MS = 120_000;

/**
 * Teams, the tab and the dev sign-in send JSON only. Any other body is refused before it is read:
 * restify's full body parser would also take multipart uploads and write their files to the temp
 * folder before any route checked a token (and nothing deletes them).
 */
function refuseBodiesOtherThanJson(req: restify.Request, res: restify.Response, next: restify.Next): void {
  const hasBody = req.isChunked() || Number(req.header('content-length') ?? 0) > 0;
  if (!hasBody || /^application\/(.+\+)?json$/.test(req.getContentType())) return next();
  res.send(415, { error: 'unsupportedMediaType', detail: 'send application/json' });
  return next(false);
}

/**
 * A compressed body is refused before anything reads it. restify's body reader inflates gzip
 * itself: a body that is not gzip crashed the process (its inflater has no error listener), and
 * the size limit counted the compressed bytes, so a few KB could inflate to gigabytes. Teams, the
 * tab and the dev sign-in never compress a request. `identity` is no encoding: it is read as absent.
 */
function refuseEncodedBodies(req: restify.Request, res: restify.Response, next: restify.Next): void {
  const encoding = req.headers['content-encoding'];
  if (encoding === undefined) return next();
  if (encoding.trim().toLowerCase() === 'identity') {
    // The body reader refuses every encoding but gzip, `identity` too.
    delete req.headers['content-encoding'];
    return next();
  }
  res.header('Accept-Encoding', 'identity');
  res.send(415, { error: 'unsupportedMediaType', detail: 'send the body uncompressed' });
  return next(false);
}

/**
 * The answer to a request body the body reader or the JSON parser refused, or to a path or method
 * no route takes: a code, never restify's message (it quotes the body or the path). Undefined for
 * any other error, which restify answers.
 */
function bodyRefusal(err: unknown): { status: number; body: { error: string } } | undefined {
  const name = (err as { name?: unknown } | undefined)?.name;
  if (name === 'InvalidContentError' || name === 'BadRequestError' || name === 'BadDigestError') return { status: 400, body: { error: 'invalidInput' } };
  if (name === 'PayloadTooLargeError' || name === 'RequestEntityTooLargeError') return { status: 413, body: { error: 'tooLarge' } };
  // Restify's own messages quote the path asked for, and a path can hold a report link's token.
  if (name === 'ResourceNotFoundError') return { status: 404, body: { error: 'notFound' } };
  if (name === 'MethodNotAllowedError') return { status: 405, body: { error: 'methodNotAllowed' } };
  return undefined;
}

/**
 * Local mode's guard against DNS rebinding (`addressedToThisMachine`). The 403 names no host: a
 * rebinding page reads it as its own origin, and with HOST=0.0.0.0 the list holds every address
 * of this machine's interfaces.
 */
function thisMachineOnly(hostNames: readonly string[]): restify.RequestHandler {
  return (req, res, next) => {
    if (addressedToThisMachine(req.headers.host, hostNames)) return next();
    res.send(403, { error: 'wrongHost', detail: 'local mode answers only requests addressed to this machine' });
    return next(false);
  };
}

export interface ServerOptions {
  /** Local mode: the only host names requests may be addressed to (`localModeHostNames`); absent, any. */
  hostNames?: readonly string[];
}

/** The HTTP surface: the Bot Framework endpoint and a health check. */
export function createServer(adapter: EdgeAdapter, app: Application<TurnState>, logger: Logger, options: ServerOptions = {}): restify.Server {
  const server = restify.createServer({ name: 'lerend-werken', handleUncaughtExceptions: false });
  // Before routing, so that they hold for every route the features add, and for no route at all.
  if (options.hostNames) server.pre(thisMachineOnly(options.hostNames));
  server.pre(refuseEncodedBodies);
  // Teams' front end (and any proxy before the app) reuses connections for longer than Node's
  // default 5 s: a connection closed under a request it had just sent drops that activity.
  server.server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.server.headersTimeout = KEEP_ALIVE_MS + 1000;
  server.use(refuseBodiesOtherThanJson);
  // The options go to its body reader too (restify's types leave that out).
  server.use(restify.plugins.jsonBodyParser({ maxBodySize: 1024 * 1024 } as restify.plugins.JsonBodyParserOptions));
  server.post('/api/messages', async (req, res) => {
    let answer: Answer;
    try {
      answer = await receive(adapter, app, logger, req.body, req.header('authorization') ?? '');
    } catch (err) {
      logger.error({ err: (err as Error).message, stack: (err as Error).stack }, 'activity could not be processed');
      answer = { status: 500 };
    }
    res.header('User-Agent', adapter.userAgent);
    if (answer.body === undefined) res.send(answer.status);
    else res.send(answer.status, answer.body);
  });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  // Its kind and status only: a body parser's message quotes the body, a 404's the path asked for.
  // A body the parser refused is answered here in the API's own shape, so restify's English
  // message, which quotes the body (a private note), never goes back either.
  server.on('restifyError', (_req, res, err, cb) => {
    logger.warn(loggableError(err), 'http error');
    const refusal = bodyRefusal(err);
    if (refusal && !res.headersSent) {
      res.set({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      res.send(refusal.status, refusal.body);
    }
    cb();
  });
  return server;
}
