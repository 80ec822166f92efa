/**
 * Found in review, stop 54 (fixed then: "Delen" pressed on an older view, in the tab or on the
 * chat's overview card, shared text written since on the other surface, unseen: a share carried
 * only `visibilityRev`, which a text edit does not change).
 *
 * "Notes are private until shared", with two surfaces open at once. A view now sends the revision
 * of the text it showed beside the button (`rev`), and a share from private is refused when the
 * note's (or the Prof-traject's) text changed since (`requireTextSeen`): the tab gets 409 with the
 * newest text, the chat's card comes back with the newest text and a line saying why nothing was
 * shared. Shared again from there, it goes through. A card from before `rev` was sent shares
 * nothing either (it cannot tell what it showed). Taking a share back stays unconditional.
 */
import { execute, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile } from '../talent-review/support/proposal-put-before';
import { actionData, allActionData, PersonalChat, tabApi } from './support';

const [anna, mia] = [user('Anna'), user('Mia')];
const PRIVATE_WORDS = 'en eerlijk gezegd denk ik erover om te vertrekken';

describe('a share goes only with the text the view showed', () => {
  let t: TestApp;
  let reviewId = '';
  const notes = async () => (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'note' AND c.userId = 'aad-anna'" }).fetchAll()).resources as { id: string; text: string; rev: number; visibility: string }[];
  const stored = async (id: string) => (await notes()).find((n) => n.id === id)!;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const prepText = async () => cardText((await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, `x-${Math.random()}`))).body.value);
  const shareOf = (card: unknown, id: string) => allActionData(card, 'verantwoording.visibility').find((d) => d.id === id && d.visibility === 'shared');

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile([{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }]) }, '2026-11-23T08:00:00Z');
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
  }, 60_000);
  afterAll(() => t.stop());

  it('the tab shares from the text it showed; an edit in the chat since gets 409 with the newest text, and reaches Mia only once shared from it', async () => {
    const chat = new PersonalChat(t, anna);
    await chat.say('notitie Overdracht ging goed vandaag');
    const api = await tabApi(t, anna.aadObjectId);
    const shown = (await api('GET', '')).json.notes.find((n: { text: string }) => n.text === 'Overdracht ging goed vandaag');
    expect({ rev: shown.rev, visibilityRev: shown.visibilityRev ?? 0 }).toEqual({ rev: 1, visibilityRev: 0 });

    // The chat's note card, meanwhile: Anna adds private thoughts (the note is private).
    const card = await chat.press('verantwoording.note.open', { noteId: shown.id });
    await chat.press('verantwoording.note.save', { ...actionData(card, 'verantwoording.note.save')!, text: `Overdracht ging goed vandaag, ${PRIVATE_WORDS}` });

    // The tab, still showing "Overdracht ging goed vandaag", shares it with the text's rev it showed.
    const share = await api('PUT', '/visibility', { kind: 'note', id: shown.id, visibility: 'shared', visibilityRev: 0, rev: shown.rev });
    const preview = JSON.stringify((await api('GET', '/preview?lang=nl')).json);
    expect({ status: share.status, reason: share.json.reason, newest: share.json.note?.text, rev: share.json.note?.rev }).toEqual({ status: 409, reason: 'textChanged', newest: `Overdracht ging goed vandaag, ${PRIVATE_WORDS}`, rev: 2 });
    expect({ previewHasUnseenWords: preview.includes(PRIVATE_WORDS), miaSeesUnseenWords: (await prepText()).includes(PRIVATE_WORDS), stored: (await stored(shown.id)).visibility }).toEqual({
      previewHasUnseenWords: false,
      miaSeesUnseenWords: false,
      stored: 'private',
    });

    // A tab from before `rev` was sent cannot tell what it showed: nothing shared either.
    expect((await api('PUT', '/visibility', { kind: 'note', id: shown.id, visibility: 'shared', visibilityRev: 0 })).json).toMatchObject({ error: 'conflict', reason: 'textChanged' });

    // Shared from the newest text (what the 409 gave the tab to show), it goes through.
    expect((await api('PUT', '/visibility', { kind: 'note', id: shown.id, visibility: 'shared', visibilityRev: 0, rev: 2 })).status).toBe(200);
    expect((await prepText()).includes(PRIVATE_WORDS)).toBe(true);
  }, 60_000);

  it('the chat overview card\'s "Delen" from before a tab edit shares nothing, says why, and shows the newest text to share from', async () => {
    const chat = new PersonalChat(t, anna);
    const { cards } = await chat.say('notitie Werkoverleg voorbereid');
    const note = (await notes()).find((n) => n.text === 'Werkoverleg voorbereid')!;
    const share = shareOf(cards[0], note.id);
    expect(share).toMatchObject({ rev: 1, visibilityRev: 0 });

    const api = await tabApi(t, anna.aadObjectId);
    expect((await api('PUT', `/notes/${encodeURIComponent(note.id)}`, { text: `Werkoverleg voorbereid, ${PRIVATE_WORDS} (2)`, rev: 1 })).status).toBe(200);

    const answer = await chat.press('verantwoording.visibility', { ...share!, text: 'half getypte notitie' }, 'overview-card');
    expect({ miaSeesUnseenWords: (await prepText()).includes(`${PRIVATE_WORDS} (2)`), stored: (await stored(note.id)).visibility }).toEqual({ miaSeesUnseenWords: false, stored: 'private' });
    const text = cardText(answer);
    expect({
      says: text.includes('Niets gedeeld met je leidinggevende: de tekst is gewijzigd'),
      showsNewest: text.includes(`${PRIVATE_WORDS} (2)`),
      keepsTyping: JSON.stringify(answer).includes('half getypte notitie'),
      problems: cardProblems(answer),
    }).toEqual({ says: true, showsNewest: true, keepsTyping: true, problems: [] });

    // "Delen" on the refreshed card (it shows the newest text): shared.
    const again = shareOf(answer, note.id);
    expect(again).toMatchObject({ rev: 2 });
    const shared = await chat.press('verantwoording.visibility', again!, 'overview-card');
    expect({ stored: (await stored(note.id)).visibility, miaSees: (await prepText()).includes(`${PRIVATE_WORDS} (2)`), says: cardText(shared).includes('Niets gedeeld') }).toEqual({ stored: 'shared', miaSees: true, says: false });

    // Taking it back stays unconditional: from a card older than the text, and from one without any revision.
    expect((await api('PUT', `/notes/${encodeURIComponent(note.id)}`, { text: 'Werkoverleg voorbereid (3)', rev: 2, visibilityRev: 1 })).status).toBe(200);
    const unshare = allActionData(shared, 'verantwoording.visibility').find((d) => d.id === note.id)!;
    expect(unshare).toMatchObject({ visibility: 'private', rev: 2 });
    await chat.press('verantwoording.visibility', unshare, 'overview-card');
    expect((await stored(note.id)).visibility).toBe('private');
  }, 60_000);

  it('a card from before the share carried the text\'s revision shares nothing, and says so', async () => {
    const chat = new PersonalChat(t, anna);
    await chat.say('notitie Van een oude kaart');
    const note = (await notes()).find((n) => n.text === 'Van een oude kaart')!;
    const answer = await chat.press('verantwoording.visibility', { kind: 'note', id: note.id, visibility: 'shared' }, 'old-card');
    expect({ stored: (await stored(note.id)).visibility, says: cardText(answer).includes('deze kaart is van vóór een wijziging in de app'), problems: cardProblems(answer) }).toEqual({ stored: 'private', says: true, problems: [] });
    // From the overview it answered with (it carries the revision), the share goes through; taken back without one, it is private again.
    await chat.press('verantwoording.visibility', shareOf(answer, note.id)!, 'overview-card');
    expect((await stored(note.id)).visibility).toBe('shared');
    await chat.press('verantwoording.visibility', { kind: 'note', id: note.id, visibility: 'private' }, 'old-card');
    expect((await stored(note.id)).visibility).toBe('private');
  }, 60_000);

  it('the Prof-traject: shared from the tab after the chat revised it, 409 with the newest version; the chat card in English says why', async () => {
    const chat = new PersonalChat(t, anna);
    const first = await chat.press('verantwoording.traject.save', { learningNeeds: 'Beter plannen', talents: '', weeks: '20', rev: 0 });
    const api = await tabApi(t, anna.aadObjectId);
    const shown = (await api('GET', '')).json.profTraject;
    const share = shareOf(first, shown.id);
    expect(share).toMatchObject({ kind: 'profTraject', rev: shown.rev });
    await chat.press('verantwoording.traject.save', { learningNeeds: `Beter plannen, ${PRIVATE_WORDS}`, talents: '', weeks: '20', rev: shown.rev });

    const fromTab = await api('PUT', '/visibility', { kind: 'profTraject', id: shown.id, visibility: 'shared', visibilityRev: 0, rev: shown.rev });
    expect({ status: fromTab.status, reason: fromTab.json.reason, newest: fromTab.json.traject?.learningNeeds }).toEqual({ status: 409, reason: 'textChanged', newest: `Beter plannen, ${PRIVATE_WORDS}` });

    await chat.say('taal en');
    const answer = await chat.press('verantwoording.visibility', share!, 'overview-card');
    expect({ says: cardText(answer).includes('Nothing was shared with your manager: the text was changed'), miaSeesTraject: (await prepText()).includes('Beter plannen') }).toEqual({ says: true, miaSeesTraject: false });
    const stored = (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'profTraject' AND c.userId = 'aad-anna'").fetchAll()).resources[0];
    expect(stored.visibility).toBe('private');
    await chat.say('taal nl');
  }, 60_000);
});
