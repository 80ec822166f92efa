import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrepSummarizer } from '../../src/ai/azure-openai-prep-summarizer';
import { createProposalDrafter } from '../../src/ai/azure-openai-proposal-drafter';
import type { AppConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { waitUntil } from '../outbox/wait-until';
import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp } from '../support/test-app';
import { PersonalChat, verantwoordingDeps } from '../verantwoording/support';

/**
 * Found in review, stop 54 (fixed then: the prep summary had no overall bound, so a body that
 * stalled after its headers kept it, and the app's stop(), waiting for ever).
 *
 * README: AI_TIMEOUT_MS is the "time limit per attempt". The SDK's timeout (openai core.js
 * fetchWithTimeout) is cleared as soon as the response *headers* arrive; reading the body is
 * bounded by nothing but the keep-alive agent's five-minute socket inactivity (or never, when bytes
 * trickle). The proposal drafter races its call against the draft's budget (withAbort,
 * DRAFT_BUDGET_MS). The prep summarizer passed no signal and had no budget of its own: a gateway or
 * Azure front end that answers 200 and then stalls kept the summary "being made" far past
 * AI_TIMEOUT_MS x attempts, and the app's stop() waited for it (BackgroundTasks.idle): on SIGTERM
 * src/index.ts then force-exits after 10 s with code 1, before the outbox is stopped and telemetry
 * flushed. Now the summary has a budget of its own (PREP_SUMMARY_BUDGET_MS, the same withAbort;
 * `prepSummaryBudgetMs` in compose), here a short one so the test is quick: past it there is no
 * summary, and stop() waits at most that long.
 */
const AI_TIMEOUT_MS = 300;
/** The summary's whole budget in this test; the bounds waited for are far above it. */
const BUDGET_MS = 1000;
const settingsFor = (url: string): AppConfig['ai'] => ({ enabled: true, endpoint: url, apiKey: 'stall-key', deployment: 'gpt-4o-test', apiVersion: '2024-10-21', timeoutMs: AI_TIMEOUT_MS, maxRetries: 0 });
const silent = () => createLogger('silent', { write: () => undefined });

describe('the prep summary when Azure answers 200 and then stalls the body', () => {
  let server: Server;
  let url = '';
  const sockets = new Set<Socket>();
  const open: ServerResponse[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        // Headers and the start of a completion, then nothing more.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id":"chatcmpl-stall","object":"chat.completion","choices":[');
        open.push(res);
      });
    });
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('the proposal drafter ends within its budget, told as slow (the same withAbort)', async () => {
    const drafter = createProposalDrafter(settingsFor(url), silent());
    const result = await drafter.draft({ language: 'nl', answers: [{ questionId: 1, question: 'Wat speelt er?', answer: 'De overdracht loopt uit.' }] }, AbortSignal.timeout(1000));
    expect(result).toEqual({ ok: false, reason: 'timeout' });
  });

  it('the prep summary gives up within its budget: no summary', async () => {
    const logged: string[] = [];
    const summarizer = createPrepSummarizer(settingsFor(url), createLogger('info', { write: (line: string) => void logged.push(line) }), BUDGET_MS);
    let settled = false;
    const made = summarizer.summarize({ language: 'nl', items: ['Ik wil meer regie over mijn rooster'] }).finally(() => {
      settled = true;
    });
    try {
      // 15 times the budget: far more than a bounded call takes, far less than a stalled one.
      await waitUntil('the prep summary call ended (no summary)', () => settled, { timeoutMs: 15 * BUDGET_MS, state: () => `still waiting; ${open.length} response(s) stalled after their headers` });
      await expect(made).resolves.toBeUndefined();
      // Logged as slow, by its outcome alone.
      expect(logged.map((l) => JSON.parse(l) as { event?: string; outcome?: string }).filter((l) => l.event === 'ai.prepSummary').map((l) => l.outcome)).toEqual(['timeout']);
    } finally {
      // Let a call that is still waiting end, so nothing outlives the test.
      for (const s of sockets) s.destroy();
      await made.catch(() => undefined);
    }
  });

  it('the app stops (a deploy, a restart) without waiting on a stalled prep summary', async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    const t = await startTestApp({ AZURE_OPENAI_ENDPOINT: url, AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-test', AZURE_OPENAI_API_KEY: 'stall-key', AI_TIMEOUT_MS: String(AI_TIMEOUT_MS), AI_MAX_RETRIES: '0', DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { prepSummaryWaitMs: 200, prepSummaryBudgetMs: BUDGET_MS });
    let stopped = false;
    let stopping: Promise<void> | undefined;
    try {
      await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'stall', text: 'Anna wil meer regie over haar rooster', shared: true });
      const before = open.length;
      // The preview is answered after the short in-turn wait; the summary goes on in the background.
      expect(cardText((await new PersonalChat(t, user('Anna')).say('wat ziet mijn leidinggevende')).cards[0])).toContain('Anna wil meer regie over haar rooster');
      await waitUntil('the summary request is stalled after its headers', () => open.length > before);
      stopping = t.stop().finally(() => {
        stopped = true;
      });
      await waitUntil('the app stopped', () => stopped, { timeoutMs: 15 * BUDGET_MS });
    } finally {
      for (const s of sockets) s.destroy();
      await (stopping ?? t.stop()).catch(() => undefined);
    }
  }, 60_000);
});
