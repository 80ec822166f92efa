/**
 * Found in review, stop 45 (message extension). Bram posts a photo of the new whiteboard
 * planning, pasted into the chat without any text: Teams sends its body as
 * <p><img ... itemtype=".../AMSImage"></p> with no `attachments`. Anna runs "Bewaar in mijn
 * verantwoording" on it: the dialog opened empty and Save on it was refused as "Schrijf eerst
 * iets op.": the same dead end the file-only and card-only messages had (fixed in stop 43,
 * message-extension-file-or-card-only.test.ts). The dialog must be prefilled with a line that
 * says the message is an image, in her language, as it is for a file; with text, the image is a
 * line of its own between the words. An emoji (an image marked as one) stays its character.
 */
import { user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { extensionInvoke } from './support';
import { htmlToText } from '../../src/teams/features/verantwoording/html-to-text';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const anna = user('Anna');
const LINK = 'https://teams.microsoft.com/l/message/19:groupchat-1@thread.v2/1763900000000';

describe('a message that is only an image', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const IMAGE = '<p><img alt="image" src="https://graph.microsoft.com/v1.0/chats/19:groupchat-1@thread.v2/messages/1763900000000/hostedContents/aWQ9eF8w/$value" width="250" height="188" itemscope="" itemtype="http://schema.skype.com/AMSImage" style="vertical-align:bottom; width:250px; height:188px"></p>';
  const open = async (content: string, locale?: string) => {
    const messagePayload = { id: '1763900000001', linkToMessage: LINK, body: { contentType: 'html', content }, attachments: [] };
    const res = await t.send(extensionInvoke(t.conversation('groupChat'), anna, 'composeExtension/fetchTask', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload }, locale));
    return res.body.task.value.card.content.body.find((e: any) => e.id === 'noteText').value as string;
  };

  it('opens the dialog with something to save, not empty', async () => {
    const messagePayload = {
      id: '1763900000000', linkToMessage: LINK,
      from: { user: { id: 'aad-bram', displayName: 'Bram', userIdentityType: 'aadUser' } },
      body: { contentType: 'html', content: '<p><img alt="image" src="https://graph.microsoft.com/v1.0/chats/19:groupchat-1@thread.v2/messages/1763900000000/hostedContents/aWQ9eF8w/$value" width="250" height="188" itemscope="" itemtype="http://schema.skype.com/AMSImage" style="vertical-align:bottom; width:250px; height:188px"></p>' },
      attachments: [],
    };
    const res = await t.send(extensionInvoke(t.conversation('groupChat'), anna, 'composeExtension/fetchTask', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload }));
    const card = res.body.task.value.card.content;
    const text: string = card.body.find((e: any) => e.id === 'noteText').value;
    expect(text.trim()).not.toBe('');
    expect(text).toBe('Een afbeelding');
  });

  it('says so in English for someone whose Teams is in English', async () => {
    expect(await open(IMAGE, 'en-US')).toBe('An image');
  });

  it('puts the image on a line of its own between the words, and leaves emoji as they are', async () => {
    const emoji = '<img alt="👍" itemtype="http://schema.skype.com/Emoji" itemscope src="https://statics.teams.cdn.office.net/x.png" width="20" height="20">';
    expect(await open(`<p>Het nieuwe bord ${emoji}</p>${IMAGE}<p>Wat vinden jullie?</p>`)).toBe('Het nieuwe bord 👍\nEen afbeelding\nWat vinden jullie?');
  });
});

describe('a pasted image in message HTML as note text', () => {
  const img = '<img alt="image" src="https://x/y/$value" itemscope="" itemtype="http://schema.skype.com/AMSImage">';
  it.each([
    ['only an image', `<p>${img}</p>`, 'Een afbeelding'],
    ['text, then an image in the same paragraph', `<p>Kijk${img}</p><p>Klaar</p>`, 'Kijk\nEen afbeelding\nKlaar'],
    ['an image, then text in the same paragraph', `<p>${img} en dit is het bord</p>`, 'Een afbeelding\nen dit is het bord'],
    ['two images', `<p>${img}${img}</p>`, 'Een afbeelding\nEen afbeelding'],
    ['an image in a table cell', `<table><tr><td>${img}</td><td>Bord</td></tr></table>`, 'Een afbeelding · Bord'],
    ['another image (a signature logo)', '<p>Groet<img src="https://x/logo.png" alt="logo"></p>', 'Groet'],
  ])('%s', (_name, html, text) => {
    expect(htmlToText(html, 'html', { image: 'Een afbeelding' })).toBe(text);
  });
  it('leaves images out for a caller that names no words for them', () => {
    expect(htmlToText(`<p>Kijk${img}</p>`)).toBe('Kijk');
  });
});
