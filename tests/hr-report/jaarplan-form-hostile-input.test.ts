/**
 * Found in review, stop 49: HR's Jaarplan form (targets and the half-yearly months) under hostile
 * input. The promise: every refused input comes back as sent, with its reason next to it, in the
 * user's language, at once; nothing stored; a press delivered again stores once.
 * Iris's Teams client is English (nothing chosen in the app); Hanna's is Dutch.
 */
import { execute, message, TestUser, user } from '../support/activities';
import { field, inputValue } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData } from '../verantwoording/support';
import en from '../../src/i18n/locales/en/jaarplan.json';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const hanna = user('Hanna');
const iris = user('Iris');
const SAVE = 'jaarplan.save';

describe('the Jaarplan form under hostile input', () => {
  let t: TestApp;
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const localeOf = (who: TestUser) => (who === iris ? 'en-US' : 'nl-NL');
  const press = async (who: TestUser, data: Record<string, unknown>, activityId?: string) => {
    const res = await t.send({ ...execute(chat(who), who, SAVE, data, 'card-1', activityId), locale: localeOf(who) });
    expect(res.status).toBe(200);
    return res.body.value;
  };
  const openForm = async (who: TestUser, command: string) => {
    await t.send({ ...message(chat(who), who, command), locale: localeOf(who) });
    return t.connector.cards((c) => c.conversationId === chat(who).id).at(-1)!.card;
  };
  const plans = async () => (await t.store.container('installations').items.query("SELECT * FROM c WHERE c.type = 'jaarplan'").fetchAll()).resources;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna,aad-iris' }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('every refused input at once, each kept and with its reason in English next to it; nothing stored', async () => {
    const form = await openForm(iris, 'jaarplan');
    expect(cardText(form)).toContain('Annual plan for sustainable learning 2026');
    const before = JSON.stringify(await plans());
    const card = await press(iris, { ...actionData(form, SAVE), weekCycles: '-3', learningHours: '12', proposalsValidated: '99999999999999999999', firstMoment: '13', secondMoment: '6' });
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(en.jaarplan.notSaved);
    expect(field(card, 'weekCycles')).toEqual({ value: -3, next: expect.stringMatching(/^Enter a whole number, from 1 to/) });
    expect(field(card, 'learningHours')).toEqual({ value: 12, next: undefined });
    expect(field(card, 'proposalsValidated')?.value).toBe(1e20);
    expect(field(card, 'proposalsValidated')?.next).toMatch(/^Choose a number from 1 to/);
    expect(field(card, 'firstMoment')?.next).toBeDefined();
    expect(field(card, 'firstMoment')?.next).not.toMatch(/[ëé]|maand|Kies/);
    expect(inputValue(card, 'secondMoment')).toBe('6');
    expect(JSON.stringify(await plans())).toBe(before);
  });

  it('a decimal comma ("1,5") or text in a target: the reason next to it, the other inputs kept', async () => {
    const form = await openForm(hanna, 'jaarplan');
    const before = JSON.stringify(await plans());
    const card = await press(hanna, { ...actionData(form, SAVE), weekCycles: '1,5', learningHours: 'veel', proposalsValidated: '4', firstMoment: '5', secondMoment: '11' });
    expect(field(card, 'weekCycles')?.next).toMatch(/^Vul een heel getal in/);
    expect(field(card, 'learningHours')?.next).toMatch(/^Vul een heel getal in/);
    expect(field(card, 'proposalsValidated')?.value).toBe(4);
    expect(field(card, 'proposalsValidated')?.next).not.toMatch(/^Vul|^Kies/);
    expect(inputValue(card, 'firstMoment')).toBe('5');
    expect(inputValue(card, 'secondMoment')).toBe('11');
    expect(JSON.stringify(await plans())).toBe(before);
  });

  it('the same save delivered twice stores one revision; zero-width padding around a number is no number', async () => {
    const form = await openForm(hanna, 'jaarplan');
    const data = { ...actionData(form, SAVE), weekCycles: '12', learningHours: '', proposalsValidated: '', firstMoment: '6', secondMoment: '12' };
    await press(hanna, data, 'jp-same');
    await press(hanna, data, 'jp-same');
    const after = await plans();
    expect(after).toHaveLength(1);
    expect(after[0].revision).toBe(1);
    const again = await openForm(hanna, 'jaarplan');
    const card = await press(hanna, { ...actionData(again, SAVE), weekCycles: '\u200B14\u200B', learningHours: '', proposalsValidated: '', firstMoment: '6', secondMoment: '12' });
    // Either read as 14 or refused next to the field: never stored as something else, never a crash.
    const stored = (await plans())[0];
    if (stored.revision === 2) expect(stored.targets.weekCycles).toBe(14);
    else expect(field(card, 'weekCycles')?.next).toBeDefined();
  });
});
