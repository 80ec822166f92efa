/**
 * Found in review, stop 44. Anna asks to erase her data; Cosmos DB refuses the erasure's first
 * change to her group, so the erasure is begun and unfinished ("Je gegevens zijn nog niet helemaal
 * gewist"; its resume job, or her own press, finishes it later). Every change to her own data is
 * refused until then, because the finishing erasure deletes whatever her partition holds. Putting
 * a proposal before her manager did not ask: the send said "Je hebt dit voorstel voorgelegd aan
 * Mia", stored the record and queued Mia's card with Anna's name and words, and the finishing run
 * deleted the record she was told was sent. Now the send is refused like the rest: nothing stored
 * or queued, "Niet bewaard: je gegevens worden nog gewist" with the button to finish the erasure.
 * Words over the limit are still checked first: they come back in the form with their reason.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, TestUser } from '../support/activities';
import { buttonData, field } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const WORDS = 'ANNA-WOORDEN: graag jouw steun';

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  const users = [
    { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
    { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
    { id: 'aad-cem', name: 'Cem' },
    { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' },
    { id: 'aad-olga', name: 'Olga' },
  ];
  writeFileSync(file, JSON.stringify({ users }));
  return file;
}

describe('putting a proposal before one\'s manager while one\'s erasure is unfinished', () => {
  let t: TestApp;
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (who: TestUser, verb: string, data: Record<string, unknown>) => (await t.send(execute(chat(who), who, verb, data, 'card-1'))).body.value;
  const records = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'proposalToManager'", parameters: [] }, { partitionKey: userId }).fetchAll()).resources;
  const jobsAbout = async (userId: string) =>
    (await t.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources.filter((j: { about?: string[] }) => j.about?.includes(userId));

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z', { proxy: true, sharedCardIntervalMs: 0, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:ptm-erasing@thread.v2'), [anna, bram, cem]).answeredOnDayOne(['Overdracht', 'Info', 'Tijd', 'Korter', 'Formulier', 'Tafel'], { checkIn: 4 });
    const proposalId = `${g.groupId}_w1_p`;
    for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed' });
    await g.press(cem, 'proposal.decide', { ...g.ids(), proposalId, decision: 'adapt', adoptedText: 'EIGEN-WOORDEN: samen aan het bed', decisionReason: 'Iedereen hoort hetzelfde', firstStep: 'Rooster aanpassen' });
    await g.end(anna);
  }, 120_000);
  afterAll(() => t?.stop());

  it('stores and queues nothing, and says so', async () => {
    // The form, opened before the erasure began.
    await t.send(message(chat(anna), anna, 'verantwoording'));
    const overview = t.connector.cards((c) => c.conversationId === chat(anna).id).at(-1)?.card;
    const form = await press(anna, 'review.proposalToManager.open', buttonData(overview, 'review.proposalToManager.open'));
    expect(cardText(form)).toContain('Gaat naar Mia');

    // The erasure begins and stops at its first change to her group.
    t.proxy!.faults = (req) => (req.kind === 'replace' && req.container === 'sessions' ? { kind: 'status', status: 503 } : undefined);
    await t.send(message(chat(anna), anna, 'wis mijn gegevens'));
    const erased = await press(anna, 'verantwoording.erase.confirm', { confirm: 'yes' });
    t.proxy!.faults = undefined;
    expect(cardText(erased)).toContain('nog niet helemaal gewist');

    // Over-long words: the form with the reason next to them, as always (the words are checked first).
    const tooLong = 'Dit voorstel verdient echt jouw aandacht. '.repeat(25).trimEnd();
    const refused = await press(anna, 'review.proposalToManager.send', { ...buttonData(form, 'review.proposalToManager.send'), words: tooLong });
    expect(field(refused, 'words')).toEqual({ value: tooLong, next: `Hoogstens 1.000 tekens; dit zijn er ${tooLong.length.toLocaleString('nl-NL')}.` });

    const sent = await press(anna, 'review.proposalToManager.send', { ...buttonData(form, 'review.proposalToManager.send'), words: WORDS });
    expect(cardText(sent)).not.toContain('voorgelegd aan Mia');
    expect(cardText(sent)).toContain('Niet bewaard: je gegevens worden nog gewist');
    expect(cardText(sent)).toContain('nog niet helemaal gewist');
    expect(buttonData(sent, 'verantwoording.erase.confirm')).toEqual({ confirm: 'yes' });
    expect(cardProblems(sent)).toEqual([]);
    expect(await records('aad-anna')).toEqual([]);
    expect(await jobsAbout('aad-anna')).toEqual([]);
  });
});
