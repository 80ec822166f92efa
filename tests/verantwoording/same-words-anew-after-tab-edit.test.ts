/**
 * Found in review, stop 54 (fixed then: the same words typed again in a NEW chat message after a
 * tab edit of their note were dropped silently: the add found the note under the same key (a chat
 * note's key is its words and day), took it for a redelivery of its first save, and wrote nothing).
 *
 * "No lost input" across the chat and the tab. Anna types `notitie <words>` in her 1:1 chat; later
 * that day she rewrites that note in the tab (the words are gone from it); then she types the same
 * words again, as another chat message (another activity id). The note's chat-message fingerprint
 * tells the two apart (`addNote`): a new message is a note of its own, as after a delete
 * (`addAgain` 'anew'). The first message delivered again still adds nothing
 * (first-save-redelivered-after-edit.e2e.test.ts), nor does the second one delivered again.
 */
import { message, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { tabApi } from './support';

describe('the same words typed anew after the note was rewritten in the tab', () => {
  let t: TestApp;
  const anna = user('Anna');
  const notes = async () =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'note' AND c.userId = @u", parameters: [{ name: '@u', value: anna.aadObjectId }] }).fetchAll()).resources as { id: string; text: string }[];

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('a new chat message with the words keeps them; the first message delivered again adds nothing', async () => {
    const conv = t.conversation('personal', 'a:personal-anna');
    const words = 'Gesprek met Bram: ik wil de overdracht gaan leiden';
    const first = { ...message(conv, anna, `notitie ${words}`), id: 'msg-first', timestamp: '2026-11-23T08:00:00.000Z' };
    expect((await t.send(first)).status).toBe(200);
    const [note] = await notes();
    const api = await tabApi(t, anna.aadObjectId);
    expect((await api('PUT', `/notes/${encodeURIComponent(note!.id)}`, { text: 'Overdracht: eerst nog navragen bij de teamleider', rev: 1 })).status).toBe(200);

    // Teams delivering the first message again: nothing new (as designed).
    t.clock.advanceMinutes(1);
    expect((await t.send(first)).status).toBe(200);
    expect((await notes()).map((n) => n.text)).toEqual(['Overdracht: eerst nog navragen bij de teamleider']);

    // Anna types the words again, an hour later: a new message.
    t.clock.advanceMinutes(60);
    const before = t.connector.calls.length;
    const again = { ...message(conv, anna, `notitie ${words}`), id: 'msg-second', timestamp: '2026-11-23T09:01:00.000Z' };
    expect((await t.send(again)).status).toBe(200);
    const answer = t.connector.calls.slice(before).map((c) => cardText(c.activity.attachments?.[0]?.content) + (c.activity.text ?? '')).join('\n');
    expect({ stored: (await notes()).map((n) => n.text).sort(), answerShowsWords: answer.includes(words) }).toEqual({
      stored: [words, 'Overdracht: eerst nog navragen bij de teamleider'].sort(),
      answerShowsWords: true,
    });

    // Teams delivering the second message again: still the two notes.
    t.clock.advanceMinutes(1);
    expect((await t.send(again)).status).toBe(200);
    expect((await notes()).map((n) => n.text).sort()).toEqual([words, 'Overdracht: eerst nog navragen bij de teamleider'].sort());
  }, 60_000);
});
