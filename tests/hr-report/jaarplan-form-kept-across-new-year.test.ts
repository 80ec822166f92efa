/**
 * Found in review, stop 45. Hanna (HR) opens the Jaarplan form on 31 December 2026 for 2026, types
 * her targets, and presses Opslaan just after midnight (1 January 2027, Amsterdam). 2026 can no
 * longer be changed, but what she typed must not be lost: the form comes back for 2027 with every
 * input as she sent it and, next to the year, why ("2026 is voorbij; bewaar deze doelen voor
 * 2027?"), and pressing Opslaan on it stores them for 2027. The same for a 2026 button (the saved
 * card's "Wijzigen") pressed in January: the 2027 form, saying why. In English just as well. It was
 * a plain "check what you typed" error card: no form, no inputs, no reason next to any field.
 */
import { user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const hanna = user('Hanna');

/** The value shown in each input of a card, by id. */
function inputs(card: any): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (node: any): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (typeof node.type === 'string' && node.type.startsWith('Input.')) out[node.id] = node.value;
    Object.values(node).forEach(walk);
  };
  walk(card.body ?? []);
  return out;
}

const typed = { weekCycles: '40', learningHours: '1234', proposalsValidated: '', firstMoment: '3', secondMoment: '9' };

describe('a Jaarplan form opened on 31 December and saved on 1 January', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-12-31T15:00:00Z');
  });
  afterAll(() => t.stop());

  it('comes back for the new year with everything HR typed and why, and saves it there', async () => {
    const hr = new PersonalChat(t, hanna);
    const form = (await hr.say('jaarplan')).cards[0];
    expect(cardText(form)).toContain('Jaarplan Duurzaam leren 2026');
    t.clock.set('2027-01-01T08:00:00Z'); // 09:00 on New Year's Day in Amsterdam
    const back = await hr.press('jaarplan.save', { ...actionData(form, 'jaarplan.save'), ...typed });
    const text = cardText(back);
    expect(cardProblems(back)).toEqual([]);
    expect(inputs(back)).toMatchObject({ weekCycles: 40, learningHours: 1234, firstMoment: '3', secondMoment: '9' });
    expect(text).toContain('Jaarplan Duurzaam leren 2027');
    expect(text).toContain('Niet opgeslagen: 2026 is voorbij. Bewaar deze doelen voor 2027?');
    expect(actionData(back, 'jaarplan.save')).toMatchObject({ year: 2027, rev: 0 });

    const saved = await hr.press('jaarplan.save', { ...actionData(back, 'jaarplan.save'), ...typed });
    const savedText = cardText(saved);
    expect(savedText).toContain('Jaarplan Duurzaam leren 2027 opgeslagen');
    expect(savedText).toContain('1234');
    expect(savedText).toContain('maart en september');
  });

  it('opens the new year\'s form from a button of the year that is over, saying why', async () => {
    const hr = new PersonalChat(t, hanna);
    const form = await hr.press('jaarplan.open', { year: 2026 });
    const text = cardText(form);
    expect(cardProblems(form)).toEqual([]);
    expect(text).toContain('Jaarplan Duurzaam leren 2027');
    expect(text).toContain('2026 is voorbij: de doelen daarvan liggen vast. Hieronder staan de doelen voor 2027.');
    expect(inputs(form)).toMatchObject({ weekCycles: 40, learningHours: 1234 });
  });
});

describe('an English Jaarplan form across New Year', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-12-31T15:00:00Z');
  });
  afterAll(() => t.stop());

  it('comes back in English with the inputs kept and the reason by the year', async () => {
    const hr = new PersonalChat(t, hanna);
    const form = (await hr.say('annual plan')).cards[0];
    expect(cardText(form)).toContain('Annual plan for sustainable learning 2026');
    t.clock.set('2027-01-01T08:00:00Z');
    const back = await hr.press('jaarplan.save', { ...actionData(form, 'jaarplan.save'), ...typed });
    expect(inputs(back)).toMatchObject({ weekCycles: 40, learningHours: 1234 });
    expect(cardText(back)).toContain('Not saved: 2026 is over. Keep these targets for 2027?');
    expect(cardText(back)).toContain('Annual plan for sustainable learning 2027');
  });
});
