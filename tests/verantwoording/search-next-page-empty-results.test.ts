/**
 * Found in review, stop 43 (message extension). Teams asks "Zoek voorstellen" for more results
 * (queryOptions.skip = 25) when the person scrolls past a full page. When the hits ended on the
 * first page, the app answered the next page with a message, "Geen voorstellen gevonden in je
 * groepen.", which is false (the first page listed them) and is not a page of results. Past the
 * last hit it must answer an empty list of results.
 */
import { newProposal, decide, judge } from '../../src/domain/proposal/proposal';
import { defaultSchedule, Group } from '../../src/domain/week-cycle/group';
import { CosmosMembershipIndex } from '../../src/store/membership-index.repository';
import { CosmosGroupRepository, CosmosProposalRepository } from '../../src/store/week-cycle.repositories';
import { TestUser, user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { extensionInvoke } from './support';

const anna = user('Anna');

function group(id: string, name: string, members: TestUser[]): Group {
  return {
    id, tenantId: 'tenant-1', conversationId: `19:${id}@thread.v2`, conversationKind: 'groupChat', name,
    members: members.map((m) => ({ id: m.aadObjectId, name: m.name, teamsId: m.id })),
    schedule: defaultSchedule('Europe/Amsterdam'), language: 'nl', plannedWeeks: 20, conversationRef: {}, cyclesStarted: 1, createdBy: members[0]!.aadObjectId, createdAt: '2026-11-01T08:00:00Z',
  };
}

describe('the next page of a proposal search', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const g = group('g-zorg', 'Team Zorg', [anna, user('Bram'), user('Cem')]);
    await new CosmosGroupRepository(t.cosmos).create(g);
    await new CosmosMembershipIndex(t.cosmos).record(g.id, g.name, { joined: g.members.map((m) => m.id), left: [] }, g.createdAt);
    const proposals = new CosmosProposalRepository(t.cosmos);
    for (let w = 1; w <= 25; w++) {
      const at = new Date(Date.parse('2026-06-01T10:00:00Z') + w * 7 * 86_400_000);
      const p = newProposal({ id: `g-zorg_w${w}_p`, groupId: 'g-zorg', groupName: 'Team Zorg', cycleId: `g-zorg_w${w}`, sessionId: `g-zorg_w${w}_s3`, title: '' }, at);
      const j = judge(p, { memberId: 'aad-bram', memberName: 'Bram', opinion: 'agree', reason: 'Goed', at: at.toISOString() });
      await proposals.create(decide(p, [j], { verdict: 'accept', reason: 'Goed', ownWords: '', proposalText: `Overdracht, versie ${w}`, present: 1, quorum: 0.5, firstStep: 'Stap', decidedBy: 'aad-bram', at: at.toISOString() }));
    }
  });
  afterAll(() => t.stop());

  const search = async (skip: number) =>
    (await t.send(extensionInvoke(t.conversation('groupChat'), anna, 'composeExtension/query', { commandId: 'zoekVoorstellen', parameters: [{ name: 'zoekterm', value: 'overdracht' }], queryOptions: { skip, count: 25 } }))).body.composeExtension;

  it('answers an empty page of results past the last hit, not "no proposals found"', async () => {
    const first = await search(0);
    expect(first.type).toBe('result');
    expect(first.attachments).toHaveLength(25);
    const next = await search(25);
    expect(next).toEqual({ type: 'result', attachmentLayout: 'list', attachments: [] });
  });
});
