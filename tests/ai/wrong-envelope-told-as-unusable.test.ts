/**
 * Found in review, stop 67.
 *
 * Azure (or a gateway in front of it) answered 200 with JSON that is no chat completion: `{}`,
 * `choices: null`, a choice without a message, a JSON array. Reading `completion.choices[0]` threw,
 * so the group read "AI is nu niet bereikbaar." (`unavailable`) and the log named a TypeError of
 * our own code.
 * Must hold: such a body is an unusable answer (`invalid-output`), logged as that outcome with no
 * error type.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProposalDrafter } from '../../src/ai/azure-openai-proposal-drafter';
import type { AppConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';

const BODIES: Array<[string, unknown]> = [
  ['an empty object', {}],
  ['choices null', { id: 'x', object: 'chat.completion', choices: null }],
  ['a choice without a message', { id: 'x', object: 'chat.completion', choices: [{ index: 0, finish_reason: 'stop' }] }],
  ['a choice that is null', { id: 'x', object: 'chat.completion', choices: [null] }],
  ['prompt filter results that are no list', { id: 'x', object: 'chat.completion', choices: [], prompt_filter_results: { hate: { filtered: false } } }],
  ['a JSON array', []],
  ['JSON null', null],
];

describe('a 200 whose JSON is not a chat completion', () => {
  let url = '';
  let body: unknown = {};
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it.each(BODIES)('%s is an unusable answer', async (name, answer) => {
    body = answer;
    const lines: string[] = [];
    const settings: AppConfig['ai'] = { enabled: true, endpoint: url, apiKey: 'k', deployment: 'd', apiVersion: '2024-10-21', timeoutMs: 5000, maxRetries: 0 };
    const drafter = createProposalDrafter(settings, createLogger('info', { write: (l: string) => void lines.push(l) }));
    const result = await drafter.draft({ language: 'nl', answers: [{ questionId: 1, question: 'Welke situatie?', answer: 'Overdracht' }] });
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((e) => e.event === 'ai.draft');
    expect({ name, result, outcome: logged?.outcome, errorType: logged?.errorType }).toEqual({ name, result: { ok: false, reason: 'invalid-output' }, outcome: 'invalid-output', errorType: undefined });
  });
});
