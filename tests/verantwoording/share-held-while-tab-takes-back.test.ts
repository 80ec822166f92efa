/**
 * A guard (held when written, in review of stop 54): "Delen" pressed on the chat's overview card while the
 * tab shares and takes back the same note. The chat's write is held at the store (gate) while the
 * tab's two changes land; then it goes on. Her last choice (private, in the tab) must stand, and
 * Mia's prep card already in her chat, rebuilt by the outbox, must not show the note; nor the preview.
 */
import type { IncomingMessage } from 'node:http';
import { execute, user } from '../support/activities';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile } from '../talent-review/support/proposal-put-before';
import { allActionData, PersonalChat, tabApi } from './support';

const [anna, mia] = [user('Anna'), user('Mia')];
const WORDS = 'Ik wil minder avonddiensten, dat blijft tussen mij en mijn notities';
const path = (req: IncomingMessage) => decodeURIComponent((req.url ?? '').split('?')[0]!);

describe('share from the chat card racing share and take-back in the tab', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile([{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }]) }, '2026-11-23T08:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t.stop());

  it('the held chat share changes nothing; Mia\'s card and the preview never keep the note', async () => {
    const miaChat = t.conversation('personal', 'a:personal-mia');
    await t.send(execute(miaChat, mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    const reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
    const chat = new PersonalChat(t, anna);
    const { cards } = await chat.say(`notitie ${WORDS}`);
    const noteId = (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'note' AND c.userId = 'aad-anna'").fetchAll()).resources[0].id as string;
    const shown = await t.send(execute(miaChat, mia, 'review.prep.show', { reviewId }, 'prep-msg'));
    expect(cardText(shown.body.value)).not.toContain(WORDS);
    const share = allActionData(cards[0], 'verantwoording.visibility').find((d) => d.id === noteId && d.visibility === 'shared')!;

    const gate = cosmosGate(t.proxy!);
    const held = gate.hold((req) => req.method === 'PUT' && path(req).endsWith(`/docs/${noteId}`));
    const pressed = chat.press('verantwoording.visibility', share, 'overview-card');
    await held.arrived;
    const api = await tabApi(t, anna.aadObjectId);
    expect((await api('PUT', '/visibility', { kind: 'note', id: noteId, visibility: 'shared', visibilityRev: 0, rev: 1 })).status).toBe(200);
    await t.app.outbox.drain(30_000);
    // The share reached Mia's card (so the take-back has something to take back).
    expect(cardText(t.connector.latest('prep-msg'))).toContain(WORDS);
    expect((await api('PUT', '/visibility', { kind: 'note', id: noteId, visibility: 'private', visibilityRev: 1 })).status).toBe(200);
    held.release();
    await pressed;
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(30_000);

    const stored = (await t.store.container('personal').item(noteId, 'aad-anna').read()).resource;
    const miaSees = cardText(t.connector.latest('prep-msg') ?? shown.body.value);
    expect({
      visibility: stored.visibility,
      miaSees: miaSees.includes(WORDS),
      preview: JSON.stringify((await api('GET', '/preview?lang=nl')).json).includes(WORDS),
      fresh: cardText((await t.send(execute(miaChat, mia, 'review.prep.show', { reviewId }, 'prep-msg-2'))).body.value).includes(WORDS),
    }).toEqual({ visibility: 'private', miaSees: false, preview: false, fresh: false });
  }, 90_000);
});
