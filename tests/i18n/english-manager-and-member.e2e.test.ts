/**
 * Stop 48 review (English newcomer): a manager and a professional who chose English ("language en")
 * use the newest features in their own chats: the manager's `account to team` (form, a refused
 * empty send with the reason next to the field, the send, the kept list, the delete's confirm
 * and its answer), the member's card from it, and the member's `my data` and `accountability`
 * (the Prof-traject's active weeks). No Dutch reaches them; dates and counts are English; every
 * card is valid.
 */
import { message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile, personalChat, pressIn } from '../talent-review/support/proposal-put-before';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const [anna, cem, mia] = ['Anna', 'Cem', 'Mia'].map(user) as [TestUser, TestUser, TestUser];
const SEND = 'review.teamAccount.send';

/** Dutch words no English text of the app uses (the test's own content is English). */
const DUTCH = /\b(het|een|niet|jouw|jij|jullie|voor|naar|wordt|groep|voorstel(len)?|gedeeld|antwoord(en)?|bewaard|bewaart|opslaan|versturen|verstuurd|geen|deze|dit|nog|wat|wie|met|zijn|heeft|ook|wissen|terug|tekens|leidinggevende|collega's|directe|verantwoording(en)?|gegevens|juni|november|verwijderen|bekijken|nieuwste)\b/i;
const dutchIn = (card: unknown) => {
  const text = cardText(card);
  const m = text.match(DUTCH);
  return m ? `"${m[0]}" in: ${text.slice(Math.max(0, (m.index ?? 0) - 60), (m.index ?? 0) + 60)}` : undefined;
};

/** The TextBlock right after the input with this id (withFieldError), if any. */
function reasonNextTo(card: any, id: string): string | undefined {
  let found: string | undefined;
  const walk = (n: unknown): void => {
    if (found !== undefined || !n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      const i = n.findIndex((x: any) => x && typeof x === 'object' && x.id === id && String(x.type).startsWith('Input.'));
      if (i >= 0 && n[i + 1]?.type === 'TextBlock') found = n[i + 1].text;
      return n.forEach(walk);
    }
    Object.values(n as Record<string, unknown>).forEach(walk);
  };
  walk(card);
  return found;
}

describe('a manager and a member in English: account to team, my data', () => {
  let t: TestApp;
  const lastCardIn = (who: TestUser) => t.connector.cards((c) => c.conversationId === personalChat(t, who).id).at(-1)?.card;
  const say = async (who: TestUser, text: string) => {
    const before = t.connector.calls.length;
    await t.send({ ...message(personalChat(t, who), who, text), locale: 'en-GB' });
    return t.connector.calls.slice(before).filter((c) => c.conversationId === personalChat(t, who).id);
  };

  beforeAll(async () => {
    const directory = directoryFile([
      { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
      { id: 'aad-cem', name: 'Cem', managerId: 'aad-mia' },
      { id: 'aad-mia', name: 'Mia' },
    ]);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-06-01T08:00:00Z');
    for (const who of [mia, anna]) await say(who, 'language en');
  });
  afterAll(() => t?.stop());

  it("the manager's account to team, kept and deleted, speaks English", async () => {
    await say(mia, 'account to team');
    const form = lastCardIn(mia);
    const refused = await pressIn(t, mia, SEND, { ...buttonData(form, SEND), text: '  ' });
    expect(reasonNextTo(refused, 'text')).toBe('First write what you want to tell them.');
    const sent = await pressIn(t, mia, SEND, { ...buttonData(form, SEND), text: 'I freed an hour every week for learning.' });
    await t.app.outbox.drain(60_000);
    t.clock.set('2026-11-23T09:00:00Z');
    await say(mia, 'account to team');
    const again = lastCardIn(mia);
    expect(cardText(again)).toContain('1 June 2026');
    const confirm = await pressIn(t, mia, 'review.teamAccount.confirmDelete', buttonData(again, 'review.teamAccount.confirmDelete'));
    const deleted = await pressIn(t, mia, 'review.teamAccount.delete', buttonData(confirm, 'review.teamAccount.delete'));
    const cards = [form, refused, sent, again, confirm, deleted];
    for (const c of cards) expect(cardProblems(c)).toEqual([]);
    expect(cards.map(dutchIn).filter(Boolean)).toEqual([]);

    // Anna chose English: the account reaches her in English. Cem chose nothing: the organisation's language.
    const toAnna = t.connector.cards((c) => c.conversationId === t.connector.personalChats.get('aad-anna')).map((c) => c.card);
    expect(toAnna.map(cardText).join('\n')).toContain('An account from your manager');
    expect(toAnna.map(dutchIn).filter(Boolean)).toEqual([]);
  }, 60_000);

  it("the member's my data, erase my data and accountability speak English", async () => {
    const replies = [...(await say(anna, 'my data')), ...(await say(anna, 'erase my data')), ...(await say(anna, 'accountability')), ...(await say(anna, 'what does my manager see'))];
    const cards = replies.flatMap((r) => (r.activity.attachments ?? []).map((a: any) => a.content));
    expect(cards.length).toBeGreaterThanOrEqual(4);
    for (const c of cards) expect(cardProblems(c)).toEqual([]);
    expect(cards.map(dutchIn).filter(Boolean)).toEqual([]);
    expect(replies.map((r) => r.activity.text).filter((x) => typeof x === 'string' && DUTCH.test(x))).toEqual([]);
  }, 60_000);
});
