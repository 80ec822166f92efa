/**
 * Found in review, stop 56 (fixed then: the search result card and the search text leave the first step out).
 *
 * README (stop 49): the first step "names who does what and stays with the group": the manager's
 * card, L&O's cards, HR's report and the member's own put-before preview all leave it out, also
 * where one member acts on the group's behalf. The message extension's "Zoek voorstellen" is the
 * same kind of act: one member inserts the group's record into any chat (a chat with their
 * manager, HR, another team). A group adopts the AI's draft with a first step that names two
 * colleagues; Anna searches from a chat with outsiders and inserts it.
 * Must hold: the inserted card (and the preview list) carry the decided text with its AI label and
 * one line that the first step stays in the group, never the step itself; searching a colleague's
 * commitment does not surface the record.
 */
import { randomUUID } from 'node:crypto';
import { decide, finishDrafting, judge, newProposal, startDrafting } from '../../src/domain/proposal/proposal';
import { defaultSchedule, Group } from '../../src/domain/week-cycle/group';
import { CosmosMembershipIndex } from '../../src/store/membership-index.repository';
import { CosmosGroupRepository, CosmosProposalRepository } from '../../src/store/week-cycle.repositories';
import { ConversationSpec, TestUser, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const anna = user('Anna');
const AI_TEXT = 'AI-TEKST: de overdracht begint aan een vaste tafel met een checklist.';
const FIRST_STEP = 'Bram belt maandag de leverancier en Cem regelt de tafel voor vrijdag';
const LABEL = 'Opgesteld door AI, aangenomen door de groep';
const STAYS = 'De eerste stap (wie doet wat, wanneer) blijft in de groep.';

function group(id: string, name: string, members: TestUser[]): Group {
  return {
    id, tenantId: 'tenant-1', conversationId: `19:${id}@thread.v2`, conversationKind: 'groupChat', name,
    members: members.map((m) => ({ id: m.aadObjectId, name: m.name, teamsId: m.id })),
    schedule: defaultSchedule('Europe/Amsterdam'), language: 'nl', plannedWeeks: 20, conversationRef: {}, cyclesStarted: 1, createdBy: members[0]!.aadObjectId, createdAt: '2026-11-01T08:00:00Z',
  };
}

describe('the message extension leaves the first step with the group', () => {
  let t: TestApp;
  let elsewhere: ConversationSpec;

  beforeAll(async () => {
    t = await startTestApp();
    elsewhere = t.conversation('groupChat', '19:chat-with-outsiders@thread.v2');
    const g = group('g-zorg', 'Team Zorg', [anna, user('Bram'), user('Cem')]);
    await new CosmosGroupRepository(t.cosmos).create(g);
    await new CosmosMembershipIndex(t.cosmos).record(g.id, g.name, { joined: g.members.map((m) => m.id), left: [] }, g.createdAt);
    const at = new Date('2026-11-20T10:00:00Z');
    const fresh = newProposal({ id: 'g-zorg_w1_p', groupId: 'g-zorg', groupName: 'Team Zorg', cycleId: 'g-zorg_w1', sessionId: 'g-zorg_w1_s3', title: '' }, at);
    const drafting = startDrafting(fresh, 'aad-anna', at).proposal;
    const drafted = finishDrafting(drafting, { ok: true, draft: { proposal: AI_TEXT, assumptions: ['a'], risks: ['r'], questionsToCheck: ['q'] } }, at);
    const j = judge(drafted, { memberId: 'aad-bram', memberName: 'Bram', opinion: 'agree', reason: 'Goed', at: at.toISOString() });
    const decided = decide(drafted, [j], { verdict: 'accept', reason: 'Eenvoudig', ownWords: '', proposalText: AI_TEXT, present: 1, quorum: 0.5, firstStep: FIRST_STEP, decidedBy: 'aad-bram', at: at.toISOString() });
    expect(decided.ai.status).toBe('drafted');
    await new CosmosProposalRepository(t.cosmos).create(decided);
  });
  afterAll(() => t.stop());

  async function search(term: string): Promise<{ cards: string[]; previews: string[] }> {
    const res = await t.send({
      type: 'invoke', name: 'composeExtension/query', id: randomUUID(), channelId: 'msteams', serviceUrl: elsewhere.serviceUrl, timestamp: new Date().toISOString(), locale: 'nl-NL',
      from: { id: anna.id, aadObjectId: anna.aadObjectId, name: anna.name },
      recipient: { id: '28:lerend-werken-bot', name: 'Lerend Werken' },
      conversation: { id: elsewhere.id, conversationType: 'groupChat', tenantId: elsewhere.tenantId, isGroup: true },
      channelData: { tenant: { id: elsewhere.tenantId }, source: { name: 'compose' } },
      value: { commandId: 'zoekVoorstellen', parameters: [{ name: 'zoekterm', value: term }], queryOptions: { skip: 0, count: 25 } },
    });
    const attachments: { content: object; preview: { content: { title: string; subtitle: string; text: string } } }[] = res.body.composeExtension?.attachments ?? [];
    return { cards: attachments.map((a) => cardText(a.content)), previews: attachments.map((a) => `${a.preview.content.title}\n${a.preview.content.subtitle}\n${a.preview.content.text}`) };
  }

  it('inserts the adopted AI draft under its label, without the first step that names who does what', async () => {
    const { cards, previews } = await search('overdracht');
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain(AI_TEXT);
    expect(cards[0]).toContain(LABEL);
    expect(cards[0]).toContain(STAYS);
    expect(previews[0]).toContain(LABEL);
    // The card Anna inserts into a chat with outsiders: Bram's and Cem's commitments stay with the group.
    expect({ inserted: cards[0]!.includes('Bram belt'), preview: previews[0]!.includes('Bram belt') }).toEqual({ inserted: false, preview: false });
  });

  it('does not find the group\'s record by what a colleague committed to in its first step', async () => {
    const { cards } = await search('leverancier');
    expect(cards).toEqual([]);
  });
});
