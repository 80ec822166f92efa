import { createTranslator } from '../../src/i18n/i18n';
import { groupCardForm, groupCardNote } from '../../src/teams/cards/group-card-note.card';
import { VerbName } from '../../src/teams/verbs';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

/**
 * The note in a presser's own chat about a refused press on a group's card (Submit fallback in the
 * group's chat, see own-chat-note-in-person-language.test.ts): every group card form it knows
 * names a button label from the language files in both languages (a key that is not there would
 * show as the key), and the note is a valid card without buttons that keeps what was typed.
 */
describe("the note about a refused press on a group's card", () => {
  const tr = createTranslator();
  const forms: VerbName[] = ['contribute', 'checkIn', 'answerPersonal', 'judgeProposal', 'decideProposal', 'lookBackOnFirstStep', 'saveAgenda'];

  it.each(forms)('names the %s button as the card shows it, in both languages', (name) => {
    const form = groupCardForm(name)!;
    expect(form).toBeDefined();
    for (const values of [{}, { phase: 'out', had: 1, seen: 'fo_x' }]) {
      const nl = form.button(values, tr.t('nl'));
      const en = form.button(values, tr.t('en'));
      expect(nl).not.toMatch(/^[a-zA-Z]+(\.[a-zA-Z]+)+$/);
      expect(en).not.toMatch(/^[a-zA-Z]+(\.[a-zA-Z]+)+$/);
      expect(nl).not.toBe(en);
    }
  });

  it('knows no form for an action that is not on a group card', () => {
    expect(groupCardForm('addNote')).toBeUndefined();
  });

  it('is a valid card without buttons that keeps the words, each box labelled, the label quoted', () => {
    const t = tr.t('en');
    const card = groupCardNote(
      {
        verb: 'proposal.decide',
        values: { groupId: 'g', sessionId: 's', decision: '', decisionReason: 'x'.repeat(1200), adoptedText: 'Eigen woorden', firstStep: '' },
        errors: { decision: t('weekCycleForm.decision'), decisionReason: t('weekCycleForm.tooLong', { max: 1000, length: 1200 }) },
        notice: t('error.groupCardNote.refused'),
        button: groupCardForm('decideProposal')!.button({}, tr.t('nl')),
      },
      t,
    );
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).not.toMatch(/"Action\./);
    const text = cardText(card);
    expect(text).toContain('x'.repeat(1200));
    expect(text).toContain('Eigen woorden');
    expect(text).toContain(t('weekCycleForm.decision'));
    expect(text).toContain(`that card's button '${tr.t('nl')('validation.decide')}'`);
    const inputs = JSON.stringify(card).match(/"type":"Input\.Text"[^}]*"label":"[^"]+"/g) ?? [];
    expect(inputs).toHaveLength(2);
  });
});
