import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const OFFER_VERB = 'verantwoording.traject.open';
const NAME = '[Bevestig je Teams-account](https://evil.example/login) **dringend**';

/** Every TextBlock's text in a card (Adaptive Cards read a TextBlock's text as Markdown). */
function textBlocks(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => textBlocks(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    Object.values(o).forEach((v) => textBlocks(v, out));
  }
  return out;
}

/**
 * Found in review, the Markdown group name finding (1). Anna names the group on its setup form
 * "[Bevestig je Teams-account](https://evil.example/login) **dringend**" and the group starts week 1.
 * Every member then gets the Prof-traject offer privately in their 1:1 chat: "Je groep ... is aan
 * de eerste week begonnen." That sentence was a TextBlock, which Teams renders as Markdown, so the
 * name became a link in a card the bot itself sends. It must hold that Cem's offer shows the name
 * as typed (a TextRun) and no text Teams reads as Markdown carries the link.
 */
describe('the Prof-traject offer shows the group name as plain text', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T07:00:00Z'); // Monday 08:00 in Amsterdam
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    t.connector.roster = g.members;
    const res = await g.press(anna, 'group.setup.save', {
      name: NAME,
      members: g.members.map((m) => m.aadObjectId).join(','),
      days: '1,2,3,4',
      startTime: '09:00',
      timeZone: 'Europe/Amsterdam',
      language: 'nl',
      weeks: '20',
    }, 'setup-card');
    g.groupId = res.value.actions[0].data.groupId;
  });
  afterAll(() => t.stop());

  it('never puts the name in Markdown text', async () => {
    await g.startCycle();
    for (const iso of ['2026-11-23T08:00:00Z', '2026-11-23T09:00:00Z']) {
      t.clock.set(iso);
      await t.app.scheduler.runDue();
      await t.app.outbox.drain(30_000);
    }
    const cemChat = t.connector.personalChats.get(cem.id);
    const offer = t.connector.cards((c) => c.conversationId === cemChat && c.method === 'POST').map((x) => x.card).find((card) => JSON.stringify(card).includes(OFFER_VERB));
    expect(offer).toBeDefined();
    expect(cardText(offer)).toContain('Bevestig je Teams-account');
    expect(textBlocks(offer).filter((text) => text.includes('evil.example'))).toEqual([]);
    expect(JSON.stringify(offer)).toContain(`{"type":"TextRun","text":"Je groep ${NAME.replace(/"/g, '\\"')} is aan de eerste week begonnen.`);
  });
});
