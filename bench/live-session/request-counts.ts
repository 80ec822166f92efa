import { message, user } from '../../tests/support/activities';
import { SeenCosmosRequest } from '../../tests/support/cosmos-proxy';
import { GroupDriver } from '../../tests/support/group-driver';
import { HR, members, PulseDriver, team } from '../../tests/support/pulse-driver';
import { startTestApp } from '../../tests/support/test-app';

export interface TurnCount {
  turn: string;
  reads: number;
  queries: number;
  queryPlans: number;
  writes: number;
  crossPartition: number;
}

const WRITES = new Set(['create', 'upsert', 'replace', 'delete', 'batch']);

function countOf(turn: string, seen: SeenCosmosRequest[]): TurnCount {
  return {
    turn,
    reads: seen.filter((r) => r.kind === 'pointRead').length,
    queries: seen.filter((r) => r.kind === 'query').length,
    queryPlans: seen.filter((r) => r.kind === 'queryPlan').length,
    writes: seen.filter((r) => WRITES.has(r.kind)).length,
    crossPartition: seen.filter((r) => r.crossPartition).length,
  };
}

/** The data of the card's "start session" button, wherever it sits in the card. */
function startButtonData(card: unknown): { cycleId?: string } | undefined {
  if (!card || typeof card !== 'object') return undefined;
  const node = card as { verb?: unknown; data?: { cycleId?: string } };
  if (node.verb === 'session.start') return node.data;
  for (const child of Object.values(card)) {
    const found = startButtonData(child);
    if (found) return found;
  }
  return undefined;
}

const [anna, bram, cem, dewi] = ['Anna', 'Bram', 'Cem', 'Dewi'].map(user) as [ReturnType<typeof user>, ReturnType<typeof user>, ReturnType<typeof user>, ReturnType<typeof user>];

/**
 * Cosmos DB requests per turn type, counted on the wire by a proxy in front of the store. The
 * extra turns (`extra`) let other features add theirs (a poll answer) with the same counter.
 */
export async function requestsPerTurn(extra: { turn: string; run: (app: { url: string; send: (a: Record<string, unknown>) => Promise<unknown> }) => Promise<unknown> }[] = []): Promise<TurnCount[]> {
  // A click's own turn only: without pacing its shared-card update leaves at once from what the turn
  // read; a paced one reads the session once more when it leaves (at most twice a second per chat).
  const t = await startTestApp({ LOG_LEVEL: 'warn', HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'bench-key-'.padEnd(40, 'x') }, undefined, { proxy: true, sharedCardIntervalMs: 0 });
  const proxy = t.proxy!;
  const rows: TurnCount[] = [];
  const measure = async (turn: string, run: () => Promise<unknown>) => {
    proxy.reset();
    await run();
    rows.push(countOf(turn, [...proxy.seen]));
  };
  try {
    const g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    const cycleCard = await g.startCycle();
    // Pressed as on the cycle card, which names its week.
    await measure('session start (card)', () => g.startSession(anna, startButtonData(cycleCard.value)?.cycleId));
    // Other people, so that Anna's own turns below read her one group, as before.
    const byCommand = new GroupDriver(t, t.conversation('groupChat', '19:bench-start-command@thread.v2'), ['Eva', 'Finn', 'Gert'].map(user));
    await byCommand.setUp();
    await byCommand.startCycle();
    await measure('session start (`start` command)', () => t.send(message(byCommand.conv, byCommand.members[0]!, 'start')));
    // The same on an instance that has not seen the group yet (it reads the group for its week).
    const cold = new GroupDriver(t, t.conversation('groupChat', '19:bench-start-cold@thread.v2'), ['Hana', 'Ivo', 'Jan'].map(user));
    await cold.setUp();
    await cold.startCycle();
    t.app.forgetHints();
    await measure('session start (`start` command, first on an instance)', () => t.send(message(cold.conv, cold.members[0]!, 'start')));
    await g.contribute(anna, 1, 'Eerste antwoord');
    await measure('answer save', () => g.contribute(bram, 1, 'Een antwoord'));
    await measure('energy check-in', () => g.checkIn(cem, 4));
    await measure('next question', () => g.goTo(dewi, 1));
    await measure('own view (refresh)', () => g.press(anna, 'session.refresh', g.ids()));
    await measure('status', () => t.send(message(g.conv, anna, 'status')));
    // Judgements in a group of four (a quorum of half): the first is short of a decision, the second opens it.
    const judging = await new GroupDriver(t, t.conversation('groupChat', '19:bench-judgements@thread.v2'), ['Kim', 'Lars', 'Mo', 'Noor'].map(user)).answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4 });
    const judge = (who: ReturnType<typeof user>) => judging.press(who, 'proposal.judge', { ...judging.ids(), opinion: 'agree', reason: 'Goed' });
    await measure('judgement (short of a decision)', () => judge(judging.members[0]!));
    await measure('judgement (opens the decision)', () => judge(judging.members[1]!));
    const personal = t.conversation('personal', 'a:personal-anna');
    await measure('verantwoording (chat)', () => t.send(message(personal, anna, 'verantwoording')));
    const signIn = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: anna.aadObjectId }) });
    const { token } = (await signIn.json()) as { token: string };
    await measure('tab load', () => fetch(`${t.app.url}/api/verantwoording`, { headers: { authorization: `Bearer ${token}` } }));
    await measure('message-extension search', () =>
      t.send({ ...message(personal, anna, ''), type: 'invoke', name: 'composeExtension/query', value: { commandId: 'zoekVoorstellen', parameters: [{ name: 'zoekterm', value: 'overdracht' }], queryOptions: { skip: 0, count: 25 } } }),
    );
    // A B3-spiegel answer on the poll card in a team channel.
    const pulse = new PulseDriver(t);
    const noord = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 5)]);
    await pulse.startPoll(noord, 'peiling start alle teams 2026-12-04');
    await pulse.answerOnCard(noord, noord.members[1]!);
    await measure('poll answer', () => pulse.answerOnCard(noord, noord.members[2]!));
    for (const e of extra) await measure(e.turn, () => e.run({ url: t.app.url, send: (a) => t.send(a) }));
    return rows;
  } finally {
    await t.stop();
  }
}
