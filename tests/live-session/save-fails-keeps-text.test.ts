import { field, inputValues } from '../support/card-fields';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { ERROR_TITLE, exportOf } from './support';

/**
 * The store fails while a member saves what they typed (Cosmos DB answers 503 to every try of the
 * write). The answer to their press is an error card that says nothing was stored, and it holds
 * what they typed with a button to try again: their view of the session card is replaced by the
 * answer, so an error card without it would lose the text. Pressing that button once the store is
 * back stores it once.
 */
describe('a save the store refuses keeps what was typed', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram] = MEMBERS;
  beforeAll(async () => {
    t = await startTestApp({}, undefined, { proxy: true });
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
  });
  afterAll(() => t.stop());

  it('attack: an answer typed while the store is down comes back with the text and a retry that stores it once', async () => {
    const typed = 'De overdracht kost ons elke ochtend een kwartier';
    t.proxy!.faults = (req) => (req.container === 'sessions' && (req.kind === 'batch' || req.kind === 'create') ? { kind: 'status', status: 503 } : undefined);
    let res;
    try {
      res = await g.press(anna!, 'session.contribute', { ...g.ids(), questionId: 1, text: typed, k: 'card-key-1' });
    } finally {
      t.proxy!.faults = undefined;
    }
    const card = res.value;
    expect(cardText(card)).toContain(ERROR_TITLE);
    expect(inputValues(card).text).toBe(typed);
    expect((await exportOf(t, anna!)).contributions.map((c) => c.text)).not.toContain(typed);

    // The card's own button: its data and the text input, as Teams sends them.
    const again = (card.actions as { verb: string; data: Record<string, unknown> }[])[0]!;
    expect(again.verb).toBe('session.contribute');
    await g.press(anna!, again.verb, { ...again.data, text: inputValues(card).text });
    await g.press(anna!, again.verb, { ...again.data, text: inputValues(card).text });
    expect((await exportOf(t, anna!)).contributions.filter((c) => c.text === typed)).toHaveLength(1);
  });

  it('guard: a press with nothing typed (a check-in) gets the plain error card, no empty form', async () => {
    t.proxy!.faults = (req) => (req.container === 'sessions' && (req.kind === 'batch' || req.kind === 'create') ? { kind: 'status', status: 503 } : undefined);
    let res;
    try {
      res = await g.press(bram!, 'session.energy', { ...g.ids(), phase: 'in', energyIn: '4' });
    } finally {
      t.proxy!.faults = undefined;
    }
    expect(cardText(res.value)).toContain(ERROR_TITLE);
    expect(field(res.value, 'text')).toBeUndefined();
  });
});
