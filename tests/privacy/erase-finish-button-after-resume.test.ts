/**
 * Found in review, stop 45. Eva's erasure did not finish; its card carries "Wissen afmaken" with
 * the confirm card's key. The resume job finishes the erasure and leaves the receipt of that key.
 * Later she writes a note, then presses "Wissen afmaken" on purpose. The app cannot tell this from
 * Teams delivering the press again, so it erases nothing (her new note stays). What must hold: the
 * answer is true. It does not say her data is erased; it says the erasure finished earlier, that
 * what she saved since is kept, and how to erase that too ('wis mijn gegevens'). Once nothing of
 * hers is stored, the same press gets the plain "erased" card.
 */
import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, allDocuments, PersonalChat } from '../verantwoording/support';

const CONFIRM = 'verantwoording.erase.confirm';
type Doc = Record<string, unknown> & { id: string; type?: string; userId?: string };

describe('"Wissen afmaken" pressed after the resume job finished the erasure', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  it('does not say her data is erased while what she wrote since is kept', async () => {
    const eva = user('EvaAfmaken');
    const chat = new PersonalChat(t, eva);
    await chat.say('notitie Van voor het wissen');
    const data = actionData((await chat.say('wis mijn gegevens')).cards[0], CONFIRM)!;
    t.proxy!.faults = (req) => (req.kind === 'delete' && req.container === 'personal' ? { kind: 'status', status: 503 } : undefined);
    const unfinished = await chat.press(CONFIRM, data, 'confirm-card-eva');
    t.proxy!.faults = undefined;
    expect(cardText(unfinished)).toMatch(/nog niet helemaal gewist/);
    const finish = actionData(unfinished, CONFIRM)!;

    // The app finishes it by itself, as the card promised.
    t.clock.advanceMinutes(60);
    await t.app.scheduler.runDue();

    // Later she writes a note, then presses "Wissen afmaken" on the card still in her chat.
    t.clock.advanceMinutes(60);
    await chat.say('notitie Na het wissen geschreven');
    t.clock.advanceMinutes(60);
    const answer = await chat.press(CONFIRM, finish, 'confirm-card-eva');

    const notes = ((await allDocuments(t.store)).personal as Doc[]).filter((d) => d.userId === eva.aadObjectId && d.type === 'note').map((d) => String(d.text));
    const saysErased = cardText(answer).includes('Je gegevens zijn gewist');
    expect({ saysErased, notes }).not.toEqual({ saysErased: true, notes: ['Na het wissen geschreven'] });
    expect(notes).toEqual(['Na het wissen geschreven']);
    expect(cardText(answer)).toContain('Je gegevens waren al gewist');
    expect(cardText(answer)).toContain('Wat je sindsdien hebt bewaard, staat er nog');
    expect(cardText(answer)).toContain('wis mijn gegevens');

    // She erases the new note by hand; the old button then says "erased", as nothing of hers is kept.
    const data2 = actionData((await chat.say('wis mijn gegevens')).cards[0], CONFIRM)!;
    expect(cardText(await chat.press(CONFIRM, data2, 'confirm-card-eva-2'))).toContain('Je gegevens zijn gewist');
    const pressedAgain = await chat.press(CONFIRM, finish, 'confirm-card-eva');
    expect(cardText(pressedAgain)).toContain('Je gegevens zijn gewist');
    expect(cardText(pressedAgain)).not.toContain('al gewist');
  });
});
