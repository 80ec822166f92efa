/**
 * A member who chose English for themselves ("language en" in their 1:1 chat) is in a
 * Dutch group. The Prof-traject offer is a private message in their own 1:1 chat, where the app
 * speaks the person's own language (compose.ts localeFor: "In the 1:1 chat, the person's own
 * choice"); its button opens an English Prof-traject form. The offer itself was Dutch, in the
 * group's language. Found in review, stop 37.
 */
import { execute, message } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt } from './support';

describe('the Prof-traject offer in the 1:1 chat of someone who chose English', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T07:00:00Z');
    t.connector.roster = [anna, bram, cem];
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem]);
    await g.setUp('nl');
    await t.send(message(t.conversation('personal', 'a:personal-bram'), bram, 'language en'));
  });
  afterAll(() => t.stop());

  it('offers it in English, as the form its button opens is', async () => {
    await g.startCycle();
    await runAt(t, '2026-11-23T08:00:00Z');
    await runAt(t, '2026-11-23T09:00:00Z');
    const chat = t.connector.personalChats.get(bram.id)!;
    const offer = t.connector.cards((c) => c.method === 'POST' && c.conversationId === chat).map(({ card }) => card).find((c) => JSON.stringify(c).includes('verantwoording.traject.open'));
    expect(offer).toBeDefined();
    const form = await t.send(execute(t.conversation('personal', chat), bram, 'verantwoording.traject.open', {}, 'offer'));
    expect(cardText(form.body.value)).toMatch(/Prof-traject/);
    expect(cardText(form.body.value)).not.toMatch(/\bjouw|Opslaan\b/);
    expect(cardText(offer)).toContain('Sketch your Prof-traject');
  });
});
