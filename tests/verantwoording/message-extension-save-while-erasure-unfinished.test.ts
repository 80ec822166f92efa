/**
 * Eva's erasure is begun and unfinished (Cosmos DB refused its deletes). She saves a Teams message
 * to her verantwoording through the message extension. Before stop 52 she got the generic "could
 * not be done" text and the dialog was gone with what she had written in it. What must hold: the
 * dialog comes back with her text, and says, in her language, that nothing is saved until the
 * erasure is finished; nothing is stored.
 */
import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { cardProblems } from '../support/card-validator';
import { startTestApp, TestApp } from '../support/test-app';
import { extensionInvoke, PersonalChat } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const eva = user('Eva');
const LINK = 'https://teams.microsoft.com/l/message/19:x@thread.v2/7';

describe('saving a message while the erasure is unfinished', () => {
  let t: TestApp;
  const notes = async () => (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'note' AND c.userId = 'aad-eva'").fetchAll()).resources;
  const submit = (noteText: string, locale: string) =>
    t.send(extensionInvoke(t.conversation('personal', 'a:personal-Eva'), eva, 'composeExtension/submitAction', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload: { linkToMessage: LINK }, data: { noteText, link: LINK, key: `dialog-${locale}` } }, locale));
  const noteInput = (card: any) => card?.body?.find((e: { id?: string }) => e.id === 'noteText');

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
    const chat = new PersonalChat(t, eva);
    await chat.say('notitie Van voor het wissen');
    t.proxy!.faults = (req) => (req.kind === 'delete' && req.container === 'personal' ? { kind: 'status', status: 503 } : undefined);
    const erased = await chat.press('verantwoording.erase.confirm', { confirm: 'yes' });
    t.proxy!.faults = undefined;
    // Precondition: begun and not finished.
    expect(cardText(erased)).toContain('nog niet helemaal gewist');
  });
  afterAll(() => t.stop());

  it.each([
    ['nl-NL', 'Wat ik uit het bericht wil bewaren', /Niet bewaard: je gegevens worden nog gewist/],
    ['en-US', 'What I want to keep from the message', /Not saved: your data is still being erased/],
  ])('in %s: the dialog again with the text and why, nothing stored', async (locale, text, why) => {
    const res = await submit(text, locale);
    const card = res.body?.task?.value?.card?.content;
    expect({ status: res.status, kept: noteInput(card)?.value, said: why.test(cardText(card)) }).toEqual({ status: 200, kept: text, said: true });
    expect(cardProblems(card)).toEqual([]);
    expect((await notes()).map((n) => n.text)).toEqual(['Van voor het wissen']);
  });
});
