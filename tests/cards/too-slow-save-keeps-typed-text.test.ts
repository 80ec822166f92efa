/**
 * Found in review, stop 67. A personal answer (question 9) and a learning need's pass-on keep to a
 * save window (commit efde6f3c): answered after it, the write is taken back and the press refused
 * (`saveTooSlow`). The error card said "wat je typte staat er nog", but the invoke's answer
 * replaces the card the person typed in, and it held nothing of what they typed: a dead end. What
 * must hold (README, refused forms: "never a dead end"): the card that comes back says why nothing
 * was stored and holds the typed words, with the button to send them again; pressed, it stores them.
 * No erasure here: the store is only slow (a held write, the window's clock moved past it).
 * Guard: on the Action.Submit fallback the card typed in stays as it was, and a refusal there goes
 * through the outbox; a late save may be late because the person's erasure ran meanwhile, so that
 * refusal holds none of the words (they would be stored again after "gewist").
 */
import { holdFirst } from '../support/cosmos-proxy';
import { submit, user, TestUser } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp, TEST_SAVE_WINDOW_MS } from '../support/test-app';
import { testWindowClock } from '../support/test-window-clock';
import { groupWithQuestion9 } from '../learning-needs/support';
import { naming } from '../privacy/support/rights-scenario';
import { createTranslator } from '../../src/i18n/i18n';

const [anna, bram, cem] = ['Anna', 'Bram', 'Cem'].map(user) as [TestUser, TestUser, TestUser];
const nl = createTranslator().t('nl');

interface CardNode { type?: string; id?: string; value?: string; verb?: string; data?: Record<string, unknown> }

/** The card's text inputs, id -> what they hold. */
function inputsOf(card: unknown): Record<string, string | undefined> {
  const found: Record<string, string | undefined> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as CardNode;
    if (n.type === 'Input.Text' && n.id) found[n.id] = n.value;
    Object.values(node).forEach(walk);
  };
  walk(card);
  return found;
}

/** The card's Action.Execute buttons. */
function executesOf(card: unknown): CardNode[] {
  const found: CardNode[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if ((node as CardNode).type === 'Action.Execute') found.push(node as CardNode);
    Object.values(node).forEach(walk);
  };
  walk(card);
  return found;
}

describe('a save answered after its window (saveTooSlow) comes back with what was typed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t?.stop());

  const own = async (who: TestUser, type: string) =>
    (await t.store.container('personal').items.query({ query: 'SELECT * FROM c WHERE c.userId = @u AND c.type = @t', parameters: [{ name: '@u', value: who.aadObjectId }, { name: '@t', value: type }] }).fetchAll()).resources.map(
      (d: { text?: string }) => d.text ?? '',
    );

  /** Presses `verb` with its create in the personal container held, answered after the save window. */
  const pressAnsweredLate = async (g: GroupDriver, who: TestUser, verb: string, data: Record<string, unknown>, press = () => g.press(who, verb, data).then((r) => r.value as unknown)) => {
    const holdCreate = holdFirst((req) => req.kind === 'create' && req.container === 'personal');
    return t.proxy!.withFaults(holdCreate.rule, async () => {
      const pressed = press();
      await holdCreate.held;
      testWindowClock.advance(TEST_SAVE_WINDOW_MS + 1);
      holdCreate.open();
      return pressed;
    });
  };

  /** The card's one button pressed again, with its inputs as they came back. */
  const pressAgain = async (g: GroupDriver, who: TestUser, card: unknown) => {
    const [again] = executesOf(card);
    const inputs = Object.fromEntries(Object.entries(inputsOf(card)).filter(([, v]) => v !== undefined));
    return g.press(who, again!.verb!, { ...again!.data, ...inputs });
  };

  it('a personal answer to question 9: the words and why, and the button stores them', async () => {
    const g = await groupWithQuestion9(t, 'tenant-1', [anna, bram, cem]);
    const typed = 'Ik wil leren nee te zeggen tegen extra diensten';
    const card = await pressAnsweredLate(g, bram, 'session.personal', { ...g.ids(), questionId: 9, text: typed, k: 'card-key-1' });
    expect({ why: cardText(card).includes(nl('error.saveTooSlowKept')), inputs: inputsOf(card), stored: await own(bram, 'personalAnswer') }).toEqual({ why: true, inputs: { text: typed }, stored: [] });

    expect(cardText((await pressAgain(g, bram, card)).value)).not.toContain(nl('error.saveTooSlowKept'));
    expect(await own(bram, 'personalAnswer')).toEqual([typed]);
  }, 180_000);

  it('a learning need passed on: the words and why, and the button passes them on', async () => {
    const g = await groupWithQuestion9(t, 'tenant-2', [anna, bram, cem]);
    const q9 = { ...g.ids(), questionId: 9 };
    await g.press(bram, 'session.personal', { ...q9, text: 'Beter plannen' });
    const typed = 'Een cursus timemanagement';
    const card = await pressAnsweredLate(g, bram, 'learningNeed.pass', { ...q9, theme: 'samenwerken', learningNeedText: typed, k: 'card-key-2' });
    expect({ why: cardText(card).includes(nl('error.saveTooSlowKept')), inputs: inputsOf(card), passedOn: await own(bram, 'learningNeedPassOn') }).toEqual({
      why: true,
      inputs: { learningNeedText: typed },
      passedOn: [],
    });

    expect(cardText((await pressAgain(g, bram, card)).value)).toContain('Doorgegeven');
    expect(await own(bram, 'learningNeedPassOn')).toEqual([typed]);
  }, 180_000);

  it('guard: on the Submit fallback in the group chat, the refusal queued for the 1:1 chat holds none of the words', async () => {
    const g = await groupWithQuestion9(t, 'tenant-3', [anna, bram, cem]);
    const typed = 'WOORDEN-VAN-BRAM over zijn werkdruk';
    const data = { ...g.ids(), questionId: 9, text: typed };
    const from = t.connector.calls.length;
    await pressAnsweredLate(g, bram, 'session.personal', data, () => t.send(submit(g.conv, bram, { verb: 'session.personal', ...data })));
    const queued = await naming(t, ['WOORDEN-VAN-BRAM']);
    await t.app.outbox.drain(30_000);
    const told = t.connector.calls.slice(from).map((c) => cardText(c.activity?.attachments?.[0]?.content)).join('\n');
    expect({ queued, told: told.includes(nl('error.saveTooSlow')), wordsTold: told.includes('WOORDEN-VAN-BRAM') }).toEqual({ queued: [], told: true, wordsTold: false });
  }, 180_000);
});
