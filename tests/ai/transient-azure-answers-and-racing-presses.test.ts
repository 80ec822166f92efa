import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { groupAtQuestionSix, HANDOVER_DRAFT } from '../support/ai-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';

/**
 * Azure OpenAI's transient answers (429 with Retry-After of 0, of an hour, as an HTTP date; a 500
 * then success; a socket hang-up) through the real SDK against a scripted local server, and two
 * draft presses at once or one press redelivered while its draft runs: one call to the model, one
 * draft on the card, the group never blocked, no raw model or error text on the card or in the log.
 * (Written as a review probe at stop 50; all but the last test passed then.)
 */
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const DEPLOYMENT = 'gpt-4o-transient';
const KEY = 'transient-key';

function completion(draft: unknown) {
  return JSON.stringify({ id: 'chatcmpl-transient', object: 'chat.completion', created: 0, model: 'gpt-4o', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: JSON.stringify(draft), refusal: null } }] });
}
const ok: Handler = (_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(completion(HANDOVER_DRAFT)); };
const tooMany = (retryAfter: string): Handler => (_req, res) => {
  res.writeHead(429, { 'content-type': 'application/json', 'retry-after': retryAfter });
  res.end(JSON.stringify({ error: { code: '429', message: 'RAW-AZURE-429 Requests exceeded the token rate limit' } }));
};
const fiveHundred: Handler = (_req, res) => { res.writeHead(500, { 'content-type': 'application/json' }); res.end(JSON.stringify({ error: { code: 'InternalServerError', message: 'RAW-AZURE-500' } })); };
const hangUp: Handler = (req) => { req.socket.destroy(); };

async function scriptedAzure() {
  const queue: Handler[] = [];
  const received: number[] = [];
  const held: ServerResponse[] = [];
  let holding = false;
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push(Date.now());
      if (holding) { held.push(res); return; }
      (queue.shift() ?? fiveHundred)(req, res);
    });
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    env: { AZURE_OPENAI_ENDPOINT: url, AZURE_OPENAI_DEPLOYMENT: DEPLOYMENT, AZURE_OPENAI_API_KEY: KEY, AI_TIMEOUT_MS: '4000', AI_MAX_RETRIES: '2' },
    script: (...h: Handler[]) => { queue.push(...h); },
    received,
    hold: () => { holding = true; },
    release: () => { holding = false; for (const res of held.splice(0)) ok({} as IncomingMessage, res); },
    heldCount: () => held.length,
    close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
  };
}

