/**
 * A guard (held when written, in review of stop 62).
 *
 * A private message (a job whose target is one person's 1:1 chat) kept under a plain key names its
 * recipient for its seven days, and an erasure deletes it: a missing one tells a reader of the outbox
 * who erased (tests/privacy/erasure-other-private-messages-tell-nothing.test.ts). So every such job
 * is queued under a key keyed with the app's secret (`keyedKey`: once ended it names nobody), or
 * leaves a keyed blank of its key when it ends (`keyOutlivesErasure`). A new kind that forgets both
 * fails here. One run reaches the kinds that are cheap to reach: the Prof-traject offer and the
 * weeks'-end look-back (a group of four finishing its one planned week), a proposal put before a
 * manager and the notice of her answer, a review notice, a card for a presser in their own chat
 * (an unknown button in a chat with a colleague), and the half-year's cards.
 */
import { submit, TestUser, user } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt } from '../rhythm/support';
import { allDocuments, PersonalChat } from '../verantwoording/support';
import { answerAsManager, directoryFile, managerCardAbout, pressIn, putBeforeManager } from '../talent-review/support/proposal-put-before';

const SECRET = 'every-private-message-keyed-secret-'.padEnd(44, 'x');

type Job = { id: string; status: string; target: { kind: string }; keyedKey?: true; keyOutlivesErasure?: true; guard?: unknown };

describe('every private message in the outbox is keyed with the app\'s secret', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('after a run that queues every cheap kind, each job to a person carries keyedKey or keyOutlivesErasure', async () => {
    const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
    const mia = user('Mia');
    const directory = directoryFile([...[anna, bram, cem, dewi].map((m) => ({ id: m.aadObjectId, name: m.name, managerId: mia.aadObjectId })), { id: mia.aadObjectId, name: 'Mia' }]);
    t = await startTestApp({ POLL_HASH_KEY: SECRET, DIRECTORY_FILE: directory, HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    const seen = new Map<string, Job>();
    const look = async () => {
      for (const j of ((await allDocuments(t.store)).outbox ?? []) as (Job & { type: string })[]) if (j.type === 'outboxJob' && j.target.kind === 'person') seen.set(j.id, j);
    };

    // The offer and the look-back, each member's in their own chat.
    const g = new GroupDriver(t, t.conversation('groupChat', '19:every-private@thread.v2'), [anna, bram, cem, dewi]);
    await g.weekOneToDayFour('1');
    await g.end(anna);
    await runAt(t, t.clock.now().toISOString());
    await look();

    // Anna puts the decided proposal before Mia; Mia answers; Anna hears it.
    await putBeforeManager(t, anna, 'Mijn eigen woorden');
    await look();
    const card = await managerCardAbout(t, mia.aadObjectId, anna);
    expect(card).toBeDefined();
    await answerAsManager(t, mia, card, 'Goed plan, we doen het');
    await look();

    // Mia plans a conversation with Bram: he hears it.
    await pressIn(t, mia, 'review.plan.save', { reportId: bram.aadObjectId, date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    await look();
    await t.app.outbox.drain(60_000);

    // A retired button pressed in a chat with a colleague: Cem hears it in his own chat.
    await t.send(submit(t.conversation('personal', '19:cem-dewi@unq.gbl.spaces'), cem, { verb: 'verantwoording.retired.verb' }, 'card-old-1'));
    await look();

    // The half-year's cards: HR's and the managers'.
    await new PersonalChat(t, user('Hanna')).say('jaarplan');
    await runAt(t, '2026-12-01T08:00:00Z');
    await look();

    const jobs = [...seen.values()];
    // The run reached many kinds (two cards a member, the put-before pair, the review notice, the presser's card, the half-year's).
    expect(jobs.length).toBeGreaterThanOrEqual(14);
    // A guarded job leaves no trace once it ended (`leavesNoTrace`): nothing of it names anyone then.
    const unkeyed = jobs.filter((j) => !j.keyedKey && !j.keyOutlivesErasure && !j.guard);
    expect(unkeyed.map((j) => `${j.id} ${j.status}`)).toEqual([]);
  }, 300_000);
});
