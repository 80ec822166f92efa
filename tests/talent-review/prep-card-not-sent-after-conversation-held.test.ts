/**
 * The app is down from before the prep day until the day after the conversation: the overdue
 * prep job then runs at once, and must not ask the manager to prepare a conversation already held
 * (found in review, stop 68). And the scheduled card's Teams retries end with the conversation's day.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RenderedMessage } from '../../src/outbox/outbox-job';
import { Outbox } from '../../src/outbox/outbox';
import { TalentReview } from '../../src/domain/talent-review/review';
import { outboxPrepCards } from '../../src/teams/features/talent-review/prep-cards';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');
const TITLE = 'Voorbereiding: talentontwikkelgesprek met Anna';

describe('a prep card whose job first runs after the conversation was held', () => {
  let t: TestApp;
  let directory = '';
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const prepPosts = () => t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia' && cardText(c.activity?.attachments?.[0]?.content).includes(TITLE));

  beforeAll(async () => {
    directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t?.stop());

  it('is not sent as a preparation for a conversation already behind us, and its job is done', async () => {
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    await t.app.outbox.drain(30_000);
    const before = prepPosts().length;
    // Down from Sunday 6 December (the card was due Monday 7th) to Friday 11 December 10:00, the day after the conversation.
    t.clock.set('2026-12-11T09:00:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    expect({ prepCardsSentAfterTheConversation: prepPosts().length - before }).toEqual({ prepCardsSentAfterTheConversation: 0 });
    // Ended, not waiting to run again: a later run sends nothing either.
    t.clock.set('2026-12-12T09:00:00Z');
    expect(await t.app.scheduler.runDue()).toBe(0);
  }, 120_000);
});

describe('the scheduled prep card queued in the outbox', () => {
  const review = {
    id: 'review-1',
    managerId: 'aad-mia',
    reportId: 'aad-anna',
    date: '2026-12-10',
    timeZone: 'Europe/Amsterdam',
    createdAt: '2026-11-23T08:00:00.000Z',
    conversationRef: { serviceUrl: 'https://smba.example', bot: { id: 'bot' }, conversation: { id: 'a:personal-mia', tenantId: 'tenant' } },
  } as unknown as TalentReview;

  it('is retried on Teams failures only until the conversation day ends in its zone', async () => {
    const queued: RenderedMessage[] = [];
    const outbox = {
      statusOf: async () => undefined,
      deliver: async (message: RenderedMessage) => {
        queued.push(message);
        return { status: 'pending' };
      },
    } as unknown as Outbox;
    // Monday 7 December 09:00 Amsterdam; the conversation's day ends Friday 11 December 00:00 Amsterdam (Thursday 23:00 UTC).
    await outboxPrepCards(outbox, 'secret', () => new Date('2026-12-07T08:00:00Z')).post(review);
    expect(queued.map((m) => m.giveUpAfterMs)).toEqual([Date.parse('2026-12-10T23:00:00Z') - Date.parse('2026-12-07T08:00:00Z')]);
  });
});
