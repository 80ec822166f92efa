/**
 * Found in review, stop 45.
 *
 * With structured output, Azure OpenAI's model may decline a request: HTTP 200, `content: null`
 * and `message.refusal` ("I'm sorry, I cannot assist with that request."). The drafter dropped the
 * content and let the schema fail, so the group read "AI gaf een onbruikbaar antwoord; we laten
 * het weg." with "Vraag AI opnieuw", as if the model had sent garbage, and the log recorded
 * `invalid-output`: operators could not tell a refusal (which the same answers meet again) from
 * a malformed answer. The prep summarizer tells its refusals apart (outcome 'refused').
 * Must hold: a refusal is told as a refusal, in the group's language, with no "ask again" that
 * would meet it again; the group goes on with its own proposal; the log's outcome is `refused`.
 */
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

describe('the model declines to draft a proposal', () => {
  let t: TestApp;
  const sockets = new Set<Socket>();
  // Azure OpenAI answering a chat completion with the model's refusal (structured output).
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({
        id: 'chatcmpl-refusal', object: 'chat.completion', created: 0, model: 'gpt-4o-2024-08-06',
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: null, refusal: "I'm sorry, I cannot assist with that request." } }],
      }));
    });
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    t = await startTestApp({ AZURE_OPENAI_ENDPOINT: url, AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-test', AZURE_OPENAI_API_KEY: 'k', AI_TIMEOUT_MS: '2000', AI_MAX_RETRIES: '0' }, undefined, { sharedCardIntervalMs: 0 });
  }, 60_000);
  afterAll(async () => {
    await t.stop();
    for (const s of sockets) s.destroy();
    await new Promise((r) => server.close(r));
  });

  it('says the AI declined, not that its answer was unusable', async () => {
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:model-refusal@thread.v2'), MEMBERS.slice(0, 3)).answeredOnDayOne(['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier']);
    await g.press(MEMBERS[1]!, 'proposal.draft', g.ids());
    await t.app.background.idle();

    const shared = cardText(g.sharedCard());
    // The group goes on with its own proposal either way.
    expect(shared).toContain('Ga verder met jullie eigen verbetervoorstel');
    const outcome = t.logs.map((l) => JSON.parse(l) as { event?: string; outcome?: string }).find((l) => l.event === 'ai.draft')?.outcome;
    expect({
      toldAsUnusable: shared.includes('AI gaf een onbruikbaar antwoord'),
      toldAsDeclined: shared.includes('AI wilde bij deze antwoorden geen voorstel maken'),
      offersToAskAgain: shared.includes('Vraag AI opnieuw'),
      loggedOutcome: outcome,
    }).toEqual({ toldAsUnusable: false, toldAsDeclined: true, offersToAskAgain: false, loggedOutcome: 'refused' });
  }, 120_000);
});
