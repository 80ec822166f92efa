import { submit, TestUser } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { field } from '../support/card-fields';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat, runWeek } from './support';

/**
 * A refused input keeps the card: every Mijn verantwoording form answers a refused input with
 * the same form, what the person entered kept and the reason next to the field, in their
 * language; nothing is stored.
 */
describe('refused input in the Mijn verantwoording forms', () => {
  let t: TestApp;
  let anna: PersonalChat;
  let eva: PersonalChat;
  const [a, b, c, d] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
  const personalDocs = async () => JSON.stringify((await t.cosmos.container('personal').items.query('SELECT c.id, c.type, c.text, c.hours, c.learningNeeds, c.rev FROM c ORDER BY c.id').fetchAll()).resources);

  beforeAll(async () => {
    t = await startTestApp();
    const g = new GroupDriver(t, t.conversation('groupChat'), [a, b, c, d]);
    await g.setUp();
    await g.startCycle();
    await runWeek(g, { personal9: 'Delegeren', personal10: 'Energie', contribution: 'De overdracht' });
    anna = new PersonalChat(t, a);
    eva = new PersonalChat(t, MEMBERS[4]!);
    await anna.say('notitie Eerste notitie');
  });
  afterAll(() => t.stop());

  it('says a 5,000-character note is over the limit of 4,000, next to the note, with the note kept', async () => {
    const before = await personalDocs();
    const long = 'n'.repeat(5000);
    const card = await anna.press('verantwoording.note.add', { text: long });
    expect(field(card, 'text')).toEqual({ value: long, next: 'Een notitie is hoogstens 4.000 tekens; deze is 5.000 tekens.' });
    expect(cardText(card)).toContain('Nog niet bewaard');
    expect(cardText(card)).toContain('Mijn verantwoording');
    expect(cardProblems(card)).toEqual([]);
    expect(await personalDocs()).toBe(before);
  });

  it('says the same of a note over the transport limit, and asks for text when it is empty', async () => {
    const huge = await anna.press('verantwoording.note.add', { text: 'h'.repeat(6000) });
    expect(field(huge, 'text')?.next).toBe('Een notitie is hoogstens 4.000 tekens; deze is 6.000 tekens.');
    expect(field(huge, 'text')?.value).toBe('h'.repeat(6000));
    const empty = await anna.press('verantwoording.note.add', { text: '   ' });
    expect(field(empty, 'text')?.next).toBe('Schrijf eerst iets op.');
  });

  it('keeps an edit that is too long in the edit card, with the version it was made from', async () => {
    const overview = (await anna.say('verantwoording')).cards[0];
    const open = actionData(overview, 'verantwoording.note.open')!;
    const editCard = await anna.press('verantwoording.note.open', open);
    const save = actionData(editCard, 'verantwoording.note.save')!;
    const before = await personalDocs();
    const card = await anna.press('verantwoording.note.save', { ...save, text: 'e'.repeat(4500) });
    expect(field(card, 'text')).toEqual({ value: 'e'.repeat(4500), next: 'Een notitie is hoogstens 4.000 tekens; deze is 4.500 tekens.' });
    expect(actionData(card, 'verantwoording.note.save')).toEqual(save);
    expect(await personalDocs()).toBe(before);
    const saved = await anna.press('verantwoording.note.save', { ...save, text: 'Eerste notitie, korter' });
    expect(cardText(saved)).toContain('Eerste notitie, korter');
  });

  it('keeps a refused time correction, with the allowed range next to the hours', async () => {
    const overview = (await anna.say('verantwoording')).cards[0];
    const open = actionData(overview, 'verantwoording.time.open')!;
    const before = await personalDocs();
    const tooMany = await anna.press('verantwoording.time.save', { ...open, hours: '400' });
    expect(field(tooMany, 'hours')).toEqual({ value: 400, next: 'Vul een aantal uren in van 0 tot 40.' });
    const notANumber = await anna.press('verantwoording.time.save', { ...open, hours: 'veel' });
    // Text is no number: the field comes back empty, and its reason says what was typed (stop 49).
    expect(field(notANumber, 'hours')).toEqual({ value: undefined, next: "'veel' is geen getal. Vul een aantal uren in van 0 tot 40." });
    expect(actionData(notANumber, 'verantwoording.time.save')).toEqual(open);
    expect(cardProblems(tooMany)).toEqual([]);
    expect(await personalDocs()).toBe(before);
  });

  // z.coerce.number() read null, [] and '' as 0 and true as 1: a card (or a hand-made payload)
  // sending one of them stored a 0-hours record over the real one and showed it as a success.
  it.each([
    ['null', null],
    ['an empty array', []],
    ['true', true],
    ['empty text', ''],
  ])('refuses hours given as %s next to the hours, and stores nothing', async (_name, hours) => {
    const overview = (await anna.say('verantwoording')).cards[0];
    const open = actionData(overview, 'verantwoording.time.open')!;
    const before = await personalDocs();
    const card = await anna.press('verantwoording.time.save', { ...open, hours });
    expect(field(card, 'hours')?.next).toBe('Vul een aantal uren in van 0 tot 40.');
    expect(actionData(card, 'verantwoording.time.save')).toEqual(open);
    expect(cardProblems(card)).toEqual([]);
    expect(await personalDocs()).toBe(before);
  });

  it('keeps every Prof-traject input when one is refused, the reason next to that one', async () => {
    const before = await personalDocs();
    const tooLong = await anna.press('verantwoording.traject.save', { learningNeeds: 'l'.repeat(2500), talents: 'Coachen', weeks: '24', maturityPhase: 'actie' });
    expect(field(tooLong, 'learningNeeds')).toEqual({ value: 'l'.repeat(2500), next: 'Hoogstens 2.000 tekens; dit zijn er 2.500.' });
    expect(field(tooLong, 'talents')).toEqual({ value: 'Coachen', next: undefined });
    expect(field(tooLong, 'weeks')?.value).toBe(24);
    expect(field(tooLong, 'maturityPhase')?.value).toBe('actie');
    const weeks = await anna.press('verantwoording.traject.save', { learningNeeds: 'Plannen', talents: '', weeks: '0' });
    expect(field(weeks, 'weeks')?.next).toBe('Kies een aantal weken van 1 tot 52.');
    expect(field(weeks, 'learningNeeds')?.value).toBe('Plannen');
    const empty = await anna.press('verantwoording.traject.save', { learningNeeds: ' ', talents: '', weeks: '20' });
    expect(field(empty, 'learningNeeds')?.next).toBe('Vul je leerbehoeften of je talenten in.');
    expect(cardProblems(tooLong)).toEqual([]);
    expect(await personalDocs()).toBe(before);
  });

  it('says it in English for someone who chose English', async () => {
    await eva.say('taal en');
    const card = await eva.press('verantwoording.note.add', { text: 'x'.repeat(5000) });
    expect(field(card, 'text')?.next).toBe('A note has at most 4,000 characters; this one has 5,000.');
    expect(cardText(card)).toContain('Not saved yet');
  });

  it('posts the form with the reason on the Action.Submit fallback as well', async () => {
    const before = t.connector.calls.length;
    await t.send(submit(anna.conv, a, { verb: 'verantwoording.note.add', text: 'y'.repeat(4001) }, 'card-1'));
    const posted = t.connector.cards((call) => t.connector.calls.indexOf(call) >= before).map((x) => x.card);
    expect(posted).toHaveLength(1);
    expect(field(posted[0], 'text')).toEqual({ value: 'y'.repeat(4001), next: 'Een notitie is hoogstens 4.000 tekens; deze is 4.001 tekens.' });
  });
});
