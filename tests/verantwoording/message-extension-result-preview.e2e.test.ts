/**
 * The search result preview never shows half a character.
 * Problem this guards against: the preview Teams lists before inserting a proposal cut the text at
 * 120 UTF-16 units with String.slice, so an emoji at the cut became a lone surrogate, shown as "�".
 * It is now cut on a whole character, with "…" to say there is more.
 * And it never formats what a member wrote: Teams reads a thumbnail card's text as HTML, so a
 * proposal holding `<a href=...>` showed a link (or any markup) in other members' result lists.
 */
import { randomUUID } from 'node:crypto';
import { newProposal, decide, judge } from '../../src/domain/proposal/proposal';
import { defaultSchedule, Group } from '../../src/domain/week-cycle/group';
import { CosmosMembershipIndex } from '../../src/store/membership-index.repository';
import { CosmosGroupRepository, CosmosProposalRepository } from '../../src/store/week-cycle.repositories';
import { ConversationSpec, TestUser, user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';

const anna = user('Anna');

function group(id: string, name: string, members: TestUser[]): Group {
  return {
    id, tenantId: 'tenant-1', conversationId: `19:${id}@thread.v2`, conversationKind: 'groupChat', name,
    members: members.map((m) => ({ id: m.aadObjectId, name: m.name, teamsId: m.id })),
    schedule: defaultSchedule('Europe/Amsterdam'), language: 'nl', plannedWeeks: 20, conversationRef: {}, cyclesStarted: 1, createdBy: members[0]!.aadObjectId, createdAt: '2026-11-01T08:00:00Z',
  };
}

describe('the message extension\'s result preview', () => {
  let t: TestApp;
  let chat: ConversationSpec;
  const EMOJI_TEXT = `${'a'.repeat(119)}😀 en verder`;
  const SHORT_TEXT = 'Korte overdracht 😀';
  const MARKUP_TEXT = 'Lees <a href="https://example.test/x">dit</a> & <b>doe</b> het';

  beforeAll(async () => {
    t = await startTestApp();
    chat = t.conversation('groupChat');
    const g = group('g-zorg', 'Team Zorg', [anna, user('Bram'), user('Cem')]);
    await new CosmosGroupRepository(t.cosmos).create(g);
    await new CosmosMembershipIndex(t.cosmos).record(g.id, g.name, { joined: g.members.map((m) => m.id), left: [] }, g.createdAt);
    const proposals = new CosmosProposalRepository(t.cosmos);
    for (const [week, text, day] of [[1, EMOJI_TEXT, '20'], [2, SHORT_TEXT, '27'], [3, MARKUP_TEXT, '28']] as const) {
      const at = new Date(`2026-11-${day}T10:00:00Z`);
      const p = newProposal({ id: `g-zorg_w${week}_p`, groupId: 'g-zorg', groupName: 'Team Zorg', cycleId: `g-zorg_w${week}`, sessionId: `g-zorg_w${week}_s3`, title: '' }, at);
      const j = judge(p, { memberId: 'aad-bram', memberName: 'Bram', opinion: 'agree', reason: 'Goed', at: at.toISOString() });
      await proposals.create(decide(p, [j], { verdict: 'accept', reason: 'Goed', ownWords: '', proposalText: text, present: 1, quorum: 0.5, firstStep: 'Stap', decidedBy: 'aad-bram', at: at.toISOString() }));
    }
  });
  afterAll(() => t.stop());

  async function previews(): Promise<string[]> {
    const res = await t.send({
      type: 'invoke', name: 'composeExtension/query', id: randomUUID(), channelId: 'msteams', serviceUrl: chat.serviceUrl, timestamp: new Date().toISOString(), locale: 'nl-NL',
      from: { id: anna.id, aadObjectId: anna.aadObjectId, name: anna.name },
      recipient: { id: '28:lerend-werken-bot', name: 'Lerend Werken' },
      conversation: { id: chat.id, conversationType: 'groupChat', tenantId: chat.tenantId, isGroup: true },
      channelData: { tenant: { id: chat.tenantId }, source: { name: 'message' } },
      value: { commandId: 'zoekVoorstellen', parameters: [{ name: 'zoekterm', value: '' }], queryOptions: { skip: 0, count: 25 } },
    });
    const result = (res.body as { composeExtension: { attachments: { preview: { content: { text: string } } }[] } }).composeExtension;
    return result.attachments.map((a) => a.preview.content.text);
  }

  it('cuts a long text on a whole character, never half an emoji, and marks the cut with "…"', async () => {
    const long = (await previews()).find((x) => x.startsWith('aaa'))!;
    expect(long).toBeDefined();
    // The emoji "😀" is two UTF-16 units; a lone high surrogate would show as "�".
    expect(/[\uD800-\uDBFF]…?$/.test(long)).toBe(false);
    expect(long).toBe(`${'a'.repeat(119)}…`);
  });

  it('shows a short text whole, without "…"', async () => {
    expect(await previews()).toContain(SHORT_TEXT);
  });

  it('shows markup in a member\'s text as the characters they typed, never as a link or formatting', async () => {
    expect(await previews()).toContain('Lees &lt;a href="https://example.test/x"&gt;dit&lt;/a&gt; &amp; &lt;b&gt;doe&lt;/b&gt; het');
  });
});
