import { TestUser } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { TestApp } from '../support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

/** Day 1's answers (questions 1-6) that bring a group to its proposal, as the L&O tests give them. */
export const ANSWERS = ['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier', 'Een vaste tafel'];

/** Waits (bounded: 200 x 25 ms) until `find` returns something. */
export async function until<T>(find: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = await find();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`never came: ${what}`);
}

/** The Action.Execute with this verb anywhere in the card. */
export function executeButton(node: any, verb: string): any {
  if (!node || typeof node !== 'object') return undefined;
  if (node.type === 'Action.Execute' && node.verb === verb) return node;
  for (const v of Object.values(node)) {
    const hit = executeButton(v, verb);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * A new group of three in `chatId` with day 1 answered (`ANSWERS`, everyone checked in at 4): the
 * first two agree with the proposal (`reason`), the third decides on it (`decision`: the form's
 * decision fields), the first ends the session. Its proposal is `${g.groupId}_w1_p`, ready to share.
 */
export async function decidedGroup(t: TestApp, chatId: string, members: [TestUser, TestUser, TestUser], reason: string, decision: Record<string, string>): Promise<GroupDriver> {
  const [first, second, third] = members;
  const g = await new GroupDriver(t, t.conversation('groupChat', chatId), members).answeredOnDayOne(ANSWERS, { checkIn: 4 });
  const proposalId = `${g.groupId}_w1_p`;
  for (const who of [first, second]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason });
  await g.press(third, 'proposal.decide', { ...g.ids(), proposalId, ...decision });
  await g.end(first);
  return g;
}

/** The session summary posted in the group's chat, once it is there: its message id and card. */
export async function summaryIn(t: TestApp, g: GroupDriver): Promise<{ summaryId: string; summary: any }> {
  const found = await until(() => t.connector.cards((c) => c.method === 'POST' && c.conversationId === g.conv.id).find((c) => /Samenvatting/.test(cardText(c.card))), 'summary');
  return { summaryId: found.call.id, summary: found.card };
}
