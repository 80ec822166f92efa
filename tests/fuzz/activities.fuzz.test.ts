import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContainerName, CONTAINERS } from '../../src/store/containers';
import { documentProblems } from '../../src/store/document-schemas';
import { execute, TestUser, user } from '../support/activities';
import { FakeAzureOpenAi, startFakeAzureOpenAi, success } from '../support/fake-azure-openai';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { HR, PulseDriver, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat, runWeek } from '../verantwoording/support';
import { CaseKind, FuzzCase, FuzzGenerator, INVOKE_NAMES, TEXT_COMMANDS, VERB_NAMES } from './generator';

/**
 * A thousand and more hostile activities and invokes against the whole app, from a seed. After
 * them the process is up, no request got a 5xx, and every document in every container still
 * parses with its schema (src/store/document-schemas.ts).
 *
 * Replay a failure: FUZZ_SEED=<seed> npx jest tests/fuzz (add FUZZ_ONLY=<case> for one case);
 * FUZZ_COUNT changes the number of cases. Other seeds are worth a run after a change at the edge.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const COUNT = Number(process.env.FUZZ_COUNT ?? 1200);
const ONLY = process.env.FUZZ_ONLY === undefined ? undefined : Number(process.env.FUZZ_ONLY);
const PARALLEL = 4;

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
const stranger = user('Zed');

describe(`fuzzed activities (seed ${SEED})`, () => {
  let t: TestApp;
  let ai: FakeAzureOpenAi;
  let cases: FuzzCase[];
  const answers: { n: number; status: number }[] = [];

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'fuzz-directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: anna.aadObjectId, name: 'Anna' }, { id: bram.aadObjectId, name: 'Bram', managerId: anna.aadObjectId, teamId: 'team-fuzz' }, { id: cem.aadObjectId, name: 'Cem', managerId: anna.aadObjectId }] }));
    ai = await startFakeAzureOpenAi();
    t = await startTestApp({
      DIRECTORY_FILE: directory,
      HR_USER_IDS: `${anna.aadObjectId},${HR.aadObjectId}`,
      AZURE_OPENAI_ENDPOINT: ai.url,
      AZURE_OPENAI_DEPLOYMENT: ai.deployment,
      AZURE_OPENAI_API_KEY: ai.apiKey,
      AI_TIMEOUT_MS: '500',
      AI_MAX_RETRIES: '0',
    });

    // Every kind of document, made the ordinary way, for the fuzzed actions to aim at.
    const g = new GroupDriver(t, t.conversation('groupChat', '19:fuzz-group@thread.v2'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await runWeek(g, { personal9: 'Delegeren', personal10: 'Energie van samen puzzelen', contribution: 'De overdracht' });
    ai.script(success({ proposal: 'Een vaste overdracht', assumptions: ['Tijd is er'], risks: ['Afvinklijst'], questionsToCheck: ['Past het?'] }));
    const chat = new PersonalChat(t, anna);
    await chat.say('notitie Eerste notitie');
    await chat.press('verantwoording.traject.save', { learningNeeds: 'Plannen', talents: 'Coachen', weeks: '20' });
    await chat.say('taal en');
    await t.send(execute(t.conversation('personal', 'a:personal-anna'), anna, 'review.plan.save', { reportId: bram.aadObjectId, date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    const pulse = new PulseDriver(t);
    const fuzzTeam = team('Team Fuzz', 'fuzz-team', [anna, bram, cem, dewi, HR]);
    await pulse.install(fuzzTeam);
    await pulse.say(HR, fuzzTeam, 'peiling start dit team 2026-12-31');
    await pulse.settle();

    const ids: Record<string, Set<string>> = {};
    const add = (key: string, value: unknown) => {
      if (typeof value === 'string') (ids[key] ??= new Set()).add(value);
    };
    for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
      const { resources } = await t.cosmos.container(name).items.readAll().fetchAll();
      for (const doc of resources as Record<string, any>[]) { // eslint-disable-line @typescript-eslint/no-explicit-any -- raw documents
        for (const key of ['groupId', 'sessionId', 'cycleId', 'pollId', 'cardActivityId']) add(key, doc[key]);
        if (name === 'groups') add('groupId', doc.id);
        if (doc.type === 'proposal') add('proposalId', doc.id);
        if (doc.type === 'note') add('noteId', doc.id);
        if (doc.type === 'talentReview') {
          add('reviewId', doc.id);
          add('reportId', doc.reportId);
        }
        if (name === 'personal') add('id', doc.id);
        if (doc.type === 'cycle') add('id', doc.id);
        if (doc.type === 'poll') {
          for (const target of doc.targets) {
            add('targetId', target.id);
            add('teamId', target.teamId);
          }
        }
      }
    }
    add('reportId', cem.aadObjectId);
    const world = {
      serviceUrl: t.connector.url,
      users: [anna, bram, cem, dewi, HR, stranger],
      conversations: [g.conv, t.conversation('channel', fuzzTeam.id), t.conversation('groupChat', '19:no-group@thread.v2'), ...[anna, bram, stranger].map((u) => t.conversation('personal', `a:personal-${u.name.toLowerCase()}`))],
      team: { id: fuzzTeam.id, name: fuzzTeam.name },
      ids: Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, [...v]])),
    };
    cases = new FuzzGenerator(SEED, world).cases(COUNT);
    if (ONLY !== undefined) cases = cases.filter((c) => c.n === ONLY);
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
    await ai?.close();
  });

  it(`covers every verb, text command and invoke name in ${COUNT} cases`, () => {
    if (ONLY !== undefined) return;
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    const seen = (kind: CaseKind) => new Set(cases.filter((c) => c.kind === kind).map((c) => c.label));
    expect(VERB_NAMES.filter((v) => !seen('verb').has(v) || !seen('submit').has(v))).toEqual([]);
    expect(TEXT_COMMANDS.filter((c) => !seen('text').has(c))).toEqual([]);
    expect(INVOKE_NAMES.filter((i) => !seen('invoke').has(i))).toEqual([]);
    const mutations = cases.flatMap((c) => c.mutations).join('\n');
    for (const kind of ['delete', 'wrong type', 'huge string', 'control characters', 'prototype key', 'shape swapped']) expect(mutations).toContain(kind);
  });

  it('answers every one without a 5xx, and stays up', async () => {
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const c = cases[next++]!;
        const res = await fetch(`${t.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c.activity) });
        await res.arrayBuffer();
        answers.push({ n: c.n, status: res.status });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    await t.app.background.idle();

    const failed = answers.filter((a) => a.status >= 500).map((a) => {
      const c = cases.find((x) => x.n === a.n)!;
      return `case ${c.n} (${c.kind} ${c.label}; ${c.mutations.join(', ') || 'unmutated'}): ${a.status}. Replay: FUZZ_SEED=${SEED} FUZZ_ONLY=${c.n}`;
    });
    expect(failed).toEqual([]);
    expect(answers).toHaveLength(cases.length);
    expect((await fetch(`${t.app.url}/healthz`)).status).toBe(200);
    const crashes = t.logs.filter((l) => l.includes('unhandled error in turn') || l.includes('activity could not be processed'));
    expect(crashes.map((l) => `${JSON.parse(l).err} ${JSON.parse(l).stack ?? ''}`)).toEqual([]);
  }, 120_000);

  it('leaves every document in every container parsing with its schema', async () => {
    const problems: string[] = [];
    for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
      const { resources } = await t.cosmos.container(name).items.readAll().fetchAll();
      for (const doc of resources) for (const p of documentProblems(name, doc as Record<string, unknown>)) problems.push(`${name}/${String(doc.id)}: ${p}`);
    }
    expect(problems).toEqual([]);
  });
});
