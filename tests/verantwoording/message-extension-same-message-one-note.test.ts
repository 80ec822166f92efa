/**
 * Found in review, stop 43 (message extension). Anna runs "Bewaar in mijn verantwoording" on
 * Bram's message and presses Save; Teams shows no answer (the invoke outlived Teams' time limit
 * while the store was slow, yet the write landed), so she closes the dialog, runs the action on
 * the same message again and presses Save on the same prefilled text. Each dialog had a fresh
 * random key, so her verantwoording held the same note twice. As the chat command keeps the same
 * words as one note, the same message with the same words must be one note; other words from
 * the same message are a note of their own.
 */
import { user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { extensionInvoke } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const anna = user('Anna');
const LINK = 'https://teams.microsoft.com/l/message/19:groupchat-1@thread.v2/1763900000000?context=%7B%22contextType%22%3A%22chat%22%7D';
const messagePayload = {
  id: '1763900000000', createdDateTime: '2026-11-23T07:12:00.000Z', linkToMessage: LINK,
  from: { user: { id: 'aad-bram', displayName: 'Bram', userIdentityType: 'aadUser' } },
  body: { contentType: 'html', content: '<p>Vraag om feedback na elke dienst.</p>' },
};

describe('one message saved twice', () => {
  let t: TestApp;
  const notes = async () => (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'note'").fetchAll()).resources;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  const saveOnce = async (edit?: string) => {
    const chat = t.conversation('groupChat');
    const opened = await t.send(extensionInvoke(chat, anna, 'composeExtension/fetchTask', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload }));
    const card = opened.body.task.value.card.content;
    const text = edit ?? card.body.find((e: any) => e.id === 'noteText').value;
    const data = { ...card.actions.find((a: any) => a.type === 'Action.Submit').data, noteText: text };
    return t.send(extensionInvoke(chat, anna, 'composeExtension/submitAction', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload, data }));
  };

  it('keeps the same message with the same text as one note', async () => {
    expect(JSON.stringify((await saveOnce()).body)).toContain('Bewaard in Mijn verantwoording');
    expect(JSON.stringify((await saveOnce()).body)).toContain('Bewaard in Mijn verantwoording');
    expect((await notes()).map((n) => n.text)).toEqual(['Vraag om feedback na elke dienst.']);
  });

  it('keeps other words from the same message as a note of their own', async () => {
    expect(JSON.stringify((await saveOnce('Feedback vragen aan Bram na de late dienst.')).body)).toContain('Bewaard in Mijn verantwoording');
    expect((await notes()).map((n) => n.text).sort()).toEqual(['Feedback vragen aan Bram na de late dienst.', 'Vraag om feedback na elke dienst.']);
  });
});
