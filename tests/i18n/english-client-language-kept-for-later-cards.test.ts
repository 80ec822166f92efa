/**
 * Stop 68 (a reviewer's probe, kept): a professional and their manager whose Teams client is
 * English (activity locale en-US on every message and press) and who never typed `language en`.
 * README (DEFAULT_LANGUAGE): "in the 1:1 chat a person's own choice, else their Teams client's
 * language, comes first". The app kept no one's Teams client language, so every card sent to a
 * person outside their own turn (the outbox's) spoke the default: the manager's "Verzoek om een
 * talentontwikkelgesprek" with "Gesprek plannen", sent after her report asked, came in Dutch.
 * Must hold: a person's own turn keeps their Teams client's language on their preferences (their
 * own partition), written only when it changes what later texts speak (once per person); later
 * texts speak their chosen language, else that one, else the default; a chosen `taal nl` wins
 * over an English client; their export lists it and their erasure removes it.
 */
import { execute, message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile, personalChat, pressIn } from '../talent-review/support/proposal-put-before';
import { eraseInChat } from '../verantwoording/support';
import { dutchIn, NAMES } from './english-scan';
import { preferencesId } from '../../src/domain/verantwoording/preferences';

/* eslint-disable @typescript-eslint/no-explicit-any */
const [anna, mia] = ['Anna', 'Mia'].map(user) as [TestUser, TestUser];
const EN = 'en-US';

function executes(card: any): { verb: string; data: Record<string, unknown> }[] {
  const out: { verb: string; data: Record<string, unknown> }[] = [];
  const walk = (n: any): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    if (n.type === 'Action.Execute' && typeof n.verb === 'string') out.push({ verb: n.verb, data: n.data ?? {} });
    Object.values(n).forEach(walk);
  };
  walk(card);
  return out;
}

describe('an English Teams client in its own chat, no language chosen', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile([{ id: anna.aadObjectId, name: 'Anna', managerId: mia.aadObjectId }, { id: mia.aadObjectId, name: 'Mia' }]) }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t?.stop());

  it('meets no Dutch in any answer to a command or a press, nor in the cards sent to them later', async () => {
    const found: string[] = [];
    const seen = new Set<string>();
    const scan = (who: TestUser, what: string, node: unknown) => {
      for (const f of dutchIn(node, NAMES)) found.push(`${who.name} ${what}: ${f}`.slice(0, 260));
    };
    const pressAll = async (who: TestUser, card: any, depth: number) => {
      for (const { verb, data } of executes(card)) {
        if (seen.has(verb) || /erase|delete|wis/i.test(verb)) continue;
        seen.add(verb);
        const res = await t.send({ ...execute(personalChat(t, who), who, verb, data, 'card-1'), locale: EN });
        scan(who, `press ${verb}`, res.body);
        if (depth > 0 && res.body?.value?.type === 'AdaptiveCard') await pressAll(who, res.body.value, depth - 1);
      }
    };
    const commands: [TestUser, string][] = [
      [anna, 'help'], [anna, 'accountability'], [anna, 'note'], [anna, 'note Learned 😊 a lot'], [anna, 'my data'],
      [anna, 'what does my manager see'], [anna, 'request conversation'], [anna, 'language'], [anna, 'gibberish'],
      [mia, 'plan review'], [mia, 'prep'], [mia, 'account to team'], [mia, 'accountability'],
    ];
    // Mia used the app once before Anna asks (unlike the probe): the request's card is rendered
    // when Anna's press queues it, and of a manager who never spoke to the bot nothing tells the
    // language then (she gets the default).
    await t.send({ ...message(personalChat(t, mia), mia, 'help'), locale: EN });
    for (const [who, text] of commands) {
      const chat = personalChat(t, who);
      const before = t.connector.calls.length;
      await t.send({ ...message(chat, who, text), locale: EN });
      const replies = t.connector.calls.slice(before).filter((c) => c.conversationId === chat.id).map((c) => c.activity);
      scan(who, `"${text}"`, replies);
      for (const r of replies) for (const a of r.attachments ?? []) await pressAll(who, a.content, 1);
    }
    await t.app.outbox.drain(60_000);
    for (const who of [anna, mia]) {
      const chatId = t.connector.personalChats.get(who.aadObjectId);
      if (chatId) scan(who, 'later', t.connector.calls.filter((c) => c.conversationId === chatId).map((c) => c.activity));
    }
    const toMia = JSON.stringify(t.connector.calls.filter((c) => c.conversationId === t.connector.personalChats.get(mia.aadObjectId)).map((c) => c.activity));
    expect({ pressed: seen.size > 5, requestCardToMia: toMia.includes('Request for a talent development conversation'), dutch: [...new Set(found)] }).toEqual({ pressed: true, requestCardToMia: true, dutch: [] });
  }, 300_000);
});

