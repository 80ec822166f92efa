/**
 * Found in review, stop 56 (fixed then: a ":", "-" or "–" after `notitie` / `note` is no part of the note).
 *
 * `notitie <tekst>` in the person's own chat with the bot, typed the way Dutch and English users
 * type it.
 *
 * Promise (README "Mijn verantwoording and data rights", common brief): accepted input is stored
 * as the user meant it; shown text cannot inject card markup or links; the same message delivered
 * twice by Teams stores one note.
 */
import { message, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { noteTexts, PersonalChat } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

describe('the note command with what people really type', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  const notesOf = (aad: string) => noteTexts(t, aad);

  it('"notitie: <tekst>" and "Note: <text>" (a colon after the command word, as people write) store the words, not ": <tekst>"', async () => {
    const anna = new PersonalChat(t, user('Anna'));
    await anna.say('notitie: Vandaag geleerd hoe de overdracht korter kan');
    await anna.say('Note: learned to delegate the roster');
    expect(await notesOf('aad-anna')).toEqual(['Vandaag geleerd hoe de overdracht korter kan', 'learned to delegate the roster']);
  });

  it('"notitie - <tekst>", "notitie – <tekst>" and "notitie:<tekst>" store the words; a minus that starts the note stays', async () => {
    const fenna = new PersonalChat(t, user('Fenna'));
    await fenna.say('notitie - met streepje');
    await fenna.say('notitie \u2013 met gedachtestreepje');
    await fenna.say('notitie:zonder spatie');
    await fenna.say('note -5 minutes on the handover');
    expect(await notesOf('aad-fenna')).toEqual(['-5 minutes on the handover', 'met gedachtestreepje', 'met streepje', 'zonder spatie']);
  });

  it('"notitie:" with nothing after it, or only a pasted zero-width space, gets the usage and stores nothing', async () => {
    const gijs = new PersonalChat(t, user('Gijs'));
    for (const typed of ['notitie:', 'notitie \u200B']) {
      const { texts, cards } = await gijs.say(typed);
      expect({ typed, texts, cards }).toEqual({ typed, texts: [expect.stringMatching(/^Typ 'notitie' gevolgd door je tekst/)], cards: [] });
    }
    expect(await notesOf('aad-gijs')).toEqual([]);
  });

  it('markup in a note (Markdown, HTML, a javascript: link) is stored as typed and shown as plain characters, never as a link', async () => {
    const bram = new PersonalChat(t, user('Bram'));
    const typed = '**vet** <b>html</b> [klik](javascript:alert(1)) <script>alert(1)</script> - lijst';
    const { cards } = await bram.say(`notitie ${typed}`);
    expect(await notesOf('aad-bram')).toEqual([typed]);
    const json = JSON.stringify(cards);
    // Where the note shows: only as a TextRun (no Markdown) or an input's value, never inside a TextBlock's Markdown.
    const textBlocksWithIt: string[] = [];
    const openUrls: string[] = [];
    const walk = (n: any): void => {
      if (!n || typeof n !== 'object') return;
      if (Array.isArray(n)) return n.forEach(walk);
      if (n.type === 'TextBlock' && typeof n.text === 'string' && n.text.includes('javascript:')) textBlocksWithIt.push(n.text);
      if (n.type === 'Action.OpenUrl') openUrls.push(String(n.url));
      Object.values(n).forEach(walk);
    };
    walk(cards);
    expect({ textBlocksWithIt, badUrls: openUrls.filter((u) => !u.startsWith('https:')) }).toEqual({ textBlocksWithIt: [], badUrls: [] });
    expect(json).toContain('javascript:alert(1)'); // it is shown, as characters
  });

  it('pasted tabs and Windows line breaks, and an emoji-only note, are kept as typed (one kind of line break)', async () => {
    const eva = new PersonalChat(t, user('Eva'));
    await eva.say('notitie regel een\r\nregel\ttwee');
    await eva.say('notitie 🎉');
    expect(await notesOf('aad-eva')).toEqual(['regel een\nregel\ttwee', '🎉'].sort());
  });

  it('the same message delivered twice at once by Teams stores one note', async () => {
    const dirk = user('Dirk');
    const conv = t.conversation('personal', 'a:personal-dirk');
    const activity = message(conv, dirk, 'notitie Twee keer bezorgd');
    const [r1, r2] = await Promise.all([t.send(activity), t.send(activity)]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    expect(await notesOf('aad-dirk')).toEqual(['Twee keer bezorgd']);
    // Neither answer says something went wrong.
    const told = t.connector.calls.filter((c) => c.conversationId === conv.id).map((c) => [c.activity.text ?? '', ...(c.activity.attachments ?? []).map((a: any) => cardText(a.content))].join(' ')).join('\n');
    expect(told).not.toMatch(/ging iets mis|went wrong|niet opgeslagen/i);
  });
});
