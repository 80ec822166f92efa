/**
 * Found in review, stop 43. Mia opens `teamverantwoording`; the form says "Gaat naar je 2 directe collega's volgens
 * de directory: Anna, Cem" and she writes her account for them. Before she presses Send, the
 * directory changes: Zoe, a new hire, now reports to Mia. The send looks the team up again and
 * Zoe gets Mia's words too, although the form Mia wrote them on did not name her (she learns it
 * only from the outcome card, after the fact). Now the send goes only to whom the form named (and
 * who is still in the team); a new form names Zoe too.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [mia] = ['Mia'].map(user) as [TestUser];
const SEND = 'review.teamAccount.send';
const ACCOUNT = /Verantwoording van je leidinggevende|An account from your manager/;

describe('the team changes between the form and the send', () => {
  let t: TestApp;
  let file: string;
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const write = (users: object[]) => writeFileSync(file, JSON.stringify({ users }));
  const base = [
    { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
    { id: 'aad-cem', name: 'Cem', managerId: 'aad-mia' },
    { id: 'aad-mia', name: 'Mia' },
  ];

  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'promise-')), 'directory.json');
    write(base);
    t = await startTestApp({ DIRECTORY_FILE: file }, '2026-11-23T08:00:00Z');
  }, 120_000);
  afterAll(() => t.stop());

  it('sends to nobody the form did not name', async () => {
    await t.send(message(chat(mia), mia, 'teamverantwoording'));
    const form = t.connector.cards((c) => c.conversationId === chat(mia).id).at(-1)!.card;
    expect(JSON.stringify(form)).toContain('"text":"Anna, Cem"');

    write([...base, { id: 'aad-zoe', name: 'Zoe', managerId: 'aad-mia' }]);
    await t.send(execute(chat(mia), mia, SEND, { ...buttonData(form, SEND), text: 'Anna en Cem: de training is geregeld.' }, 'card-1'));
    await t.app.outbox.drain(60_000);

    const got = (aad: string) => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(aad)).filter((c) => ACCOUNT.test(cardText(c.card))).length;
    expect({ anna: got('aad-anna'), cem: got('aad-cem'), zoe: got('aad-zoe') }).toEqual({ anna: 1, cem: 1, zoe: 0 });
  });
});
