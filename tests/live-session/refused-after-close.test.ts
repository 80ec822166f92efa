import { field, inputValues } from '../support/card-fields';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { TestUser } from '../support/activities';
import { CLOSED_REFUSAL } from './support';
import { cardProblems } from '../support/card-validator';

/**
 * A member's input refused on the session card: on a session that closed while they typed (nothing
 * is stored, and what they typed comes back to copy, with the reason), in English, with odd
 * numbers, twice in a row, and text that only looks like text.
 */
describe('refused session-card inputs keep what the member typed', () => {
  let t: TestApp;
  let round = 0;
  const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  async function dayOne(language: 'nl' | 'en' = 'nl', day1 = '1,9,10', rest = { day2: '2,3,4', day3: '5,6,7', day4: '8' }) {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:refused-close-${round++}@thread.v2`), [anna, bram, cem, dewi]);
    await g.setUp(language);
    await g.startCycle();
    await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1, ...rest }, 'cycle-card');
    await g.startSession();
    return g;
  }

  it('attack: over-long answer submitted on a card whose session was closed meanwhile: the typed text comes back', async () => {
    const g = await dayOne();
    await g.end(anna);
    const long = 'z'.repeat(2300);
    const res = await g.contribute(dewi, 1, long);
    const text = cardText(res.value);
    // Whatever the card says (session ended, too long), Dewi's 2,300 characters must not be gone.
    expect({ kept: text.includes(long), card: text.slice(0, 200) }).toMatchObject({ kept: true });
  });

  it('attack: over-long personal answer (q9) submitted after the session closed: the typed text comes back', async () => {
    const g = await dayOne();
    await g.goTo(anna, 1);
    await g.end(anna);
    const long = 'p'.repeat(4100);
    const res = await g.press(bram, 'session.personal', { ...g.ids(), questionId: 9, text: long });
    expect({ kept: cardText(res.value).includes(long), card: cardText(res.value).slice(0, 200) }).toMatchObject({ kept: true });
  });

  it('attack: over-long answer after the close: the closed card says it was not saved, with the text to copy and the reason next to it', async () => {
    const g = await dayOne();
    await g.end(anna);
    const res = await g.contribute(cem, 1, 'q'.repeat(2100));
    expect(cardText(res.value)).toContain(CLOSED_REFUSAL);
    expect(cardText(res.value)).not.toContain('Wat je invulde staat er nog');
    expect({ textKept: inputValues(res.value)['notSaved.text'] === 'q'.repeat(2100), reason: field(res.value, 'notSaved.text')?.next }).toEqual({ textKept: true, reason: 'Hoogstens 2.000 tekens; dit zijn er 2.100.' });
    expect(await g.items('contribution')).toEqual([]);
  });

  it('attack: a valid answer pressed after the session closed: not "nothing was lost" but "not saved", with the answer on the card to copy', async () => {
    const g = await dayOne();
    await g.end(anna);
    const answer = 'Mijn antwoord dat ik net had getypt, met 😀 en עברית';
    const res = await g.contribute(bram, 1, answer);
    const text = cardText(res.value);
    // Not "nothing was lost": the answer was not stored, and it is on the card to copy.
    expect(text).not.toContain('Er is niets verloren gegaan');
    expect(text).toContain(CLOSED_REFUSAL);
    expect(inputValues(res.value)['notSaved.text']).toBe(answer);
    expect(cardProblems(res.value as object)).toEqual([]);
    expect(await g.items('contribution')).toEqual([]);
  });

  it('attack: a decision with an over-long first step, pressed after another member ended the session: reason, adopted text and first step come back', async () => {
    const g = await dayOne('nl', '1,2,3,4,5,6,7', { day2: '8', day3: '9', day4: '10' });
    for (const m of [anna, bram, cem]) await g.checkIn(m, 4);
    await g.goTo(anna, 5);
    await g.contribute(anna, 6, 'Een vaste overdrachtstafel');
    await g.goTo(anna, 6);
    for (const m of [anna, bram, cem]) await g.press(m, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed plan' });
    await g.end(anna);
    const typed = { decision: 'adapt', decisionReason: 'Omdat de overdracht nu te lang duurt', adoptedText: 'Tafel plus een kort formulier per dienst', firstStep: 's'.repeat(1100) };
    const res = await g.press(dewi, 'proposal.decide', { ...g.ids(), ...typed });
    const values = inputValues(res.value);
    expect({ decisionReason: values['notSaved.decisionReason'], adoptedText: values['notSaved.adoptedText'], firstStepKept: values['notSaved.firstStep'] === typed.firstStep, card: cardText(res.value).slice(0, 160) })
      .toMatchObject({ decisionReason: typed.decisionReason, adoptedText: typed.adoptedText, firstStepKept: true });
    expect(field(res.value, 'notSaved.firstStep')?.next).toBe('Hoogstens 1.000 tekens; dit zijn er 1.100.');
  });

  it('guard: English group, over-long answer: reason in English next to the field, text kept', async () => {
    const g = await dayOne('en');
    const long = 'e'.repeat(2050);
    const res = await g.contribute(bram, 1, long);
    expect(inputValues(res.value).text).toBe(long);
    expect(field(res.value, 'text')?.next).toBe('At most 2,000 characters; this is 2,050.');
    expect(cardText(res.value)).toContain('Not saved yet');
    expect(await g.items('contribution')).toEqual([]);
  });

  // Since stop 49 a text that is no number is named in the reason (the field cannot show it again).
  it.each([
    ['7', 'out of range', ''],
    ['0', 'zero', ''],
    ['2.5', 'a fraction', ''],
    ['drie', 'a word', "'drie' is not a number. "],
    ['٣', 'an Arabic-Indic digit', "'٣' is not a number. "],
  ])('attack: energy check-in given as %s (%s): reason next to the score in the group language, nothing stored', async (score, _what, named) => {
    const g = await dayOne('en');
    const res = await g.press(cem, 'session.energy', { ...g.ids(), phase: 'in', energyIn: score });
    expect(field(res.value, 'energyIn')?.next).toBe(`${named}Choose a score from 1 to 5.`);
    expect(cardText(res.value)).not.toContain('Dat lukte niet');
    expect(await g.items('checkIn')).toEqual([]);
  });

  it('attack: second refusal after a group moved on: still the member\'s own question, text kept, reason said', async () => {
    const g = await dayOne('nl', '1,2,3', { day2: '4,5', day3: '6,7', day4: '8,9,10' });
    await g.goTo(bram, 1);
    const first = await g.contribute(dewi, 1, 'a'.repeat(2100));
    expect(inputValues(first.value).text).toBe('a'.repeat(2100));
    await g.goTo(bram, 2);
    const second = await g.contribute(dewi, 1, 'b'.repeat(2200));
    expect(inputValues(second.value).text).toBe('b'.repeat(2200));
    expect(field(second.value, 'text')?.next).toBe('Hoogstens 2.000 tekens; dit zijn er 2.200.');
    expect(cardText(second.value)).toContain('De groep is inmiddels bij vraag 3. Hieronder staat vraag 1');
  });

  it('attack: whitespace-only / zero-width answer: refused next to the field, nothing stored', async () => {
    const g = await dayOne();
    const res = await g.contribute(anna, 1, '\u200B\u200B \u00A0');
    const stored = await g.items('contribution');
    expect({ stored: stored.map((c) => c.text), reason: field(res.value, 'text')?.next }).toEqual({ stored: [], reason: expect.any(String) });
    expect(field(res.value, 'text')?.next).not.toBe('');
  });
});
