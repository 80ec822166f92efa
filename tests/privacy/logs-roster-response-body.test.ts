import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { botAdded, ConversationSpec, execute, message, user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 33 (fixed: src/log/loggable-error.ts). when Teams' answer to a roster request cannot be read, the whole answer (every
 * member's name, e-mail and UPN) goes to the log.
 *
 * The chat roster is read with botbuilder's TeamsInfo.getPagedMembers. Its HTTP client
 * (@azure/core-client, deserializationPolicy.js:221) throws a RestError whose message is
 * `Error "<SyntaxError>" occurred while parsing the response body - <the body as text>` (and for
 * a non-2xx answer without error.message, the message IS the body). The app logs err.message:
 *
 *   src/teams/features/week-cycle/roster.ts:22  'could not read the conversation roster; offering only the current user'
 *   src/teams/features/week-cycle/roster.ts:46  'could not read the whole conversation roster'
 *
 * e.g. {"level":40,...,"err":"Error \"SyntaxError: Unterminated string in JSON at position 114\" occurred while parsing
 * the response body - {\"members\":[{\"id\":\"29:zyxwv-anna\",\"name\":\"Zyxwv-Anna\",\"email\":\"zyxwv.anna@...","msg":"could not read the conversation roster; ..."}
 *
 * The trigger here is a roster answer cut off mid-body (a gateway or proxy ending the response
 * early). The roster is the one Bot Connector answer that holds people's names and addresses;
 * the app's own connector client (bot-connector.client.ts) never puts a body in its errors, this
 * path does. Any other botbuilder call whose answer cannot be parsed logs its body the same way,
 * with the stack, at src/teams/bot-app.ts:92 ('unhandled error in turn').
 */
const anna = user('Zyxwv-Anna');
const MARKERS = [/zyxwv/i, /probe-example/i];

/** A Bot Connector whose roster answers are cut off; everything else it accepts. */
async function cutRosterConnector(): Promise<{ url: string; rosterRequests: number; cut: boolean; close(): Promise<void> }> {
  const state = { rosterRequests: 0, cut: true };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      if (req.method === 'GET' && /\/(pagedmembers|members)/.test(req.url ?? '')) {
        state.rosterRequests++;
        const members = ['Anna', 'Bram', 'Cem'].map((n) => ({ id: `29:zyxwv-${n.toLowerCase()}`, aadObjectId: `aad-zyxwv-${n.toLowerCase()}`, name: `Zyxwv-${n}`, givenName: `Zyxwv-${n}`, email: `zyxwv.${n.toLowerCase()}@probe-example.org`, userPrincipalName: `zyxwv.${n.toLowerCase()}@probe-example.org`, tenantId: 'tenant-1', userRole: 'user' }));
        const body = JSON.stringify({ members });
        res.end(state.cut ? body.slice(0, Math.floor(body.length * 0.8)) : body);
        return;
      }
      res.end(JSON.stringify({ id: 'msg-1' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    get rosterRequests() {
      return state.rosterRequests;
    },
    set cut(on: boolean) {
      state.cut = on;
    },
    get cut() {
      return state.cut;
    },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

describe('a roster answer that cannot be read: no member in the log', () => {
  let t: TestApp;
  let teams: Awaited<ReturnType<typeof cutRosterConnector>>;
  let chat: ConversationSpec;
  beforeAll(async () => {
    t = await startTestApp();
    teams = await cutRosterConnector();
    chat = { id: '19:probe-roster@thread.v2', type: 'groupChat', tenantId: 'tenant-1', serviceUrl: teams.url };
  });
  afterAll(async () => {
    await t.stop();
    await teams.close();
  });
  const leaked = (from: number) => t.logs.slice(from).filter((l) => MARKERS.some((m) => m.test(l))).map((l) => l.slice(0, 400));

  it('attack: "groep" in a group chat logs the roster body with names and UPNs (roster.ts:22)', async () => {
    const from = t.logs.length;
    const before = teams.rosterRequests;
    await t.send(message(chat, user('Mia'), 'groep'));
    expect(teams.rosterRequests).toBeGreaterThan(before);
    expect(t.logs.slice(from).some((l) => l.includes('could not read the conversation roster'))).toBe(true);
    expect(leaked(from)).toEqual([]);
  });

  it('attack: the app added back to a group\'s chat logs the roster body (roster.ts:46, whole-roster check)', async () => {
    // A group in this chat, set up while the roster answers whole.
    teams.cut = false;
    const setup = await t.send(execute(chat, anna, 'group.setup.save', { name: 'Team Probe', members: ['anna', 'bram', 'cem'].map((n) => `aad-zyxwv-${n}`).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20' }, 'setup-card'));
    expect(setup.body?.value?.actions?.[0]?.data?.groupId).toBeTruthy();
    teams.cut = true;
    const from = t.logs.length;
    const before = teams.rosterRequests;
    await t.send(botAdded(chat, user('Mia')));
    await t.app.background.idle();
    expect(teams.rosterRequests).toBeGreaterThan(before);
    expect(t.logs.slice(from).some((l) => l.includes('could not read the whole conversation roster'))).toBe(true);
    expect(leaked(from)).toEqual([]);
  });
});
