/**
 * Fault: Bram confirms "wis mijn gegevens" in his chat while Cosmos DB answers 503 to every delete
 * in the personal container, long enough for the erasure to give up after it already anonymised
 * him in his group and took him off its member list. Guarantees: the answer never claims "nothing
 * was lost" (something was erased): it says the erasure is unfinished and carries the button to
 * finish it, in the person's language; and the app finishes the erasure by itself (a durable job
 * per erasure, naming nobody), so nothing names him and his group no longer holds the "erasing" mark.
 */
import { TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { actionData, allDocuments, PersonalChat } from '../verantwoording/support';

const CONFIRM = 'verantwoording.erase.confirm';
const failPersonalDeletes = (t: TestApp) => (t.proxy!.faults = (req) => (req.kind === 'delete' && req.container === 'personal' ? { kind: 'status', status: 503 } : undefined));

/** Every document that names the person by app id, Teams id or name, as container:type. */
async function namesOf(t: TestApp, who: TestUser): Promise<string[]> {
  const out: string[] = [];
  for (const [container, docs] of Object.entries(await allDocuments(t.store))) {
    for (const d of docs as { type?: string; kind?: string; id: string }[]) {
      const json = JSON.stringify(d);
      if (json.includes(who.aadObjectId) || json.includes(`"${who.name}"`) || json.includes(who.id)) out.push(`${container}:${d.type ?? d.kind}:${d.id}`);
    }
  }
  return out;
}

describe('erasure interrupted by Cosmos DB faults', () => {
  const [, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
  let t: TestApp;
  let g: GroupDriver;

  beforeAll(async () => {
    // The session's close job waits for its summary (a second here, not 20) while an erasure in the group is unfinished.
    t = await startTestApp({}, undefined, { proxy: true, outboxTimings: { backoffBaseMs: 100, backoffCapMs: 6_000, deliverWaitMs: 1_000 }, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(bram, 1, 'Bram zijn antwoord');
    await g.contribute(cem, 2, 'Cem zijn antwoord');
  });
  afterAll(() => t.stop());

  it('answers "not finished yet" with the button to finish, never "nothing lost", and finishes by itself', async () => {
    const chat = new PersonalChat(t, bram);
    await chat.say('notitie iets voor mezelf');
    failPersonalDeletes(t);
    const answer = await chat.press(CONFIRM, { confirm: 'yes' }, 'confirm-card');
    t.proxy!.faults = undefined;
    expect(cardText(answer)).toMatch(/nog niet helemaal gewist/);
    expect(cardText(answer)).toMatch(/vanzelf af/);
    expect(cardText(answer)).not.toMatch(/niets verloren/i);
    expect(actionData(answer, CONFIRM)).toEqual({ confirm: 'yes' });
    // Half-erased for now: the ticket and the group's "erasing" mark are still there.
    const before = await allDocuments(t.store);
    expect((before.personal as { type: string }[]).some((d) => d.type === 'erasureTicket')).toBe(true);

    // Time passes; the scheduler runs what is due, without Bram.
    t.clock.advanceMinutes(60);
    await t.app.scheduler.runDue();
    const docs = await allDocuments(t.store);
    const group = (docs.sessions as { id: string; erasing?: unknown; members: { id: string }[] }[]).find((d) => d.id === g.groupId)!;
    expect({ erasing: group.erasing, members: group.members.map((m) => m.id).includes(bram.aadObjectId) }).toEqual({ erasing: undefined, members: false });
    expect((docs.personal as { type: string; userId: string }[]).filter((d) => d.userId === bram.aadObjectId)).toEqual([]);
    // Nothing names him: not his records, not the group, not the job that finished his erasure.
    expect(await namesOf(t, bram)).toEqual([]);
  });

  it('finishes at once when the person presses the button on that card (in English)', async () => {
    const chat = new PersonalChat(t, cem);
    await chat.say('language en');
    failPersonalDeletes(t);
    const answer = await chat.press(CONFIRM, { confirm: 'yes' }, 'confirm-card');
    t.proxy!.faults = undefined;
    expect(cardText(answer)).toMatch(/not been fully erased yet/);
    expect(cardText(answer)).not.toMatch(/nothing (was|has been) lost/i);
    const finished = await chat.press(CONFIRM, actionData(answer, CONFIRM)!, 'unfinished-card');
    expect(cardText(finished)).toMatch(/erased/);
    expect(cardText(finished)).not.toMatch(/not been fully/);
    expect(await namesOf(t, cem)).toEqual([]);
  });

  // Found in review, stop 36: with the scheduler retrying a failed job for a day, a round that
  // failed scheduled the next round and was retried itself too, hourly: rounds multiplied. It is
  // retried soon a few times (a passing fault), then hands over.
  it('a resume round that keeps failing hands over to the next round after a few quick retries', async () => {
    const dewi = MEMBERS[3]!;
    const chat = new PersonalChat(t, dewi);
    await chat.say('notitie iets voor mezelf');
    failPersonalDeletes(t);
    await chat.press(CONFIRM, { confirm: 'yes' }, 'confirm-card');
    const resumeRounds = async (status: string) =>
      Object.values(await allDocuments(t.store))
        .flat()
        .filter((d) => (d as { kind?: string }).kind === 'verantwoording.erasureResume' && (d as { status?: string }).status === status)
        .map((d) => (d as { payload: { round: number } }).payload.round)
        .sort();
    const doneBefore = (await resumeRounds('done')).length;
    t.clock.advanceMinutes(11);
    await t.app.scheduler.runDue(); // round 1 runs while the deletes still fail
    expect(await resumeRounds('pending')).toEqual([1, 2]); // retried soon; the next round is there already
    for (let i = 0; i < 4; i++) {
      t.clock.advanceMinutes(5);
      await t.app.scheduler.runDue();
    }
    t.proxy!.faults = undefined;
    expect({ pending: await resumeRounds('pending'), done: (await resumeRounds('done')).length - doneBefore }).toEqual({ pending: [2], done: 1 });

    t.clock.advanceMinutes(61);
    await t.app.scheduler.runDue();
    expect(await namesOf(t, dewi)).toEqual([]);
    expect(await resumeRounds('pending')).toEqual([]);
  });
});
