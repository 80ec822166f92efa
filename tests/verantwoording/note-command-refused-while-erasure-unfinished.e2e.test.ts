/**
 * Found in review of the personal tab (the same hole in the 1:1 chat). Eva, who chose English,
 * erases her data in the chat while Cosmos DB refuses every delete in her partition: the
 * erasure is begun and unfinished, and its resume job (or her own press) finishes it later. Until
 * then, "note ..." typed in the chat, "language nl", and "Add note" pressed on an older overview
 * card were confirmed and stored, and the erasure then deleted them without a word.
 * What must hold: while the erasure is unfinished nothing of hers is stored; she is told so in her
 * language ("Not saved"), with the card that finishes the erasure; once it finished, a note is
 * stored and stays.
 */
import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { cardProblems } from '../support/card-validator';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from './support';

describe('the personal chat while an erasure is unfinished', () => {
  let t: TestApp;
  let eva: PersonalChat;
  const EN = 'en-US';
  const own = async (type: string) => (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.userId = 'aad-eva' AND c.type = @t", parameters: [{ name: '@t', value: type }] }).fetchAll()).resources;
  const said = (reply: { cards: unknown[]; texts: string[] }) => [...reply.texts, ...reply.cards.map(cardText)].join('\n');

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
    eva = new PersonalChat(t, user('Eva'));
    await eva.say('language en', EN);
    await eva.say('note Written before the erasure', EN);
    t.proxy!.faults = (req) => (req.kind === 'delete' && req.container === 'personal' ? { kind: 'status', status: 503 } : undefined);
    const erased = await eva.press('verantwoording.erase.confirm', { confirm: 'yes' });
    t.proxy!.faults = undefined;
    // Precondition: begun and not finished.
    expect(cardText(erased)).toContain('Your data has not been fully erased yet');
  });
  afterAll(() => t.stop());

  it('refuses a note typed in the chat, in her language, with the way to finish the erasure', async () => {
    const reply = await eva.say('note Typed while the erasure is unfinished', EN);
    expect(said(reply)).toMatch(/^Not saved: your data is still being erased/m);
    expect(said(reply)).toContain('Your data has not been fully erased yet');
    expect(said(reply)).not.toMatch(/\b(Saved|Opgeslagen|Bewaard|Niet bewaard)\b/);
    expect(reply.cards.some((c) => actionData(c, 'verantwoording.erase.confirm'))).toBe(true);
    expect((await own('note')).map((n) => n.text)).toEqual(['Written before the erasure']);
  });

  it('refuses a language choice and a press on "Add note" the same way', async () => {
    const language = await eva.say('language nl', EN);
    expect(said(language)).toMatch(/^Not saved: your data is still being erased/m);
    expect((await own('preferences')).map((p) => p.language)).toEqual(['en']);

    const pressed = await eva.press('verantwoording.note.add', { text: 'Pressed while the erasure is unfinished', k: 'refused-while-erasing-0001' });
    expect(cardText(pressed)).toContain('Your data has not been fully erased yet');
    expect(actionData(pressed, 'verantwoording.erase.confirm')).toEqual({ confirm: 'yes' });
    expect((await own('note')).map((n) => n.text)).toEqual(['Written before the erasure']);
  });

  it('says so on the overview, with the way to finish the erasure (stop 44)', async () => {
    const overview = await eva.say('verantwoording', EN);
    const card = overview.cards[0];
    expect(cardText(card)).toContain('You asked to erase all your data. That has started but has not finished');
    expect(actionData(card, 'verantwoording.erase.confirm')).toEqual({ confirm: 'yes' });
    expect(cardProblems(card)).toEqual([]);
  });

  it('stores a note again once the erasure is finished', async () => {
    expect(cardText(await eva.press('verantwoording.erase.confirm', { confirm: 'yes' }))).toContain('Your data has been erased');
    expect(await own('note')).toEqual([]);
    await eva.say('note A fresh start', EN);
    t.clock.advanceMinutes(60);
    await t.app.scheduler.runDue();
    expect((await own('note')).map((n) => n.text)).toEqual(['A fresh start']);
  });
});
