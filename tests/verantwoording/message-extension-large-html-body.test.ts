/**
 * Found in review, stop 45 (message extension). An e-mail sent to the team's channel (or a long
 * pasted page) arrives as a Teams message whose HTML body is larger than 200,000 characters:
 * Outlook's markup (styles, spans, conditional comments) around a few paragraphs of text. Anna
 * runs "Bewaar in mijn verantwoording" on it. The payload schema capped `body.content` at 200,000
 * characters and its `.catch(undefined)` turned a longer body into no body at all: the dialog
 * opened empty, without a word about why, and Save was refused as "Schrijf eerst iets op." The
 * message's text must be shown, never nothing; when it is longer than the dialog holds, cut with
 * the notice and the note's limit next to the field (not as a refused Save: nothing was saved yet).
 */
import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { MAX_DIALOG_TEXT } from '../../src/teams/features/verantwoording/message-extension';
import { startTestApp, TestApp } from '../support/test-app';
import { extensionInvoke } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const anna = user('Anna');
const LINK = 'https://teams.microsoft.com/l/message/19:channel@thread.tacv2/1763900000000';

describe('a message with a very large HTML body', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const styled = (words: string) => `<p class="MsoNormal" style="margin:0cm;font-size:11pt;font-family:Calibri,sans-serif;mso-fareast-language:EN-US"><span style="font-size:11.0pt;mso-bidi-font-family:Calibri;color:#1F3864">${words}</span></p>`;
  const open = async (content: string) => {
    const messagePayload = { id: '1763900000000', linkToMessage: LINK, body: { contentType: 'html', content }, attachments: [] };
    const res = await t.send(extensionInvoke(t.conversation('channel'), anna, 'composeExtension/fetchTask', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload }));
    expect(res.status).toBe(200);
    const card = res.body.task.value.card.content;
    return { card, text: card.body.find((e: any) => e.id === 'noteText').value as string };
  };

  it('opens the save dialog with the message\'s words, not empty', async () => {
    const padding = `<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]--><style>${'p.MsoNormal{margin:0cm;font-size:11pt;} '.repeat(5000)}</style>`;
    const content = `${padding}${styled('Beste collega\'s, vanaf 1 december werken we met het nieuwe overdrachtsformulier.')}${styled('Groet, Bram')}`;
    expect(content.length).toBeGreaterThan(200_000);
    const { card, text } = await open(content);
    expect(cardText(card)).not.toBe('');
    expect(text).toBe('Beste collega\'s, vanaf 1 december werken we met het nieuwe overdrachtsformulier.\nGroet, Bram');
    // Short enough for a note: no limit, no cut.
    expect(cardText(card)).not.toContain('Hieronder staan alleen');
    expect(cardText(card)).not.toContain('hoogstens');
  });

  it('shows a long message\'s text cut to what the dialog holds, with the limit and nothing said of a refused Save', async () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => styled(`Alinea ${i + 1}: ${'tekst '.repeat(20)}`)).join('');
    const content = `<style>${'p.MsoNormal{margin:0cm;} '.repeat(4000)}</style>${paragraphs}`;
    expect(content.length).toBeGreaterThan(200_000);
    const { card, text } = await open(content);
    expect(text.startsWith('Alinea 1: tekst')).toBe(true);
    expect(text.length).toBe(MAX_DIALOG_TEXT);
    const said = cardText(card);
    expect(said).toContain(`Hieronder staan alleen de eerste ${MAX_DIALOG_TEXT.toLocaleString('nl-NL')} tekens.`);
    expect(said).toContain('Een notitie is hoogstens 4.000 tekens');
    expect(said).not.toContain('Nog niet bewaard');
  });
});
