/**
 * Found in review, stop 46. Stop 45 refused a plan or a move pressed in a 1:1 chat between two
 * people (Teams calls it "personal" too, as the chat with the bot), but every other talent-review
 * command and button still answered there: `gesprekken` and `gesprek plannen` typed in Mia's chat
 * with a colleague showed the colleague her reports' names and the dates of their conversations,
 * "Verplaatsen of annuleren" showed one, "Annuleren" cancelled it, a plan form refused for its input
 * came back with her reports to choose from, and Anna's "wat ziet mijn leidinggevende" showed her
 * colleague what she shares with her manager alone.
 *
 * Clock: Monday 23 November 2026, 09:00 Amsterdam. Mia manages Anna and Bram; Bram's conversation
 * is planned for 10 December from Mia's own chat with the bot; Anna shares a note with Mia.
 * 1. In Mia's 1:1 chat with a colleague she types the list and plan commands and presses the plan,
 *    change, cancel and (refused) plan buttons; Anna types and presses her preview there.
 * 2. The same typed in a group chat.
 * Must hold: every answer is the short pointer to the own chat with Lerend Werken, in the asker's
 * language, with no report's name, date or shared note; nothing is stored or cancelled (Bram's
 * conversation stays on 10 December). In Mia's own chat with the bot all of it answers as before.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { ConversationSpec, execute, message, TestUser, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia');
const anna = user('Anna');
const OTHER_CHAT = '19:mia-and-a-colleague@unq.gbl.spaces';
const ANNA_OTHER_CHAT = '19:anna-and-a-colleague@unq.gbl.spaces';
const ANNA_NOTE = 'Anna wil minder avonddiensten';
const ELSEWHERE = 'alleen in je eigen chat met Lerend Werken';
/** What the colleague must not read: a report's name, the conversation's date, what Anna shares. */
const LEAKS = /Anna|Bram|10 december|2026-12-10|avonddiensten/;

describe('talent-review commands and buttons outside the own chat with the bot', () => {
  let t: TestApp;
  let bramReviewId: string;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const otherChat = () => t.conversation('personal', OTHER_CHAT);
  const reviews = async () => (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.type = 'talentReview'").fetchAll()).resources;
  /** What the bot posted in the chat in answer to a typed command. */
  const typed = async (conv: ConversationSpec, who: TestUser, text: string) => {
    const before = t.connector.calls.length;
    await t.send(message(conv, who, text));
    return t.connector.calls
      .slice(before)
      .filter((c) => c.conversationId === conv.id)
      .map((c) => [c.activity?.text ?? '', ...(c.activity?.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join('\n'))
      .join('\n');
  };
  const pressed = async (conv: ConversationSpec, who: TestUser, verb: string, data: Record<string, unknown>) => cardText((await t.send(execute(conv, who, verb, data, 'card-elsewhere'))).body.value);

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'commands-other-chat-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
    await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'anna-note', text: ANNA_NOTE, shared: true });
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-bram', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    bramReviewId = (await reviews()).find((r) => r.reportId === 'aad-bram').id;
  }, 120_000);
  afterAll(() => t.stop());

  it("answers the manager's commands and buttons in a chat with a colleague only with where to go, and stores nothing", async () => {
    const answers = {
      gesprekken: await typed(otherChat(), mia, 'gesprekken'),
      voorbereiding: await typed(otherChat(), mia, 'voorbereiding'),
      'gesprek plannen': await typed(otherChat(), mia, 'gesprek plannen'),
      teamverantwoording: await typed(otherChat(), mia, 'teamverantwoording'),
      'review.plan.open': await pressed(otherChat(), mia, 'review.plan.open', { reportId: 'aad-anna' }),
      'review.change.open': await pressed(otherChat(), mia, 'review.change.open', { reviewId: bramReviewId }),
      'review.cancel': await pressed(otherChat(), mia, 'review.cancel', { reviewId: bramReviewId }),
      // Refused for its input: the plan form would come back with every report to choose from.
      'review.plan.save (refused)': await pressed(otherChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: 'morgen', timeZone: 'Europe/Amsterdam', prepDays: '3' }),
    };
    const told = Object.fromEntries(Object.entries(answers).map(([asked, said]) => [asked, { pointed: said.includes(ELSEWHERE), leaked: LEAKS.exec(said)?.[0] ?? null }]));
    expect(told).toEqual(Object.fromEntries(Object.keys(answers).map((asked) => [asked, { pointed: true, leaked: null }])));
    expect((await reviews()).map((r) => ({ report: r.reportId, date: r.date }))).toEqual([{ report: 'aad-bram', date: '2026-12-10' }]);
  }, 120_000);

  it("answers the report's preview in her chat with a colleague only with where to go", async () => {
    const annaOther = t.conversation('personal', ANNA_OTHER_CHAT);
    const said = [await typed(annaOther, anna, 'wat ziet mijn leidinggevende'), await pressed(annaOther, anna, 'review.preview', {}), await typed(annaOther, anna, 'gesprek aanvragen')];
    expect(said.map((s) => ({ pointed: s.includes(ELSEWHERE), leaked: LEAKS.exec(s)?.[0] ?? null }))).toEqual(said.map(() => ({ pointed: true, leaked: null })));
  }, 120_000);

  it('answers in a group chat with where to go too, and in English to who chose English', async () => {
    const group = t.conversation('groupChat', '19:team-chat@thread.v2');
    const said = await typed(group, mia, 'gesprekken');
    expect({ pointed: said.includes(ELSEWHERE), leaked: LEAKS.exec(said)?.[0] ?? null }).toEqual({ pointed: true, leaked: null });

    await t.send(message(miaChat(), mia, 'taal en'));
    const english = await pressed(otherChat(), mia, 'review.change.open', { reviewId: bramReviewId });
    expect({ pointed: english.includes('only in your own chat with Lerend Werken'), leaked: LEAKS.exec(english)?.[0] ?? null }).toEqual({ pointed: true, leaked: null });
    await t.send(message(miaChat(), mia, 'taal nl'));
  }, 120_000);

  it("still answers all of it in Mia's own chat with the bot", async () => {
    expect(await typed(miaChat(), mia, 'gesprekken')).toContain('Bram');
    expect(await pressed(miaChat(), mia, 'review.change.open', { reviewId: bramReviewId })).toContain('Bram');
    expect(await pressed(miaChat(), mia, 'review.plan.open', { reportId: 'aad-anna' })).toContain('Anna');
    expect(await typed(t.conversation('personal', 'a:personal-anna'), anna, 'wat ziet mijn leidinggevende')).toContain(ANNA_NOTE);
  }, 120_000);
});
