import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** An Azure OpenAI stand-in that holds each chat completion until the test lets it answer. */
export async function gatedAzureOpenAi(deployment = 'gpt-4o-test', apiKey = 'gated-key') {
  const waiting: { res: ServerResponse }[] = [];
  const arrived: (() => void)[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      waiting.push({ res });
      arrived.splice(0).forEach((f) => f());
    });
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    env: { AZURE_OPENAI_ENDPOINT: url, AZURE_OPENAI_DEPLOYMENT: deployment, AZURE_OPENAI_API_KEY: apiKey, AI_TIMEOUT_MS: '60000', AI_MAX_RETRIES: '0' },
    /** Resolves once a request is being held. */
    held: () => (waiting.length ? Promise.resolve() : new Promise<void>((r) => arrived.push(r))),
    answer(draft: unknown) {
      const { res } = waiting.shift()!;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({
        id: 'chatcmpl-gated', object: 'chat.completion', created: 0, model: 'gpt-4o',
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: JSON.stringify(draft), refusal: null } }],
      }));
    },
    close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
  };
}