describe('transient Azure answers and racing presses', () => {
  let azure: Awaited<ReturnType<typeof scriptedAzure>>;
  let t: TestApp;
  beforeAll(async () => {
    azure = await scriptedAzure();
    t = await startTestApp(azure.env, undefined, { realClock: true, draftBudgetMs: 30_000 });
  });
  afterAll(async () => {
    await t.stop();
    await azure.close();
  });

  const httpDate = () => new Date(Date.now() + 1500).toUTCString();
  it.each([
    ['429 with Retry-After 0, then the draft', () => [tooMany('0'), ok], 2],
    ['429 with Retry-After 3600, then the draft', () => [tooMany('3600'), ok], 2],
    ['429 with Retry-After as an HTTP date, then the draft', () => [tooMany(httpDate()), ok], 2],
    ['500, then the draft', () => [fiveHundred, ok], 2],
    ['a socket hang-up, then the draft', () => [hangUp, ok], 2],
  ] as const)('%s: the draft lands on the card', async (name, handlers, calls) => {
    const g = await groupAtQuestionSix(t, `19:transient-retry-${name.replace(/\W+/g, '-')}@thread.v2`);
    const before = azure.received.length;
    azure.script(...handlers());
    await g.press(MEMBERS[1]!, 'proposal.draft', g.ids());
    await t.app.background.idle();
    const shown = cardText(g.sharedCard());
    expect(shown).toContain(HANDOVER_DRAFT.proposal);
    expect(shown).toContain('Gemaakt door AI');
    expect(azure.received.length - before).toBe(calls);
    expect(t.logs.join('')).not.toMatch(/RAW-AZURE/);
  }, 60_000);

  it.each([
    ['three 429s with Retry-After 3600', [tooMany('3600'), tooMany('3600'), tooMany('3600')], 'AI is nu te druk bezet'],
    ['three socket hang-ups', [hangUp, hangUp, hangUp], 'AI is nu niet bereikbaar'],
  ] as const)('%s: the card says so, offers to ask again, and the group goes on', async (name, handlers, says) => {
    const g = await groupAtQuestionSix(t, `19:transient-fail-${name.replace(/\W+/g, '-')}@thread.v2`);
    azure.script(...handlers);
    await g.press(MEMBERS[1]!, 'proposal.draft', g.ids());
    await t.app.background.idle();
    const shown = cardText(g.sharedCard());
    expect(shown).toContain(says);
    expect(shown).toContain('Vraag AI opnieuw');
    expect(shown).not.toMatch(/RAW-AZURE|socket|ECONNRESET|Error/);
    expect(t.logs.join('')).not.toMatch(/RAW-AZURE/);
    const own = await g.contribute(MEMBERS[2]!, 6, 'Ons eigen voorstel');
    expect(cardText(own.value)).toContain('Ons eigen voorstel');
  }, 60_000);

  it('two members pressing "draft" at once, and Teams redelivering one press while the draft runs: one call, one draft', async () => {
    const g: GroupDriver = await groupAtQuestionSix(t, '19:transient-race@thread.v2');
    const before = azure.received.length;
    azure.hold();
    const press = randomUUID();
    await Promise.all([
      g.press(MEMBERS[1]!, 'proposal.draft', g.ids(), g.sessionMessageId, press),
      g.press(MEMBERS[2]!, 'proposal.draft', g.ids()),
    ]);
    await waitUntil('the model is asked', () => azure.heldCount() >= 1, { timeoutMs: 20_000 });
    // Redelivered while the draft runs, and a third member's press.
    await g.press(MEMBERS[1]!, 'proposal.draft', g.ids(), g.sessionMessageId, press);
    await g.press(MEMBERS[0]!, 'proposal.draft', g.ids());
    expect(cardText(g.sharedCard())).toContain('AI denkt mee');
    azure.release();
    await t.app.background.idle();
    expect(azure.received.length - before).toBe(1);
    const shown = cardText(g.sharedCard());
    expect(shown.split(HANDOVER_DRAFT.proposal)).toHaveLength(2);
    expect(shown.split('Gemaakt door AI')).toHaveLength(2);
  }, 60_000);
});

/**
 * Azure asks to wait 6 s (under the SDK's 60 s, so the SDK waits) and the draft's budget (2 s
 * here) runs out while it waits. Problem this guards against: the abort was classed as a timeout,
 * so the group read "AI deed er te lang over" where Azure had said it was busy. The drafter notes a
 * 429 on any attempt and reports the abort after it as `rate-limited`. (A request Azure merely
 * holds past the budget still reads "te lang": tests/ai/draft-budget.e2e.test.ts.)
 */
describe('a Retry-After longer than the draft budget', () => {
  let azure: Awaited<ReturnType<typeof scriptedAzure>>;
  let t: TestApp;
  beforeAll(async () => {
    azure = await scriptedAzure();
    t = await startTestApp(azure.env, undefined, { realClock: true, draftBudgetMs: 2_000 });
  });
  afterAll(async () => {
    await t.stop();
    await azure.close();
  });

  it('tells the group Azure was busy, not slow', async () => {
    const g = await groupAtQuestionSix(t, '19:transient-retry-budget@thread.v2');
    const before = azure.received.length;
    azure.script(tooMany('6'), ok);
    await g.press(MEMBERS[1]!, 'proposal.draft', g.ids());
    await t.app.background.idle();
    const shown = cardText(g.sharedCard());
    expect(shown).toContain('Vraag AI opnieuw');
    expect(shown).toContain('AI is nu te druk bezet');
    expect(shown).not.toContain('AI deed er te lang over');
    // Ended during the SDK's wait: Azure was asked once, and the log says why without Azure's text.
    expect(azure.received.length - before).toBe(1);
    const logs = t.logs.join('');
    expect(logs).toMatch(/"event":"ai\.draft"[^\n]*"outcome":"rate-limited"/);
    expect(logs).not.toMatch(/RAW-AZURE/);
  }, 60_000);
});
