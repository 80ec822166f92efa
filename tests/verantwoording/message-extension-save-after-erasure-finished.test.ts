/**
 * A guard (held when written, in review of stop 52): Eva's Save from the message extension is refused while
 * her erasure is unfinished (the dialog comes back with her text and the same dialog key). The
 * erasure then finishes. Teams delivers that refused Save again, and she presses Save on the
 * returned dialog: one note with her words, nothing from before the erasure, no second note.
 */
import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { extensionInvoke, PersonalChat } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const eva = user('Eva');
const LINK = 'https://teams.microsoft.com/l/message/19:x@thread.v2/7';

describe('a Save refused during the erasure, delivered again after it finished', () => {
  let t: TestApp;
  const notes = async () => (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.userId = 'aad-eva' AND (c.type = 'note' OR c.type = 'deletedNote')").fetchAll()).resources;
  const submit = (noteText: string, key: string, id?: string) =>
    t.send({ ...extensionInvoke(t.conversation('personal', 'a:personal-Eva'), eva, 'composeExtension/submitAction', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload: { linkToMessage: LINK, id: 'msg-7' }, data: { noteText, link: LINK, key, message: 'msg-7' } }, 'nl-NL'), ...(id ? { id } : {}) });

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  it('stores her words once after the erasure, and nothing of before it', async () => {
    const chat = new PersonalChat(t, eva);
    await chat.say('notitie Van voor het wissen');
    t.proxy!.faults = (req) => (req.kind === 'delete' && req.container === 'personal' ? { kind: 'status', status: 503 } : undefined);
    await chat.press('verantwoording.erase.confirm', { confirm: 'yes' });
    t.proxy!.faults = undefined;

    const refused = await submit('Wat ik wil bewaren', 'dialog-1', 'act-1');
    const card = refused.body?.task?.value?.card?.content;
    expect(cardText(card)).toMatch(/Niet bewaard: je gegevens worden nog gewist/);
    const keyOnDialog = JSON.stringify(card).includes('dialog-1');
    expect(keyOnDialog).toBe(true);

    // The erasure finishes (her own press again).
    const done = await chat.press('verantwoording.erase.confirm', { confirm: 'yes' });
    expect(cardText(done)).not.toContain('nog niet helemaal gewist');
    expect(await notes()).toEqual([]);

    // Teams delivers the refused Save again, then she presses Save on the returned dialog.
    const again = await submit('Wat ik wil bewaren', 'dialog-1', 'act-1');
    const pressed = await submit('Wat ik wil bewaren', 'dialog-1', 'act-2');
    for (const r of [again, pressed]) expect(JSON.stringify(r.body)).toMatch(/Bewaard in Mijn verantwoording/);
    expect((await notes()).map((n) => `${n.type} ${n.text}`)).toEqual(['note Wat ik wil bewaren']);
  });
});
