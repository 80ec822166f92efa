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
 *
 * Extended in review of stop 62: not only a job to a person, every job that names someone (`about`,
 * `listed`) is held to the same, for a card about one person in a shared chat or in a 1:1 chat by
 * its conversation id names them as well (tests/privacy/ended-card-about-one-adviser-names-nobody.test.ts):
 * the restricted `rapport` and `jaarplan` cards HR gets in a group chat, and the "B3-spiegel gestart"
 * card in HR's own chat are reached here too. Each job is judged as last seen: a guarded one is
 * deleted when it ends (`leavesNoTrace`); one that only lists people for a shared card's refresh
 * (`listed`, e.g. the group's session card) drops its list once sent or skipped (JobTransitions.finish),
 * so it names nobody then; one that still names someone must be keyed.
 */
import { message, submit, TestUser, user } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { members, PulseDriver, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt } from '../rhythm/support';
import { allDocuments, PersonalChat } from '../verantwoording/support';
import { answerAsManager, directoryFile, managerCardAbout, pressIn, putBeforeManager } from '../talent-review/support/proposal-put-before';

const SECRET = 'every-private-message-keyed-secret-'.padEnd(44, 'x');

type Job = { id: string; status: string; target: { kind: string }; keyedKey?: true; keyOutlivesErasure?: true; guard?: unknown; about?: string[]; listed?: unknown[]; listedIds?: string[]; batch?: string };
const namesSomeone = (j: Job) => j.target.kind === 'person' || !!j.about?.length || !!j.listed?.length || !!j.listedIds?.length;

describe('every private message in the outbox is keyed with the app\'s secret', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('after a run that queues every cheap kind, each job to or about a person carries keyedKey or keyOutlivesErasure', async () => {
    const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
    const mia = user('Mia');
    const directory = directoryFile([...[anna, bram, cem, dewi].map((m) => ({ id: m.aadObjectId, name: m.name, managerId: mia.aadObjectId })), { id: mia.aadObjectId, name: 'Mia' }]);
    t = await startTestApp({ POLL_HASH_KEY: SECRET, DIRECTORY_FILE: directory, HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    const seen = new Map<string, Job>();
    const look = async () => {
      // Every job, as last seen: one deleted when it ended (guarded, or leaving a blank) as it waited.
      for (const j of ((await allDocuments(t.store)).outbox ?? []) as (Job & { type: string })[]) if (j.type === 'outboxJob') seen.set(j.id, j);
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
    const hanna = user('Hanna');
    await new PersonalChat(t, hanna).say('jaarplan');
    await runAt(t, '2026-12-01T08:00:00Z');
    await look();

    // HR asks for the report and the Jaarplan in a group chat: restricted cards about her there.
    const shared = t.conversation('groupChat', '19:every-private-hr@thread.v2');
    expect((await t.send(message(shared, hanna, 'rapport 2026-11-01 2026-11-30'))).status).toBe(200);
    expect((await t.send(message(shared, hanna, 'jaarplan'))).status).toBe(200);
    // HR starts a poll from her own chat: the started card goes there, about her.
    const pulse = new PulseDriver(t);
    await pulse.install(team('Zorgteam West', 'west', members('west', 4)));
    await t.send(message(t.conversation('personal', 'a:hanna-every-private'), hanna, 'peiling start Zorgteam West 2026-12-11'));
    await pulse.settle();
    await look();
    await t.app.outbox.drain(60_000);
    await look();

    const jobs = [...seen.values()];
    // The run reached many kinds (two cards a member, the put-before pair, the review notice, the
    // presser's card, the half-year's), and HR's two restricted cards and the started card.
    expect(jobs.filter((j) => j.target.kind === 'person').length).toBeGreaterThanOrEqual(14);
    // A guarded job leaves no trace once it ended (`leavesNoTrace`): nothing of it names anyone then.
    // A keyed one names nobody once it ended (`endedNamingNobody`). One that only listed people for a
    // shared card's refresh keeps no list once it went (JobTransitions.finish): it names nobody then.
    const unkeyed = jobs.filter((j) => namesSomeone(j) && !j.keyedKey && !j.keyOutlivesErasure && !j.guard);
    expect(unkeyed.map((j) => `${j.id} ${j.status} ${j.target.kind} about:${j.about?.length ?? 0} listed:${j.listed?.length ?? 0} ${j.batch ?? ''}`)).toEqual([]);
    expect(jobs.filter((j) => j.target.kind === 'conversation' && j.keyedKey).length).toBeGreaterThanOrEqual(3);
  }, 300_000);
});
