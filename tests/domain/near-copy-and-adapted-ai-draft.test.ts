import { adaptedAiDraft, decide, decisionSource, finishDrafting, judge, Judgement, newProposal, repeatsDecision, sameWordsAsProposal, textFingerprint } from '../../src/domain/proposal/proposal';

/**
 * Stop 49 (ownership): an AI draft is never passed off as the group's own words. A near-copy of
 * the text as it stands (only case, spaces or punctuation changed) is adopting it as it is, under
 * the rule that needs an "eens"; words the group really adapts while an AI draft is the text are
 * stored as made from it (`basedOnAiDraft`), and only then.
 */
describe('own words next to an AI draft', () => {
  const now = new Date('2026-11-25T08:10:00Z');
  const at = now.toISOString();
  const AI = 'AI-tekst: elke overdracht begint aan een vaste tafel, met een checklist.';
  const OWN = 'Wij doen de overdracht samen aan het bed.';
  const base = newProposal({ id: 'p', groupId: 'g', groupName: 'G', cycleId: 'c', sessionId: 's', title: '' }, now);
  const drafted = finishDrafting(base, { ok: true, draft: { proposal: AI, assumptions: [], risks: [], questionsToCheck: [] } }, now);
  const judgedOf = (text: string, opinion: 'agree' | 'disagree'): Judgement[] =>
    Array.from({ length: 3 }, (_, i) => judge(base, { memberId: `m${i}`, memberName: `M${i}`, opinion, reason: 'Zo', at, textFingerprint: textFingerprint(text) }));
  const input = { verdict: 'adapt' as const, reason: 'Eenvoudig', firstStep: 'Morgen', proposalText: AI, present: 3, quorum: 0.5, decidedBy: 'm0', at };
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      const err = e as { code: string; input?: { field: string } };
      return { code: err.code, field: err.input?.field };
    }
    return undefined;
  };

  it.each([
    ['a full stop left out', AI.slice(0, -1)],
    ['capitals changed', AI.toUpperCase()],
    ['a comma dropped', AI.replace(', met', ' met')],
    ['spaces and line breaks', AI.replace(/ /g, '\n  ')],
    ['quotes around it', `“${AI}”`],
  ])('takes %s as the same words', (_name, nearCopy) => {
    expect(sameWordsAsProposal(nearCopy, AI)).toBe(true);
    // Against three "oneens": refused next to the own words, as adopting it as it is would be.
    expect(refusal(() => decide(drafted, judgedOf(AI, 'disagree'), { ...input, ownWords: nearCopy }))).toEqual({ code: 'proposalNotReady', field: 'adoptedText' });
    // With the group's "eens": the AI's draft adopted as it is, in the AI's words, labelled so.
    const adopted = decide(drafted, judgedOf(AI, 'agree'), { ...input, ownWords: nearCopy });
    expect(adopted.decision).toMatchObject({ verdict: 'accept', text: AI });
    expect(adopted.decision?.basedOnAiDraft).toBeUndefined();
    expect(decisionSource(adopted)).toBe('adoptedAiDraft');
    // The same press again is the stored decision, not a new one.
    expect(repeatsDecision(adopted, { verdict: 'adapt', reason: input.reason, ownWords: nearCopy, firstStep: input.firstStep })).toBe(true);
  });

  it('does not take changed words, an empty text or only punctuation as the same words', () => {
    expect(sameWordsAsProposal(AI.replace('checklist', 'lijst'), AI)).toBe(false);
    expect(sameWordsAsProposal(`${AI} Ook op zondag.`, AI)).toBe(false);
    expect(sameWordsAsProposal('...', '!!!')).toBe(false);
    expect(sameWordsAsProposal('', '')).toBe(false);
  });

  it('stores words adapted while an AI draft is the text as made from it, and only then', () => {
    const fromAi = decide(drafted, judgedOf(AI, 'disagree'), { ...input, ownWords: OWN });
    expect(fromAi.decision).toMatchObject({ verdict: 'adapt', text: OWN, basedOnAiDraft: true });
    expect([adaptedAiDraft(fromAi), decisionSource(fromAi)]).toEqual([true, 'adaptedFromAiDraft']);

    const ownProposal = 'Een vaste tafel voor de overdracht.';
    const noAi = decide(base, judgedOf(ownProposal, 'agree'), { ...input, proposalText: ownProposal, ownWords: OWN });
    expect(noAi.decision).toMatchObject({ verdict: 'adapt', text: OWN });
    expect(noAi.decision?.basedOnAiDraft).toBeUndefined();
    expect(decisionSource(noAi)).toBe('decision');

    // A decision stored before the flag was kept has none: the group's own words, as it was shown then.
    const { basedOnAiDraft: _flag, ...older } = fromAi.decision!;
    expect(decisionSource({ ...fromAi, decision: older })).toBe('decision');
    // Rejecting keeps no text and no flag.
    const rejected = decide(drafted, judgedOf(AI, 'disagree'), { ...input, verdict: 'reject', ownWords: '' });
    expect(rejected.decision?.basedOnAiDraft).toBeUndefined();
  });
});
