/**
 * Found in review, stop 43 (message extension). Anna saves a message as a note with "Bewaar in
 * mijn verantwoording"; the answer is lost (or the dialog came back after a store fault although
 * the write had landed). Meanwhile she shares the note in the tab. Teams delivers the same Save
 * again (same key, same text): the app finds the existing, now shared note and answered the
 * fixed "Bewaard in Mijn verantwoording (privé)". It must stay one note, and the answer must say
 * how the note stands now: shared with her manager, not private.
 */
import { user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { extensionInvoke } from './support';

const anna = user('Anna');
const LINK = 'https://teams.microsoft.com/l/message/19:x@thread.v2/1';

describe('a redelivered save of a note shared since', () => {
  let t: TestApp;
  const notes = async () => (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'note'").fetchAll()).resources;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  it('says the note is shared with the manager, not private', async () => {
    const save = extensionInvoke(t.conversation('groupChat'), anna, 'composeExtension/submitAction', {
      commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload: { linkToMessage: LINK },
      data: { noteText: 'Feedback vragen na elke dienst', link: LINK, key: 'dialog-key-share' },
    });
    const first = await t.send(save);
    expect(first.body.task.value).toContain('(privé)');
    // Shared with the manager meanwhile (as the tab's share toggle leaves it).
    const [note] = await notes();
    await t.store.container('personal').items.upsert({ ...note, visibility: 'shared', visibilityRev: 1 });

    const again = await t.send(save);
    expect((await notes()).map((n) => [n.text, n.visibility])).toEqual([['Feedback vragen na elke dienst', 'shared']]);
    expect(again.body.task.type).toBe('message');
    expect(again.body.task.value).not.toContain('privé');
    expect(again.body.task.value).toBe('Bewaard in Mijn verantwoording (gedeeld met je leidinggevende). Met een link naar het bericht.');
  });
});
