import { eraseMyData, exportMyData } from '../../src/usecases/verantwoording/my-data';
import { VerantwoordingDeps } from '../../src/usecases/verantwoording/deps';
import { user, TestUser } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { allDocuments, erasureOnlyDeps, verantwoordingDeps } from '../verantwoording/support';

/**
 * Erasure while the person is in a live session: a card action of theirs that arrives while the
 * erasure runs must not leave anything under their name that nothing leads to any more (their
 * membership index is gone at the end, so neither their export nor a second erasure would find it).
 */
type Doc = { type: string; id: string; authorId?: string; authorName?: string; text?: string; members?: { id: string }[]; erasing?: unknown };

const account = (who: TestUser) => ({ platformId: who.id, tenantId: 'tenant-1' });

/** Everything in the database that still names the person (by id or by name), container by container. */
async function namesOf(t: TestApp, who: TestUser): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [container, docs] of Object.entries(await allDocuments(t.store))) {
    const found = (docs as Doc[]).filter((d) => {
      const json = JSON.stringify(d);
      return json.includes(who.aadObjectId) || json.includes(`"${who.name}"`) || json.includes(who.id);
    });
    if (found.length) out[container] = found.map((d) => `${d.type}:${d.id}`);
  }
  return out;
}

async function contributionsNaming(t: TestApp, who: TestUser) {
  const sessions = (await allDocuments(t.store)).sessions as Doc[];
  return sessions.filter((d) => d.type === 'contribution' && (d.authorId === who.aadObjectId || d.authorName === who.name)).map((d) => ({ authorId: d.authorId, authorName: d.authorName, text: d.text }));
}

describe('erasure racing card actions in a live session', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

  beforeAll(async () => {
    t = await startTestApp();
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(bram, 1, 'Bram zijn eerste antwoord');
  });
  afterAll(() => t.stop());

  it('leaves no contribution under his name when he answers after the erasure read his traces, and a second run finds everything', async () => {
    const deps = verantwoordingDeps(t.cosmos, t.clock);
    const outbox = deps.dataRights.outbox;
    let raced: { type: string } | undefined;
    deps.dataRights.outbox = {
      // The erasure has read his traces; his answer on the live card arrives now.
      async forgetPerson(p) {
        if (!raced) raced = await g.contribute(bram, 1, 'Bram schrijft nog snel iets');
        return outbox.forgetPerson(p);
      },
    };
    await eraseMyData(deps, bram.aadObjectId, account(bram));
    // The card action got an answer (a card), whatever it said.
    expect(raced?.type).toBe('application/vnd.microsoft.card.adaptive');
    // The interrupted-or-not erasure "can simply run again": run it again.
    await eraseMyData(verantwoordingDeps(t.cosmos, t.clock), bram.aadObjectId, account(bram));

    const exported = await exportMyData(verantwoordingDeps(t.cosmos, t.clock), bram.aadObjectId, 'nl');
    expect({ stillNamed: await contributionsNaming(t, bram), inExport: exported.contributions.map((c) => c.text) }).toEqual({ stillNamed: [], inExport: [] });
    expect(await namesOf(t, bram)).toEqual({});
  });

  it('also finds an answer whose turn read the group before he left it and stored it while the erasure was anonymising', async () => {
    const deps = verantwoordingDeps(t.cosmos, t.clock);
    // A contribution of Cem's as stored, to write one as a turn that began before the erasure would.
    const cems = ((await allDocuments(t.store)).sessions as Doc[]).filter((d) => d.type === 'contribution');
    await g.contribute(cem, 1, 'Cem zijn antwoord');
    const template = ((await allDocuments(t.store)).sessions as (Doc & Record<string, unknown>)[]).find((d) => d.type === 'contribution' && d.authorId === cem.aadObjectId && !cems.some((c) => c.id === d.id))!;
    const { _rid, _self, _etag, _attachments, _ts, ...item } = template as Record<string, unknown>;
    void [_rid, _self, _etag, _attachments, _ts];
    const traces = deps.traces;
    let reads = 0;
    deps.traces = Object.assign(Object.create(traces) as VerantwoordingDeps['traces'], {
      traceOf: async (groupId: string, userId: string) => {
        const trace = await traces.traceOf(groupId, userId);
        // After the erasure's first read of his traces (he is off the member list by now), the
        // late turn stores his answer: nothing of the member list is checked any more.
        if (++reads === 1) await t.cosmos.container('sessions').items.create({ ...item, id: `${String(item.id)}-late`, authorId: cem.aadObjectId, authorName: cem.name, text: 'Cem was nog bezig' });
        return trace;
      },
    });
    await eraseMyData(deps, cem.aadObjectId, account(cem));

    expect(await contributionsNaming(t, cem)).toEqual([]);
    expect(await namesOf(t, cem)).toEqual({});
    const sessions = (await allDocuments(t.store)).sessions as Doc[];
    expect(sessions.filter((d) => d.text === 'Cem was nog bezig').map((d) => d.authorId)).toEqual(['erased']);
  });

  it('refuses her card actions while her erasure is under way, and lets her join afresh once it is done', async () => {
    const deps = verantwoordingDeps(t.cosmos, t.clock);
    const records = deps.records;
    let during: { type: string; value: unknown } | undefined;
    deps.records = Object.assign(Object.create(records) as VerantwoordingDeps['records'], {
      delete: async (userId: string, id: string) => {
        // Her own partition is being deleted (her membership index first or soon): she presses a button on the live card now.
        if (!during) during = await g.contribute(dewi, 1, 'Dewi tijdens haar wissen');
        return records.delete(userId, id);
      },
    });
    await eraseMyData(deps, dewi.aadObjectId, account(dewi));
    expect(during?.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(during?.value)).toContain('Je gegevens worden op dit moment gewist.');
    expect(await namesOf(t, dewi)).toEqual({});
    // Afterwards she acts again (a press sent after the erasure: one sent before it joins nobody,
    // see erasure-redelivered-activities.test.ts): she joins as anyone new does, and her export shows it.
    t.clock.advanceMinutes(1);
    await g.contribute(dewi, 1, 'Dewi begint opnieuw');
    const exported = await exportMyData(verantwoordingDeps(t.cosmos, t.clock), dewi.aadObjectId, 'nl');
    expect(exported.contributions.map((c) => c.text)).toEqual(['Dewi begint opnieuw']);
  });
});

