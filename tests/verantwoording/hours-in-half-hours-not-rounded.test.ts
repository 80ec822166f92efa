import { field } from '../support/card-fields';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat, runWeek } from './support';

/**
 * Found in review (Mijn verantwoording, time used). Anna corrects the hours of her week to 2.3
 * (she left early twice). The form accepted it, rounded it to half hours and the overview said
 * "2,5 uur ... door jou aangepast": a figure she never gave, stored as hers and shown as hers on
 * her manager's card once shared. "Their own figure wins" only holds if what is stored is what
 * they entered. What must hold: a figure that is not whole or half hours comes back in the form,
 * as she typed it, with the half-hour rule next to the field in her language, and nothing is
 * stored; a figure on a half hour is stored as it is.
 */
describe('a time correction that is not a whole or half hour', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna] = MEMBERS as [typeof MEMBERS[0]];

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
    await g.startCycle();
    await runWeek(g, { personal9: 'Plannen', personal10: 'Puzzelen', contribution: 'Overdracht' });
  }, 120_000);
  afterAll(() => t.stop());

  const storedTime = async () => (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'timeUsed'").fetchAll()).resources;

  it('gives the form back with her figure and the rule, and stores nothing', async () => {
    const chat = new PersonalChat(t, anna);
    const overview = (await chat.say('verantwoording')).cards[0];
    const timeCard = await chat.press('verantwoording.time.open', actionData(overview, 'verantwoording.time.open')!);
    const answer = await chat.press('verantwoording.time.save', { ...actionData(timeCard, 'verantwoording.time.save'), hours: '2.3' });
    expect(field(answer, 'hours')).toEqual({ value: 2.3, next: 'Vul hele of halve uren in, zoals 2 of 2,5.' });
    expect(await storedTime()).toEqual([]);
    expect(cardText(answer)).not.toContain('2,5 uur');

    // On a half hour, it is stored as given.
    const saved = await chat.press('verantwoording.time.save', { ...actionData(answer, 'verantwoording.time.save'), hours: '2.5' });
    expect((await storedTime()).map((r) => r.hours)).toEqual([2.5]);
    expect(cardText(saved)).toContain('2,5 uur (4 sessies bijgewoond; door jou aangepast)');
  });
});
