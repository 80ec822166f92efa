/**
 * Found in review, stop 49. Mia's team account form named Anna and Eva; while she typed, the
 * directory moved them to Olga and gave her Bram. Her Send answered "Volgens de directory heb je
 * geen directe collega's" (untrue: she has Bram) and her words (up to 2,000 characters) were gone.
 * Had her whole team left, the same card came without a button: a dead end. Now a team that moved
 * on brings the form back naming the team as it is now, her words and choice kept, the reason next
 * to whom it goes to; a team that is gone altogether shows her words to copy, with the way to her
 * kept accounts. Neither keeps an account or queues a card.
 *
 * Directory: Mia manages Anna and Eva, Olga manages Mia and Bram. Olga's Teams client is English.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, TestUser, user } from '../support/activities';
import { buttonData, field, inputValue } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import en from '../../src/i18n/locales/en/team-account.json';
import nl from '../../src/i18n/locales/nl/team-account.json';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const [mia, olga] = ['Mia', 'Olga'].map(user) as [TestUser, TestUser];
const SEND = 'review.teamAccount.send';
const LIST = 'review.teamAccount.list';
const ACCOUNT = /Verantwoording van je leidinggevende|An account from your manager/;

type Person = { id: string; name: string; managerId?: string };
const BASE: Person[] = [
  { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
  { id: 'aad-eva', name: 'Eva', managerId: 'aad-mia' },
  { id: 'aad-bram', name: 'Bram', managerId: 'aad-olga' },
  { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' },
  { id: 'aad-olga', name: 'Olga' },
];
/** Anna and Eva moved to Olga; Bram to Mia. */
const SWAPPED: Person[] = [
  { id: 'aad-anna', name: 'Anna', managerId: 'aad-olga' },
  { id: 'aad-eva', name: 'Eva', managerId: 'aad-olga' },
  { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
  { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' },
  { id: 'aad-olga', name: 'Olga' },
];

/** The card's body element right after the one whose text is `text` (the reason next to a field). */
function after(card: any, text: string): any {
  const body: any[] = card.body ?? [];
  const i = body.findIndex((el) => el.text === text || el.inlines?.[0]?.text === text);
  return i < 0 ? undefined : body[i + 1];
}

describe('a stale team account form keeps the manager\'s words', () => {
  let t: TestApp;
  let directory: string;
  const writeDirectory = (users: Person[]) => writeFileSync(directory, JSON.stringify({ users }));
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const localeOf = (who: TestUser) => (who === olga ? 'en-US' : 'nl-NL');
  const press = async (who: TestUser, verb: string, data: Record<string, unknown>) =>
    (await t.send({ ...execute(chat(who), who, verb, data, 'card-1'), locale: localeOf(who) })).body.value;
  const openForm = async (who: TestUser) => {
    await t.send({ ...message(chat(who), who, 'teamverantwoording'), locale: localeOf(who) });
    return t.connector.cards((c) => c.conversationId === chat(who).id).at(-1)!.card;
  };
  const kept = async (managerId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount'", parameters: [] }, { partitionKey: managerId }).fetchAll()).resources;
  const jobs = async () => (await t.store.container('outbox').items.query("SELECT c.id FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources.length;
  const state = async (managerId: string) => ({ kept: (await kept(managerId)).length, jobs: await jobs() });

  beforeAll(async () => {
    directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeDirectory(BASE);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  }, 120_000);
  afterEach(() => writeDirectory(BASE));
  afterAll(() => t.stop());

  it('a form whose team moved on comes back naming the team now, the words and the toggle kept, the reason next to whom it goes to; nothing kept or queued', async () => {
    const form = await openForm(mia);
    expect(cardText(form)).toContain('Anna, Eva');
    writeDirectory(SWAPPED);
    const words = 'LANG-VERHAAL: dit halfjaar maakte ik elke week een uur vrij voor leren.';
    const before = await state('aad-mia');
    const card = await press(mia, SEND, { ...buttonData(form, SEND), text: words, alsoOwnManager: 'true' });

    expect(cardProblems(card)).toEqual([]);
    expect(await state('aad-mia')).toEqual(before);
    // Mia has a team now (Bram): "the directory lists nobody in your team" is not true.
    expect(cardText(card)).not.toContain('Volgens de directory heb je geen directe collega');
    // The form anew: her words in the field, her choice ticked, the reason right under the team it names now.
    expect(field(card, 'text')?.value).toBe(words);
    expect(inputValue(card, 'alsoOwnManager')).toBe('true');
    expect(after(card, 'Bram')?.text).toBe(nl.teamAccount.teamChanged);
    expect(nl.teamAccount.teamChanged).toContain('Je team is veranderd sinds dit formulier; kijk wie het krijgt');
    const again = buttonData(card, SEND);
    expect(again.to).toBe('aad-bram');
    expect(again.k).not.toBe(buttonData(form, SEND).k);

    // Not a dead end: the new form's Send goes to Bram (and Olga above), once, and is kept.
    await press(mia, SEND, { ...again, text: words, alsoOwnManager: 'true' });
    expect(await state('aad-mia')).toEqual({ kept: before.kept + 1, jobs: before.jobs + 2 });
    await t.app.outbox.drain(60_000);
    const got = (aad: string) => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(aad)).filter((c) => ACCOUNT.test(cardText(c.card))).length;
    expect({ anna: got('aad-anna'), eva: got('aad-eva'), bram: got('aad-bram') }).toEqual({ anna: 0, eva: 0, bram: 1 });
  });

  it('says so in English for an English client', async () => {
    const form = await openForm(olga);
    expect(cardText(form)).toContain('Bram, Mia');
    // Bram and Mia move to a new manager; Anna reports to Olga now.
    writeDirectory([
      { id: 'aad-anna', name: 'Anna', managerId: 'aad-olga' },
      { id: 'aad-eva', name: 'Eva', managerId: 'aad-mia' },
      { id: 'aad-bram', name: 'Bram', managerId: 'aad-noor' },
      { id: 'aad-mia', name: 'Mia', managerId: 'aad-noor' },
      { id: 'aad-noor', name: 'Noor' },
      { id: 'aad-olga', name: 'Olga' },
    ]);
    const words = 'What I did for your learning this half year.';
    const before = await state('aad-olga');
    const card = await press(olga, SEND, { ...buttonData(form, SEND), text: words });
    expect(cardProblems(card)).toEqual([]);
    expect(await state('aad-olga')).toEqual(before);
    expect(field(card, 'text')?.value).toBe(words);
    expect(after(card, 'Anna')?.text).toBe(en.teamAccount.teamChanged);
    expect(buttonData(card, SEND).to).toBe('aad-anna');
  });

  it('a form whose whole team left shows the words to copy and the way to the kept accounts; nothing kept or queued', async () => {
    const form = await openForm(mia);
    writeDirectory(BASE.map((p) => (p.managerId === 'aad-mia' ? { ...p, managerId: 'aad-olga' } : p)));
    const words = 'NIEMAND-MEER: toch wil ik dit bewaren.';
    const before = await state('aad-mia');
    const card = await press(mia, SEND, { ...buttonData(form, SEND), text: words });

    expect(cardProblems(card)).toEqual([]);
    expect(await state('aad-mia')).toEqual(before);
    // True now: nobody in her team; her words as plain text under "Je bericht (niet verstuurd):".
    expect(cardText(card)).toContain(nl.teamAccount.noTeam);
    expect(nl.teamAccount.typedNotSent).toBe('Je bericht (niet verstuurd):');
    expect(after(card, nl.teamAccount.typedNotSent)).toEqual({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: words }] });
    // Not a dead end: a button to her kept accounts, sending no input.
    expect(buttonData(card, LIST)).toEqual({ skip: 0 });
    const list = await press(mia, LIST, { skip: 0 });
    expect(cardText(list)).toContain(nl.teamAccount.kept.listTitle);
  });
});
