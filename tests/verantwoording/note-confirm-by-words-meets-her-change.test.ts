/**
 * A guard (held when written, in review of stop 62).
 * a second dialog on the same message finds
 * the first note by its words and confirms it (one replace under the version its query read).
 * Between that query and the confirm the owner changes the note in the tab: the confirm must not
 * overwrite her edit, un-share it, or bring a deleted note back, and a note her erasure swept must
 * not come back either; "Bewaard" is said only with a note kept.
 */
import { user, TestUser } from '../support/activities';
import { cosmosGate, replaceOf } from '../support/cosmos-gate';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { noteId } from '../../src/domain/verantwoording/accountability-note';
import { eraseInChat, extensionInvoke, tabApi } from './support';

describe('the confirm of a note found by its words meets her change', () => {
  let a: TestApp;
  let gate: ReturnType<typeof cosmosGate>;
  beforeAll(async () => {
    a = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true, saveWindowMs: 1_000, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
    gate = cosmosGate(a.proxy!);
  }, 60_000);
  afterAll(async () => {
    await a.stop();
  });

  const notesOf = async (who: TestUser) =>
    (await a.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.userId = @u AND c.type = 'note'", parameters: [{ name: '@u', value: who.aadObjectId }] }).fetchAll()).resources.map(
      (d: { text: string; visibility: string; rev: number }) => ({ text: d.text, visibility: d.visibility, rev: d.rev }),
    );
  const said = (r: { body?: { task?: { type?: string; value?: unknown } } }) => (r.body?.task?.type === 'message' ? String(r.body.task.value) : `dialog again: ${JSON.stringify(r.body?.task?.value ?? '').slice(0, 600)}`);
  const save = (who: TestUser, messageId: string, noteText: string, key: string) => {
    const chat = '19:probe62a-change@thread.v2';
    const link = `https://teams.microsoft.com/l/message/${chat}/${messageId}`;
    return extensionInvoke(a.conversation('groupChat', chat), who, 'composeExtension/submitAction', {
      commandId: 'bewaarInVerantwoording',
      commandContext: 'message',
      messagePayload: { id: messageId, linkToMessage: link, body: { contentType: 'html', content: '<p>Goed gesprek gehad</p>' } },
      data: { noteText, link, key, message: messageId },
    });
  };

  /** The first Save (on time), then a second dialog whose confirm is held while `meanwhile` runs. */
  async function secondSaveAround(who: TestUser, messageId: string, words: string, meanwhile: (id: string) => Promise<unknown>): Promise<string> {
    const firstKey = `dialog-first-${messageId}`;
    const first = await a.send(save(who, messageId, words, firstKey));
    expect(said(first)).toMatch(/^Bewaard/);
    const id = noteId(who.aadObjectId, firstKey);
    const confirm = gate.hold(replaceOf(id));
    try {
      const onSecond = a.send(save(who, messageId, words, `dialog-second-${messageId}`));
      await confirm.arrived;
      await meanwhile(id);
      confirm.release();
      return said(await onSecond);
    } finally {
      confirm.release();
    }
  }

  it('edited in the tab meanwhile: her edit stays', async () => {
    const who = user('EditP62');
    const api = await tabApi(a, who.aadObjectId);
    const second = await secondSaveAround(who, '1764000000801', 'Edit: eerste woorden', (id) => api('PUT', `/notes/${id}`, { text: 'Edit: haar betere woorden', rev: 1 }));
    expect({ kept: await notesOf(who), second: second.slice(0, 40) }).toEqual({ kept: [{ text: 'Edit: haar betere woorden', visibility: 'private', rev: 2 }], second: expect.stringMatching(/^Bewaard/) });
  }, 60_000);

  it('shared in the tab meanwhile: it stays shared', async () => {
    const who = user('ShareP62');
    const api = await tabApi(a, who.aadObjectId);
    const second = await secondSaveAround(who, '1764000000802', 'Share: mijn woorden', (id) => api('PUT', '/visibility', { kind: 'note', id, visibility: 'shared', visibilityRev: 0, rev: 1 }));
    expect({ kept: await notesOf(who), second: second.slice(0, 40) }).toEqual({ kept: [{ text: 'Share: mijn woorden', visibility: 'shared', rev: 1 }], second: expect.stringMatching(/^Bewaard/) });
  }, 60_000);

  it('deleted in the tab meanwhile: it does not come back, and "Bewaard" is not said', async () => {
    const who = user('DeleteP62');
    const api = await tabApi(a, who.aadObjectId);
    const second = await secondSaveAround(who, '1764000000803', 'Delete: mijn woorden', (id) => api('DELETE', `/notes/${id}?rev=1`));
    expect({ kept: await notesOf(who), saved: second.startsWith('Bewaard') }).toEqual({ kept: [], saved: false });
  }, 60_000);

  it('her erasure sweeps it meanwhile: it does not come back, and "Bewaard" is not said', async () => {
    const who = user('EraseP62');
    const second = await secondSaveAround(who, '1764000000804', 'Erase: mijn woorden', () => eraseInChat(a, who));
    expect({ kept: await notesOf(who), saved: second.startsWith('Bewaard'), second: second.slice(0, 300) }).toEqual({ kept: [], saved: false, second: second.slice(0, 300) });
  }, 60_000);
});
