import { execute, message, TestUser } from '../support/activities';
import { HR, PulseDriver, scores } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { Answer, hashedMembers, isVector, noord, respondents, sixAnswers, vectorOf, World } from './support/b3-database-world';
import { DatabaseDump, fullDump, nextSecond, occurrences, withoutSystemFields } from './support/database-dump';
import { findPeople, findTexts, leaks, timestampJoin } from './support/linking-attacks';

/**
 * A guard (held when written, in review of stop 60). The B3-spiegel's database reader (README,
 * "Privacy: who can learn what", B3-spiegel: every system field and POLL_HASH_KEY, at any one
 * moment) after the races two instances make: each answer delivered to both instances at once,
 * then a changed answer on the other one, and HR closing on the other instance. Three worlds run side
 * by side: two instances with respondent i giving answer i, two instances with each pair's
 * answers swapped, and one instance with the same presses one after another. The promises:
 * no `_ts` join ties a person to an answer or comment; everything stored about the poll is the
 * same whoever gave which answer; the races leave no document one instance does not (a marker,
 * a claim, a parked answer), and after closing no marker and no single answer.
 */
const KEY = 'two-instances-db-key'.padEnd(40, 'k');
const ANSWERS = sixAnswers('Twee instanties');

/** One world; its dumps are taken after 2, 4 and 6 respondents. */
async function runWorld(assign: (i: number) => Answer, twoInstances: boolean): Promise<World> {
  const env = { HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: KEY, B3_MIN_RESPONDENTS: '5' };
  const a = await startTestApp(env, '2026-11-23T08:00:00Z');
  const b: TestApp | undefined = twoInstances ? await startTestApp(env, '2026-11-23T08:00:00Z', { cosmos: a.cosmos }) : undefined;
  const other = b ?? a;
  try {
    const da = new PulseDriver(a);
    const db = new PulseDriver(other);
    await da.install(noord);
    db.register(noord);
    await a.send(da.inTeam({ ...message(da.channel(noord), HR, 'peiling start dit team 2026-12-04'), id: 'two-start-1' }, noord));
    await da.settle();
    const card = da.pollCard(noord.id);
    const answerOf = (t: TestApp, d: PulseDriver, who: TestUser, given: Answer) =>
      t.send(d.inTeam(execute(d.channel(noord), who, 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...given.values, open: given.comment }, card.id), noord));
    const changed: Answer = { values: scores(1), comment: 'GEWIJZIGD: toch anders' };
    const dumps: DatabaseDump[] = [];
    const truth: World['truth'] = [];
    for (let i = 0; i < respondents.length; i += 2) {
      await nextSecond();
      const pair = [0, 1].map((j) => ({ who: respondents[i + j]!, given: assign(i + j) }));
      if (twoInstances) {
        // Each press reaches both instances at once (a redelivery), the pair's answers at the same
        // moment; then a changed answer from another device lands on the other instance.
        const routes = (j: number) => (j ? ([[other, db], [a, da]] as const) : ([[a, da], [other, db]] as const));
        await Promise.all(pair.flatMap(({ who, given }, j) => routes(j).map(([t, d]) => answerOf(t, d, who, given))));
        await Promise.all(pair.map(({ who }, j) => answerOf(routes(j)[1][0], routes(j)[1][1], who, changed)));
      } else {
        for (const { who, given } of pair) {
          await answerOf(a, da, who, given);
          await answerOf(a, da, who, given);
          await answerOf(a, da, who, changed);
        }
      }
      truth.push(...pair.map(({ who, given }) => ({ who, answer: given })));
      await Promise.all([a.app.background.idle(), other.app.background.idle()]);
      dumps.push(await fullDump(a.cosmos));
    }
    await db.say(HR, noord, 'peiling sluiten');
    await Promise.all([da.settle(), db.settle()]);
    return { pollId: card.pollId, dumps, afterClosing: await fullDump(a.cosmos), truth };
  } finally {
    await b?.stop();
    await a.stop();
  }
}

/** What documents there are, by container and type (or id where there is no type), and how many. */
const shapeOf = (dump: DatabaseDump, containers: string[]) =>
  dump.filter((d) => containers.includes(d.container)).map((d) => `${d.container}:${String(d.doc.type ?? d.doc.id)}`).sort();

describe('B3-spiegel privacy: the database after two instances raced', () => {
  let two: World;
  let swapped: World;
  let one: World;
  let people: Map<string, string>;

  beforeAll(async () => {
    [two, swapped, one] = await Promise.all([
      runWorld((i) => ANSWERS[i]!, true),
      runWorld((i) => ANSWERS[i % 2 === 0 ? i + 1 : i - 1]!, true),
      runWorld((i) => ANSWERS[i]!, false),
    ]);
    people = hashedMembers(KEY, two.pollId);
    expect(swapped.pollId).toBe(two.pollId);
  }, 110_000);

  it('the _ts join ties nobody to an answer or a comment', () => {
    for (const [k, dump] of two.dumps.entries()) {
      const found = findPeople(dump, people);
      const upTo = two.truth.slice(0, (k + 1) * 2);
      const byScores = leaks(timestampJoin(found, occurrences(dump, isVector)), new Map(upTo.map((x) => [x.who.name, vectorOf(x.answer)])));
      const byComments = leaks(timestampJoin(found, findTexts(dump, ANSWERS.map((x) => x.comment))), new Map(upTo.map((x) => [x.who.name, x.answer.comment])));
      expect({ afterPairs: k + 1, byScores, byComments }).toEqual({ afterPairs: k + 1, byScores: [], byComments: [] });
    }
  });

  it('everything stored about the poll is the same whoever gave which answer, and no changed answer is kept', () => {
    for (const k of [0, 1, 2]) {
      const stored = (w: World) => withoutSystemFields(w.dumps[k]!, ['polls', 'pollAnswers'], ['cardActivityId', 'serviceUrl', 'openedBy']);
      expect({ afterPairs: k + 1, stored: stored(swapped) }).toEqual({ afterPairs: k + 1, stored: stored(two) });
      expect(JSON.stringify(two.dumps[k])).not.toContain('GEWIJZIGD');
    }
  });

  it('the races leave no document one instance does not leave', () => {
    const containers = [...new Set(one.dumps[2]!.map((d) => d.container))].filter((c) => c !== 'outbox' && c !== 'jobs');
    for (const k of [0, 1, 2]) expect({ afterPairs: k + 1, shape: shapeOf(two.dumps[k]!, containers) }).toEqual({ afterPairs: k + 1, shape: shapeOf(one.dumps[k]!, containers) });
    // The outbox and jobs at rest: nothing there names a respondent (their markers, or their ids).
    const ids = new Set(respondents.flatMap((m) => [m.id, m.aadObjectId]));
    const named = two.dumps.flatMap((d) => occurrences(d.filter((x) => x.container === 'outbox' || x.container === 'jobs'), (v) => (typeof v === 'string' && (ids.has(v) || people.has(v)) ? v : undefined)));
    expect(named).toEqual([]);
  });

  it('after closing on the other instance: no marker and no single answer anywhere', () => {
    expect(findPeople(two.afterClosing, people)).toEqual([]);
    expect(occurrences(two.afterClosing, isVector)).toEqual([]);
    expect(shapeOf(two.afterClosing, [...new Set(one.afterClosing.map((d) => d.container))].filter((c) => c !== 'outbox' && c !== 'jobs'))).toEqual(
      shapeOf(one.afterClosing, [...new Set(one.afterClosing.map((d) => d.container))].filter((c) => c !== 'outbox' && c !== 'jobs')),
    );
  });
});
