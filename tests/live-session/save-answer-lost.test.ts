import { inputValues } from '../support/card-fields';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { ERROR_TITLE, exportOf } from './support';

/**
 * The store takes the write but its answer is lost (the connection drops after Cosmos DB stored
 * it, on every try). The failed-save card said "Er is niets bewaard" and offered the text again
 * for an answer that was stored: an error card must mean nothing was stored. The write's id is
 * known, so the save looks it up and answers with the stored state. Found in review, stop 32.
 */
describe('a save whose answer is lost', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna] = MEMBERS;
  beforeAll(async () => {
    t = await startTestApp({}, undefined, { proxy: true });
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
  });
  afterAll(() => t.stop());

  it('the card that says nothing was stored is not shown for a contribution that was stored', async () => {
    const typed = 'Een antwoord waarvan het antwoord zoekraakte';
    t.proxy!.faults = (req) => (req.container === 'sessions' && (req.kind === 'batch' || req.kind === 'create') ? { kind: 'dropAfter' } : undefined);
    let res;
    try {
      res = await g.press(anna!, 'session.contribute', { ...g.ids(), questionId: 1, text: typed, k: 'card-key-lost' });
    } finally {
      t.proxy!.faults = undefined;
    }
    const card = res.value;
    const saysNothingStored = cardText(card).includes(ERROR_TITLE) && inputValues(card).text === typed;
    const stored = (await exportOf(t, anna!)).contributions.some((c) => c.text === typed);
    expect({ saysNothingStored, stored, text: cardText(card).slice(0, 200) }).not.toMatchObject({ saysNothingStored: true, stored: true });
    // The member's card is the stored state: their answer among the group's, no error.
    expect({ stored, error: cardText(card).includes(ERROR_TITLE), shown: cardText(card).includes(typed) }).toEqual({ stored: true, error: false, shown: true });
    // Pressed again (Teams redelivers it, or the member retries): stored once.
    await g.press(anna!, 'session.contribute', { ...g.ids(), questionId: 1, text: typed, k: 'card-key-lost' });
    expect((await exportOf(t, anna!)).contributions.filter((c) => c.text === typed)).toHaveLength(1);
  });
});
