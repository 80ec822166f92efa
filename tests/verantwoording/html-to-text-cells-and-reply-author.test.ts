/**
 * Found in review, stop 43 (message extension). Teams sends a table as
 * <table><tr><td>..</td></tr></table> and a quoted reply as a <blockquote> whose author
 * (<strong itemprop="mri">) and quoted text (<p>) follow each other without a space. htmlToText
 * ended a line only after p/div/li/tr/...: table cells and the quoted author ran into the next
 * word ("NaamUren", "Bram de BoerVraag om feedback"), so the prefilled note read as nonsense.
 * Cells must stay apart on their row (" · "), each row a line, and the reply's author on a line
 * of their own.
 */
import { user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { extensionInvoke } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const anna = user('Anna');
const LINK = 'https://teams.microsoft.com/l/message/19:x@thread.v2/1';

describe('message HTML whose words would run together in the note', () => {
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

  it('keeps table cells apart', async () => {
    const text = await prefilled('<table><tbody><tr><td>Naam</td><td>Uren</td></tr><tr><td>Anna</td><td>4</td></tr></tbody></table>');
    expect(text).not.toContain('NaamUren');
    expect(text).toBe('Naam · Uren\nAnna · 4');
  });

  it('keeps the author of a quoted reply apart from the quoted text', async () => {
    const text = await prefilled('<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="1763900000000"><strong itemprop="mri" itemid="8:orgid:aad-bram">Bram de Boer</strong><span itemprop="time" itemid="1763900000000"></span><p itemprop="preview">Vraag om feedback</p></blockquote><p>Goed idee!</p>');
    expect(text).not.toContain('BoerVraag');
    expect(text).toContain('Goed idee!');
    expect(text.split('\n')).toEqual(['Bram de Boer', 'Vraag om feedback', '', 'Goed idee!']);
  });
});
