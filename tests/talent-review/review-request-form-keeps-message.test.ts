/**
 * The professional's review request form under hostile and stale input (found in review, stop 49).
 * A stale form (the manager planned meanwhile, or the directory names no manager any more) sends
 * nothing, and the typed message comes back under "Your message (not sent):" to copy.
 * The promise: a refused form comes back with what was typed and the reason next to the field, in
 * the user's language; nothing stored; never a dead end that drops what was typed.
 *
 * Directory: Mia manages Anna and Eva; Olga manages Mia. Eva's Teams client is English (no
 * language chosen in the app).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, TestUser, user } from '../support/activities';
import { buttonData, field, inputValue } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import en from '../../src/i18n/locales/en/talent-review.json';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const [anna, eva, mia] = ['Anna', 'Eva', 'Mia'].map(user) as [TestUser, TestUser, TestUser];
const SEND = 'review.request.send';

type Person = { id: string; name: string; managerId?: string };
const BASE: Person[] = [
  { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
  { id: 'aad-eva', name: 'Eva', managerId: 'aad-mia' },
  { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' },
  { id: 'aad-olga', name: 'Olga' },
];

describe('the review request form under hostile and stale input', () => {
  let t: TestApp;
  let directory: string;
  const writeDirectory = (users: Person[]) => writeFileSync(directory, JSON.stringify({ users }));
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const localeOf = (who: TestUser) => (who === eva ? 'en-US' : 'nl-NL');
  const press = async (who: TestUser, verb: string, data: Record<string, unknown>, activityId?: string) =>
    (await t.send({ ...execute(chat(who), who, verb, data, 'card-1', activityId), locale: localeOf(who) })).body.value;
  const openForm = async (who: TestUser) => {
    await t.send({ ...message(chat(who), who, 'gesprek aanvragen'), locale: localeOf(who) });
    return t.connector.cards((c) => c.conversationId === chat(who).id).at(-1)!.card;
  };
  const requests = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'reviewRequest'", parameters: [] }, { partitionKey: userId }).fetchAll()).resources;
  const jobs = async () => (await t.store.container('outbox').items.query("SELECT c.id FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources.length;

  beforeAll(async () => {
    directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeDirectory(BASE);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  });
  afterEach(() => writeDirectory(BASE));
  afterAll(() => t.stop());

  it.each([
    ['just over the limit', 501],
    ['far over the limit', 10_000],
  ])('a message %s comes back whole, the reason in English next to the field, nothing kept or queued', async (_name, length) => {
    const form = await openForm(eva);
    expect(cardText(form)).toContain(en.talentReview.request.title);
    const text = '\u05e9'.repeat(length);
    const before = { kept: (await requests('aad-eva')).length, jobs: await jobs() };
    const card = await press(eva, SEND, { ...buttonData(form, SEND), text });
    expect(cardProblems(card)).toEqual([]);
    expect(field(card, 'text')).toEqual({ value: text, next: `At most 500 characters; this is ${length.toLocaleString('en')}.` });
    expect(cardText(card)).toContain(en.talentReview.request.notSent);
    expect({ kept: (await requests('aad-eva')).length, jobs: await jobs() }).toEqual(before);
  });

  it('a message of only invisible characters is sent as no message (it is optional), and the press delivered again sends once', async () => {
    const form = await openForm(anna);
    const data = { ...buttonData(form, SEND), text: ' \u200B\u2800\u3164 ' };
    const before = { kept: (await requests('aad-anna')).length, jobs: await jobs() };
    const card = await press(anna, SEND, data, 'req-same');
    await press(anna, SEND, data, 'req-same');
    expect(cardText(card)).toContain('Verzoek verstuurd');
    expect(cardText(card)).not.toContain('Je bericht:');
    const after = await requests('aad-anna');
    expect(after.length).toBe(before.kept + 1);
    expect(after.every((r: any) => r.message === undefined || r.message.trim() !== '')).toBe(true);
    expect(await jobs()).toBe(before.jobs + 1);
  });

  it('a stale form (the manager planned the conversation meanwhile) keeps the typed message', async () => {
    const form = await openForm(eva);
    await t.send(execute(chat(mia), mia, 'review.plan.save', { reportId: 'aad-eva', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    const words = 'EVA-BERICHT: I would like to talk about the night shifts and my training budget.';
    const before = { kept: (await requests('aad-eva')).length };
    const card = await press(eva, SEND, { ...buttonData(form, SEND), text: words });
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('already planned');
    expect((await requests('aad-eva')).length).toBe(before.kept);
    // Nothing was sent; what she typed must not be lost (to copy, or in the field).
    expect(JSON.stringify(card)).toContain(words);
    // In a field to copy from, under its label in her (English) language; no button sends it.
    expect(field(card, 'notSent.message')?.value).toBe(words);
    expect(JSON.stringify(card)).toContain(en.talentReview.request.typedNotSent);
    expect(JSON.stringify(card.actions ?? [])).not.toContain(SEND);
  });

  it('a stale form (the directory no longer names a manager) keeps the typed message', async () => {
    const form = await openForm(anna);
    writeDirectory(BASE.map((p) => (p.id === 'aad-anna' ? { id: p.id, name: p.name } : p)));
    const words = 'ANNA-BERICHT: graag een gesprek over mijn rooster.';
    const card = await press(anna, SEND, { ...buttonData(form, SEND), text: words });
    expect(cardText(card)).toContain('geen leidinggevende');
    expect(JSON.stringify(card)).toContain(words);
    expect(inputValue(card, 'notSent.message')).toBe(words);
    expect(JSON.stringify(card)).toContain('Je bericht (niet verstuurd):');
    expect(cardProblems(card)).toEqual([]);
  });

  it('a message typed after the command, when there is nobody to ask, comes back to copy', async () => {
    writeDirectory(BASE.map((p) => (p.id === 'aad-anna' ? { id: p.id, name: p.name } : p)));
    await t.send({ ...message(chat(anna), anna, 'gesprek aanvragen COMMANDO-BERICHT: over mijn rooster'), locale: 'nl-NL' });
    const card = t.connector.cards((c) => c.conversationId === chat(anna).id).at(-1)!.card;
    expect(cardText(card)).toContain('geen leidinggevende');
    expect(inputValue(card, 'notSent.message')).toBe('COMMANDO-BERICHT: over mijn rooster');
    expect(cardProblems(card)).toEqual([]);
  });

  it('a message of only invisible characters on a stale form brings back no empty field to copy', async () => {
    const form = await openForm(anna);
    writeDirectory(BASE.map((p) => (p.id === 'aad-anna' ? { id: p.id, name: p.name } : p)));
    const card = await press(anna, SEND, { ...buttonData(form, SEND), text: ' \u200B\u2800 ' });
    expect(cardText(card)).toContain('geen leidinggevende');
    expect(inputValue(card, 'notSent.message')).toBeUndefined();
  });
});
