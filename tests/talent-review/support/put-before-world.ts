import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, TestUser, user } from '../../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../../support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

/** Anna, Bram and Cem, whose manager Mia is: the group whose adapted proposal Anna puts before her. */
export const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
export const mia = user('Mia');
export const MANAGER_CARD = /A proposal for you|Een voorstel voor jou/;
export const NOTICE = /Antwoord op je voorstel|An answer to your proposal/;
export const ERROR_TITLE = /Dat lukte niet|That didn't work/;
const ANSWERS = ['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier', 'Een vaste tafel'];

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  const users = [
    { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
    { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
    { id: 'aad-cem', name: 'Cem', managerId: 'aad-mia' },
    { id: 'aad-mia', name: 'Mia' },
  ];
  writeFileSync(file, JSON.stringify({ users }));
  return file;
}

/**
 * The app with a Cosmos proxy, Mia in English, and a group that adapted its proposal in its chat
 * `chatId` (two "eens", then Cem's decision), ready to be put before Mia.
 */
export async function startPutBeforeApp(chatId: string): Promise<{ t: TestApp; group: { groupId: string; proposalId: string } }> {
  const t = await startTestApp({ DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES, sharedCardIntervalMs: 0 });
  await t.send(message(t.conversation('personal', 'a:personal-mia'), mia, 'taal en'));
  const g = await new GroupDriver(t, t.conversation('groupChat', chatId), [anna, bram, cem]).answeredOnDayOne(ANSWERS, { checkIn: 4 });
  const proposalId = `${g.groupId}_w1_p`;
  for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed te doen' });
  await g.press(cem, 'proposal.decide', { ...g.ids(), proposalId, decisionReason: 'reden', decision: 'adapt', adoptedText: 'EIGEN-WOORDEN', firstStep: 'stap' });
  await g.end(anna);
  return { t, group: { groupId: g.groupId, proposalId } };
}

/** What the tests do and read in that world; `app` and `group` are read when called (set in beforeAll). */
export function putBeforeHelpers(app: () => TestApp, group: () => { groupId: string; proposalId: string }) {
  const chat = (who: TestUser) => app().conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const send = async (who: TestUser, verb: string, data: Record<string, unknown>, activityId?: string) => (await app().send(execute(chat(who), who, verb, data, 'card-1', activityId))).body.value;
  return {
    chat,
    send,
    cardsTo: (aadId: string, kind: RegExp) => app().connector.cards((c) => c.conversationId === app().connector.personalChats.get(aadId)).map((c) => c.card).filter((card) => kind.test(cardText(card))),
    records: async (userId: string): Promise<any[]> =>
      (await app().store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'proposalToManager'", parameters: [] }, { partitionKey: userId }).fetchAll()).resources,
    openForm: (who: TestUser) => send(who, 'review.proposalToManager.open', group()),
    outboxFails: (r: { kind: string; container?: string }) => (r.container === 'outbox' && r.kind !== 'metadata' ? ({ kind: 'status', status: 503 } as const) : undefined),
  };
}
