import { decide, finishDrafting, judge, Judgement, newProposal, recountDecision, startDrafting, textFingerprint } from '../../src/domain/proposal/proposal';

/** The rules behind question 7's integrity: judgements and decisions are of the text the member saw. */
describe('a decision on the text the group judged', () => {
  const now = new Date('2026-11-25T08:10:00Z');
  const at = now.toISOString();
  const OWN = 'Een vaste overdrachtstafel';
  const AI = 'AI-tekst: een app';
  const base = newProposal({ id: 'p', groupId: 'g', groupName: 'G', cycleId: 'c', sessionId: 's', title: '' }, now);
  const drafted = finishDrafting(base, { ok: true, draft: { proposal: AI, assumptions: [], risks: [], questionsToCheck: [] } }, now);
  const judgedOf = (text: string, n = 3): Judgement[] =>
    Array.from({ length: n }, (_, i) => judge(base, { memberId: `m${i}`, memberName: `M${i}`, opinion: 'agree', reason: 'Goed', at, textFingerprint: textFingerprint(text) }));
  const input = { verdict: 'accept' as const, reason: 'Eenvoudig', ownWords: '', firstStep: 'Morgen', proposalText: OWN, present: 6, quorum: 0.5, decidedBy: 'm0', at };
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      const err = e as { code: string; input?: { field: string; params?: Record<string, number> } };
      return { code: err.code, field: err.input?.field, params: err.input?.params };
    }
    return undefined;
  };

  it('counts only the judgements of the text as it stands; those stored without a text count for it', () => {
    expect(decide(base, judgedOf(OWN), input).decision).toMatchObject({ text: OWN, judged: { agree: 3 } });
    expect(refusal(() => decide(drafted, judgedOf(OWN), { ...input, proposalText: AI }))).toMatchObject({ code: 'proposalNotReady', field: 'decision' });
    const legacy = judgedOf(OWN).map(({ textFingerprint: _fp, ...j }) => j);
    expect(decide(drafted, legacy, { ...input, proposalText: AI }).decision?.text).toBe(AI);
  });

  it('recounts a decision from the judgements stored now: one stored while the group decided counts, one of another text does not', () => {
    const decided = decide(base, judgedOf(OWN, 2), { ...input, present: 4 });
    const late = judge(base, { memberId: 'm7', memberName: 'M7', opinion: 'disagree', reason: 'Nee', at, textFingerprint: textFingerprint(OWN) });
    const ofOtherText = judge(base, { memberId: 'm8', memberName: 'M8', opinion: 'doubt', reason: 'Hm', at, textFingerprint: textFingerprint(AI) });
    expect(recountDecision(decided, [...judgedOf(OWN, 2), late, ofOtherText]).decision?.judged).toEqual({ agree: 2, doubt: 0, disagree: 1 });
    // Nothing to add: the same proposal, so nothing is written.
    expect(recountDecision(decided, judgedOf(OWN, 2))).toBe(decided);
    // A decision stored before decisions named their text is left as it was.
    const { textFingerprint: _fp, ...older } = decided.decision!;
    const legacy = { ...decided, decision: older };
    expect(recountDecision(legacy, [...judgedOf(OWN, 2), late])).toBe(legacy);
  });

  it('refuses a decision or a judgement pressed on a card that showed another text', () => {
    expect(refusal(() => decide(base, judgedOf(`${OWN}\nmeer`), { ...input, proposalText: `${OWN}\nmeer`, seen: textFingerprint(OWN) }))).toEqual({ code: 'conflict', field: 'decision', params: { changed: 1 } });
    expect(refusal(() => judge(base, { memberId: 'm9', memberName: 'M9', opinion: 'agree', reason: 'Ja', at, textFingerprint: textFingerprint(AI), seen: textFingerprint(OWN) }))).toEqual({
      code: 'conflict',
      field: 'opinion',
      params: { changed: 1 },
    });
  });

  it('keeps a redelivered judgement as stored, and takes the same words of a changed text as a new judgement', () => {
    const [stored] = judgedOf(OWN, 1);
    const again = { memberId: 'm0', memberName: 'M0', opinion: 'agree' as const, reason: 'Goed', at, textFingerprint: textFingerprint(`${OWN}\nmeer`) };
    expect(judge(base, { ...again, seen: textFingerprint(OWN) }, stored)).toBe(stored);
    expect(judge(base, { ...again, seen: again.textFingerprint }, stored).textFingerprint).toBe(again.textFingerprint);
  });

  it('refuses a different decision after one is stored, and answers the same one with the proposal as it is', () => {
    const decided = decide(base, judgedOf(OWN), input);
    expect(decide(decided, judgedOf(OWN), input)).toBe(decided);
    expect(refusal(() => decide(decided, judgedOf(OWN), { ...input, verdict: 'reject', reason: 'Nee', firstStep: '' }))).toEqual({ code: 'conflict', field: 'decision', params: { decided: 1 } });
  });

  it('starts no AI draft once the group judges its own proposal', () => {
    expect(startDrafting(base, 'm0', now, 'a', true)).toEqual({ proposal: base, started: false, judgingBegun: true });
    expect(startDrafting(base, 'm0', now, 'a', false).started).toBe(true);
  });
});
