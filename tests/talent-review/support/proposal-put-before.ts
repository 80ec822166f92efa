/**
 * The set-up of "a group adopts a proposal and a member puts it before their manager" (stop 44),
 * for the tests of that feature: a directory that names the managers, a group of three that
 * adapts its proposal in its own words, the member's form opened from their chat overview and
 * sent, and the manager's answer on the card the outbox brought them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, TestUser, user } from '../../support/activities';
import { buttonData } from '../../support/card-fields';
import { cardText, GroupDriver } from '../../support/group-driver';
import { startTestApp, TestApp } from '../../support/test-app';

/** A card's JSON as the recording connector gives it (untyped: the tests read what they check). */
export type Card = ReturnType<TestApp['connector']['cards']>[number]['card'];

/** What a group decided on, by the ids the form's buttons carry. */
export interface DecidedProposalIds {
  groupId: string;
  proposalId: string;
}

/** A directory file (DIRECTORY_FILE) with these people and their managers. */
export function directoryFile(users: { id: string; name: string; managerId?: string }[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  writeFileSync(file, JSON.stringify({ users }));
  return file;
}

export const ADOPTED = {
  answers: ['Overdracht', 'Info', 'Tijd', 'Korter', 'Formulier', 'Tafel'],
  text: 'EIGEN-WOORDEN: de overdracht doen we samen aan het bed.',
  reason: 'Iedereen hoort hetzelfde',
  firstStep: 'Rooster aanpassen',
} as const;

/**
 * Three members answer day one, the first two agree with the proposal, the third decides (by
 * default: adapted in the group's own words, `ADOPTED`), and the first ends the session.
 */
export async function groupDecides(t: TestApp, chatId: string, members: readonly [TestUser, TestUser, TestUser], decision: Record<string, string> = {}, answers: readonly string[] = ADOPTED.answers): Promise<DecidedProposalIds> {
  const g = await new GroupDriver(t, t.conversation('groupChat', chatId), [...members]).answeredOnDayOne([...answers], { checkIn: 4 });
  const proposalId = `${g.groupId}_w1_p`;
  for (const who of members.slice(0, 2)) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed' });
  await g.press(members[2], 'proposal.decide', { ...g.ids(), proposalId, decision: 'adapt', adoptedText: ADOPTED.text, decisionReason: ADOPTED.reason, firstStep: ADOPTED.firstStep, ...decision });
  await g.end(members[0]);
  return { groupId: g.groupId, proposalId };
}

/** The person's 1:1 chat with the bot, as the tests address it. */
export const personalChat = (t: TestApp, who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);

/** A press on a card in the person's 1:1 chat; what the bot answered with (a card). */
export async function pressIn(t: TestApp, who: TestUser, verb: string, data: Record<string, unknown>, activityId?: string): Promise<Card> {
  return (await t.send(execute(personalChat(t, who), who, verb, data, 'card-1', activityId))).body.value;
}

/** The chat overview ("verantwoording") the person asks for. */
export async function chatOverview(t: TestApp, who: TestUser): Promise<Card> {
  return cardAfterCommand(t, who, 'verantwoording');
}

/** The person types `command` in their 1:1 chat ("teamverantwoording", "gesprek aanvragen"); the latest card the chat holds then (the form it answers with). */
export async function cardAfterCommand(t: TestApp, who: TestUser, command: string): Promise<Card> {
  await t.send(message(personalChat(t, who), who, command));
  return t.connector.cards((c) => c.conversationId === personalChat(t, who).id).at(-1)?.card;
}

/**
 * The member opens the form from their chat overview (its first "Voorleggen" button) and sends it,
 * with their own words if given; returns the card the send answered with. The manager's card is
 * then in the outbox (`managerCardAbout` drains it).
 */
export async function putBeforeManager(t: TestApp, who: TestUser, words?: string): Promise<Card> {
  const form = await pressIn(t, who, 'review.proposalToManager.open', buttonData(await chatOverview(t, who), 'review.proposalToManager.open'));
  return pressIn(t, who, 'review.proposalToManager.send', { ...buttonData(form, 'review.proposalToManager.send'), ...(words ? { words } : {}) });
}

/** The latest card the manager got (in Dutch) about this member, once the outbox has sent what it holds. */
export async function managerCardAbout(t: TestApp, managerAadId: string, member: TestUser): Promise<Card> {
  await t.app.outbox.drain(60_000);
  return t.connector
    .cards((c) => c.conversationId === t.connector.personalChats.get(managerAadId))
    .map((c) => c.card)
    .filter((c) => cardText(c).includes(`${member.name} legt je een voorstel voor`))
    .at(-1);
}

/** The manager answers on that card (in their own 1:1 chat); the outbox then brings the member the notice. Returns the card the answer press got. */
export async function answerAsManager(t: TestApp, manager: TestUser, card: Card, answer: string): Promise<Card> {
  const answered = await pressIn(t, manager, 'review.proposalToManager.answer', { ...buttonData(card, 'review.proposalToManager.answer'), answer });
  await t.app.outbox.drain(60_000);
  return answered;
}

/** The app with Anna reporting to Mia (and Mia to Olga): the world of the tests of Anna's request for a conversation. */
export function startRequestApp(anna: TestUser, mia: TestUser): Promise<TestApp> {
  const directory = directoryFile([
    { id: anna.aadObjectId, name: 'Anna', managerId: mia.aadObjectId },
    { id: mia.aadObjectId, name: 'Mia', managerId: 'aad-olga' },
    { id: 'aad-olga', name: 'Olga' },
  ]);
  return startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
}

/** Mia manages Anna and Eva, Olga manages Mia: the directory of the tests of the talent-review forms. */
export const MIAS_TEAM = [
  { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
  { id: 'aad-eva', name: 'Eva', managerId: 'aad-mia' },
  { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' },
  { id: 'aad-olga', name: 'Olga' },
];

/** The app on the test server, its clock at Monday 23 November 2026, with Mia's team (and `others`, after it) in its directory. */
export function startMiasTeamApp(others: { id: string; name: string; managerId?: string }[] = []): Promise<TestApp> {
  return startTestApp({ DIRECTORY_FILE: directoryFile([...MIAS_TEAM, ...others]) }, '2026-11-23T08:00:00Z');
}

/**
 * The app on the test server, its clock at Monday 23 November 2026, with a directory where Mia
 * (managed by nobody) manages the people named `team` (as `user(name)` has them: Anna is `aad-anna`):
 * the world of the tests of the account Mia sends her team.
 */
export function startMiaManagingApp(team: readonly string[], opts: Parameters<typeof startTestApp>[2] = {}): Promise<TestApp> {
  const directory = directoryFile([...team.map(user).map((m) => ({ id: m.aadObjectId, name: m.name, managerId: 'aad-mia' })), { id: 'aad-mia', name: 'Mia' }]);
  return startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', opts);
}
