import { parse } from 'csv-parse/sync';
import { user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { reportCard } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram, cem, dewi, eva] = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva'].map(user) as [ReturnType<typeof user>, ReturnType<typeof user>, ReturnType<typeof user>, ReturnType<typeof user>, ReturnType<typeof user>];
const hanna = user('Hanna'); // HR/L&O

/** What a reader can take from a card: every average it shows, with the count beside it if there is one. */
interface Reading {
  averages: { value: number; count?: number }[];
  /** "N collega's ingecheckt": how many answered so far, shown while a check-in runs. */
  checkedIn?: number;
}

function read(card: unknown): Reading {
  const text = cardText(card);
  const averages = [...text.matchAll(/gemiddeld (\d+(?:,\d+)?)(?:\.| \((\d+) antwoord)|(\d+(?:,\d+)?) gemiddeld(?: \((\d+) antwoord)?/g)].map((m) => ({
    value: Number((m[1] ?? m[3])!.replace(',', '.')),
    ...(m[2] ?? m[4] ? { count: Number(m[2] ?? m[4]) } : {}),
  }));
  const checkedIn = /(\d+) collega(?:'s)? ingecheckt/.exec(text)?.[1];
  return { averages, ...(checkedIn ? { checkedIn: Number(checkedIn) } : {}) };
}

/**
 * The differencing attack: two readings of the opening check-in's average, one answer apart.
 * With both averages and both counts, n2 x a2 - n1 x a1 is the newcomer's score (rounded, since
 * scores are whole numbers). Returns the score it finds, or undefined when the readings do not
 * allow it.
 */
function difference(before: Reading, after: Reading): number | undefined {
  const a1 = before.averages[0];
  const a2 = after.averages[0];
  if (!a1 || !a2) return undefined;
  const n1 = a1.count ?? before.checkedIn;
  const n2 = a2.count ?? after.checkedIn;
  if (n1 === undefined || n2 === undefined || n2 !== n1 + 1) return undefined;
  if (a1.value === a2.value && a1.count === undefined && a2.count === undefined) return undefined;
  return Math.round(n2 * a2.value - n1 * a1.value);
}

/**
 * Energy check-ins are private: the group sees an average only once a check-in closes, from three
 * answers, and never a figure that changes answer by answer. Each attack here tries to learn one
 * member's score from what a member, or HR, can read; each must fail.
 */
describe('privacy of energy check-ins', () => {
  let t: TestApp;
  let g: GroupDriver;
  const ownView = async (who: typeof anna) => (await g.press(who, 'session.refresh', g.ids())).value;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: hanna.aadObjectId }, '2026-11-23T08:00:00Z'); // Monday 09:00 in Amsterdam
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi, eva]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
  });
  afterAll(() => t.stop());

  it('a member watching the card cannot take the fourth check-in from the third', async () => {
    for (const [who, score] of [[anna, 2], [bram, 5], [cem, 4]] as const) await g.checkIn(who, score);
    const before = read(await ownView(eva));
    await g.checkIn(dewi, 1);
    const after = read(await ownView(eva));
    expect({ before: before.averages, after: after.averages, found: difference(before, after) }).toEqual({ before: [], after: [], found: undefined });
  });

  it('a check-in after the check-in closed changes no figure anyone can read', async () => {
    await g.goTo(anna, 1);
    const closed = read(await ownView(anna));
    expect(closed.averages.map((a) => a.value)).toEqual([3]);
    await g.checkIn(eva, 5);
    const later = read(await ownView(anna));
    expect(later.averages).toEqual(closed.averages);
    expect(difference({ ...closed, checkedIn: 4 }, { ...later, checkedIn: 5 })).toBeUndefined();
  });

  it('the session summary shows averages without a count beside them', async () => {
    await g.end(anna);
    const summary = cardText(t.connector.cards((c) => c.method === 'POST').at(-1)!.card);
    expect(summary).toContain('Samenvatting');
    expect(summary).not.toMatch(/\(\d+ antwoord/);
  });

  it('HR cannot subtract two report periods to find the one member who checked in on another day', async () => {
    // Wednesday: only Dewi checks in. No average is published from one answer.
    t.clock.advanceMinutes(2 * 24 * 60);
    await g.startSession();
    await g.checkIn(dewi, 1);
    await g.end(dewi);
    const channel = t.conversation('channel', '19:hr-channel@thread.tacv2');
    const weekIn = async (to: string) => {
      const link = new URL((await reportCard(t, channel, hanna, `rapport 2026-11-23 ${to}`)).actions[0].url);
      const rows: Record<string, string>[] = parse(await (await fetch(`${t.app.url}${link.pathname}${link.search}`)).text(), { columns: true });
      const value = (metric: string) => rows.find((r) => r.section === 'energy' && r.key === '2026-W48' && r.metric === metric)?.value;
      return { answers: Number(value('answers') ?? 0), averageIn: value('averageIn') ? Number(value('averageIn')) : undefined };
    };
    const mondayOnly = await weekIn('2026-11-24');
    const withWednesday = await weekIn('2026-11-25');
    const isolated = withWednesday.answers - mondayOnly.answers;
    // Differencing may only ever isolate nothing, or a published average (three answers or more).
    expect(isolated === 0 || isolated >= 3).toBe(true);
    expect(withWednesday.averageIn).toBe(mondayOnly.averageIn);
  });
});
