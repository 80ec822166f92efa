import { message, user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 33 (fixed: src/log/loggable-error.ts). a request body that is not valid JSON puts part of the body in the log.
 *
 * restify's JSON body parser (node_modules/restify/lib/plugins/jsonBodyParser.js:52) answers 400
 * with `'Invalid JSON: ' + e.message`, and since Node 20 (V8 11) a JSON.parse SyntaxError for an
 * unexpected token quotes the source text: the whole body when it is 21 characters or less, else
 * the 10 characters either side of the bad token. The app logs that message as it is:
 *
 *   src/teams/server.ts:74  logger.warn({ status, err: err.message }, 'http error')
 *
 * e.g. {"level":40,...,"status":400,"err":"Invalid JSON: Unexpected token 'Z', ...\"a\",\"name\":Zyxwv-Anna\"... is not valid JSON","msg":"http error"}
 *
 * The body parser runs for every route before any handler (server.use in server.ts), so it
 * happens on /api/messages and on the personal tab's API alike, before authentication. The
 * existing guard (tests/telemetry/log-privacy-error-paths.test.ts, "a body that is not JSON")
 * only sends bodies cut short, whose errors ("Unterminated string ... at position N") quote
 * nothing, so it does not see this. Bodies with a bare token are what a buggy serializer or a
 * proxy produces (Python's json.dumps writes NaN; an unquoted or single-quoted string).
 */
const anna = user('Zyxwv-Anna');
const MARKERS = [/zyxwv/i, /MRK-NOTE/];

describe('a body that is not valid JSON: none of it in the log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const post = (path: string, body: string) => fetch(`${t.app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const leaked = (from: number) => t.logs.slice(from).filter((l) => MARKERS.some((m) => m.test(l)));

  it('attack: an activity with an unquoted name logs the name (server.ts:74, restify "Invalid JSON" message)', async () => {
    const from = t.logs.length;
    const activity = JSON.stringify({ ...message(t.conversation('personal'), anna, 'notitie MRK-NOTE-123 ik heb een burn-out'), from: undefined });
    const body = activity.replace(/}$/, `,"from":{"id":"${anna.id}","name":Zyxwv-Anna}}`);
    const res = await post('/api/messages', body);
    expect(res.status).toBe(400);
    // The request was refused and logged as an HTTP error...
    expect(t.logs.slice(from).some((l) => l.includes('"http error"'))).toBe(true);
    // ...with the member's name in it.
    expect(leaked(from)).toEqual([]);
  });

  it('attack: a tab note posted with a single-quoted text logs the note (server.ts:74), unauthenticated', async () => {
    const from = t.logs.length;
    const res = await post('/api/verantwoording/notes', "{\"text\":'MRK-NOTE-123 ik heb een burn-out'}");
    expect(res.status).toBe(400);
    expect(leaked(from)).toEqual([]);
  });

  it('attack: a short body is quoted whole (21 characters or less)', async () => {
    const from = t.logs.length;
    await post('/api/verantwoording/notes', '{"text":MRK-NOTE-9}');
    expect(leaked(from)).toEqual([]);
  });
});
