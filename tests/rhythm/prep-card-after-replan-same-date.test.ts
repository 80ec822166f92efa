import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, user } from '../support/activities';
import { buttonDataNaming, buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');
const AMS = 'Europe/Amsterdam';
const PREP = 'Voorbereiding: talentontwikkelgesprek met Anna';
const WITHDRAWN = 'Deze voorbereiding is niet meer beschikbaar.';

/**
 * Found in review, stop 42. Mia's prep card for her conversation with Anna came (its day has
 * passed); she cancels the conversation (the card in her chat is withdrawn) and plans it again
 * for the same date. The new plan has the same id (manager, report, date), so its scheduled card
 * had the outbox key of the card already sent: the outbox answered "sent" from the old job, the
 * new plan was marked as having its card, and none came.
 * What must hold: each plan gets its own prep card.
 */
describe('a conversation cancelled and planned again for the same date', () => {
  let t: TestApp;
  const personal = () => t.conversation('personal', 'a:personal-mia');
  const press = async (verb: string, data: Record<string, unknown>, messageId = 'plan-card') => (await t.send(execute(personal(), mia, verb, data, messageId))).body.value;
  const plan = () => press('review.plan.save', { reportId: 'aad-anna', date: '2026-11-26', timeZone: AMS, prepDays: '3' });
  const prepPosts = () => t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia' && cardText(c.activity.attachments?.[0]?.content).includes(PREP));
  const run = async () => {
    await t.app.scheduler.runDue();
    await t.app.background.idle();
    await t.app.outbox.drain(60_000);
  };

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    // Monday 23 November 2026, 08:30 Amsterdam; the conversation is on Thursday 26 November, prep at 09:00 today.
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T07:30:00Z');
  });
  afterAll(() => t.stop());

  it('sends a prep card for the new plan', async () => {
    await plan();
    t.clock.set('2026-11-23T08:00:00Z');
    await run();
    expect(prepPosts()).toHaveLength(1);

    // Cancel through the list's change card.
    t.clock.set('2026-11-23T10:00:00Z');
    const before = t.connector.calls.length;
    await t.send(message(personal(), mia, 'gesprekken'));
    const list = t.connector.calls.slice(before).find((c) => c.method === 'POST')!.activity.attachments[0].content;
    const change = await press('review.change.open', buttonDataNaming(list, 'review.change.open', 'Anna'), 'list-card');
    expect(cardText(await press('review.cancel', buttonData(change, 'review.cancel'), 'change-card'))).toMatch(/geannuleerd/i);
    await run();
    // The card that came is withdrawn.
    const withdrawnUpdate = t.connector.calls.find((c) => c.method === 'PUT' && c.conversationId === 'a:personal-mia' && cardText(c.activity.attachments?.[0]?.content).includes(WITHDRAWN));
    expect(withdrawnUpdate).toBeDefined();

    // Planned again, same report and date: its prep moment has passed, so it is due now.
    await plan();
    for (let i = 0; i < 5 && prepPosts().length < 2; i++) {
      t.clock.advanceMinutes(5);
      await run();
    }
    expect(prepPosts()).toHaveLength(2);
  });
});
