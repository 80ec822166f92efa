// Found in review, stop 58 (fixed then: the record keeps the language the member's send was answered in, and the "did not arrive" card and the answer's notice use it while they chose none).
import { execute, message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { ADOPTED, answerAsManager, directoryFile, groupDecides, managerCardAbout, personalChat } from '../talent-review/support/proposal-put-before';
import { dutchIn, NAMES } from './english-scan';

/**
 * A member whose Teams client is English and who never typed `taal` reads the chat overview and
 * the put-before form in English (README Configuration, DEFAULT_LANGUAGE: "in the 1:1 chat a
 * person's own choice, else their Teams client's language"). The two messages that come back to
 * them later, outside their turn (Teams refused the manager's chat; the manager's answer), keep
 * that language, as the review request's "not delivered" notice does
 * (`request-refused-professional-told.test.ts`): not the default.
 */
const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const EN = 'en-US';
/** The product's names, and the Dutch group's own words (its content, not the app's text). */
const ALLOWED = new RegExp(`${NAMES.source}|${ADOPTED.text}|${ADOPTED.reason}`, 'g');

describe('what comes back to an English member about a proposal they put before their manager', () => {
  let t: TestApp;
  const chat = (who: TestUser) => personalChat(t, who);
  const inEnglish = async (activity: Record<string, unknown>) => t.send({ ...activity, locale: EN });
  const overview = async (who: TestUser) => {
    await inEnglish(message(chat(who), who, 'accountability'));
    return t.connector.cards((c) => c.conversationId === chat(who).id).at(-1)!.card;
  };
  /** The member opens the form from their English overview and sends it, all on an English client. */
  const putBefore = async (who: TestUser, words: string) => {
    const form = (await inEnglish(execute(chat(who), who, 'review.proposalToManager.open', buttonData(await overview(who), 'review.proposalToManager.open'), 'card-1'))).body.value;
    return (await inEnglish(execute(chat(who), who, 'review.proposalToManager.send', { ...buttonData(form, 'review.proposalToManager.send'), words }, 'card-1'))).body.value;
  };
  // Their chat as the test addresses it, and as the outbox opens it by their Entra id.
  const cardsSince = (who: TestUser, from: number) => t.connector.calls.slice(from).filter((c) => c.conversationId === chat(who).id || c.conversationId === t.connector.personalChats.get(who.aadObjectId)).flatMap((c) => (c.activity.attachments ?? []).map((a: { content: unknown }) => a.content));

  beforeAll(async () => {
    const file = directoryFile([{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-olga' }, { id: 'aad-cem', name: 'Cem' }, { id: 'aad-mia', name: 'Mia' }, { id: 'aad-olga', name: 'Olga' }]);
    t = await startTestApp({ DIRECTORY_FILE: file }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    await groupDecides(t, '19:ptm-notices-language@thread.v2', [anna, bram, cem]);
  }, 120_000);
  afterAll(() => t?.stop());

  it('tells the English member in English that the proposal did not reach the manager', async () => {
    t.connector.blocked.add('aad-mia');
    const sent = await putBefore(anna, 'MY-WORDS for Mia');
    // The member's own turn: English.
    expect(cardText(sent)).toMatch(/Mia/);
    expect(dutchIn(sent, NAMES)).toEqual([]);
    const from = t.connector.calls.length;
    await t.app.outbox.drain(60_000);
    await t.app.outbox.drain(60_000);
    const notices = cardsSince(anna, from);
    expect(notices.map(cardText).join('\n')).toMatch(/did not arrive|niet aangekomen/);
    expect(notices.flatMap((n) => dutchIn(n, ALLOWED))).toEqual([]);
  }, 60_000);

  it("brings the English member the manager's answer in English", async () => {
    const sent = await putBefore(bram, 'MY-WORDS for Olga');
    expect(dutchIn(sent, NAMES)).toEqual([]);
    const card = await managerCardAbout(t, 'aad-olga', bram);
    const from = t.connector.calls.length;
    await answerAsManager(t, user('Olga'), card, 'Mooi plan');
    const notices = cardsSince(bram, from);
    expect(notices.map(cardText).join('\n')).toMatch(/Mooi plan/);
    expect(notices.flatMap((n) => dutchIn(n, ALLOWED))).toEqual([]);
  }, 60_000);
});
