import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile } from './support/proposal-put-before';
import { actionData, allActionData, PersonalChat, tabApi } from '../verantwoording/support';

/**
 * Found in review, stop 50: Anna writes in English and chose English; Mia is Dutch. Anna shares a
 * note, edits it, takes it back, shares it again. At each step Mia's card is Dutch, shows Anna's
 * words untranslated, and once taken back the text is in no card, fetch, preview or stored document.
 */
const mia = user('Mia');
const anna = user('Anna');
const FIRST = 'I want to lead the morning handover';
const EDITED = 'I would like to coach new colleagues';
const DUTCH = 'Wat heb ik gefaciliteerd?';

describe('share, edit, withdraw, share again, person in English and manager in Dutch', () => {
  let t: TestApp;
  let annaChat: PersonalChat;
  let reviewId = '';
  let noteId = '';
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const shown = () => cardText(t.connector.latest('list-card'));
  const fetchPrep = async () => cardText((await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, 'list-card'))).body.value);
  const everything = async () => {
    const out: string[] = [];
    for (const c of ['outbox', 'reviews'] as const) out.push(JSON.stringify((await t.store.container(c).items.query('SELECT * FROM c').fetchAll()).resources));
    return out.join('\n');
  };
  // `rev`: the note's text revision the overview showed (a share needs it since stop 54).
  const toggle = async (visibility: 'shared' | 'private', rev = 1) => {
    await annaChat.press('verantwoording.visibility', { kind: 'note', id: noteId, visibility, rev });
    await t.app.outbox.drain(60_000);
  };
  const preview = async () => JSON.stringify((await (await tabApi(t, 'aad-anna'))('GET', '/preview?lang=en')).json);

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile([{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }]) }, '2026-11-23T08:00:00Z');
    annaChat = new PersonalChat(t, anna);
    await annaChat.say('taal en');
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
  }, 90_000);
  afterAll(() => t.stop());

  it('step 1, shared: Dutch card, Anna\'s English words as she wrote them', async () => {
    const card = await annaChat.press('verantwoording.note.add', { text: FIRST });
    noteId = actionData(card, 'verantwoording.note.open')!.noteId as string;
    await toggle('shared');
    const text = await fetchPrep();
    expect(text).toContain(DUTCH);
    expect(text).toContain(FIRST);
  }, 90_000);

  it('step 2, edited: Mia\'s message shows the new words only, still Dutch', async () => {
    const edit = await annaChat.press('verantwoording.note.open', { noteId });
    await annaChat.press('verantwoording.note.save', { ...actionData(edit, 'verantwoording.note.save')!, text: EDITED });
    await t.app.outbox.drain(60_000);
    expect(shown()).toContain(DUTCH);
    expect(shown()).toContain(EDITED);
    expect(shown()).not.toContain(FIRST);
    expect(await everything()).not.toContain(FIRST);
  }, 90_000);

  it('step 3, withdrawn: gone from the message, a new fetch, Anna\'s preview and every stored card', async () => {
    await toggle('private');
    expect(shown()).toContain(DUTCH);
    expect(shown()).not.toContain(EDITED);
    expect(await fetchPrep()).not.toContain(EDITED);
    expect(await preview()).not.toContain(EDITED);
    expect(await everything()).not.toContain(EDITED);
    // Mia's "voorbereiding" command (her list) and anything it opens.
    const before = t.connector.calls.length;
    await t.send({ ...(await import('../support/activities')).message(miaChat(), mia, 'voorbereiding') });
    await t.app.outbox.drain(60_000);
    expect(JSON.stringify(t.connector.calls.slice(before))).not.toContain(EDITED);
  }, 90_000);

  it('step 4, shared again: the words come back, Dutch around them, in the message Mia has', async () => {
    await toggle('shared', 2);
    expect(shown()).toContain(DUTCH);
    expect(shown()).toContain(EDITED);
    expect(await preview()).toContain(EDITED);
    // Anna's preview is in her language (English), the same words.
    expect(await preview()).not.toContain(DUTCH);
  }, 90_000);
});
