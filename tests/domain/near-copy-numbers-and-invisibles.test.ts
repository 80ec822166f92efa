import { decide, decisionSource, finishDrafting, judge, Judgement, newProposal, sameWordsAsProposal, textFingerprint } from '../../src/domain/proposal/proposal';

/**
 * The near-copy rule (`sameWordsAsProposal`), found in review of stop 49 (reviewer's probe, made
 * permanent). It dropped every punctuation mark and space before comparing. Between digits those
 * marks carry the meaning: "1,5" and "15", "1-2" and "12", "9.30" and "930". A group that
 * corrected a number in the AI's draft was taken as adopting the draft as it is: against the
 * group's "oneens" its own words were refused, and with an "eens" the AI's uncorrected number was
 * stored as the decision (final), labelled the AI's. Now a run of marks between two digits counts
 * as one separator (whichever it is). And the other way round: an invisible character (a
 * zero-width space, a soft hyphen, a word joiner) inside a paste of the draft made it "own words",
 * so a draft nobody agreed with was stored without the "eens" the rule asks for adopting it as it
 * is. Now invisible characters are left out before comparing.
 */
describe('near-copy rule: numbers and invisible characters', () => {
  const now = new Date('2026-11-25T08:10:00Z');
  const at = now.toISOString();
  const base = newProposal({ id: 'p', groupId: 'g', groupName: 'G', cycleId: 'c', sessionId: 's', title: '' }, now);
  const withDraft = (text: string) => finishDrafting(base, { ok: true, draft: { proposal: text, assumptions: [], risks: [], questionsToCheck: [] } }, now);
  const judgedOf = (text: string, opinion: 'agree' | 'disagree'): Judgement[] =>
    Array.from({ length: 3 }, (_, i) => judge(base, { memberId: `m${i}`, memberName: `M${i}`, opinion, reason: 'Zo', at, textFingerprint: textFingerprint(text) }));
  const input = (proposalText: string, ownWords: string) => ({ verdict: 'adapt' as const, reason: 'Klopt niet', firstStep: 'Morgen', proposalText, ownWords, present: 3, quorum: 0.5, decidedBy: 'm0', at });

  it.each([
    ['a decimal comma added', 'Plan per week 15 uur voor scholing.', 'Plan per week 1,5 uur voor scholing.'],
    ['a range made of a number', 'Bespreek het 12 keer per jaar in het team.', 'Bespreek het 1-2 keer per jaar in het team.'],
    ['a time corrected', 'Start de overdracht om 930 uur.', 'Start de overdracht om 9.30 uur.'],
  ])('a group that corrects a number (%s) adapts the draft, it does not adopt it', (_name, ai, corrected) => {
    expect(sameWordsAsProposal(corrected, ai)).toBe(false);
    // With the group's "eens" on the draft: its correction is what is stored, as its own words made from the AI's.
    const decided = decide(withDraft(ai), judgedOf(ai, 'agree'), input(ai, corrected));
    expect({ text: decided.decision?.text, source: decisionSource(decided) }).toEqual({ text: corrected, source: 'adaptedFromAiDraft' });
  });

  it('a paste of the draft with an invisible character in it is still the draft (needs an "eens")', () => {
    const ai = 'Elke overdracht begint aan een vaste tafel, met een checklist.';
    for (const paste of [ai.replace('vaste', 'vas\u200Bte'), ai.replace('overdracht', 'over\u00ADdracht'), ai.replace('tafel', 'ta\u2060fel')]) {
      expect(sameWordsAsProposal(paste, ai)).toBe(true);
      // Against the group's "oneens", the paste adopts nothing: refused next to the own words.
      expect(() => decide(withDraft(ai), judgedOf(ai, 'disagree'), input(ai, paste))).toThrow(expect.objectContaining({ code: 'proposalNotReady', input: expect.objectContaining({ field: 'adoptedText' }) }));
    }
  });

  it('between digits a separator counts, not which one: "1,5" is "1.5", a space or marks around it change nothing', () => {
    expect(sameWordsAsProposal('Plan per week 1.5 uur voor scholing', 'Plan per week 1,5 uur voor scholing.')).toBe(true);
    expect(sameWordsAsProposal('Bespreek het 1 - 2 keer per jaar', 'Bespreek het 1-2 keer per jaar.')).toBe(true);
    expect(sameWordsAsProposal('Start om 9:30 uur', 'Start om 9.30 uur')).toBe(true);
    // An invisible character between digits is no separator.
    expect(sameWordsAsProposal('Plan per week 1\u200B5 uur', 'Plan per week 15 uur')).toBe(true);
  });

  it('held: full-width punctuation, Dutch case and very long texts', () => {
    const ai = 'Wij doen de overdracht samen, aan het bed.';
    expect(sameWordsAsProposal('Wij doen de overdracht samen，aan het bed。', ai)).toBe(true);
    expect(sameWordsAsProposal('WIJ DOEN DE OVERDRACHT SAMEN AAN HET BED', ai)).toBe(true);
    // An emoji added is something the group added: own words.
    expect(sameWordsAsProposal(`${ai} 👍`, ai)).toBe(false);
    const long = 'woord, '.repeat(3000);
    expect(sameWordsAsProposal(long.toUpperCase(), long)).toBe(true);
  });
});
