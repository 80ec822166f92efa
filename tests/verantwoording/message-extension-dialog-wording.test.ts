/**
 * Found in review, stop 45 (message extension). Two things the save dialog said that were not so.
 * Opened from the compose box (Teams sends no message then), its first line read "Bewaar dit
 * bericht als notitie": there is no message. And a message longer than a note opened the dialog
 * with "Nog niet bewaard: pas het veld aan en probeer het opnieuw. Wat je invulde staat er nog."
 * though Anna had typed and saved nothing yet. The compose dialog must speak of a note of her
 * own; a long message on opening must only say it is too long (the limit next to the field);
 * "Nog niet bewaard" is for a Save that was refused.
 */
import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { extensionInvoke } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const anna = user('Anna');
const LINK = 'https://teams.microsoft.com/l/message/19:groupchat-1@thread.v2/1763900000002';

describe('what the save dialog says', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const send = async (name: string, value: Record<string, unknown>, locale?: string) => {
    const res = await t.send(extensionInvoke(t.conversation('groupChat'), anna, name, { commandId: 'bewaarInVerantwoording', ...value }, locale));
    return res.body.task.value.card.content;
  };

  it('speaks of no message when opened from the compose box', async () => {
    const card = await send('composeExtension/fetchTask', { commandContext: 'compose' });
    expect(card.body[0].text).toBe('Schrijf een notitie voor Mijn verantwoording.');
    expect(cardText(card)).not.toContain('bericht');
    const en = await send('composeExtension/fetchTask', { commandContext: 'compose' }, 'en-US');
    expect(en.body[0].text).toBe('Write a note for My accountability.');
    // Saved empty, it comes back refused, still without a message.
    const again = await send('composeExtension/submitAction', { commandContext: 'compose', data: { noteText: '', link: '' } });
    expect(again.body[0].text).toBe('Schrijf een notitie voor Mijn verantwoording.');
    expect(cardText(again)).toContain('Schrijf eerst iets op.');
  });

  it('still speaks of the message when opened on one', async () => {
    const card = await send('composeExtension/fetchTask', { commandContext: 'message', messagePayload: { id: '1763900000002', linkToMessage: LINK, body: { contentType: 'html', content: '<p>Kort bericht</p>' } } });
    expect(card.body[0].text).toBe('Bewaar dit bericht als notitie. Je kunt de tekst eerst aanpassen.');
  });

  it('says only that a long message is too long when the dialog opens, and "not saved" after a Save', async () => {
    const long = `Verslag ${'woord '.repeat(1000)}`.trim();
    const card = await send('composeExtension/fetchTask', { commandContext: 'message', messagePayload: { id: '1763900000002', linkToMessage: LINK, body: { contentType: 'html', content: `<p>${long}</p>` } } });
    const said = cardText(card);
    expect(said).toContain(`Een notitie is hoogstens 4.000 tekens; deze is ${long.length.toLocaleString('nl-NL')} tekens.`);
    expect(said).not.toContain('Nog niet bewaard');
    expect(said).not.toContain('Wat je invulde');
    const refused = await send('composeExtension/submitAction', { commandContext: 'message', data: { noteText: long, link: LINK } });
    expect(cardText(refused)).toContain('Nog niet bewaard: pas het veld aan en probeer het opnieuw. Wat je invulde staat er nog.');
  });
});