/**
 * Cut the erasure at each of its requests in turn, then run it again: every cut leaves a state
 * the rerun completes, and nothing of the person stays (nor is the rest of the group touched).
 */
describe('an erasure cut at any request and run again', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  /** Wraps every port the erasure uses, so that request number `cut` fails. */
  function cutAt(deps: VerantwoordingDeps, cut: number): { deps: VerantwoordingDeps; count: () => number } {
    let n = 0;
    const wrap = <T extends object>(port: T): T =>
      new Proxy(port, {
        get(target, key, receiver) {
          const value = Reflect.get(target, key, receiver);
          if (typeof value !== 'function') return value;
          return async (...args: unknown[]) => {
            if (n++ === cut) throw new Error(`cut at request ${cut}`);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    const { dataRights } = deps;
    return {
      deps: {
        ...deps,
        records: wrap(deps.records),
        membership: wrap(deps.membership),
        traces: wrap(deps.traces),
        groups: wrap(deps.groups),
        cycles: wrap(deps.cycles),
        proposals: wrap(deps.proposals),
        dataRights: { reviews: wrap(dataRights.reviews), reviewManagers: wrap(dataRights.reviewManagers), outbox: wrap(dataRights.outbox), jobs: wrap(dataRights.jobs), holidays: dataRights.holidays },
      },
      count: () => n,
    };
  }

  it('completes from every cut, leaving only anonymous contributions', async () => {
    let done = false;
    let cuts = 0;
    for (let cut = 0; !done && cut < 200; cut++) {
      cuts = cut;
      const people = ['Anna', 'Bram', 'Cem', 'Dewi'].map((name) => user(`${name}${cut}`));
      const g = new GroupDriver(t, t.conversation('groupChat', `19:cut-${cut}@thread.v2`), people);
      await g.setUp();
      await g.startCycle();
      await g.startSession();
      for (const m of people) await g.checkIn(m, 4);
      await g.contribute(people[1]!, 1, `Antwoord ${cut}`);
      const bram = people[1]!;
      // No save of Bram's own records runs here: nothing for each of these erasures to wait out.
      const attempt = cutAt(erasureOnlyDeps(t.cosmos, t.clock), cut);
      try {
        await eraseMyData(attempt.deps, bram.aadObjectId, account(bram));
        done = true; // no request left to cut
      } catch (err) {
        expect(String(err)).toContain(`cut at request ${cut}`);
        // Between the cut and the rerun, he presses a button on the live card.
        await g.contribute(bram, 1, `Nog een antwoord ${cut}`);
        await eraseMyData(erasureOnlyDeps(t.cosmos, t.clock), bram.aadObjectId, account(bram));
      }
      expect({ cut, left: await namesOf(t, bram) }).toEqual({ cut, left: {} });
      const group = ((await allDocuments(t.store)).sessions as Doc[]).find((d) => d.type === 'group' && d.id === g.groupId)!;
      expect({ cut, members: group.members!.map((m) => m.id), erasing: group.erasing }).toEqual({ cut, members: [people[0]!, people[2]!, people[3]!].map((p) => p.aadObjectId), erasing: undefined });
    }
    expect(done).toBe(true);
    // Ticket, index, groups, traces, reviews, outbox, jobs, the group's documents, the partition: every one of them was cut once.
    expect(cuts).toBeGreaterThan(15);
    // A group set up for every cut (20 and more): on a busy two-core machine this outlasts jest's 90 s.
  }, 300_000);
});
