/**
 * Found in review, stop 43 (message extension). Bram posts a file (verslag-overdracht.docx)
 * without text; Teams sends its body as <attachment id="..."></attachment> and the file in
 * `attachments`. "Bewaar in mijn verantwoording" on it opened an empty dialog, and Save on it
 * was refused as "Schrijf eerst iets op.": nothing of the message she chose was kept but the
 * link. The dialog must be prefilled with what the message holds: each file by its name, a card
 * by its title; Save then keeps that.
 */
import { user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { extensionInvoke } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const anna = user('Anna');
const LINK = 'https://teams.microsoft.com/l/message/19:x@thread.v2/1';

describe('a message that is only a file or a card', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const open = async (messagePayload: Record<string, unknown>, locale?: string) => {
    const res = await t.send(extensionInvoke(t.conversation('groupChat'), anna, 'composeExtension/fetchTask', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload }, locale));
    const card = res.body.task.value.card.content;
    return { card, text: card.body.find((e: any) => e.id === 'noteText').value as string };
  };
  const fileMessage = {
    id: '1763900000000', linkToMessage: LINK,
    from: { user: { id: 'aad-bram', displayName: 'Bram', userIdentityType: 'aadUser' } },
    body: { contentType: 'html', content: '<attachment id="0a1b2c3d"></attachment>' },
    attachments: [{ id: '0a1b2c3d', contentType: 'reference', contentUrl: 'https://contoso.sharepoint.com/sites/zorg/Shared%20Documents/verslag-overdracht.docx', name: 'verslag-overdracht.docx' }],
  };

  it('prefills the dialog with the file it holds, and Save keeps it', async () => {
    const { card, text } = await open(fileMessage);
    expect(text).toContain('verslag-overdracht.docx');
    expect(text).toBe('Bestand: verslag-overdracht.docx');
    const data = { ...card.actions.find((a: any) => a.type === 'Action.Submit').data, noteText: text };
    const saved = await t.send(extensionInvoke(t.conversation('groupChat'), anna, 'composeExtension/submitAction', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload: fileMessage, data }));
    expect(saved.body.task.value).toContain('Bewaard in Mijn verantwoording');
    const notes = (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'note'").fetchAll()).resources;
    expect(notes.map((n) => n.text)).toEqual(['Bestand: verslag-overdracht.docx']);
  });

  it('keeps the text and names the file after it, in the person\'s language', async () => {
    const { text } = await open({ ...fileMessage, body: { contentType: 'html', content: '<p>Het verslag van gisteren</p><attachment id="0a1b2c3d"></attachment>' } }, 'en-US');
    expect(text).toBe('Het verslag van gisteren\nFile: verslag-overdracht.docx');
  });

  it('prefills a card by its title, and one without a title as a card', async () => {
    const adaptive = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Container', items: [{ type: 'TextBlock', text: 'Rooster week 48', weight: 'Bolder' }] }, { type: 'TextBlock', text: 'Ma: Anna' }] };
    const { text } = await open({
      id: '1763900000001', linkToMessage: LINK, body: { contentType: 'html', content: '<attachment id="c1"></attachment><attachment id="c2"></attachment><attachment id="c3"></attachment>' },
      attachments: [
        { id: 'c1', contentType: 'application/vnd.microsoft.card.adaptive', content: JSON.stringify(adaptive) },
        { id: 'c2', contentType: 'application/vnd.microsoft.card.hero', content: { title: 'Nieuwe werkinstructie\ntilliften', text: 'Lees voor vrijdag' } },
        { id: 'c3', contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', body: [{ type: 'Image', url: 'https://example.com/a.png' }] } },
        // Odd ones are left out, never the others.
        { id: 'c4', contentType: 'reference', name: 42 },
        null,
      ],
    });
    expect(text).toBe('Kaart: Rooster week 48\nKaart: Nieuwe werkinstructie tilliften\nEen kaart (zonder titel)');
  });
});
