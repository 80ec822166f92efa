/**
 * Found in review, stop 43. Mia accounts to her team and ticks "Ook naar mijn eigen leidinggevende sturen". Olga, her
 * manager, gets the card whose hint should say why: "Je krijgt dit omdat je de leidinggevende van
 * Mia bent en Mia het je zelf stuurde." The card renders `teamAccount.upHint` without its
 * `manager` value (team-account.card.ts: `subtle(t('teamAccount.upHint'))`), so the name is
 * missing from the sentence ("... de leidinggevende van  bent en  het je zelf stuurde"). Now the
 * hint names Mia, as plain text.
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

describe('the team account sent up to the manager\'s own manager', () => {
  let t: TestApp;
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'up-')), 'directory.json');
    writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' }, { id: 'aad-olga', name: 'Olga' }] }));
    t = await startTestApp({ DIRECTORY_FILE: file }, '2026-11-23T08:00:00Z');
  }, 120_000);
  afterAll(() => t.stop());

  it('says whose manager Olga is, by name', async () => {
    await t.send(message(chat(mia), mia, 'teamverantwoording'));
    const form = t.connector.cards((c) => c.conversationId === chat(mia).id).at(-1)!.card;
    await t.send(execute(chat(mia), mia, SEND, { ...buttonData(form, SEND), text: 'Ik maakte elke week een uur vrij.', alsoOwnManager: 'true' }, 'card-1'));
    await t.app.outbox.drain(60_000);
    const olgas = t.connector.cards((c) => c.conversationId === t.connector.personalChats.get('aad-olga')).map((c) => cardText(c.card));
    expect(olgas).toHaveLength(1);
    expect(olgas[0]).toContain('Je krijgt dit omdat je de leidinggevende van Mia bent en Mia het je zelf stuurde.');
  });
});
