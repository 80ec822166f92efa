/**
 * A guard (held when written, in review of stop 56).
 *
 * The time card and the note edit card of Mijn verantwoording in the 1:1 chat, given what people
 * type into them, and a press Teams delivers twice.
 *
 * Promise: a refused form comes back with the inputs kept and the reason next to the field in the
 * person's language, nothing stored; accepted input stored as meant ("2,5" is 2.5); the same press
 * delivered twice stores once and is not told "changed elsewhere".
 */
import { TestUser } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { field } from '../support/card-fields';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { execute } from '../support/activities';
import { actionData, PersonalChat, runWeek } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const [a, b, c, d] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

describe('hours and note cards with what people really type', () => {
  let t: TestApp;
  let anna: PersonalChat;
  let bram: PersonalChat;
  const personal = async (aad: string) =>
    JSON.stringify((await t.store.container('personal').items.query({ query: "SELECT c.id, c.type, c.hours, c.rev, c.text FROM c WHERE c.userId = @u AND c.type IN ('timeUsed', 'note') ORDER BY c.id", parameters: [{ name: '@u', value: aad }] }).fetchAll()).resources);
  const timeForm = async (chat: PersonalChat) => {
    const overview = (await chat.say('verantwoording')).cards[0];
    return chat.press('verantwoording.time.open', actionData(overview, 'verantwoording.time.open')!);
  };

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    const g = new GroupDriver(t, t.conversation('groupChat'), [a, b, c, d]);
    await g.setUp('nl', '12');
    await g.startCycle();
    await runWeek(g, { personal9: 'Delegeren', personal10: 'Energie', contribution: 'De overdracht' });
    anna = new PersonalChat(t, a);
    bram = new PersonalChat(t, b);
    await bram.say('taal en');
  }, 120_000);
  afterAll(() => t.stop());

  it.each([
    ['a cleared field', '', /Enter a number of hours from 0 to 40\./],
    ['"anderhalf"', 'anderhalf', /'anderhalf' is not a number\. Enter a number of hours from 0 to 40\.|anderhalf.*number/],
    ['"1,5 uur"', '1,5 uur', /1,5 uur/],
    ['"-0,5"', '-0,5', /0 to 40/],
  ])('English: hours as %s come back with the reason next to the field, in English; nothing stored', async (_n, hours, why) => {
    const form = await timeForm(bram);
    const before = await personal(b.aadObjectId);
    const card = await bram.press('verantwoording.time.save', { ...actionData(form, 'verantwoording.time.save'), hours });
    expect(cardProblems(card)).toEqual([]);
    const f = field(card, 'hours');
    expect(f?.next).toMatch(why);
    expect(cardText(card)).not.toMatch(/\b(Vul|uren in|Opslaan|Terug)\b/);
    expect(await personal(b.aadObjectId)).toBe(before);
  });

  it('a time save "2,5" delivered twice at once stores 2.5 once, and neither answer says it changed elsewhere', async () => {
    const form = await timeForm(anna);
    const activity = execute(anna.conv, a, 'verantwoording.time.save', { ...actionData(form, 'verantwoording.time.save'), hours: '2,5' }, 'time-card', 'same-press-1');
    const [r1, r2] = await Promise.all([t.send(activity), t.send(activity)]);
    const stored = JSON.parse(await personal(a.aadObjectId)).filter((r: any) => r.type === 'timeUsed');
    expect(stored.map((r: any) => ({ hours: r.hours, rev: r.rev }))).toEqual([{ hours: 2.5, rev: 1 }]);
    for (const r of [r1, r2]) {
      const text = cardText(r.body?.value);
      expect(text).not.toMatch(/elders|intussen|changed elsewhere|ging iets mis/i);
      expect(field(r.body?.value, 'hours')).toBeUndefined(); // the overview, not the form again
    }
  });

  it('a note edit cleared, or left with only zero-width characters, comes back in the edit card with the reason; the note is unchanged', async () => {
    await anna.say('notitie Oorspronkelijke tekst');
    const overview = (await anna.say('verantwoording')).cards[0];
    const edit = await anna.press('verantwoording.note.open', actionData(overview, 'verantwoording.note.open')!);
    const save = actionData(edit, 'verantwoording.note.save')!;
    const before = await personal(a.aadObjectId);
    for (const text of ['', '\u200B\u200B \u2060']) {
      const card = await anna.press('verantwoording.note.save', { ...save, text });
      expect(cardProblems(card)).toEqual([]);
      expect({ text, f: field(card, 'text') }).toEqual({ text, f: { value: text, next: expect.stringMatching(/\S/) } });
      expect(await personal(a.aadObjectId)).toBe(before);
    }
  });

  it('a note edit of exactly 4,000 characters typed with Windows line breaks is stored, one "\\n" a break', async () => {
    const overview = (await anna.say('verantwoording')).cards[0];
    const edit = await anna.press('verantwoording.note.open', actionData(overview, 'verantwoording.note.open')!);
    const lines = Array.from({ length: 20 }, (_, i) => String.fromCharCode(97 + i).repeat(199));
    const typed = lines.join('\r\n'); // 20 x 199 + 19 breaks = 3,999
    const card = await anna.press('verantwoording.note.save', { ...actionData(edit, 'verantwoording.note.save')!, text: `${typed}!` });
    expect(field(card, 'text')?.next).toBeUndefined();
    expect(JSON.parse(await personal(a.aadObjectId)).filter((r: any) => r.type === 'note').map((r: any) => r.text)).toContain(`${lines.join('\n')}!`);
  });
});
