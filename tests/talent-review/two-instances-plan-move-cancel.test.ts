import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, user } from '../support/activities';
import { buttonData, buttonDataNaming } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');

/**
 * A guard (held when written, in review of stop 60). Two instances of the app on one store. Mia's
 * plan, move and cancel of Anna's talentontwikkelgesprek, each press delivered to both instances at
 * once, and a move on one with a cancel on the other. The promises (README "Moving or cancelling",
 * "The professional is told"): one conversation, one prep job, one notice per change however often
 * the press arrives, and what Mia and Anna are told matches what is stored.
 */
describe('plan, move and cancel on two instances', () => {
  let a: TestApp;
  let b: TestApp;
  const miaChat = (t: TestApp) => t.conversation('personal', 'a:personal-mia');
  const press = async (t: TestApp, verb: string, data: Record<string, unknown>, messageId = 'card-1', id?: string) => (await t.send(execute(miaChat(t), mia, verb, data, messageId, id))).body?.value;
  const reviews = async () => (await a.store.container('reviews').items.query('SELECT * FROM c').fetchAll()).resources.filter((r) => r.reportId === 'aad-anna');
  const pendingPrep = async () => (await a.store.container('jobs').items.query('SELECT * FROM c').fetchAll()).resources.filter((j) => j.kind === 'review.prep' && j.status === 'pending');
  const changeCard = async (t: TestApp) => {
    const before = t.connector.calls.length;
    await t.send(message(miaChat(t), mia, 'gesprekken'));
    const list = t.connector.calls.slice(before).find((c) => c.method === 'POST')!.activity.attachments[0].content;
    return press(t, 'review.change.open', buttonDataNaming(list, 'review.change.open', 'Anna'), 'list-card');
  };
  /** What Anna got in her chat from either instance, once both outboxes sent what they hold. */
  const annaTold = async () => {
    await Promise.all([a.app.outbox.drain(30_000), b.app.outbox.drain(30_000)]);
    const chat = a.connector.personalChats.get('aad-anna') ?? b.connector.personalChats.get('aad-anna');
    return [...a.connector.calls, ...b.connector.calls].filter((c) => c.conversationId === chat && c.method === 'POST').map((c) => `${c.activity.text ?? ''} ${cardText(c.activity.attachments?.[0]?.content)}`.trim());
  };

  beforeEach(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'two-move-cancel-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    a = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
    b = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { cosmos: a.cosmos });
  }, 60_000);
  afterEach(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('the plan press and then the move press each delivered to both instances at once: one conversation, one prep job, one notice each', async () => {
    const plan = { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3', k: 'plan-key-1' };
    await Promise.all([press(a, 'review.plan.save', plan, 'plan-card', 'act-plan'), press(b, 'review.plan.save', plan, 'plan-card', 'act-plan')]);
    const planned = await reviews();
    const toldPlanned = (await annaTold()).length;
    const change = await changeCard(a);
    const move = { ...buttonData(change, 'review.move'), date: '2026-12-21' };
    const replies = await Promise.all([press(a, 'review.move', move, 'change-card', 'act-move'), press(b, 'review.move', move, 'change-card', 'act-move')]);
    const left = await reviews();
    const told = await annaTold();
    expect({
      planned: planned.length,
      toldPlanned,
      left: left.map((r) => r.date),
      prepJobs: (await pendingPrep()).map((j) => j.notBefore ?? j.dueAt ?? j.id).length,
      movedNotices: told.length - toldPlanned,
      repliesSayMoved: replies.map((r) => /21 december|verplaatst|bewaard/i.test(cardText(r))),
    }).toEqual({ planned: 1, toldPlanned: 1, left: ['2026-12-21'], prepJobs: 1, movedNotices: 1, repliesSayMoved: [true, true] });
  }, 90_000);

  it('move on one instance and cancel on the other at once: what stands is what Mia and Anna were told', async () => {
    await press(a, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    const change = await changeCard(a);
    const [moved, cancelled] = await Promise.all([
      press(a, 'review.move', { ...buttonData(change, 'review.move'), date: '2026-12-21' }, 'change-card', 'act-move'),
      press(b, 'review.cancel', buttonData(change, 'review.cancel'), 'change-card', 'act-cancel'),
    ]);
    const left = await reviews();
    const told = await annaTold();
    const cancelSaidDone = /geannuleerd/i.test(cardText(cancelled)) && !/niet (meer )?gepland/i.test(cardText(cancelled));
    const moveSaidDone = /21 december/i.test(cardText(moved)) && !/niet (meer )?gepland|geannuleerd/i.test(cardText(moved));
    expect({ left: left.map((r) => r.date), cancelSaidDone, moveSaidDone, prepJobs: (await pendingPrep()).length, annaLast: told.at(-1) }).toEqual(
      left.length
        ? { left: ['2026-12-21'], cancelSaidDone: false, moveSaidDone: true, prepJobs: 1, annaLast: expect.stringMatching(/21 december|verplaatst/i) }
        : { left: [], cancelSaidDone: true, moveSaidDone: false, prepJobs: 0, annaLast: expect.stringMatching(/geannuleerd|gaat niet door/i) },
    );
  }, 90_000);
});
