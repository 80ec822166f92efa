/**
 * Number inputs given what a person may type into them: a Dutch decimal comma ("1,5"), text, a
 * negative and a huge number (found in review, stop 49). The promise: a decimal comma is a decimal
 * point ("1,5" hours are 1.5 hours; a whole-number field refuses it as it refuses 1.5); the refused
 * form keeps what was entered, or comes back empty where an Input.Number cannot show it ("veel"),
 * never with another value that a second press would silently save; the reason next to the field
 * says what is wrong, naming text that is no number; nothing stored.
 */
import { TestUser } from '../support/activities';
import { field } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat, runWeek } from '../verantwoording/support';
import { VERBS } from '../../src/teams/verbs';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const [a, b, c, d] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
const SETUP = { name: 'Team Zorg', days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl' };

describe('numbers in card data with a decimal comma', () => {
  const parse = (name: keyof typeof VERBS, data: Record<string, unknown>) => VERBS[name].data.safeParse(data);

  it('reads "1,5" as 1.5 where a fraction is allowed, and refuses it where only whole numbers are', () => {
    expect(parse('saveTime', { groupId: 'g', cycleId: 'c', hours: '1,5' })).toMatchObject({ success: true, data: { hours: 1.5 } });
    expect(parse('saveTime', { groupId: 'g', cycleId: 'c', hours: ' 2,25 ' })).toMatchObject({ success: true, data: { hours: 2.25 } });
    expect(parse('saveTime', { groupId: 'g', cycleId: 'c', hours: '-0,5' }).success).toBe(false);
    expect(parse('saveSetup', { name: 'T', days: '1', startTime: '09:30', timeZone: 'UTC', language: 'nl', weeks: '1,5' }).success).toBe(false);
    expect(parse('saveTraject', { weeks: '1,5' }).success).toBe(false);
    expect(parse('planReview', { reportId: 'r', date: '2026-12-10', timeZone: 'UTC', prepDays: '1,5' }).success).toBe(false);
    expect(parse('startCycle', { groupId: 'g', week: '2,0' })).toMatchObject({ success: true, data: { week: 2 } });
  });

  it('reads no other text as a number: a comma before three digits may be a thousands separator', () => {
    for (const hours of ['1,000', '1,', ',5', '1,5,5', '1.5,5', '1e1', 'veel']) {
      expect(parse('saveTime', { groupId: 'g', cycleId: 'c', hours }).success).toBe(false);
    }
  });
});

describe('number inputs with a decimal comma, text, negative and huge numbers', () => {
  let t: TestApp;
  let g: GroupDriver;
  let anna: PersonalChat;
  const groups = async () => JSON.stringify((await t.store.container('sessions').items.query("SELECT c.id, c.plannedWeeks, c.name FROM c WHERE c.type = 'group'").fetchAll()).resources);
  const personal = async () => JSON.stringify((await t.store.container('personal').items.query('SELECT c.id, c.type, c.hours, c.rev FROM c ORDER BY c.id').fetchAll()).resources);

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    g = new GroupDriver(t, t.conversation('groupChat'), [a, b, c, d]);
    await g.setUp('nl', '12');
    await g.startCycle();
    await runWeek(g, { personal9: 'Delegeren', personal10: 'Energie', contribution: 'De overdracht' });
    anna = new PersonalChat(t, a);
  }, 120_000);
  afterAll(() => t.stop());

  it.each([
    ['1,5', 'Kies 1 tot 52 weken.'],
    // Text: the reason names what was typed (the field cannot show it), then the rule.
    ['veel', "'veel' is geen getal. Kies 1 tot 52 weken."],
  ])('a new group\'s setup with weeks "%s": the refused form never shows a number a second press would save unseen', async (weeks, reason) => {
    const fresh = new GroupDriver(t, t.conversation('groupChat', `19:probe-setup-${weeks.replace(/\W/g, '')}@thread.v2`), [a, b, c]);
    t.connector.roster = fresh.members;
    const before = await groups();
    const res = await fresh.press(a, 'group.setup.save', { ...SETUP, members: fresh.members.map((m) => m.aadObjectId).join(','), weeks }, 'setup-card');
    expect(cardProblems(res.value)).toEqual([]);
    const weeksField = field(res.value, 'weeks');
    expect(weeksField?.next).toBe(reason);
    // Nothing stored: the group does not exist yet.
    expect(await groups()).toBe(before);
    // The field shows 20 (the default), which the person never typed; pressing Save again stores a group of 20 weeks.
    expect(weeksField?.value).toBeUndefined();
    // Pressed again as it came back (the weeks left empty): refused again, still nothing stored.
    const again = await fresh.press(a, 'group.setup.save', { ...SETUP, members: fresh.members.map((m) => m.aadObjectId).join(','), weeks: '' }, 'setup-card');
    expect(field(again.value, 'weeks')?.next).toBe('Kies 1 tot 52 weken.');
    expect(await groups()).toBe(before);
  });

  it('an existing group\'s setup with weeks "1,5": the field does not fall back to the stored 12', async () => {
    const before = await groups();
    const res = await g.press(a, 'group.setup.save', { ...SETUP, members: g.members.map((m) => m.aadObjectId).join(','), weeks: '1,5' }, 'setup-card');
    expect(field(res.value, 'weeks')?.next).toBe('Kies 1 tot 52 weken.');
    expect(await groups()).toBe(before);
    expect(field(res.value, 'weeks')?.value).not.toBe(12);
  });

  it('hours "1,5" (a Dutch decimal comma, and half hours are allowed) are read as 1.5, or refused with a reason that says why', async () => {
    const overview = (await anna.say('verantwoording')).cards[0];
    const open = actionData(overview, 'verantwoording.time.open')!;
    const form = await anna.press('verantwoording.time.open', open);
    const save = actionData(form, 'verantwoording.time.save')!;
    const before = await personal();
    const card = await anna.press('verantwoording.time.save', { ...save, hours: '1,5' });
    expect(cardProblems(card)).toEqual([]);
    // Read as 1.5 and stored (half hours are allowed), shown back the Dutch way.
    expect(await personal()).not.toBe(before);
    expect(await personal()).toContain('"hours":1.5');
    expect(cardText(card)).toContain('1,5');
    // Had it been refused: "Vul een aantal uren in van 0 tot 40." for 1,5 says it is out of range (it is not),
    // and what she typed would be gone from the field (an Input.Number cannot hold "1,5"; 1.5 is what she meant).
    const hours = field(card, 'hours');
    if (hours) {
      expect(hours.next).not.toBe('Vul een aantal uren in van 0 tot 40.');
      expect(hours.value).toBe(1.5);
    }
  });

  it('hours "1,25" (neither whole nor half) come back as 1.25, next to the half-hours rule', async () => {
    const overview = (await anna.say('verantwoording')).cards[0];
    const form = await anna.press('verantwoording.time.open', actionData(overview, 'verantwoording.time.open')!);
    const before = await personal();
    const card = await anna.press('verantwoording.time.save', { ...actionData(form, 'verantwoording.time.save'), hours: '1,25' });
    expect(field(card, 'hours')).toEqual({ value: 1.25, next: 'Vul hele of halve uren in, zoals 2 of 2,5.' });
    expect(await personal()).toBe(before);
  });

  it('hours as text come back empty, the reason naming what was typed (cut short, as text), nothing stored', async () => {
    const overview = (await anna.say('verantwoording')).cards[0];
    const form = await anna.press('verantwoording.time.open', actionData(overview, 'verantwoording.time.open')!);
    const before = await personal();
    // Forty characters shown at most: the first 39 and an ellipsis; Markdown marks escaped.
    const typed = `**vet** ${'x'.repeat(60)}`;
    const card = await anna.press('verantwoording.time.save', { ...actionData(form, 'verantwoording.time.save'), hours: typed });
    expect(cardProblems(card)).toEqual([]);
    const hours = field(card, 'hours');
    expect(hours?.value).toBeUndefined();
    expect(hours?.next).toBe(`'\\*\\*vet\\*\\* ${'x'.repeat(31)}…' is geen getal. Vul een aantal uren in van 0 tot 40.`);
    expect(await personal()).toBe(before);
  });

  it.each([
    ['a negative number', '-2', -2],
    ['a huge number', '99999999999999999999', 1e20],
  ])('hours as %s come back as typed, next to the range, nothing stored', async (_name, hours, shown) => {
    const overview = (await anna.say('verantwoording')).cards[0];
    const open = actionData(overview, 'verantwoording.time.open')!;
    const form = await anna.press('verantwoording.time.open', open);
    const before = await personal();
    const card = await anna.press('verantwoording.time.save', { ...actionData(form, 'verantwoording.time.save'), hours });
    expect(field(card, 'hours')).toEqual({ value: shown, next: 'Vul een aantal uren in van 0 tot 40.' });
    expect(await personal()).toBe(before);
  });

  it('Prof-traject weeks "1,5" with long text in the other fields: the other fields are kept, the weeks field is not another number', async () => {
    const before = await personal();
    const card = await anna.press('verantwoording.traject.save', { learningNeeds: 'Beter plannen 📅 خطة', talents: 'Coachen', weeks: '1,5', maturityPhase: 'actie', rev: 0 });
    expect(field(card, 'learningNeeds')?.value).toBe('Beter plannen 📅 خطة');
    expect(field(card, 'talents')?.value).toBe('Coachen');
    expect(field(card, 'weeks')?.next).toBe('Kies een aantal weken van 1 tot 52.');
    expect(field(card, 'weeks')?.value).toBeUndefined();
    expect(await personal()).toBe(before);
  });

  it('Prof-traject weeks as text: empty, the reason naming what was typed, the other fields kept', async () => {
    const before = await personal();
    const card = await anna.press('verantwoording.traject.save', { learningNeeds: 'Beter plannen', talents: 'Coachen', weeks: 'tien', maturityPhase: 'actie', rev: 0 });
    expect(field(card, 'learningNeeds')?.value).toBe('Beter plannen');
    expect(field(card, 'weeks')).toEqual({ value: undefined, next: "'tien' is geen getal. Kies een aantal weken van 1 tot 52." });
    expect(await personal()).toBe(before);
  });
});
