import { createServer, IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the fake does with the next chat completion request. */
export type Behaviour =
  | { kind: 'success'; content: string }
  | { kind: 'rateLimited'; retryAfterSeconds: number }
  | { kind: 'malformed'; content: string }
  | { kind: 'hang' }
  | { kind: 'serverError'; retryAfterSeconds?: number }
  /** Azure's content filter refused the prompt: HTTP 400 with code content_filter. */
  | { kind: 'promptFiltered'; categories: FilterCategory[] }
  /** Azure's content filter stopped the answer: 200 with finish_reason content_filter. */
  | { kind: 'outputFiltered'; categories: FilterCategory[]; partial: string | null }
  /** The answer ran into max_tokens: 200 with finish_reason length and cut-off content. */
  | { kind: 'truncated'; content: string };

export type FilterCategory = 'hate' | 'sexual' | 'violence' | 'self_harm';
const CATEGORIES: FilterCategory[] = ['hate', 'sexual', 'violence', 'self_harm'];

export const success = (draft: unknown): Behaviour => ({ kind: 'success', content: JSON.stringify(draft) });
export const rateLimited = (retryAfterSeconds: number): Behaviour => ({ kind: 'rateLimited', retryAfterSeconds });
/** 200 with content that is not JSON, or JSON of the wrong shape when given an object. */
export const malformed = (content: string | object): Behaviour => ({
  kind: 'malformed',
  content: typeof content === 'string' ? content : JSON.stringify(content),
});
export const hang = (): Behaviour => ({ kind: 'hang' });
export const serverError = (retryAfterSeconds?: number): Behaviour => ({ kind: 'serverError', ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
export const promptFiltered = (...categories: FilterCategory[]): Behaviour => ({ kind: 'promptFiltered', categories: categories.length ? categories : ['violence'] });
export const outputFiltered = (partial: string | null = null, ...categories: FilterCategory[]): Behaviour => ({ kind: 'outputFiltered', categories: categories.length ? categories : ['hate'], partial });
export const truncated = (content: string): Behaviour => ({ kind: 'truncated', content });

/** Azure's per-category verdicts, as it adds them to every prompt and choice. */
function filterResults(filtered: FilterCategory[]) {
  return Object.fromEntries(CATEGORIES.map((c) => [c, filtered.includes(c) ? { filtered: true, severity: 'high' } : { filtered: false, severity: 'safe' }]));
}

export interface RecordedRequest {
  method: string;
  path: string;
  apiVersion: string | null;
  headers: IncomingHttpHeaders;
  body: any;
  receivedAt: number;
}

export interface FakeAzureOpenAi {
  url: string;
  deployment: string;
  apiKey: string;
  script(...behaviours: Behaviour[]): void;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** The app's settings that point the real Azure OpenAI SDK at this fake. */
export function aiSettings(ai: FakeAzureOpenAi, opts: { timeoutMs: number; retries: number }): Record<string, string> {
  return { AZURE_OPENAI_ENDPOINT: ai.url, AZURE_OPENAI_DEPLOYMENT: ai.deployment, AZURE_OPENAI_API_KEY: ai.apiKey, AI_TIMEOUT_MS: String(opts.timeoutMs), AI_MAX_RETRIES: String(opts.retries) };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function completion(content: string | null, finishReason = 'stop', filtered: FilterCategory[] = []): unknown {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: 'gpt-4o-2024-08-06',
    prompt_filter_results: [{ prompt_index: 0, content_filter_results: { ...filterResults([]), jailbreak: { filtered: false, detected: false } } }],
    choices: [{ index: 0, finish_reason: finishReason, message: { role: 'assistant', content, refusal: null }, content_filter_results: filterResults(filtered) }],
    usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
  };
}

/** A local stand-in for the Azure OpenAI chat completions REST endpoint, driven by a script. */
export async function startFakeAzureOpenAi(deployment = 'gpt-4o-test', apiKey = 'fake-key'): Promise<FakeAzureOpenAi> {
  const queue: Behaviour[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const route = `/openai/deployments/${deployment}/chat/completions`;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try { body = JSON.parse(text); } catch { body = text; }
      requests.push({ method: req.method ?? '', path: url.pathname, apiVersion: url.searchParams.get('api-version'), headers: req.headers, body, receivedAt: Date.now() });

      if (req.headers['api-key'] !== apiKey) {
        return sendJson(res, 401, { error: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint.' } });
      }
      if (req.method !== 'POST' || url.pathname !== route) {
        return sendJson(res, 404, { error: { code: 'DeploymentNotFound', message: 'The API deployment for this resource does not exist.' } });
      }
      if (!url.searchParams.get('api-version')) {
        return sendJson(res, 404, { error: { code: '404', message: 'Resource not found' } });
      }
      const behaviour = queue.shift() ?? serverError();
      switch (behaviour.kind) {
        case 'success':
        case 'malformed':
          return sendJson(res, 200, completion(behaviour.content));
        case 'rateLimited':
          return sendJson(
            res,
            429,
            { error: { code: '429', message: `Requests to the ChatCompletions_Create Operation have exceeded the token rate limit of your current pricing tier. Please retry after ${behaviour.retryAfterSeconds} seconds.` } },
            { 'retry-after': String(behaviour.retryAfterSeconds) },
          );
        case 'serverError':
          return sendJson(res, 500, { error: { code: 'InternalServerError', message: 'The server had an error while processing your request.' } }, behaviour.retryAfterSeconds === undefined ? {} : { 'retry-after': String(behaviour.retryAfterSeconds) });
        case 'hang':
          return; // close() destroys the socket
        case 'promptFiltered':
          return sendJson(res, 400, {
            error: {
              message: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry.",
              type: null,
              param: 'prompt',
              code: 'content_filter',
              status: 400,
              innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result: { ...filterResults(behaviour.categories), jailbreak: { filtered: false, detected: false } } },
            },
          });
        case 'outputFiltered':
          return sendJson(res, 200, completion(behaviour.partial, 'content_filter', behaviour.categories));
        case 'truncated':
          return sendJson(res, 200, completion(behaviour.content, 'length'));
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    deployment,
    apiKey,
    requests,
    script: (...behaviours) => { queue.push(...behaviours); },
    close: () =>
      new Promise<void>((resolve) => {
        // Keep-alive and hung sockets would keep the server (and jest) alive otherwise.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
