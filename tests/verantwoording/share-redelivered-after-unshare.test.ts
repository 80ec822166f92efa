import { randomUUID } from 'node:crypto';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { actionData, allActionData, appWithChatOf, PersonalChat } from './support';

const anna = user('Anna');

/**
 * Found in review (Mijn verantwoording, share toggle). Anna shares a note from her overview
 * ("Delen met leidinggevende"), then thinks better of it and makes it private again from the card
 * that answered. Teams then delivers her first share press again (same activity id: a retried
 * invoke). The share button carried no version, so the old press won and the note went back onto
 * her manager's prep card. What must hold: a share or unshare press delivered again after a newer
 * change changes nothing, and the card it answers with shows how the entry stands. The same toggle
 * serves the Prof-traject (and reflections and hours). A press from a card rendered before the
 * toggle carried its version still takes a share back; since stop 54 it no longer shares a note
 * (nor the Prof-traject): such a card cannot tell which text it showed (share-only-the-text-shown).
 */
describe('a share press delivered again after the entry was made private', () => {
  let t: TestApp;
  let chat: PersonalChat;
  beforeAll(async () => {
    ({ t, chat } = await appWithChatOf(anna));
  });
  afterAll(() => t.stop());

  const stored = async (id: string) => (await t.store.container('personal').items.query({ query: 'SELECT * FROM c WHERE c.id = @id', parameters: [{ name: '@id', value: id }] }).fetchAll()).resources[0];

  it('keeps the note private, and the answer shows it private', async () => {
    const added = await chat.press('verantwoording.note.add', { text: 'Twijfel over mijn rol in het team', k: randomUUID() });
    const noteId = actionData(added, 'verantwoording.note.open')!.noteId as string;
    const share = allActionData(added, 'verantwoording.visibility').find((d) => d.id === noteId)!;
    expect(share).toMatchObject({ visibility: 'shared' });

    const sharePressId = 'share-press-1';
    const first = await t.send(execute(chat.conv, anna, 'verantwoording.visibility', share, 'overview-card', sharePressId));
    expect(first.status).toBe(200);
    expect((await stored(noteId)).visibility).toBe('shared');

    const unshare = allActionData(first.body.value, 'verantwoording.visibility').find((d) => d.id === noteId)!;
    expect(unshare).toMatchObject({ visibility: 'private' });
    await chat.press('verantwoording.visibility', unshare, 'overview-card');
    expect((await stored(noteId)).visibility).toBe('private');

    // Teams delivers the first press again (the same activity).
    const again = await t.send(execute(chat.conv, anna, 'verantwoording.visibility', share, 'overview-card', sharePressId));
    expect(again.status).toBe(200);
    expect((await stored(noteId)).visibility).toBe('private');
    // The answer shows the note as it stands: private, with the button to share it.
    expect(allActionData(again.body.value, 'verantwoording.visibility').find((d) => d.id === noteId)).toMatchObject({ visibility: 'shared' });

    // The unshare press delivered again changes nothing either (it already holds).
    await chat.press('verantwoording.visibility', unshare, 'overview-card');
    expect((await stored(noteId)).visibility).toBe('private');
  });

  it('keeps the Prof-traject private after its text was saved in between', async () => {
    await chat.press('verantwoording.traject.save', { learningNeeds: 'Plannen', talents: 'Coachen', weeks: '20' }, 'traject-card');
    const overview = (await chat.say('verantwoording')).cards[0];
    const share = allActionData(overview, 'verantwoording.visibility').find((d) => d.kind === 'profTraject')!;
    expect(share).toMatchObject({ visibility: 'shared' });
    const shared = await chat.press('verantwoording.visibility', share, 'overview-card');
    const unshare = allActionData(shared, 'verantwoording.visibility').find((d) => d.kind === 'profTraject')!;
    await chat.press('verantwoording.visibility', unshare, 'overview-card');
    // A save of its text rewrites the Prof-traject: what counts its sharing changes stays.
    const form = await chat.press('verantwoording.traject.open', {}, 'overview-card');
    await chat.press('verantwoording.traject.save', { ...actionData(form, 'verantwoording.traject.save'), learningNeeds: 'Plannen en delegeren', talents: 'Coachen', weeks: '20' }, 'traject-form');

    const again = await chat.press('verantwoording.visibility', share, 'overview-card');
    expect((await stored(share.id as string)).visibility).toBe('private');
    expect(cardText(again)).toContain('Plannen en delegeren');
  });

  it('a card rendered before the toggle carried its version still takes a share back (and, since stop 54, shares no note)', async () => {
    const added = await chat.press('verantwoording.note.add', { text: 'Van een oude kaart', k: randomUUID() });
    const noteId = actionData(added, 'verantwoording.note.open')!.noteId as string;
    await chat.press('verantwoording.visibility', { kind: 'note', id: noteId, visibility: 'shared' }, 'old-card');
    expect((await stored(noteId)).visibility).toBe('private');
    await chat.press('verantwoording.visibility', allActionData(added, 'verantwoording.visibility').find((d) => d.id === noteId)!, 'overview-card');
    expect((await stored(noteId)).visibility).toBe('shared');
    await chat.press('verantwoording.visibility', { kind: 'note', id: noteId, visibility: 'private' }, 'old-card');
    expect((await stored(noteId)).visibility).toBe('private');
  });
});