const WRITES = new Set(['create', 'upsert', 'replace', 'delete', 'batch']);
const SEND = 'review.request.send';

describe("an English Teams client's language, kept for what is sent later", () => {
  let t: TestApp;
  const [bram, gus, fay, hans] = ['Bram', 'Gus', 'Fay', 'Hans'].map(user) as [TestUser, TestUser, TestUser, TestUser];
  const say = async (who: TestUser, text: string, locale: string) => expect((await t.send({ ...message(personalChat(t, who), who, text), locale })).status).toBe(200);
  /** Runs `work` and counts the writes to people's own partitions (the `personal` container). */
  const personalWrites = async (work: () => Promise<unknown>) => {
    let writes = 0;
    await t.proxy!.withFaults((req) => {
      if (req.container === 'personal' && WRITES.has(req.kind)) writes++;
      return undefined;
    }, work);
    return writes;
  };
  const prefsOf = async (who: TestUser) => (await t.store.container('personal').item(preferencesId(who.aadObjectId), who.aadObjectId).read()).resource as Record<string, unknown> | undefined;
  const exportOf = async (who: TestUser) => {
    const { token } = await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: who.aadObjectId }) })).json();
    return (await fetch(`${t.app.url}/api/verantwoording/export`, { headers: { authorization: `Bearer ${token}` } })).json();
  };
  /** What reached `who`'s own chat from the outbox, as text. */
  const ownChatText = (who: TestUser) => {
    const chatId = t.connector.personalChats.get(who.aadObjectId);
    return t.connector.calls.filter((c) => c.conversationId === chatId).map((c) => `${c.activity?.summary ?? ''} ${(c.activity?.attachments ?? []).map((a: any) => cardText(a.content)).join(' ')}`).join(' | ');
  };

  beforeAll(async () => {
    t = await startTestApp(
      { DIRECTORY_FILE: directoryFile([{ id: bram.aadObjectId, name: 'Bram', managerId: gus.aadObjectId }, { id: gus.aadObjectId, name: 'Gus' }, { id: fay.aadObjectId, name: 'Fay' }, { id: hans.aadObjectId, name: 'Hans' }]) },
      '2026-11-23T08:00:00Z',
      { proxy: true },
    );
  }, 60_000);
  afterAll(() => t?.stop());

  it('is written once: on the first own turn that tells it, not again while it stays; a Dutch client (the default) writes nothing', async () => {
    expect(await personalWrites(() => say(fay, 'help', 'en-US'))).toBe(1);
    expect(await prefsOf(fay)).toMatchObject({ type: 'preferences', userId: fay.aadObjectId, clientLanguage: 'en' });
    expect(await personalWrites(() => say(fay, 'help', 'en-GB'))).toBe(0);
    expect(await personalWrites(() => t.send({ ...execute(personalChat(t, fay), fay, 'review.request.open', {}, 'card-1'), locale: 'en-US' }))).toBe(0);
    expect(await personalWrites(() => say(hans, 'help', 'nl-NL'))).toBe(0);
    expect(await prefsOf(hans)).toBeUndefined();
  });

  it('a chosen `taal nl` wins over an English client: the card sent to the manager later is Dutch', async () => {
    await say(gus, 'help', 'en-US');
    await say(gus, 'taal nl', 'en-US');
    // Chosen, her client's language is moot: her next English turns write nothing.
    expect(await personalWrites(() => say(gus, 'help', 'en-US'))).toBe(0);
    expect(await prefsOf(gus)).toMatchObject({ language: 'nl' });
    await pressIn(t, bram, SEND, { ...buttonData(await pressIn(t, bram, 'review.request.open', {}), SEND), text: '' });
    await t.app.outbox.drain(60_000);
    expect(ownChatText(gus)).toContain('Verzoek om een talentontwikkelgesprek');
    expect(ownChatText(gus)).not.toContain('Request for a talent development conversation');
  });

  it('is listed in their export and removed by their erasure', async () => {
    await say(fay, 'help', 'en-US');
    expect((await exportOf(fay)).preferences).toEqual({ id: preferencesId(fay.aadObjectId), type: 'preferences', userId: fay.aadObjectId, clientLanguage: 'en', updatedAt: expect.any(String) });
    await eraseInChat(t, fay);
    expect(await prefsOf(fay)).toBeUndefined();
    expect((await exportOf(fay)).preferences).toBeUndefined();
  });
});
