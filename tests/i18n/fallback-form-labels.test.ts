import { execute, TestUser } from '../support/activities';
import { inputValues } from '../support/card-fields';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { createTranslator } from '../../src/i18n/i18n';
import { refusedFormFallback } from '../../src/teams/cards/refused-form-fallback.card';

/**
 * Found in review. A member of an English group decides on the proposal (question 7) with a
 * reason over its limit while the store does not answer: the decision is refused, and the session
 * card with the reason next to the field cannot be built again. The answer is the plain form that
 * keeps what was typed (reason, the proposal in their own words, first step), with the reason
 * next to the field. Each
 * of its boxes must carry the label it has on the session card ("Why do you decide this?", ...),
 * so the member, and a screen reader, know which box is which. An input whose form label is not
 * known to the plain form still gets a generic label in the person's language, never none.
 */
describe('the plain form that keeps what was typed names its fields', () => {
  let t: TestApp;
  const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  it('an English member\'s refused decision, while the group\'s store is down, comes back with a label on every box', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:fallback-labels@thread.v2'), [anna, bram, cem]);
    await g.setUp('en');
    await g.startCycle();
    await g.startSession();
    const tooLong = 'Because it saves time. '.repeat(60); // over the reason's limit: refused before any read
    t.proxy!.faults = (req) => (req.container === 'sessions' ? { kind: 'status', status: 503 } : undefined);
    let res;
    try {
      // Cem's Teams client is in English (the group's language cannot be read while the store is down).
      res = await t.send({ ...execute(g.conv, cem, 'proposal.decide', { ...g.ids(), proposalId: `${g.groupId}_w1_p`, decision: 'adapt', decisionReason: tooLong, adoptedText: 'Ten minutes of handover with one form.', firstStep: 'Dewi drafts the form by Thursday.' }, g.sessionMessageId), locale: 'en-US' });
    } finally {
      t.proxy!.faults = undefined;
    }
    expect(res.status).toBe(200);
    const card = res.body.value;
    // The plain form it is, in Cem's Teams language (the group's cannot be read): the typed words are kept.
    expect(cardText(card)).toContain('Not saved. The form could not be loaded again');
    expect(inputValues(card)).toMatchObject({ decisionReason: tooLong, adoptedText: 'Ten minutes of handover with one form.', firstStep: 'Dewi drafts the form by Thursday.' });
    const inputs: { id: string; label?: string }[] = [];
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) return n.forEach(walk);
      if (n && typeof n === 'object') {
        const o = n as Record<string, unknown>;
        if (typeof o.type === 'string' && o.type.startsWith('Input.')) inputs.push({ id: String(o.id), label: o.label as string | undefined });
        Object.values(o).forEach(walk);
      }
    };
    walk(card.body);
    expect(inputs.map((i) => i.id).sort()).toEqual(['adoptedText', 'decisionReason', 'firstStep']);
    expect(inputs.filter((i) => !i.label?.trim()).map((i) => `${i.id} has no label`)).toEqual([]);
    // The same words as on the session card's decision form; the refused field's label also
    // carries its reason, so a screen reader on the field reads it (stop 50).
    expect(Object.fromEntries(inputs.map((i) => [i.id, i.label]))).toEqual({
      // 1,380 typed; the count is of the words as they would be stored, the trailing space trimmed (stop 57).
      decisionReason: 'Why do you decide this? (At most 1,000 characters; this is 1,379.)',
      adoptedText: 'When adapting: the proposal in your own words',
      firstStep: 'First step: who does what, when? (not needed when rejecting)',
    });
  });
});

describe('the plain form labels each input as its own form does', () => {
  const translator = createTranslator();
  const labels = (card: { body: unknown }) => {
    const out: Record<string, string | undefined> = {};
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) return n.forEach(walk);
      if (n && typeof n === 'object') {
        const o = n as Record<string, unknown>;
        if (typeof o.type === 'string' && o.type.startsWith('Input.')) out[String(o.id)] = o.label as string | undefined;
        Object.values(o).forEach(walk);
      }
    };
    walk(card.body);
    return out;
  };

  it('names one id by the form it came from: the group answer and a personal answer in Dutch', () => {
    const group = refusedFormFallback('session.contribute', { groupId: 'g', text: 'Overdracht' }, {}, translator.t('nl'), 'error.saveFailedKept');
    const personal = refusedFormFallback('session.personal', { groupId: 'g', text: 'Mijn antwoord' }, {}, translator.t('nl'), 'error.saveFailedKept');
    expect(labels(group)).toEqual({ text: 'Jouw bijdrage' });
    expect(labels(personal)).toEqual({ text: 'Jouw antwoord' });
  });

  it("names L&O's answer to a shared proposal as its own form does (found in review, stop 47)", () => {
    const values = { id: 'shared-1', rev: 1, k: 'k1', answer: 'Mooi voorstel' };
    expect(labels(refusedFormFallback('proposalToLo.answer', values, {}, translator.t('nl'), 'error.saveFailedKept'))).toEqual({ answer: 'Antwoord van L&O' });
  });

  it('gives an input whose own label it does not know a generic label in the person\'s language', () => {
    const values = { pollId: 'p', open: 'More room to learn' };
    // With the field's reason in the label as well (stop 50: read with the field).
    expect(labels(refusedFormFallback('pulse.answer', values, { open: 'Too long' }, translator.t('en')))).toEqual({ open: 'What you filled in (Too long)' });
    expect(labels(refusedFormFallback('pulse.answer', values, { open: 'Te lang' }, translator.t('nl')))).toEqual({ open: 'Wat je invulde (Te lang)' });
  });
});
