/**
 * Scenario: "notitie <tekst>" typed in the personal chat with the bot.
 *
 * 1. The note is stored, then the overview that confirms it cannot be read (every query answers
 *    503 for a moment). The person is told it was saved, never "something went wrong, try again";
 *    and a resend of the same note the same day (what a doubting person does) stores it once.
 * 2. A note over the 4,000-character limit, by someone who chose English: the add-note form comes
 *    back with the text as typed and the reason (the limit and the length) next to it, in English;
 *    nothing is stored.
 */
import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { field } from '../support/card-fields';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat } from './support';

describe('the note command in the personal chat', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  const notes = async (userId: string) => (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'note' AND c.userId = @u", parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources;

  it('says the note is saved when the overview cannot be read after it, and a resend the same day stores it once', async () => {
    const anna = new PersonalChat(t, user('Anna'));
    let created = false;
    t.proxy!.faults = (req) => {
      if (req.container === 'personal' && req.kind === 'create') created = true;
      return created && req.kind === 'query' ? { kind: 'status', status: 503 } : undefined;
    };
    const first = await anna.say('notitie Geleerd hoe de overdracht korter kan');
    t.proxy!.faults = undefined;
    const told = [...first.texts, ...first.cards.map(cardText)].join('\n');
    expect(told).not.toMatch(/ging iets mis|went wrong/i);
    expect(told).toMatch(/opgeslagen|bewaard|saved/i);
    // Sent again anyway (as a person in doubt would): still one note.
    await anna.say('notitie Geleerd hoe de overdracht korter kan ');
    expect((await notes('aad-anna')).map((n) => n.text)).toEqual(['Geleerd hoe de overdracht korter kan']);
    // Another note the same day is a note of its own.
    await anna.say('notitie Nog iets anders');
    expect(await notes('aad-anna')).toHaveLength(2);
  });

  it('brings a note over the limit back in the add-note form, text kept and the limit named, in English', async () => {
    const eva = new PersonalChat(t, user('Eva'));
    await eva.say('taal en');
    const long = 'w'.repeat(4500);
    const { cards, texts } = await eva.say(`note ${long}`);
    const all = [...texts, ...cards.map(cardText)].join('\n');
    expect(await notes('aad-eva')).toHaveLength(0);
    expect(all).toMatch(/4[.,]?000/);
    expect(all).toMatch(/4[.,]?500/);
    expect(all).not.toMatch(/\b(Terug|Opslaan|tekens)\b/);
    expect(cards.some((c) => field(c, 'text')?.value === long)).toBe(true);
  });
});
