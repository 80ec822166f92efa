import { TestUser, user } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';
import { MAX_LO_ANSWER_LENGTH } from '../../src/domain/proposal/proposal-to-lo';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

/**
 * Found in review, stop 56 (fixed then: L&O's answer is counted in characters as they show, an emoji is one).
 * L&O's answer to a group's proposal (`voorstellen` > Antwoorden), with what people really type.
 */
const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const hanna = user('Hanna');

describe('L&O answers a shared proposal with honest bad input', () => {
  let t: TestApp;
  let hr: PersonalChat;
  let id = '';
  const shared = async (): Promise<any[]> => (await t.store.container('installations').items.query("SELECT * FROM c WHERE c.type = 'proposalToLo'").fetchAll()).resources;
  const form = () => hr.press('proposalToLo.open', { id });

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z');
    hr = new PersonalChat(t, hanna);
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:lo-answer-as-seen@thread.v2'), [anna, bram, cem]).answeredOnDayOne(['Overdracht', 'Info', 'Tijd', 'Korter', 'Formulier', 'Tafel'], { checkIn: 4 });
    const proposalId = `${g.groupId}_w1_p`;
    for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed' });
    await g.press(cem, 'proposal.decide', { ...g.ids(), proposalId, decisionReason: 'Iedereen hoort hetzelfde', decision: 'adapt', adoptedText: 'Overdracht aan het bed', firstStep: 'Rooster' });
    await g.end(anna);
    const summary = t.connector.cards((c) => c.method === 'POST' && c.conversationId === g.conv.id).find((c) => /Samenvatting/.test(cardText(c.card)))!;
    const preview = (await g.press(bram, 'proposalToLo.preview', actionData(summary.card, 'proposalToLo.preview')!, summary.call.id)).value;
    await g.press(bram, 'proposalToLo.share', actionData(preview, 'proposalToLo.share')!, summary.call.id);
    id = (await shared())[0].id;
  }, 120_000);
  afterAll(() => t?.stop());

  it('an answer of only spaces, a pasted tab and zero-width characters is refused next to the field, kept, nothing stored', async () => {
    const typed = ' \t\u200B\u2060 ';
    const f = await form();
    const refused = await hr.press('proposalToLo.answer', { ...actionData(f, 'proposalToLo.answer'), answer: typed });
    expect(JSON.stringify(refused)).toContain(JSON.stringify(typed).slice(1, -1));
    expect(cardText(refused)).not.toMatch(/L&O antwoordt|verstuurd naar de groep/i);
    expect((await shared())[0].answer).toBeUndefined();
  });

  it('an answer of 2,000 characters as seen, 100 of them emoji, is taken (limit 2,000)', async () => {
    const answer = `${'a'.repeat(MAX_LO_ANSWER_LENGTH - 100)}${'🙏'.repeat(100)}`;
    const f = await form();
    const out = await hr.press('proposalToLo.answer', { ...actionData(f, 'proposalToLo.answer'), answer });
    expect(cardText(out)).not.toContain('Hoogstens');
    expect((await shared())[0].answer?.text).toBe(answer);
  });

  it('an answer at the limit typed with "\\r\\n" breaks is taken with one "\\n" each', async () => {
    const answer = `${'b'.repeat(99)}\r\n`.repeat(19) + 'b'.repeat(100); // 2,019 sent, 2,000 as seen
    const f = await form();
    await hr.press('proposalToLo.answer', { ...actionData(f, 'proposalToLo.answer'), answer });
    expect((await shared())[0].answer?.text).toBe(answer.replace(/\r\n/g, '\n'));
  });
});
