/**
 * The message extension speaks the language of the person's Teams client when they chose none.
 * Problem this guards against: Teams shows the extension's commands in English to someone whose
 * Teams is in English (appPackage/en.json "Save to my accountability"), and the tab follows that
 * language too, but the dialog, its labels, refusals and the search answers came out in Dutch
 * unless the person had once typed "language en" in the bot chat: nothing read activity.locale.
 * A language chosen in the chat still wins over the client's.
 */
import { randomUUID } from 'node:crypto';
import { defaultSchedule, Group } from '../../src/domain/week-cycle/group';
import { CosmosMembershipIndex } from '../../src/store/membership-index.repository';
import { CosmosGroupRepository } from '../../src/store/week-cycle.repositories';
import { ConversationSpec, TestUser, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat } from './support';

const anna = user('Anna');
const olaf = user('Olaf'); // in no group
const sam = user('Sam'); // chooses Dutch in the chat, uses an English Teams

function invoke(conv: ConversationSpec, from: TestUser, name: string, value: Record<string, unknown>, locale: string) {
  return {
    type: 'invoke', name, id: randomUUID(), channelId: 'msteams', serviceUrl: conv.serviceUrl, timestamp: new Date().toISOString(), locale,
    from: { id: from.id, aadObjectId: from.aadObjectId, name: from.name },
    recipient: { id: '28:lerend-werken-bot', name: 'Lerend Werken' },
    conversation: { id: conv.id, conversationType: conv.type, tenantId: conv.tenantId, isGroup: conv.type !== 'personal' },
    channelData: { tenant: { id: conv.tenantId }, source: { name: 'message' } },
    value,
  };
}

function group(id: string, name: string, members: TestUser[]): Group {
  return {
    id, tenantId: 'tenant-1', conversationId: `19:${id}@thread.v2`, conversationKind: 'groupChat', name,
    members: members.map((m) => ({ id: m.aadObjectId, name: m.name, teamsId: m.id })),
    schedule: defaultSchedule('Europe/Amsterdam'), language: 'nl', plannedWeeks: 20, conversationRef: {}, cyclesStarted: 1, createdBy: members[0]!.aadObjectId, createdAt: '2026-11-01T08:00:00Z',
  };
}

describe('the message extension in the language of Teams', () => {
  let t: TestApp;
  let chat: ConversationSpec;
  const fetchTask = (from: TestUser, locale: string) =>
    t.send(invoke(chat, from, 'composeExtension/fetchTask', { commandId: 'bewaarInVerantwoording', commandContext: 'compose', context: { theme: 'default' } }, locale));
  const search = (from: TestUser, locale: string) =>
    t.send(invoke(chat, from, 'composeExtension/query', { commandId: 'zoekVoorstellen', parameters: [{ name: 'zoekterm', value: 'overdracht' }], queryOptions: { skip: 0, count: 25 } }, locale));
  type Dialog = { task: { value: { title: string; card: { content: unknown } } } };

  beforeAll(async () => {
    t = await startTestApp();
    chat = t.conversation('groupChat');
    const g = group('g-zorg', 'Team Zorg', [anna, user('Bram'), user('Cem')]);
    await new CosmosGroupRepository(t.cosmos).create(g);
    await new CosmosMembershipIndex(t.cosmos).record(g.id, g.name, { joined: g.members.map((m) => m.id), left: [] }, g.createdAt);
  });
  afterAll(() => t.stop());

  it('opens the save dialog in English, labels included, for someone whose Teams is in English', async () => {
    const res = await fetchTask(anna, 'en-US');
    expect(res.status).toBe(200);
    const body = res.body as Dialog;
    expect(body.task.value.title).toBe('Save to my accountability');
    // Opened from the compose box: no message to speak of (stop 45, message-extension-dialog-wording.test.ts).
    expect(cardText(body.task.value.card.content)).toContain('Write a note for My accountability.');
  });

  it('opens it in Dutch for a Dutch Teams, and in the default language for a language the app does not speak', async () => {
    expect(((await fetchTask(anna, 'nl-BE')).body as Dialog).task.value.title).toBe('Bewaar in mijn verantwoording');
    expect(((await fetchTask(anna, 'de-DE')).body as Dialog).task.value.title).toBe('Bewaar in mijn verantwoording');
  });

  it('answers a search by someone in no group in the language of their Teams', async () => {
    expect(((await search(olaf, 'en-US')).body as { composeExtension: unknown }).composeExtension).toEqual({ type: 'message', text: 'You are not a member of a Vital Week Cycle group yet, so there are no proposals to search.' });
    expect(((await search(olaf, 'nl-NL')).body as { composeExtension: { text: string } }).composeExtension.text).toContain('Vitale Weekcyclus');
  });

  it('keeps the language chosen in the chat ("taal nl") over the language of Teams', async () => {
    await new PersonalChat(t, sam).say('taal nl', 'en-US');
    expect(((await fetchTask(sam, 'en-US')).body as Dialog).task.value.title).toBe('Bewaar in mijn verantwoording');
  });
});
