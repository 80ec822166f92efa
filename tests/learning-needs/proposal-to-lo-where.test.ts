/**
 * Stop 47: L&O's list of shared proposals (`voorstellen` / `proposals`) answers only in HR's own
 * 1:1 chat with the bot. In a group chat, a channel, or a 1:1 chat with a colleague (Teams calls
 * that "personal" too; its id is a thread's, "19:…") only where to go; someone who is not HR is
 * refused, with nothing of what is stored.
 */
import { execute, message, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const hanna = user('Hanna'); // HR/L&O
const anna = user('Anna');
const SECRET = 'OPGESLAGEN-VOORSTEL-TEKST';

describe('`voorstellen` outside HR\'s own chat with the bot', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z', {
      // One shared proposal of the tenant, so that a view that showed anything would show it.
      seed: async (cosmos) => {
        await cosmos.container('installations').items.create({
          id: 'plo_seeded', type: 'proposalToLo', tenantId: 'tenant-1', groupId: 'g1', proposalId: 'g1_w1_p', groupName: 'Team Zorg',
          proposal: { verdict: 'adapt', source: 'decision', text: SECRET, reason: 'r', firstStep: 's' },
          decidedAt: '2026-11-20T10:00:00.000Z', sharedAt: '2026-11-20T11:00:00.000Z', revision: 1, keys: [],
        });
      },
    });
  });
  afterAll(() => t?.stop());

  /** What the bot sent in a conversation after `from`: cards and texts. */
  const said = (conversationId: string, from: number) => {
    const calls = t.connector.calls.slice(from).filter((c) => c.conversationId === conversationId);
    return { cards: calls.flatMap((c) => (c.activity.attachments ?? []).map((a: { content: unknown }) => a.content)), texts: calls.map((c) => c.activity.text).filter(Boolean) as string[] };
  };

  it.each([
    ['a group chat', (t0: TestApp) => t0.conversation('groupChat', '19:plo-where-group@thread.v2')],
    ['a channel', (t0: TestApp) => t0.conversation('channel')],
    ['a 1:1 chat with a colleague', (t0: TestApp) => t0.conversation('personal', '19:hanna-anna@unq.gbl.spaces')],
  ] as const)('in %s HR gets only the pointer', async (_where, conv) => {
    const c = conv(t);
    const from = t.connector.calls.length;
    await t.send(message(c, hanna, 'voorstellen'));
    const out = said(c.id, from);
    const all = [...out.texts, ...out.cards.map(cardText)].join('\n');
    expect(all).toMatch(/eigen chat met de bot|own chat with the bot|eigen chat met Lerend Werken/);
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain('Team Zorg');
  });

  it('in a 1:1 chat with a colleague a pressed list or form button shows nothing stored either', async () => {
    const c = t.conversation('personal', '19:hanna-anna@unq.gbl.spaces');
    const res = await t.send(execute(c, hanna, 'proposalToLo.open', { id: 'plo_seeded' }, 'card-1'));
    expect(cardText(res.body.value)).not.toContain(SECRET);
    const list = await t.send(execute(c, hanna, 'proposalToLo.list', {}, 'card-1'));
    expect(cardText(list.body.value)).not.toContain(SECRET);
  });

  it('refuses someone who is not HR in their own chat: the command, the form and an answer, with nothing stored shown or changed', async () => {
    const own = t.conversation('personal', 'a:personal-anna');
    const from = t.connector.calls.length;
    await t.send(message(own, anna, 'voorstellen'));
    const out = said(own.id, from);
    expect(out.cards).toEqual([]);
    expect(out.texts).toEqual(['Alleen HR/L&O kan de gedeelde voorstellen lezen en beantwoorden.']);
    const form = await t.send(execute(own, anna, 'proposalToLo.open', { id: 'plo_seeded' }, 'card-1'));
    expect(cardText(form.body.value)).not.toContain(SECRET);
    const answer = await t.send(execute(own, anna, 'proposalToLo.answer', { id: 'plo_seeded', rev: 1, k: 'forged', answer: 'x'.repeat(30_000) }, 'card-1'));
    expect(cardText(answer.body.value)).not.toContain(SECRET);
    expect(cardText(answer.body.value)).toContain('Alleen HR/L&O');
    const stored = (await t.store.container('installations').item('plo_seeded', 'tenant-1').read()).resource;
    expect(stored.revision).toBe(1);
    expect(stored.answer).toBeUndefined();
  });

  it('shows HR the list in their own chat', async () => {
    const own = t.conversation('personal', 'a:personal-hanna');
    const from = t.connector.calls.length;
    await t.send(message(own, hanna, 'voorstellen'));
    expect(said(own.id, from).cards.map(cardText).join('\n')).toContain(SECRET);
  });
});
