/**
 * A guard (held when written, in review of stop 56).
 *
 * "Bewaar in mijn verantwoording", the message extension's save dialog, given what people really
 * type or paste into it.
 *
 * Promise: a refused Save comes back as the dialog with the typed text kept and the reason next to
 * the field, in the person's language, nothing stored; accepted text is stored as meant (a
 * multi-line field's "\r\n" counts as one break against the limit); the answer never echoes the
 * note as markup; the same Save delivered twice by Teams stores one note.
 */
import { user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { extensionInvoke } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const LINK = 'https://teams.microsoft.com/l/message/19:x@thread.v2/1';
const noteInput = (card: any) => card?.body?.find((e: { id?: string }) => e.id === 'noteText');

describe('the save dialog with what people really type', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  const notesOf = async (aad: string): Promise<string[]> =>
    (await t.store.container('personal').items.query({ query: "SELECT c.text FROM c WHERE c.type = 'note' AND c.userId = @u", parameters: [{ name: '@u', value: aad }] }).fetchAll()).resources.map((r: any) => r.text);
  const submitAs = (name: string, data: Record<string, unknown>, locale = 'nl-NL', messageId = '1764000000001') => {
    const who = user(name);
    return extensionInvoke(t.conversation('personal', `a:personal-${name.toLowerCase()}`), who, 'composeExtension/submitAction', {
      commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload: { id: messageId, linkToMessage: LINK }, data: { link: LINK, key: `dialog-${name}`, ...data },
    }, locale);
  };

  it.each([
    ['spaces, tabs and line breaks', '  \t\r\n  ', 'nl-NL', /Schrijf|Vul|leeg|tekst/i],
    ['zero-width characters and a direction mark only', '\u200B\u200C\u200D\u200E\u2060', 'en-US', /write|enter|empty|text/i],
  ])('a Save of %s comes back as the dialog with the text kept and why, in the person\'s language; nothing stored', async (_n, typed, locale, why) => {
    const name = `Leeg${locale.slice(0, 2)}`;
    const res = await t.send(submitAs(name, { noteText: typed }, locale));
    const card = res.body?.task?.value?.card?.content;
    expect(res.status).toBe(200);
    expect(cardProblems(card)).toEqual([]);
    // Kept as typed (a multi-line field's "\r\n" may come back as one "\n").
    expect(String(noteInput(card)?.value).replace(/\r\n/g, '\n')).toBe(typed.replace(/\r\n/g, '\n'));
    const text = cardText(card);
    expect(text).toMatch(why);
    if (locale === 'en-US') expect(text).not.toMatch(/\b(niet|Bewaar|notitie)\b/);
    expect(await notesOf(`aad-${name.toLowerCase()}`)).toEqual([]);
  });

  it('4,000 characters with Windows line breaks (raw 4,039) are within the limit and stored with "\\n"', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => String(i % 10).repeat(99));
    const typed = lines.join('\r\n'); // 40 x 99 + 39 breaks = 3,999 characters as the field counts them
    const res = await t.send(submitAs('Vier', { noteText: `${typed}x` }));
    expect(res.body?.task?.type).toBe('message');
    expect(await notesOf('aad-vier')).toEqual([`${lines.join('\n')}x`]);
  });

  it('markup and a direction override are stored as typed; the answer does not echo them', async () => {
    const typed = '<b>vet</b> [klik](javascript:alert(1)) \u202Egnitset <script>x</script>';
    const res = await t.send(submitAs('Markup', { noteText: typed }));
    expect(res.body?.task?.type).toBe('message');
    expect(String(res.body?.task?.value)).not.toMatch(/javascript|<b>|<script>|\u202E/);
    expect(await notesOf('aad-markup')).toEqual([typed]);
  });

  it('the same Save delivered twice at once by Teams stores one note, and both answers say it was saved', async () => {
    const activity = submitAs('Dubbel', { noteText: 'Twee keer dezelfde Save' });
    const [r1, r2] = await Promise.all([t.send(activity), t.send(activity)]);
    expect([r1.body?.task?.type, r2.body?.task?.type]).toEqual(['message', 'message']);
    expect(await notesOf('aad-dubbel')).toEqual(['Twee keer dezelfde Save']);
  });
});
