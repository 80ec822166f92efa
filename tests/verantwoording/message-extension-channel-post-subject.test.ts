/**
 * Found in review, stop 45 (message extension). Bram posts in the team's channel a post with a
 * subject line ("Onderwerp": Teams shows it as the post's bold heading) and a short body. Anna
 * runs "Bewaar in mijn verantwoording" on it. Teams sends the heading in `messagePayload.subject`;
 * the dialog was prefilled with the body only, so the heading, often the only words that say
 * what the post is about, was silently lost from the note. The dialog must open with the subject
 * as its first line and the body under it.
 */
import { user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { extensionInvoke } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const anna = user('Anna');
const LINK = 'https://teams.microsoft.com/l/message/19:channel@thread.tacv2/1763900000000?groupId=g&parentMessageId=1763900000000';

describe('a channel post with a subject saved as a note', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('prefills the dialog with the post\'s subject as well as its body', async () => {
    const messagePayload = {
      id: '1763900000000', replyToId: null, messageType: 'message', linkToMessage: LINK,
      subject: 'Nieuwe overdrachtsprocedure vanaf 1 december',
      summary: null,
      from: { user: { id: 'aad-bram', displayName: 'Bram', userIdentityType: 'aadUser' } },
      body: { contentType: 'html', content: '<p>Lees hem voor vrijdag, graag.</p>' },
      attachments: [],
    };
    const res = await t.send(extensionInvoke(t.conversation('channel'), anna, 'composeExtension/fetchTask', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload }));
    expect(res.status).toBe(200);
    const card = res.body.task.value.card.content;
    const text: string = card.body.find((e: any) => e.id === 'noteText').value;
    expect(text).toContain('Lees hem voor vrijdag, graag.');
    expect(text).toContain('Nieuwe overdrachtsprocedure vanaf 1 december');
    expect(text).toBe('Nieuwe overdrachtsprocedure vanaf 1 december\nLees hem voor vrijdag, graag.');
  });
});
