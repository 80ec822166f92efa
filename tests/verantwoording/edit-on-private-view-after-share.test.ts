/**
 * Words written on a view that says "privé" never reach the manager unseen (stop 68, the mirror of
 * stop 54's share check). Anna's tab (or her chat's edit card) shows a note, or her Prof-traject,
 * private; on her phone she shares it as it stands; back on the stale view she adds private
 * thoughts and saves. The edit carries the sharing's revision it showed: shared since, nothing is
 * saved (tab: 409 `sharedSince`; chat: the card says so with her text kept) and Mia's prep card
 * stays without the words. Saving again from a view that shows it shared is her choice, and goes.
 */
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile } from '../talent-review/support/proposal-put-before';
import { actionData, allActionData, PersonalChat, tabApi } from './support';
import { createTranslator } from '../../src/i18n/i18n';

const nl = createTranslator().t('nl');
const [anna, mia] = [user('Anna'), user('Mia')];

/** The value a card's input shows (what the person typed stays there). */
function inputValue(card: unknown, id: string): unknown {
  let found: unknown;
  const walk = (node: unknown): void => {
    if (found !== undefined || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && o.id === id) found = o.value;
    else Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

describe('an edit written on a view that shows the entry private, after a share elsewhere', () => {
  let t: TestApp;
  let reviewId = '';
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const prepText = async () => cardText((await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, `x-${Math.random()}`))).body.value);
  const stored = async (id: string) => (await t.store.container('personal').item(id, 'aad-anna').read()).resource;

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile([{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }]) }, '2026-11-23T08:00:00Z');
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
  }, 60_000);
  afterAll(() => t?.stop());

  it('tab note: shared on the phone since the tab showed it, the edit is refused (409 sharedSince) and Mia sees none of it', async () => {
    const PRIVATE_WORDS = 'eerlijk gezegd solliciteer ik elders';
    const chat = new PersonalChat(t, anna);
    const { cards } = await chat.say('notitie Overdracht ging goed');
    const api = await tabApi(t, anna.aadObjectId);
    const shown = (await api('GET', '')).json.notes.find((n: { text: string }) => n.text === 'Overdracht ging goed');
    expect(shown.visibility).toBe('private');
    const share = allActionData(cards[0], 'verantwoording.visibility').find((d) => d.id === shown.id && d.visibility === 'shared')!;
    await chat.press('verantwoording.visibility', share, 'overview-card');
    expect((await stored(shown.id)).visibility).toBe('shared');

    const edit = await api('PUT', `/notes/${encodeURIComponent(shown.id)}`, { text: `Overdracht ging goed, ${PRIVATE_WORDS}`, rev: shown.rev, visibilityRev: shown.visibilityRev });
    expect({ status: edit.status, reason: edit.json.reason, noteNow: edit.json.note?.visibility }).toEqual({ status: 409, reason: 'sharedSince', noteNow: 'shared' });
    expect((await stored(shown.id)).text).toBe('Overdracht ging goed');
    expect(await prepText()).not.toContain(PRIVATE_WORDS);

    // Saving again from the view that now shows it shared (the 409's note): her choice, and it goes.
    const again = await api('PUT', `/notes/${encodeURIComponent(shown.id)}`, { text: 'Overdracht ging goed, en dat mag Mia lezen', rev: edit.json.note.rev, visibilityRev: edit.json.note.visibilityRev });
    expect(again.status).toBe(200);
    expect(await prepText()).toContain('en dat mag Mia lezen');
  }, 60_000);

  it('tab note: an edit that sends no sharing revision (a tab from before) is refused for a shared note', async () => {
    const chat = new PersonalChat(t, anna);
    const { cards } = await chat.say('notitie Oude tab');
    const api = await tabApi(t, anna.aadObjectId);
    const shown = (await api('GET', '')).json.notes.find((n: { text: string }) => n.text === 'Oude tab');
    await chat.press('verantwoording.visibility', allActionData(cards[0], 'verantwoording.visibility').find((d) => d.id === shown.id && d.visibility === 'shared')!, 'overview-card');
    const edit = await api('PUT', `/notes/${encodeURIComponent(shown.id)}`, { text: 'Oude tab, en iets voor mij alleen', rev: shown.rev });
    expect({ status: edit.status, reason: edit.json.reason }).toEqual({ status: 409, reason: 'sharedSince' });
    expect(await prepText()).not.toContain('iets voor mij alleen');
  }, 60_000);

  it('chat note: the edit card opened while private, shared since; its save says so and keeps the typed text', async () => {
    const PRIVATE_WORDS = 'ik twijfel of ik blijf';
    const chat = new PersonalChat(t, anna);
    const { cards } = await chat.say('notitie Teamoverleg');
    const noteId = (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'note' AND c.text = 'Teamoverleg'").fetchAll()).resources[0].id;
    const editCard = await chat.press('verantwoording.note.open', { noteId });
    expect(cardText(editCard)).not.toContain(nl('verantwoording.editShared.noteNotice'));
    await chat.press('verantwoording.visibility', allActionData(cards[0], 'verantwoording.visibility').find((d) => d.id === noteId && d.visibility === 'shared')!, 'overview-card');

    const typed = `Teamoverleg; ${PRIVATE_WORDS}`;
    const answered = await chat.press('verantwoording.note.save', { ...actionData(editCard, 'verantwoording.note.save'), text: typed });
    expect(cardText(answered)).toContain(nl('verantwoording.editShared.noteRefused'));
    expect(inputValue(answered, 'text')).toBe(typed);
    expect((await stored(noteId)).text).toBe('Teamoverleg');
    expect(await prepText()).not.toContain(PRIVATE_WORDS);
    // The card she is now shown says the note is shared; saving from it is her choice.
    const savedAgain = await chat.press('verantwoording.note.save', { ...actionData(answered, 'verantwoording.note.save'), text: typed });
    expect(cardText(savedAgain)).not.toContain(nl('verantwoording.editShared.noteRefused'));
    expect((await stored(noteId)).text).toBe(typed);
    expect(await prepText()).toContain(PRIVATE_WORDS);
  }, 60_000);

  it('Prof-traject: the tab form and the chat form, both showing privé, saved after a share on the phone', async () => {
    const TRAJECT_WORDS = 'omgaan met mijn burn-out klachten';
    const chat = new PersonalChat(t, anna);
    const first = await chat.press('verantwoording.traject.save', { learningNeeds: 'Beter plannen', talents: '', weeks: '20', rev: 0 });
    const form = await chat.press('verantwoording.traject.open', {});
    const api = await tabApi(t, anna.aadObjectId);
    const shown = (await api('GET', '')).json.profTraject;
    expect(shown.visibility).toBe('private');
    await chat.press('verantwoording.visibility', allActionData(first, 'verantwoording.visibility').find((d) => d.id === shown.id && d.visibility === 'shared')!, 'overview-card');

    const save = await api('PUT', '/traject', { learningNeeds: `Beter plannen, ${TRAJECT_WORDS}`, talents: '', plannedWeeks: 20, rev: shown.rev, visibilityRev: shown.visibilityRev ?? 0 });
    expect({ status: save.status, reason: save.json.reason, trajectNow: save.json.traject?.visibility }).toEqual({ status: 409, reason: 'sharedSince', trajectNow: 'shared' });

    const typed = `Beter plannen, ${TRAJECT_WORDS} (chat)`;
    const answered = await chat.press('verantwoording.traject.save', { ...actionData(form, 'verantwoording.traject.save'), learningNeeds: typed, talents: '', weeks: '20' });
    expect(cardText(answered)).toContain(nl('verantwoording.editShared.trajectRefused'));
    expect(inputValue(answered, 'learningNeeds')).toBe(typed);
    expect((await stored(shown.id)).learningNeeds).toBe('Beter plannen');
    expect(await prepText()).not.toContain(TRAJECT_WORDS);
  }, 60_000);
});
