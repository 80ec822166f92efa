/**
 * Found in review, stop 42. `gesprek aanvragen` (`request conversation`) is matched as a prefix
 * (`\b`), so "gesprek aanvragen ik wil het over mentorschap hebben" opens the request form, but the
 * words after the command are dropped: the form's message field is empty. `notitie <tekst>` takes
 * the rest of the line; the help card says the request goes "met een korte boodschap als je wilt".
 * A professional who typed their message with the command loses it without a word.
 *
 * What must hold: the words typed after the command come in the form's message field (or are at
 * least not silently dropped), in both languages.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { message, TestUser, user } from '../support/activities';
import { inputValue } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram] = ['Anna', 'Bram'].map(user) as [TestUser, TestUser];

describe('the request command with a message typed after it', () => {
  let t: TestApp;
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const lastCardIn = (who: TestUser) => t.connector.cards((c) => c.conversationId === chat(who).id).at(-1)?.card;

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: file }, '2026-11-23T08:00:00Z');
    await t.send(message(chat(bram), bram, 'taal en'));
  });
  afterAll(() => t.stop());

  it('keeps the Dutch words typed after "gesprek aanvragen" in the message field', async () => {
    await t.send(message(chat(anna), anna, 'gesprek aanvragen Ik wil het over mentorschap hebben'));
    const form = lastCardIn(anna);
    expect(cardText(form)).toContain('Talentontwikkelgesprek aanvragen');
    expect(inputValue(form, 'text')).toBe('Ik wil het over mentorschap hebben');
  });

  it('keeps the English words typed after "request conversation" in the message field', async () => {
    await t.send(message(chat(bram), bram, 'request conversation about my next step'));
    const form = lastCardIn(bram);
    expect(cardText(form)).toContain('Request a talent development conversation');
    expect(inputValue(form, 'text')).toBe('about my next step');
  });
});
