import { newProposal, decide, judge } from '../../src/domain/proposal/proposal';
import { defaultSchedule, Group } from '../../src/domain/week-cycle/group';
import { CosmosMembershipIndex } from '../../src/store/membership-index.repository';
import { CosmosGroupRepository, CosmosProposalRepository } from '../../src/store/week-cycle.repositories';
import { ConversationSpec, TestUser, user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { extensionInvoke } from './support';

const anna = user('Anna');
const bram = user('Bram');
const LINK = 'https://teams.microsoft.com/l/message/19:groupchat-1@thread.v2/1763900000000?context=%7B%22contextType%22%3A%22chat%22%7D';

function group(id: string, name: string, members: TestUser[]): Group {
  return {
    id, tenantId: 'tenant-1', conversationId: `19:${id}@thread.v2`, conversationKind: 'groupChat', name,
    members: members.map((m) => ({ id: m.aadObjectId, name: m.name, teamsId: m.id })),
    schedule: defaultSchedule('Europe/Amsterdam'), language: 'nl', plannedWeeks: 20, conversationRef: {}, cyclesStarted: 1, createdBy: members[0]!.aadObjectId, createdAt: '2026-11-01T08:00:00Z',
  };
}

/**
 * "Bewaar in mijn verantwoording" on a message whose payload has one odd field (a null link, a
 * link too long to keep, a null content type): the whole payload was refused, and the dialog
 * opened empty, without the message's text. Found in review, stop 37.
 */
describe('message extension payloads with one odd field', () => {
  let t: TestApp;
  let chat: ConversationSpec;
  beforeAll(async () => {
    t = await startTestApp();
    chat = t.conversation('groupChat');
    const g = group('g-zorg', 'Team Zorg', [anna, bram, user('Cem')]);
    await new CosmosGroupRepository(t.cosmos).create(g);
    await new CosmosMembershipIndex(t.cosmos).record(g.id, g.name, { joined: g.members.map((m) => m.id), left: [] }, g.createdAt);
    const at = new Date('2026-11-20T10:00:00Z');
    const p = newProposal({ id: 'g-zorg_w1_p', groupId: 'g-zorg', groupName: 'Team Zorg', cycleId: 'g-zorg_w1', sessionId: 'g-zorg_w1_s3', title: '' }, at);
    const j = judge(p, { memberId: 'aad-bram', memberName: 'Bram', opinion: 'agree', reason: 'Goed', at: at.toISOString() });
    await new CosmosProposalRepository(t.cosmos).create(decide(p, [j], { verdict: 'accept', reason: 'Goed', ownWords: '', proposalText: 'Tien minuten overdracht.', present: 1, quorum: 0.5, firstStep: 'Formulier maken', decidedBy: 'aad-bram', at: at.toISOString() }));
  });
  afterAll(() => t.stop());

  const payload = (over: Record<string, unknown>) => ({
    id: '1763900000000', replyToId: null, createdDateTime: '2026-11-23T09:12:00.000Z', lastModifiedDateTime: null, deleted: false,
    subject: null, summary: null, importance: 'normal', locale: 'nl-nl', linkToMessage: LINK,
    body: { contentType: 'html', content: '<p>Vraag om feedback na elke dienst.</p>' },
    attachments: [], mentions: [], reactions: [], ...over,
  });

  it.each([
    ['linkToMessage null', { linkToMessage: null }],
    ['a link longer than the schema takes', { linkToMessage: `${LINK}&x=${'a'.repeat(4100)}` }],
    ['contentType null', { body: { contentType: null, content: '<p>Vraag om feedback na elke dienst.</p>' } }],
  ])('fetchTask keeps the message text when %s', async (_name, over) => {
    const res = await t.send(extensionInvoke(chat, anna, 'composeExtension/fetchTask', { commandId: 'bewaarInVerantwoording', commandContext: 'message', context: { theme: 'default' }, messagePayload: payload(over) }));
    expect(res.status).toBe(200);
    const card = res.body.task.value.card.content;
    const input = card.body.find((e: { id?: string }) => e.id === 'noteText');
    expect(input.value).toContain('Vraag om feedback na elke dienst.');
  });
});
