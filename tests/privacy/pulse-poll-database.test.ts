import { message } from '../support/activities';
import { HR, PulseDriver } from '../support/pulse-driver';
import { startTestApp } from '../support/test-app';
import { Answer, hashedMembers, isVector, noord, respondents, sixAnswers, vectorOf, World } from './support/b3-database-world';
import { fullDump, nextSecond, occurrences, withoutSystemFields } from './support/database-dump';
import { appeared, findPeople, findTexts, leaks, orderJoin, rightGuesses, timestampJoin, unkeyedGuesses } from './support/linking-attacks';

/**
 * The B3-spiegel against someone who reads the database: a full dump of every container after
 * every answer, with every system field (`_ts`, `_etag`, `_rid`), the documents in the order
 * Cosmos DB returns them, and POLL_HASH_KEY. From any one dump they must not tell who gave which
 * answer or open comment better than by chance. Answers are given a second apart, so that
 * separately written documents would carry telling `_ts` values.
 */
const KEY = 'privacy-database-key'.padEnd(40, 'd');

/** Six different answers, each with its own open comment. */
const ANSWERS = sixAnswers('Open antwoord');

/** One run of the app: the same people answer in the same order; `assign` says who gives which answer. Its dumps[k]: after k answers. */
async function runWorld(assign: (i: number) => Answer): Promise<World> {
  const t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: KEY, B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
  try {
    const d = new PulseDriver(t);
    await d.install(noord);
    // A fixed command id: both worlds get the same poll id, so the same keyed hashes.
    await t.send(d.inTeam({ ...message(d.channel(noord), HR, 'peiling start dit team 2026-12-04'), id: 'privacy-start-1' }, noord));
    await d.settle();
    const card = d.pollCard(noord.id);
    const dumps = [await fullDump(t.cosmos)];
    const truth: World['truth'] = [];
    for (const [i, who] of respondents.entries()) {
      const given = assign(i);
      await nextSecond();
      await d.press(who, d.channel(noord), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...given.values, open: given.comment }, card.id, noord);
      truth.push({ answer: given, who });
      dumps.push(await fullDump(t.cosmos));
    }
    await d.say(HR, noord, 'peiling sluiten');
    await d.settle();
    return { pollId: card.pollId, dumps, afterClosing: await fullDump(t.cosmos), truth };
  } finally {
    await t.stop();
  }
}

describe('B3-spiegel privacy: a database reader with every field and the hash key', () => {
  let a: World;
  let b: World;
  let people: Map<string, string>;

  beforeAll(async () => {
    // World A: respondent i gives answer i. World B: the same people, in the same order, but each
    // pair swaps answers (1<->2, 3<->4, 5<->6). After every pair both worlds hold the same answers.
    // The worlds are separate apps and databases: they run side by side, so their answers' waits
    // for a second of their own (nextSecond) overlap instead of adding up.
    [a, b] = await Promise.all([runWorld((i) => ANSWERS[i]!), runWorld((i) => ANSWERS[i % 2 === 0 ? i + 1 : i - 1]!)]);
    expect(b.pollId).toBe(a.pollId);
    // The attacker hashes every team member with the key, as the app does.
    people = hashedMembers(KEY, a.pollId);
  }, 90_000);

  it('the _ts join: nobody is linked to an answer or a comment through the time of a write', () => {
    for (const [k, dump] of a.dumps.entries()) {
      const found = findPeople(dump, people);
      const scoresTruth = new Map(a.truth.slice(0, k).map((x) => [x.who.name, vectorOf(x.answer)]));
      const commentTruth = new Map(a.truth.slice(0, k).map((x) => [x.who.name, x.answer.comment]));
      const byScores = leaks(timestampJoin(found, occurrences(dump, isVector)), scoresTruth);
      const byComments = leaks(timestampJoin(found, findTexts(dump, ANSWERS.map((x) => x.comment))), commentTruth);
      expect({ afterAnswers: k, byScores, byComments }).toEqual({ afterAnswers: k, byScores: [], byComments: [] });
    }
  });

  it('the order of comments and markers: the stored order is the same whoever wrote what, so pairing by position is a coin toss', () => {
    const comments = ANSWERS.map((x) => x.comment);
    for (const k of [2, 4, 6]) {
      const guessA = orderJoin(findPeople(a.dumps[k]!, people), findTexts(a.dumps[k]!, comments));
      const guessB = orderJoin(findPeople(b.dumps[k]!, people), findTexts(b.dumps[k]!, comments));
      expect({ afterAnswers: k, guessB }).toEqual({ afterAnswers: k, guessB: guessA });
      const right = (w: World) => rightGuesses(orderJoin(findPeople(w.dumps[k]!, people), findTexts(w.dumps[k]!, comments)), new Map(w.truth.slice(0, k).map((x) => [x.who.name, x.answer.comment])));
      // Each swapped pair can be guessed right in one world at most.
      expect(right(a) + right(b)).toBeLessThanOrEqual(k);
    }
  });

  it('everything stored about the poll is the same whichever respondent gave which answer (order of documents and arrays included)', () => {
    for (const k of [2, 4, 6]) {
      // Left out: what differs between two runs whatever the answers are. The card's id and the
      // connector's address per run, and `openedBy`, the random key of HR's start command, written
      // with the poll before any answer (so it can carry none).
      const stored = (w: World) => withoutSystemFields(w.dumps[k]!, ['polls', 'pollAnswers'], ['cardActivityId', 'serviceUrl', 'openedBy']);
      expect({ afterAnswers: k, stored: stored(b) }).toEqual({ afterAnswers: k, stored: stored(a) });
    }
  });

  it('after closing, who answered is forgotten, and no single answer is stored anywhere', () => {
    expect(findPeople(a.afterClosing, people)).toEqual([]);
    expect(occurrences(a.afterClosing, isVector)).toEqual([]);
  });

  it('a live observer without the key sees a new marker appear but cannot tie it to a person', () => {
    const strings = (v: unknown) => (typeof v === 'string' && v.length >= 16 ? v : undefined);
    const guesses = new Set(noord.members.flatMap((m) => [...unkeyedGuesses(m.aadObjectId, a.pollId), ...unkeyedGuesses(m.id, a.pollId)]));
    for (let k = 1; k < a.dumps.length; k++) {
      const fresh = appeared(a.dumps[k - 1]!, a.dumps[k]!, strings);
      expect(fresh.length).toBeGreaterThan(0);
      expect(fresh.filter((s) => guesses.has(s))).toEqual([]);
    }
  });
});
