import { message, TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { PersonalChat } from '../verantwoording/support';

/**
 * Found in review, stop 42. An English-speaking user (Teams client en-US, and "language en" chosen in
 * the 1:1 chat) types a command while the store does not answer (Cosmos DB 503). The typed command
 * ends in the app's last-resort handler (bot-app.ts onTurnError), which answers with one fixed
 * bilingual sentence: "Er ging iets mis aan onze kant. Probeer het zo nog eens. / Something went
 * wrong on our side. ...". The English user gets Dutch first. The card presses in the same outage
 * answer in the presser's Teams language (tests/i18n/store-down-keeps-teams-language); a typed
 * command should too: the activity's locale is there to read, no store needed (and where Teams
 * gives none, the organisation's DEFAULT_LANGUAGE).
 */
describe('a typed command during a store outage, for an English user', () => {
  let t: TestApp;
  const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
  const DUTCH = /Er ging iets mis|Probeer het zo nog eens/;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
  });
  afterAll(() => t.stop());

  it('"accountability" in the 1:1 chat while the personal store is down answers in English only', async () => {
    const chat = new PersonalChat(t, anna);
    await chat.say('language en', 'en-US');
    t.proxy!.faults = (req) => (req.container === 'personal' ? { kind: 'status', status: 503 } : undefined);
    let said: { cards: unknown[]; texts: string[] };
    try {
      said = await chat.say('accountability', 'en-US');
    } finally {
      t.proxy!.faults = undefined;
    }
    const text = [...said.texts, ...said.cards.map(cardText)].join('\n');
    expect(text).toMatch(/Something went wrong|didn't work|did not work/);
    expect(text).not.toMatch(DUTCH);
  });

  it('"status" in an English group\'s chat while the group store is down answers in English only', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:probe-fault-en@thread.v2'), [anna, bram, cem]);
    await g.setUp('en');
    await g.startCycle();
    const before = t.connector.calls.length;
    t.proxy!.faults = (req) => (req.container === 'sessions' ? { kind: 'status', status: 503 } : undefined);
    try {
      await t.send({ ...message(g.conv, bram, 'status'), locale: 'en-US' });
    } finally {
      t.proxy!.faults = undefined;
    }
    const text = t.connector.calls
      .slice(before)
      .filter((c) => c.conversationId === g.conv.id)
      .map((c) => [c.activity?.text ?? '', ...(c.activity?.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join('\n'))
      .join('\n');
    expect(text).toMatch(/Something went wrong|didn't work|did not work/);
    expect(text).not.toMatch(DUTCH);
  });
});
