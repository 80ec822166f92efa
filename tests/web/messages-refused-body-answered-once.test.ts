import { message, user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found holding in review of stop 50: a refused body on /api/messages is now answered by the restifyError
 * listener itself. Teams redelivers on 5xx and timeouts; a 400/413 drops the activity. The answer
 * must be one response (no second write from restify, no crash), quote nothing of the body, and
 * leave the server serving.
 */
describe('malformed bodies on /api/messages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it.each([
    ['malformed JSON of an invoke', '{"type":"invoke","name":"adaptiveCard/action","value":{"note":"mijn geheime notitie"', 400],
    ['a body over the limit', JSON.stringify({ type: 'message', text: 'x'.repeat(2_000_000) }), 413],
  ])('%s: one 4xx answer in the API shape, nothing quoted, no error after it, server still serves', async (_name, body, status) => {
    const before = t.logs.length;
    const res = await fetch(`${t.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await res.text();
    expect({ status: res.status, text }).toEqual({ status, text: JSON.stringify({ error: status === 400 ? 'invalidInput' : 'tooLarge' }) });
    const after = t.logs.slice(before).join('\n');
    expect(after).not.toContain('geheime');
    expect(after).not.toMatch(/ERR_HTTP_HEADERS_SENT|headers after they are sent|unhandled/i);
    const ok = await t.send(message(t.conversation('groupChat'), user('Anna'), 'help'));
    expect(ok.status).toBe(200);
  });
});
