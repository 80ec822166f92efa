/**
 * Found in review (AI proposal and the group's decision).
 *
 * The AI drafted a proposal; the members judged it. Cem fills in the decision form: he writes the
 * group's own version in "Bij aanpassen: het voorstel in jullie eigen woorden", a reason and a
 * first step, but the choice says "Aannemen zoals het is" (one click off). The app stored "accept"
 * with the AI's text, labelled "Opgesteld door AI, aangenomen door de groep", and Cem's words were
 * gone for good (a decision is final; a different one afterwards is refused). "Afwijzen" with own
 * words dropped them the same way.
 * Must hold: own words beside "accept" or "reject" are refused with nothing stored, the reason in
 * the group's language right next to the own-words field, and everything Cem typed back in the
 * form. Spaces alone are no words, and a paste of the proposal beside "accept" adopts the same
 * text: both decide as before, and the same press delivered again is still the same decision.
 */
import { buttonData, field } from '../support/card-fields';
import { cardText, MEMBERS } from '../support/group-driver';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi } from '../support/fake-azure-openai';
import { groupWithAiDraft } from '../support/ai-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { decide, DecisionInput, newProposal, Proposal, repeatsDecision, textFingerprint } from '../../src/domain/proposal/proposal';
import { DomainError } from '../../src/domain/shared/errors';
import { createTranslator } from '../../src/i18n/i18n';
import { weekCycleReason } from '../../src/teams/features/week-cycle/refusal-forms';

const DRAFT = { proposal: 'Elke dienst begint met tien minuten overdracht aan een vaste tafel.', assumptions: ['a'], risks: ['r'], questionsToCheck: ['q'] };
const OWN_WORDS = 'Wij doen de overdracht staand bij het bord, vijf minuten, met een vaste volgorde per kamer.';
const nl = createTranslator().t('nl');
const en = createTranslator().t('en');

describe('the group\'s own words beside "aannemen zoals het is" or "afwijzen"', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;
  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    t = await startTestApp(aiSettings(ai, { timeoutMs: 2000, retries: 0 }), '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  }, 60_000);
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });

  /** A group of three at question 7, the AI's draft judged by Anna and Bram: Cem's decision form. */
  async function decisionFormOfCem(thread: string) {
    const [anna, bram, cem] = MEMBERS;
    const g = await groupWithAiDraft(t, ai, `19:${thread}@thread.v2`, DRAFT);
    for (const who of [anna!, bram!]) {
      const view = (await g.press(who, 'session.refresh', g.ids())).value;
      await g.press(who, 'proposal.judge', { ...buttonData(view, 'proposal.judge'), opinion: 'agree', reason: 'Goed te doen' });
    }
    const form = (await g.press(cem!, 'session.refresh', g.ids())).value;
    const proposal = async () => (await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource;
    return { g, cem: cem!, form, proposal };
  }

  it.each([
    ['accept', 'validation.ownWordsWithAccept'],
    ['reject', 'validation.ownWordsWithReject'],
  ])('refuses "%s" with own words: nothing stored, the reason next to the field, every input kept', async (verdict, reasonKey) => {
    const { g, cem, form, proposal } = await decisionFormOfCem(`own-words-${verdict}`);
    const typed = { decision: verdict, decisionReason: 'Zo werkt het voor ons', adoptedText: OWN_WORDS, firstStep: 'Morgen beginnen' };
    const res = await g.press(cem, 'proposal.decide', { ...buttonData(form, 'proposal.decide'), ...typed });

    expect((await proposal())?.decision).toBeUndefined();
    expect(field(res.value, 'adoptedText')).toEqual({ value: OWN_WORDS, next: nl(reasonKey) });
    expect({ decision: field(res.value, 'decision')?.value, decisionReason: field(res.value, 'decisionReason')?.value, firstStep: field(res.value, 'firstStep')?.value }).toEqual({
      decision: verdict,
      decisionReason: typed.decisionReason,
      firstStep: typed.firstStep,
    });
    // The form is still there to choose "aanpassen" and decide.
    expect(() => buttonData(res.value, 'proposal.decide')).not.toThrow();
  }, 60_000);

  it('takes spaces in the own-words field as no words, and knows the same press delivered again', async () => {
    const { g, cem, form, proposal } = await decisionFormOfCem('own-words-spaces');
    const data = { ...buttonData(form, 'proposal.decide'), decision: 'accept', decisionReason: 'Zo werkt het voor ons', adoptedText: '  \n ', firstStep: 'Morgen beginnen' };
    await g.press(cem, 'proposal.decide', data, g.sessionMessageId, 'decide-press-1');
    const stored = (await proposal())?.decision;
    expect({ verdict: stored?.verdict, text: stored?.text }).toEqual({ verdict: 'accept', text: DRAFT.proposal });

    const again = await g.press(cem, 'proposal.decide', data, g.sessionMessageId, 'decide-press-1');
    expect(cardText(again.value)).not.toContain(nl('weekCycleForm.decisionTaken'));
    expect((await proposal())?.decision).toEqual(stored);
  }, 60_000);
});

