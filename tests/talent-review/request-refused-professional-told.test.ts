/**
 * Found in review, stop 43. Anna asks Mia for a talentontwikkelgesprek. Teams refuses Mia's 1:1
 * chat for good (403: Mia blocked the bot, or the app is not installed for her). Anna had been told
 * "Je verzoek is naar Mia gestuurd. Zodra het gesprek gepland is, krijg je hier bericht." and
 * nothing ever corrected it: she waited for a plan that could not come, and Mia never heard of it.
 *
 * What must hold: once the outbox gives the request up as refused, Anna hears in her own chat, in
 * her language (Dewi, who reads English, in English), that it did not reach her manager; once,
 * however often the outbox is drained. The notice's outbox record is about Anna (her erasure
 * removes it), and no log line names either of them. The confirmation promises that notice. A
 * request Teams delivers brings no such notice.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, cem, dewi] = ['Anna', 'Cem', 'Dewi'].map(user) as [TestUser, TestUser, TestUser];
const ORG = [
  { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
  { id: 'aad-cem', name: 'Cem', managerId: 'aad-olga' },
  { id: 'aad-dewi', name: 'Dewi', managerId: 'aad-mia' },
  { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' },
  { id: 'aad-olga', name: 'Olga' },
];

describe('a request Teams refuses to deliver to the manager', () => {
  let t: TestApp;
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (who: TestUser, verb: string, data: Record<string, unknown>, locale = 'nl-NL') => (await t.send({ ...execute(chat(who), who, verb, data, 'card-1'), locale })).body.value;
  /** Everything the app sent to someone's own chats after their press, as text. */
  const followUps = (who: TestUser) => {
    const chats = [chat(who).id, t.connector.personalChats.get(`aad-${who.name.toLowerCase()}`)].filter(Boolean);
    return t.connector.calls
      .filter((c) => chats.includes(c.conversationId))
      .map((c) => [c.activity.text ?? '', ...(c.activity.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join('\n'));
  };
  const NOT_ARRIVED = 'Je verzoek om een talentontwikkelgesprek is niet aangekomen bij je leidinggevende';

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'request-refused-')), 'directory.json');
    writeFileSync(file, JSON.stringify({ users: ORG }));
    t = await startTestApp({ DIRECTORY_FILE: file }, '2026-11-23T08:00:00Z');
  }, 120_000);
  afterAll(() => t.stop());

  it('tells the professional once, in their own chat, that the request did not arrive', async () => {
    t.connector.blocked.add('aad-mia');
    const logsBefore = t.logs.length;
    const form = await press(anna, 'review.request.open', {});
    const sent = await press(anna, 'review.request.send', { ...buttonData(form, 'review.request.send'), text: 'Graag over mijn ontwikkeling' });
    expect(cardText(sent)).toContain('Je verzoek is naar Mia gestuurd.');
    expect(cardText(sent)).toContain('Kan Teams je verzoek niet afleveren bij je leidinggevende, dan hoor je dat ook hier.');
    await t.app.outbox.drain(60_000);
    await t.app.outbox.drain(60_000);

    // Mia got nothing: Teams refused her chat.
    expect(t.connector.cards().filter((c) => cardText(c.card).includes('Anna vraagt'))).toEqual([]);
    // Anna hears it once, in Dutch, in her own chat.
    expect(followUps(anna).filter((text) => text.includes(NOT_ARRIVED))).toHaveLength(1);

    // The notice's record is about Anna: her erasure takes it out of the outbox.
    const jobs = (await t.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources;
    const notice = jobs.find((j) => j.target?.kind === 'conversation' && j.target.conversationId === chat(anna).id);
    expect(notice?.about).toEqual(['aad-anna']);
    // Nothing logged names who asked whom.
    const logged = t.logs.slice(logsBefore).join('\n');
    expect(logged).toContain('talent review request not delivered');
    expect({ anna: logged.includes('aad-anna'), mia: logged.includes('aad-mia'), message: logged.includes('Graag over mijn') }).toEqual({ anna: false, mia: false, message: false });
  });

  it('tells it in the professional\'s language', async () => {
    const form = await press(dewi, 'review.request.open', {}, 'en-US');
    const sent = await press(dewi, 'review.request.send', { ...buttonData(form, 'review.request.send'), text: 'About my growth' }, 'en-US');
    expect(cardText(sent)).toContain('If Teams cannot deliver your request to your manager, you will hear that here too.');
    await t.app.outbox.drain(60_000);
    expect(followUps(dewi).filter((text) => text.includes('Your request for a talent development conversation did not reach your manager'))).toHaveLength(1);
  });

  it('tells nobody anything for a request that arrives', async () => {
    const form = await press(cem, 'review.request.open', {});
    await press(cem, 'review.request.send', buttonData(form, 'review.request.send'));
    await t.app.outbox.drain(60_000);
    expect(t.connector.cards().filter((c) => cardText(c.card).includes('Cem vraagt'))).toHaveLength(1);
    expect(followUps(cem).filter((text) => text.includes('niet aangekomen'))).toEqual([]);
  });
});
