/**
 * A draft whose budget ends while the SDK waits to try again after a network error (Azure
 * unreachable: the connection is reset, no HTTP answer) is told as Azure unavailable, as the same
 * outage is without a budget, not as Azure being slow. (Found in review, stop 51.)
 */
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProposalDrafter } from '../../src/ai/azure-openai-proposal-drafter';
import type { AppConfig } from '../../src/config/config';
import type { ProposalInput } from '../../src/domain/proposal/proposal-draft';
import { createLogger } from '../../src/log/logger';
import { waitUntil } from '../outbox/wait-until';

const input: ProposalInput = {
  language: 'nl',
  answers: [{ questionId: 1, question: 'Welke werksituatie pakken we aan?', answer: 'De overdracht tussen dag- en avonddienst.' }],
};

describe('the AI draft after network errors', () => {
  let server: Server;
  let requests = 0;
  let url = '';
  beforeEach(async () => {
    requests = 0;
    // Every request: the connection is reset before any answer (an unreachable Azure, a dropped link).
    server = createServer((req) => {
      requests++;
      req.socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const settings = (maxRetries: number): AppConfig['ai'] => ({ enabled: true, endpoint: url, apiKey: 'k', deployment: 'gpt-4o-test', apiVersion: '2024-10-21', timeoutMs: 10 * 60_000, maxRetries });

  test('without a budget, a connection reset on every attempt reads unavailable (the baseline)', async () => {
    const result = await createProposalDrafter(settings(0), createLogger('error', { write: () => undefined })).draft(input);
    expect(result).toEqual({ ok: false, reason: 'unavailable' });
  });

  test('a budget that ends while the SDK waits after a connection reset reads unavailable, as without the budget, not timeout (slow)', async () => {
    // Back-offs of the SDK (openai 4.x): 0.375-0.5 s, then 0.75-1 s; each attempt is reset at once.
    // The budget ends shortly after the second reset: in the wait before the third attempt.
    const controller = new AbortController();
    const drafting = createProposalDrafter(settings(6), createLogger('error', { write: () => undefined })).draft(input, controller.signal);
    await waitUntil('the second attempt was reset', () => requests === 2, { timeoutMs: 30_000 });
    // Placed inside the second wait (at least 750 ms): the client has seen the reset, the third attempt is not due.
    await new Promise((resolve) => setTimeout(resolve, 400));
    controller.abort();
    expect(await drafting).toEqual({ ok: false, reason: 'unavailable' });
    expect(requests).toBe(2);
  });
});
