import { personalQuestionSection } from '../../src/teams/cards/question.section';
import { adaptiveCard } from '../../src/teams/cards/card-kit';
import { createTranslator } from '../../src/i18n/i18n';
import { loadFrameworks } from '../../src/framework/load-frameworks';
import { AgendaItem, SessionView } from '../../src/usecases/week-cycle/session-view';
import { cardProblems } from '../support/card-validator';

const t = createTranslator().t('nl');
const framework = loadFrameworks({}).nl;
const question = (id: number) => framework.questions.find((q) => q.id === id)!;
const item = (id: number): AgendaItem => ({ question: question(id), index: id === 9 ? 1 : 2, answered: false, contributions: [] });

/** A member's own view of day 4 on question `id`, with or without their own answer. */
function ownView(id: number, own?: string): SessionView {
  return {
    groupId: 'g1',
    session: { id: 'g1_c1_s4', cycleId: 'g1_c1', seq: 4, day: 4, status: 'open', warned: false, currentIndex: 1, carriedOver: [] },
    actionKey: 'k1',
    viewer: { id: 'aad-anna', present: true, personalAnswers: own ? { [id]: own } : {} },
  } as unknown as SessionView;
}

const text = (elements: unknown) => JSON.stringify(elements);

/** Issue 14, point 8: after "Bewaren" more than the button's text must change. */
describe('the personal question in a member\'s own view', () => {
  it('before an answer: the field and "Bewaren", no confirmation', () => {
    const out = personalQuestionSection(ownView(10), item(10), t);
    expect(text(out)).toContain('"title":"Bewaren"');
    expect(text(out)).not.toContain(t('question.personalSaved'));
  });

  it('after "Vernieuwen" with a changed, unsaved text: that text in the field and no "saved"; unchanged: still saved', () => {
    const changed = personalQuestionSection({ ...ownView(10, 'Energie van de groep'), refused: { values: { questionId: '10', text: 'Energie, en rust' }, errors: {} } }, item(10), t);
    expect(text(changed)).toContain('"value":"Energie, en rust"');
    expect(text(changed)).not.toContain(t('question.personalSaved'));
    const same = personalQuestionSection({ ...ownView(10, 'Energie van de groep'), refused: { values: { questionId: '10', text: 'Energie van de groep' }, errors: {} } }, item(10), t);
    expect(text(same)).toContain(t('question.personalSaved'));
  });

  it('after saving: a confirmation that says where the answer is and who sees it', () => {
    const out = personalQuestionSection(ownView(10, 'Energie van de groep'), item(10), t);
    expect(text(out)).toContain('Bewaard in Mijn verantwoording');
    expect(text(out)).toContain('"title":"Bijwerken"');
    expect(cardProblems(adaptiveCard(out))).toEqual([]);
  });
});
