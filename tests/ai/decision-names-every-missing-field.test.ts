/**
 * Found in review, stop 45.
 *
 * Enough members judged; Cem fills in the group's decision in a hurry at the end of the hour:
 * "Aanpassen, in onze eigen woorden", the group's own words, and presses "Besluit vastleggen"
 * with "Waarom besluiten jullie dit?" and "Eerste stap: wie doet wat, wanneer?" both left empty.
 * The form came back with a reason next to "Waarom" only; he heard about the first step only on
 * his next press: one refusal per press, while the time box runs (group setup names every wrong
 * field at once, tests/e2e/setup-names-every-wrong-field.e2e.test.ts).
 * Must hold: one press names every field that keeps the decision from being stored, each with
 * its reason next to it in the group's language, stores nothing, and keeps all that was typed.
 */
import { buttonData, field } from '../support/card-fields';
import { MEMBERS } from '../support/group-driver';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi } from '../support/fake-azure-openai';
import { groupWithAiDraft } from '../support/ai-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const DRAFT = { proposal: 'Elke dienst begint met tien minuten overdracht aan een vaste tafel.', assumptions: ['a'], risks: ['r'], questionsToCheck: ['q'] };
const OWN_WORDS = 'Wij doen de overdracht staand bij het bord, vijf minuten, met een vaste volgorde per kamer.';

describe('a decision with several fields missing', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;
  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    t = await startTestApp(aiSettings(ai, { timeoutMs: 2000, retries: 0 }), undefined, { sharedCardIntervalMs: 0 });
  }, 60_000);
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });

  it('names each missing field next to it in one answer', async () => {
    const [anna, bram, cem] = MEMBERS;
    const g = await groupWithAiDraft(t, ai, '19:decision-fields@thread.v2', DRAFT);
    for (const who of [anna!, bram!]) {
      const view = (await g.press(who, 'session.refresh', g.ids())).value;
      await g.press(who, 'proposal.judge', { ...buttonData(view, 'proposal.judge'), opinion: 'agree', reason: 'Goed te doen' });
    }
    const form = (await g.press(cem!, 'session.refresh', g.ids())).value;

    const res = await g.press(cem!, 'proposal.decide', { ...buttonData(form, 'proposal.decide'), decision: 'adapt', decisionReason: '', adoptedText: OWN_WORDS, firstStep: '' });

    const stored = (await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource;
    expect(stored.decision).toBeUndefined();
    expect(field(res.value, 'adoptedText')?.value).toBe(OWN_WORDS);
    expect({
      decisionReason: field(res.value, 'decisionReason')?.next,
      firstStep: field(res.value, 'firstStep')?.next,
      adoptedText: field(res.value, 'adoptedText')?.next,
    }).toEqual({
      decisionReason: 'Schrijf op waarom jullie dit besluiten.',
      firstStep: 'Spreek een eerste stap af: wie doet wat, wanneer?',
      adoptedText: undefined,
    });
  }, 120_000);
});
