/**
 * A guard (held when written, in review of stop 62): the message extension's dialog, Save (also refused: too long,
 * empty) and search put no note words, message text, names or search terms in the log.
 * Common brief: "No personal data in logs".
 */
import { user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { extensionInvoke } from './support';

const LINK = 'https://teams.microsoft.com/l/message/19:logs62@thread.v2/1764000006201';

describe('the extension\'s log holds no words', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('dialog, Save, refused Saves and a search leave no marker in the log', async () => {
    const who = user('Logmarkernaam');
    const conv = t.conversation('groupChat', '19:logs62@thread.v2');
    const payload = { id: '1764000006201', linkToMessage: LINK, subject: 'LOGMRK-SUBJECT', body: { contentType: 'html', content: '<p>LOGMRK-BODY <at>Iemand</at></p>' } };
    const opened = await t.send(extensionInvoke(conv, who, 'composeExtension/fetchTask', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload: payload }));
    expect(opened.status).toBe(200);
    for (const [key, noteText] of [['k62-ok', 'LOGMRK-NOTE ik twijfel'], ['k62-long', `LOGMRK-LONG ${'x'.repeat(5000)}`], ['k62-empty', '  '], ['k62-html', '<script>LOGMRK-SCRIPT</script>']]) {
      const res = await t.send(extensionInvoke(conv, who, 'composeExtension/submitAction', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload: payload, data: { noteText, link: LINK, key, message: payload.id } }));
      expect(res.status).toBe(200);
    }
    const search = await t.send(extensionInvoke(conv, who, 'composeExtension/query', { commandId: 'zoekVoorstellen', parameters: [{ name: 'zoekterm', value: 'LOGMRK-TERM' }], queryOptions: { skip: 0, count: 25 } }));
    expect(search.status).toBe(200);
    const log = t.logs.join('');
    // The log is read at all: the Save's own line is in it.
    expect(log).toContain('note saved from a message');
    expect({ markers: log.match(/LOGMRK-[A-Z]+/g) ?? [], name: log.includes('Logmarkernaam') }).toEqual({ markers: [], name: false });
  });
});
