/**
 * A guard (held when written, in review of stop 61's own change).
 * the scheduled prep card across the update of stop 61.
 *
 * Before stop 61 the scheduled prep card's outbox key was plain (`talentReview.prep:<review>@<createdAt>`).
 * A card the old code queued (sent, or still waiting for Teams: `deliveryPending`) whose scheduled
 * job runs again after the update must not be sent a second time under the new keyed key
 * (`post` asks `statusOf(formerScheduledPrepKey)` first).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored JSON under test */

const mia = user('Mia');
const TITLE = 'Voorbereiding: talentontwikkelgesprek met Anna';

describe('the scheduled prep card queued by the code of before stop 61', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const prepPosts = () => t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia' && cardText(c.activity?.attachments?.[0]?.content).includes(TITLE));

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory, POLL_HASH_KEY: 'own61d-prep-across-update'.padEnd(44, 'x') }, '2026-11-23T08:00:00Z', { outboxTimings: { backoffBaseMs: 100, backoffCapMs: 2_000, deliverWaitMs: 1_000 } });
  });
  afterAll(() => t?.stop());

  it('sent by the old code (its scheduled job not marked done): the run again after the update sends no second card', async () => {
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    const review = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.date = '2026-12-10'").fetchAll()).resources[0];
    expect(review).toBeDefined();
    t.clock.set('2026-12-07T08:00:00Z');
    // The old code's post, as it was (prep-cards.ts before stop 61), sent; then the instance stopped.
    const ref = review.conversationRef;
    const old = await t.app.outbox.deliver({
      key: `talentReview.prep:${review.id}@${review.createdAt}`,
      tenantId: ref.conversation.tenantId ?? 'unknown-tenant',
      route: { serviceUrl: ref.serviceUrl, botId: ref.bot?.id },
      target: { kind: 'conversation', conversationId: ref.conversation.id },
      payload: { renderedWhenSent: true },
      render: { kind: 'talentReview.prep', args: { managerId: review.managerId, reviewId: review.id } },
      onSent: { kind: 'talentReview.prepSent', args: { managerId: review.managerId, reviewId: review.id } },
      about: [review.reportId, review.managerId],
    }, 10_000);
    expect(old.status).toBe('sent');
    expect(prepPosts()).toHaveLength(1);

    // The new code runs the scheduled job (again).
    await t.app.scheduler.runDue();
    await t.app.scheduler.runDue();
    await t.app.background.idle();
    await t.app.outbox.drain(30_000);
    expect(prepPosts()).toHaveLength(1);
    const after = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.date = '2026-12-10'").fetchAll()).resources[0];
    expect(after.prepSentAt).toBeDefined();
  }, 120_000);
});
