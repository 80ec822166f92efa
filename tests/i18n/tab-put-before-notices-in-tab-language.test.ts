// Stop 58's left-out, closed in stop 59: a proposal put before the manager from the tab now keeps the tab's language.
import { TestUser, user } from '../support/activities';
import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { ADOPTED, answerAsManager, DecidedProposalIds, directoryFile, groupDecides, managerCardAbout, personalChat } from '../talent-review/support/proposal-put-before';
import { putBeforeApi } from '../verantwoording/support';
import { dutchIn, NAMES } from './english-scan';

/**
 * A member who reads the personal tab in English (their Teams client) and puts the group's
 * proposal before their manager from it hears later, outside their turn, in English: that Teams
 * refused the manager's chat, and the manager's answer. As the chat's form does since stop 58
 * (`proposal-to-manager-notices-in-member-language.test.ts`); before, the tab's send stored no
 * language and both came in the default (Dutch). A page that names no language keeps that rule.
 */
const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
/** The product's names, and the Dutch group's own words (its content, not the app's text). */
const ALLOWED = new RegExp(`${NAMES.source}|${ADOPTED.text}|${ADOPTED.reason}`, 'g');

describe('what comes back to a member who put a proposal before their manager from the English tab', () => {
  let t: TestApp;
  let ids: DecidedProposalIds;
  const { api } = putBeforeApi(() => t);
  /** The tab's send, as the page makes it in English (`?lang=en`, as its reads do). */
  const sendFromTab = async (who: string, to: string, words: string, lang = '?lang=en') => {
    const res = await api(who, 'POST', `/put-before${lang}`, { ...ids, words, key: `tab-${who}-key`, to });
    expect(res.status).toBe(201);
  };
  // Their chat as the outbox opens it by their Entra id.
  const cardsSince = (who: TestUser, from: number) =>
    t.connector.calls
      .slice(from)
      .filter((c) => c.conversationId === personalChat(t, who).id || c.conversationId === t.connector.personalChats.get(who.aadObjectId))
      .flatMap((c) => (c.activity.attachments ?? []).map((a: { content: unknown }) => a.content));

  beforeAll(async () => {
    const file = directoryFile([{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-olga' }, { id: 'aad-cem', name: 'Cem', managerId: 'aad-olga' }, { id: 'aad-mia', name: 'Mia' }, { id: 'aad-olga', name: 'Olga' }]);
    t = await startTestApp({ DIRECTORY_FILE: file }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    ids = await groupDecides(t, '19:tab-ptm-notices-language@thread.v2', [anna, bram, cem]);
  }, 120_000);
  afterAll(() => t?.stop());

  it('tells the member in English that the proposal did not reach the manager', async () => {
    t.connector.blocked.add('aad-mia');
    await sendFromTab('aad-anna', 'aad-mia', 'MY-WORDS for Mia');
    const from = t.connector.calls.length;
    await t.app.outbox.drain(60_000);
    await t.app.outbox.drain(60_000);
    const notices = cardsSince(anna, from);
    expect(notices.map(cardText).join('\n')).toMatch(/did not arrive|niet aangekomen/);
    expect(notices.flatMap((n) => dutchIn(n, ALLOWED))).toEqual([]);
  }, 60_000);

  it("brings the member the manager's answer in English", async () => {
    await sendFromTab('aad-bram', 'aad-olga', 'MY-WORDS for Olga');
    const card = await managerCardAbout(t, 'aad-olga', bram);
    const from = t.connector.calls.length;
    await answerAsManager(t, user('Olga'), card, 'Mooi plan');
    const notices = cardsSince(bram, from);
    expect(notices.map(cardText).join('\n')).toMatch(/Mooi plan/);
    expect(notices.flatMap((n) => dutchIn(n, ALLOWED))).toEqual([]);
  }, 60_000);

  it('keeps the default for a page that names no language', async () => {
    await sendFromTab('aad-cem', 'aad-olga', 'MY-WORDS from Cem', '');
    const card = await managerCardAbout(t, 'aad-olga', cem);
    const from = t.connector.calls.length;
    await answerAsManager(t, user('Olga'), card, 'Goed idee');
    const notices = cardsSince(cem, from).map(cardText).join('\n');
    expect(notices).toMatch(/Goed idee/);
    expect(dutchIn({ text: notices })).not.toEqual([]);
  }, 60_000);
});
