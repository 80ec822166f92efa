/**
 * An English newcomer's first steps (from the English-newcomer review, stop 48). The app is added
 * by someone whose Teams client speaks English:
 * 1. in their 1:1 chat: the greeting (the help) is English, with no Dutch;
 * 2. in a group chat: the welcome speaks the organisation's language (Dutch) by design, until the
 *    group chooses; its last line is in the other language and names the command that switches
 *    ("English? Type 'language en'."; the English welcome, where English is the default, says
 *    "Nederlands? Typ 'taal nl'.");
 * 3. in a group chat without a group, "language en" (and the English "group") answers with the
 *    setup form in English, English chosen; "groep" and "taal nl" with the Dutch one. Nothing is
 *    stored until the group saves. Before: the Dutch form with Dutch chosen (the word was dropped).
 */
import { botAdded, ConversationSpec, message } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const en = <T extends Record<string, unknown>>(a: T) => ({ ...a, locale: 'en-GB' });
const DUTCH = /\b(het|een|niet|jouw|jij|jullie|voor|naar|wordt|groep|gegevens|gesprek|leidinggevende|notitie|wissen)\b/i;

/** The cards the app posted to this conversation since `before`. */
const cardsIn = (t: TestApp, conv: ConversationSpec, before: number) =>
  t.connector.calls.slice(before).filter((c) => c.conversationId === conv.id).flatMap((c) => (c.activity.attachments ?? []).map((a: { content: unknown }) => a.content));

/** The title of the setup form and the language chosen on it. */
function setupForm(card: any): { title: string; chosen: string | undefined } {
  const input = (n: any): any => {
    if (!n || typeof n !== 'object') return undefined;
    if (n.id === 'language' && typeof n.type === 'string' && n.type.startsWith('Input.')) return n;
    for (const v of Object.values(n)) {
      const hit = input(v);
      if (hit) return hit;
    }
    return undefined;
  };
  return { title: cardText(card).split('\n')[0]!, chosen: input(card)?.value };
}

describe("an English newcomer's first steps", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
    t.connector.roster = MEMBERS.slice(0, 3);
  });
  afterAll(() => t?.stop());

  it('greets them in English in their 1:1 chat', async () => {
    const conv = t.conversation('personal', 'a:newcomer-personal');
    const before = t.connector.calls.length;
    await t.send(en(botAdded(conv, MEMBERS[0]!)));
    const cards = cardsIn(t, conv, before);
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) expect(cardProblems(c)).toEqual([]);
    const text = cards.map(cardText).join('\n');
    expect(text).toContain('How Lerend Werken works');
    expect(text.match(DUTCH)).toBeNull();
  });

  it('gives an English reader of the Dutch group welcome a way to English they can read', async () => {
    const conv = t.conversation('groupChat', '19:newcomer-group@thread.v2');
    const before = t.connector.calls.length;
    await t.send(en(botAdded(conv, MEMBERS[0]!)));
    const cards = cardsIn(t, conv, before);
    expect(cards).toHaveLength(1);
    expect(cardProblems(cards[0])).toEqual([]);
    const welcome = cardText(cards[0]);
    expect(welcome).toContain('Welkom bij Lerend Werken');
    expect(welcome).toContain("English? Type 'language en'.");
  });

  it.each([
    ['language en', 'Set up the group', 'en'],
    ['group', 'Set up the group', 'en'],
    ['taal nl', 'Groep instellen', 'nl'],
    ['groep', 'Groep instellen', 'nl'],
  ])('takes "%s" in a chat without a group as the choice of its language on the setup form, storing nothing', async (typed, title, chosen) => {
    const conv = t.conversation('groupChat', `19:newcomer-${typed.replace(/\W/g, '-')}@thread.v2`);
    const before = t.connector.calls.length;
    await t.send(en(message(conv, MEMBERS[0]!, typed)));
    const cards = cardsIn(t, conv, before);
    expect(cards).toHaveLength(1);
    expect(cardProblems(cards[0])).toEqual([]);
    expect(setupForm(cards[0])).toEqual({ title, chosen });
    // Nothing stored: the chat still has no group until the form is saved.
    const { resources } = await t.store.container('groups').items.query('SELECT VALUE COUNT(1) FROM c').fetchAll();
    expect(resources).toEqual([0]);
  });
});

describe('the English group welcome, where English is the organisation\'s language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEFAULT_LANGUAGE: 'en' }, '2026-11-23T08:00:00Z');
    t.connector.roster = MEMBERS.slice(0, 3);
  });
  afterAll(() => t?.stop());

  it("gives a Dutch reader the way to Dutch in Dutch, and 'taal nl' then answers with the Dutch setup form", async () => {
    const conv = t.conversation('groupChat', '19:newcomer-english-org@thread.v2');
    let before = t.connector.calls.length;
    await t.send(botAdded(conv, MEMBERS[0]!));
    const welcome = cardText(cardsIn(t, conv, before)[0]);
    expect(welcome).toContain('Welcome to Lerend Werken');
    expect(welcome).toContain("Nederlands? Typ 'taal nl'.");
    before = t.connector.calls.length;
    await t.send(message(conv, MEMBERS[0]!, 'taal nl'));
    expect(setupForm(cardsIn(t, conv, before)[0])).toEqual({ title: 'Groep instellen', chosen: 'nl' });
  });
});