describe('deciding with own words, in the domain', () => {
  const TEXT = 'Een vaste overdrachtstafel bij elke dienstwissel.';
  const base: Proposal = newProposal({ id: 'p1', groupId: 'g', groupName: 'G', cycleId: 'c', sessionId: 's', title: 'T' }, new Date('2026-11-23T08:00:00Z'));
  const judgements = ['m1', 'm2'].map((memberId) => ({ id: `j-${memberId}`, type: 'judgement' as const, groupId: 'g', cycleId: 'c', proposalId: 'p1', memberId, memberName: memberId, opinion: 'agree' as const, reason: 'ok', at: '2026-11-23T08:00:00Z' }));
  const input = (d: Partial<DecisionInput>): DecisionInput => ({ verdict: 'accept', reason: 'Omdat', ownWords: '', firstStep: 'Morgen', proposalText: TEXT, seen: textFingerprint(TEXT), present: 2, quorum: 0.5, decidedBy: 'm1', at: '2026-11-23T09:00:00Z', ...d });
  const refusal = (d: Partial<DecisionInput>) => {
    try {
      decide(base, judgements, input(d));
    } catch (err) {
      return err instanceof DomainError ? { code: err.code, input: err.input } : err;
    }
    return 'stored';
  };

  it('refuses own words beside accept or reject, on the own-words field', () => {
    expect(refusal({ verdict: 'accept', ownWords: 'Anders' })).toEqual({ code: 'invalidInput', input: { field: 'adoptedText', rule: 'format', params: { adopting: 1 } } });
    expect(refusal({ verdict: 'reject', ownWords: 'Anders' })).toEqual({ code: 'invalidInput', input: { field: 'adoptedText', rule: 'format', params: { rejecting: 1 } } });
  });

  it('adopts a paste of the proposal beside accept, and a press with other words is no repeat of it', () => {
    const decided = decide(base, judgements, input({ ownWords: ` ${TEXT}\n` }));
    expect({ verdict: decided.decision?.verdict, text: decided.decision?.text }).toEqual({ verdict: 'accept', text: TEXT });
    expect(repeatsDecision(decided, input({ ownWords: ` ${TEXT}\n` }))).toBe(true);
    expect(repeatsDecision(decided, input({ ownWords: ' ' }))).toBe(true);
    expect(repeatsDecision(decided, input({ ownWords: 'Anders' }))).toBe(false);
  });

  it('says why in the group\'s language', () => {
    const reason = (params: Record<string, number>, t = nl) => weekCycleReason({ field: 'adoptedText', code: 'invalidInput', rule: 'format', params }, t);
    expect([reason({ adopting: 1 }), reason({ rejecting: 1 }), reason({ adopting: 1 }, en), reason({ rejecting: 1 }, en)]).toEqual([
      nl('validation.ownWordsWithAccept'),
      nl('validation.ownWordsWithReject'),
      en('validation.ownWordsWithAccept'),
      en('validation.ownWordsWithReject'),
    ]);
    expect(en('validation.ownWordsWithAccept')).toMatch(/^You wrote the proposal in your own words/);
    expect(nl('validation.ownWordsWithReject')).toMatch(/^Jullie schreven het voorstel in eigen woorden/);
  });
});
