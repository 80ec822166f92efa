/**
 * Found in review, stop 45. Mia opens "Verplaatsen of annuleren" for Anna's conversation; meanwhile
 * the directory moves Anna to Nina. Mia's move is refused (right), and the change card comes back
 * with the date she typed (right), but the reason above it was the plan form's: "Deze medewerker
 * valt (nu) niet onder jou in de organisatie; kies iemand uit de lijst." The move card has no list
 * to choose from, and it did not say what Mia can still do. In English the same: "...; choose
 * someone from the list."
 *
 * Must hold, in Dutch and in English: nothing moved, the typed date kept, and a reason that fits
 * the move card: no list to pick from, the conversation can no longer be moved, only cancelled.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, user } from '../support/activities';
import { buttonData, field } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');
const ORG = { users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }, { id: 'aad-nina', name: 'Nina' }] };
const MOVED = { users: ORG.users.map((u) => (u.id === 'aad-anna' ? { ...u, managerId: 'aad-nina' } : u)) };

describe.each([
  ['nl', undefined, /kies iemand uit de lijst/i, /kan niet meer worden verplaatst\. Annuleren kan nog wel\./, /Niet bewaard: dit gesprek is niet verplaatst\./],
  ['en', 'taal en', /choose someone from the list/i, /can no longer be moved\. You can still cancel it\./, /Not saved: this conversation was not moved\./],
])('a move refused because the report moved to another manager (%s)', (_lang, languageCommand, listWords, reason, notMoved) => {
  let t: TestApp;
  let directory = '';
  const org = (doc: unknown) => writeFileSync(directory, JSON.stringify(doc));
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const press = async (verb: string, data: Record<string, unknown>, messageId = 'card-1') => (await t.send(execute(miaChat(), mia, verb, data, messageId))).body.value;
  const reviews = async () => (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.type = 'talentReview'").fetchAll()).resources;

  beforeAll(async () => {
    directory = join(mkdtempSync(join(tmpdir(), 'move-report-moved-')), 'directory.json');
    org(ORG);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
    if (languageCommand) await t.send(message(miaChat(), mia, languageCommand));
  }, 120_000);
  afterAll(() => t.stop());

  it('says why in words that fit the move card, the typed date kept', async () => {
    await press('review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    const [planned] = await reviews();
    const change = await press('review.change.open', { reviewId: planned.id }, 'change-card');
    org(MOVED);
    const refused = await press('review.move', { ...buttonData(change, 'review.move'), date: '2026-12-21' }, 'change-card');

    // Refused, nothing moved, the typed date kept: as it should.
    expect((await reviews()).map((r) => r.date)).toEqual(['2026-12-14']);
    expect(field(refused, 'date')?.value).toBe('2026-12-21');
    // The move card has no list of reports: its reason must not send Mia to one.
    expect(cardText(refused)).not.toMatch(listWords);
    // It says what happened and what Mia can still do; not that changing the field would help.
    expect(cardText(refused)).toMatch(reason);
    expect(cardText(refused)).toMatch(notMoved);
  });
});
