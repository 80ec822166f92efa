import { user } from '../support/activities';
import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const hanna = user('Hanna'); // HR/L&O
const anna = MEMBERS[0]!; // a member, not HR

/** Every Action.Execute verb on a card. */
function verbsOn(card: any): string[] {
  const out: string[] = [];
  const walk = (node: any): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'Action.Execute' && typeof node.verb === 'string') out.push(node.verb);
    Object.values(node).forEach(walk);
  };
  walk(card);
  return out;
}

/**
 * Found in review, stop 46. A member who is not HR forges `jaarplan.save` or `loOffer.save` with a
 * payload the verb's schema refuses (a target longer than 40 characters, an offer text over 20,000).
 * The HR check sat in the save's use case, which such a payload never reaches: the save's refusal
 * form was drawn at once, from the stored plan or offer, without an HR check, so the member got
 * HR's editing form filled with what HR stored (the months, the offer's words, save buttons).
 * Must hold: every form, also a refused save's, is behind the HR check; the member is told it is
 * for HR only and sees nothing stored.
 */
describe('a non-HR member forging an HR save with a payload the schema refuses', () => {
  let t: TestApp;
  let hr: PersonalChat;
  let member: PersonalChat;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z');
    hr = new PersonalChat(t, hanna);
    member = new PersonalChat(t, anna);
    const form = (await hr.say('jaarplan')).cards[0];
    const saved = await hr.press('jaarplan.save', { ...actionData(form, 'jaarplan.save'), weekCycles: '40', learningHours: '4321', proposalsValidated: '', firstMoment: '3', secondMoment: '10' });
    expect(cardText(saved)).toContain('opgeslagen');
    const overview = (await hr.say('aanbod')).cards[0];
    const offerForm = await hr.press('loOffer.open', { ...actionData(overview, 'loOffer.open'), theme: 'samenwerken' });
    const offer = await hr.press('loOffer.save', { ...actionData(offerForm, 'loOffer.save'), offerText: 'HR-AANBOD concept voor samenwerken', offerLink: '' });
    expect(JSON.stringify(offer)).toContain('HR-AANBOD');
  }, 180_000);
  afterAll(() => t.stop());

  it('jaarplan.save: Anna is told it is not hers, never shown the form with HR\'s stored targets', async () => {
    const back = await member.press('jaarplan.save', { year: 2026, rev: 1, k: 'forged', weekCycles: 'x'.repeat(41) });
    // HR's own months (March, October) and the plan's revision, in a form to save from.
    const json = JSON.stringify(back);
    expect({ verbs: verbsOn(back), showsStoredMonths: json.includes('"id":"firstMoment"') && json.includes('"value":"3"') }).toEqual({ verbs: [], showsStoredMonths: false });
  });

  it('loOffer.save: Anna is told it is not hers, never shown the offer form with what HR stored', async () => {
    const back = await member.press('loOffer.save', { theme: 'samenwerken', rev: 1, k: 'forged', offerText: 'y'.repeat(20_001), offerLink: '' });
    expect({ verbs: verbsOn(back), showsStoredOffer: JSON.stringify(back).includes('HR-AANBOD') }).toEqual({ verbs: [], showsStoredOffer: false });
  });
});
