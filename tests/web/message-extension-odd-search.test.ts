import { randomUUID } from 'node:crypto';
import { decide, judge, newProposal } from '../../src/domain/proposal/proposal';
import { defaultSchedule, Group } from '../../src/domain/week-cycle/group';
import { CosmosMembershipIndex } from '../../src/store/membership-index.repository';
import { CosmosGroupRepository, CosmosProposalRepository } from '../../src/store/week-cycle.repositories';
import { ConversationSpec, TestUser, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * "Zoek voorstellen" (the message extension's search) with odd terms and paging, member text that
 * looks like HTML or markdown, and from outside the group or another tenant: always an answer,
 * never a failure, and nothing of a group its caller is not in. (Found safe in review, stop 50.)
 */
const anna = user('Anna');
const bram = user('Bram');

function invoke(conv: ConversationSpec, from: TestUser, value: Record<string, unknown>, tenantId = conv.tenantId) {
  return {
    type: 'invoke', name: 'composeExtension/query', id: randomUUID(), channelId: 'msteams', serviceUrl: conv.serviceUrl, timestamp: new Date().toISOString(), locale: 'nl-NL',
    from: { id: from.id, aadObjectId: from.aadObjectId, name: from.name }, recipient: { id: '28:lerend-werken-bot', name: 'Lerend Werken' },
    conversation: { id: conv.id, conversationType: conv.type, tenantId, isGroup: conv.type !== 'personal' },
    channelData: { tenant: { id: tenantId }, source: { name: 'compose' } },
    value,
  };
}

describe('message extension search with odd input', () => {
  let t: TestApp;
  let chat: ConversationSpec;
  const query = (who: TestUser, term: unknown, options: Record<string, unknown> = { skip: 0, count: 25 }, tenantId?: string) =>
    t.send(invoke(chat, who, { commandId: 'zoekVoorstellen', parameters: [{ name: 'zoekterm', value: term }], queryOptions: options }, tenantId));

  beforeAll(async () => {
    t = await startTestApp({ ALLOWED_TENANT_IDS: 'tenant-1' });
    chat = t.conversation('groupChat');
    const g: Group = {
      id: 'g-zorg', tenantId: 'tenant-1', conversationId: '19:g-zorg@thread.v2', conversationKind: 'groupChat', name: '<b>Team</b> [Zorg](https://evil.example)',
      members: [anna, user('Cem'), user('Dewi')].map((m) => ({ id: m.aadObjectId, name: m.name, teamsId: m.id })),
      schedule: defaultSchedule('Europe/Amsterdam'), language: 'nl', plannedWeeks: 20, conversationRef: {}, cyclesStarted: 1, createdBy: anna.aadObjectId, createdAt: '2026-11-01T08:00:00Z',
    };
    await new CosmosGroupRepository(t.cosmos).create(g);
    await new CosmosMembershipIndex(t.cosmos).record(g.id, g.name, { joined: g.members.map((m) => m.id), left: [] }, g.createdAt);
    const at = new Date('2026-11-20T10:00:00Z');
    const p = newProposal({ id: 'g-zorg_w1_p', groupId: g.id, groupName: g.name, cycleId: 'g-zorg_w1', sessionId: 'g-zorg_w1_s3', title: '' }, at);
    const j = judge(p, { memberId: anna.aadObjectId, memberName: 'Anna', opinion: 'agree', reason: 'Goed', at: at.toISOString() });
    await new CosmosProposalRepository(t.cosmos).create(decide(p, [j], { verdict: 'accept', reason: 'Goed', ownWords: '', proposalText: 'MRK-ZORG <img src=x onerror=alert(1)> **vet** overdracht', present: 1, quorum: 0.5, firstStep: 'Anna maakt het formulier', decidedBy: anna.aadObjectId, at: at.toISOString() }));
  });
  afterAll(() => t.stop());

  it('odd terms (10 000 characters, HTML, markdown, a number, an object, null) answer 200 with a message or results, never a failure', async () => {
    for (const term of ['x'.repeat(10_000), '<script>alert(1)</script>', '**overdracht**', 42, { $ne: '' }, null, '', ' ', '\u0000\u202e']) {
      const res = await query(anna, term);
      expect({ term: String(term).slice(0, 20), status: res.status }).toEqual({ term: String(term).slice(0, 20), status: 200 });
      expect(res.body.composeExtension.text ?? '').not.toMatch(/misgegaan|failed|went wrong/i);
    }
  });

  it('odd paging (negative, huge, of the wrong type) stays bounded; 200 or the envelope 400, never a failure', async () => {
    for (const options of [{ skip: -5, count: -1 }, { skip: 1e12, count: 1e9 }, { skip: 'NaN', count: 'x' }, {}]) {
      const res = await query(anna, '', options);
      // A 400 is the envelope check refusing a shape Teams never sends (documented); never a 500.
      expect({ options, ok: res.status === 200 || res.status === 400 }).toEqual({ options, ok: true });
      if (res.status !== 200) continue;
      expect((res.body.composeExtension.attachments ?? []).length).toBeLessThanOrEqual(25);
    }
  });

  it('member text in a result is shown as text: the preview escapes HTML, the inserted card is valid and uses no markdown for the group name', async () => {
    const res = await query(anna, 'overdracht');
    const [hit] = res.body.composeExtension.attachments;
    expect(hit.preview.content.text).not.toMatch(/<img|<b>/);
    expect(cardProblems(hit.content)).toEqual([]);
  });

  it('someone outside the group, and the same member id under another tenant, find nothing of the group', async () => {
    const outsider = await query(bram, 'overdracht');
    expect(JSON.stringify(outsider.body ?? {})).not.toContain('MRK-ZORG');
    // With ALLOWED_TENANT_IDS set, another tenant's invoke is refused (403) and shows nothing.
    const otherTenant = await query(anna, 'overdracht', { skip: 0, count: 25 }, 'tenant-evil');
    expect(otherTenant.status).toBe(403);
    expect(JSON.stringify(otherTenant.body ?? {})).not.toContain('MRK-ZORG');
  });

  it('logged none of the proposal texts', () => {
    expect(t.logs.join('')).not.toMatch(/MRK-ZORG/);
  });
});
