/**
 * Found in review, stop 43 (message extension). An HTML message (from Outlook's "Share to
 * Teams", a connector or Graph, or a pasted web page) can carry named entities beyond the six
 * htmlToText knew (&euro; &eacute; &hellip; &mdash;): they landed in the note as "&euro;" and
 * "caf&eacute;". A plain ">" in the text ("Wachttijd > 30") was dropped without a trace. The
 * prefilled note must read as the message did.
 */
import { user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { extensionInvoke } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const anna = user('Anna');
const LINK = 'https://teams.microsoft.com/l/message/19:x@thread.v2/1';

describe('characters of a message kept in the note', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const prefilled = async (content: string): Promise<string> => {
    const res = await t.send(extensionInvoke(t.conversation('groupChat'), anna, 'composeExtension/fetchTask', {
      commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload: { linkToMessage: LINK, body: { contentType: 'html', content } },
    }));
    return res.body.task.value.card.content.body.find((e: any) => e.id === 'noteText').value;
  };

  it('decodes common named entities', async () => {
    expect(await prefilled('<p>Budget &euro;50 voor het caf&eacute; &mdash; en verder&hellip;</p>')).toBe('Budget €50 voor het café — en verder…');
  });

  it('keeps a ">" in the text', async () => {
    expect(await prefilled('<p>Wachttijd > 30 minuten: melden</p>')).toBe('Wachttijd > 30 minuten: melden');
  });
});
