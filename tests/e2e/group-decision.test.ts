import { user } from '../support/activities';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi, success } from '../support/fake-azure-openai';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const SIX = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva', 'Finn'].map(user);
const [anna, bram, cem, dewi] = SIX as [ReturnType<typeof user>, ReturnType<typeof user>, ReturnType<typeof user>, ReturnType<typeof user>];
const DRAFT = { proposal: 'Start elke dienst met tien minuten overdracht met één formulier.', assumptions: ['Tijd is er'], risks: ['Afvinklijst'], questionsToCheck: ['Past het rooster?'] };

/** Every Input of a card, by id. */
function inputs(card: unknown): Record<string, { type: string; value?: unknown }> {
  const out: Record<string, { type: string; value?: unknown }> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') out[o.id] = { type: o.type, value: o.value };
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

/**
 * Question 7: the group decides, explicitly. No choice is made in advance, the AI's text is never
 * offered as the group's words, the group decides once half of those present judged, and the
 * card says how the members judged, not who decided for the group.
 */
describe('the group decides on its proposal', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;

  async function groupAtQuestionSeven(conversationId: string, withAi: boolean): Promise<GroupDriver> {
    // Everyone checks in: the decision counts those present.
    const g = await new GroupDriver(t, t.conversation('groupChat', conversationId), SIX).answeredOnDayOne(['Overdracht', 'Informatie raakt kwijt', 'Geen vaste tijd', 'Overdracht moet korter', 'Formulier'], { author: anna, checkIn: 4 });
    if (withAi) {
      ai.script(success(DRAFT));
      await g.press(bram, 'proposal.draft', g.ids());
      await t.app.background.idle();
    } else {
      await g.contribute(bram, 6, 'Ons eigen voorstel: een vaste overdrachtstafel om kwart voor.');
    }
    await g.goTo(anna, 6);
    return g;
  }

  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    t = await startTestApp(aiSettings(ai, { timeoutMs: 2000, retries: 1 }), undefined, { sharedCardIntervalMs: 0 });
  });
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });

  it('waits for half of those present, then offers a decision with nothing chosen and the AI text only as the proposal shown', async () => {
    const g = await groupAtQuestionSeven('19:decision-ai@thread.v2', true);
    const edits = async () => {
      await t.app.sharedCards.idle();
      return t.connector.calls.filter((c) => c.method === 'PUT' && c.id === g.sessionMessageId).length;
    };
    const before = await edits();
    await g.press(anna, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Helder' });
    const afterTwo = (await g.press(bram, 'proposal.judge', { ...g.ids(), opinion: 'doubt', reason: 'Kost tijd' })).value;
    expect(cardText(afterTwo)).toContain('Nog 1 oordeel nodig');
    expect(inputs(afterTwo).decision).toBeUndefined();
    // A judgement is the member's own: the shared card is not edited under the others' typing.
    expect(await edits()).toBe(before);

    // Pressing "decide" anyway (an old card, another client) stores nothing.
    const early = await g.press(dewi, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'Snel', adoptedText: '', firstStep: 'Morgen' });
    expect(cardText(early.value)).not.toContain('Besluit van de groep:');
    expect((await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource.decision).toBeUndefined();

    const form = (await g.press(cem, 'proposal.judge', { ...g.ids(), opinion: 'disagree', reason: 'Liever anders' })).value;
    // The judgement that lets the group decide is a step for everyone: the shared card shows the decision.
    expect(await edits()).toBe(before + 1);
    expect(inputs(g.sharedCard()).decision).toEqual({ type: 'Input.ChoiceSet', value: '' });
    const fields = inputs(form);
    expect(fields.decision).toEqual({ type: 'Input.ChoiceSet', value: '' });
    expect(fields.adoptedText?.value ?? '').toBe('');
    expect(JSON.stringify(form)).not.toContain('"value":"Start elke dienst');
    expect(cardText(form)).toContain('Het voorstel van AI, zoals het er nu staat');
    expect(cardText(form)).toMatch(/Anna · eens:\s*Helder[\s\S]*Bram · twijfel:\s*Kost tijd[\s\S]*Cem · oneens:\s*Liever anders/);
  });

  it('refuses a decision without a choice or a reason, and records an explicit one without naming who pressed', async () => {
    const g = await groupAtQuestionSeven('19:decision-own@thread.v2', false);
    for (const [who, opinion] of [[anna, 'agree'], [bram, 'agree'], [cem, 'doubt']] as const) await g.press(who, 'proposal.judge', { ...g.ids(), opinion, reason: 'Omdat' });
    for (const data of [{ decision: '', decisionReason: 'Omdat' }, { decision: 'accept', decisionReason: '' }]) {
      const refused = await g.press(dewi, 'proposal.decide', { ...g.ids(), adoptedText: '', firstStep: 'Morgen', ...data });
      expect(cardText(refused.value)).not.toContain('Besluit van de groep:');
    }
    const decided = cardText((await g.press(dewi, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'Het is eenvoudig', adoptedText: '', firstStep: 'Tafel neerzetten' })).value);
    // Without AI, "adopt as it is" adopts the group's own proposal.
    expect(decided).toContain('Besluit van de groep: aannemen zoals het is');
    expect(decided).toContain('Ons eigen voorstel: een vaste overdrachtstafel om kwart voor.');
    expect(decided).toContain('Het is eenvoudig');
    expect(decided).toContain('Oordelen bij het besluit: 2 eens, 1 twijfel, 0 oneens.');
    expect(decided).not.toMatch(/door Dewi|besloten door/i);
  });
});
