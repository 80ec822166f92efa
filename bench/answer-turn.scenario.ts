import { answerTurnVersusMinimal, MeasuredLoad, Round } from './live-session/answer-turn';
import { BenchScenario, ratio, table } from './scenario';
import { embeddedCosmosInWorker } from './workers';

/** A figure, or "n/a" where the kernel gave no CPU time. */
const known = (text: string) => (text.includes('NaN') ? 'n/a' : text);

function row(name: string, l: MeasuredLoad, floor: MeasuredLoad): string[] {
  return [name, String(Math.round(l.requests)), String(Math.round(l.failed)), l.p50.toFixed(1), ratio(l.p50, floor.p50), ratio(l.p99, floor.p99), l.throughput.toFixed(0), ratio(l.throughput, floor.throughput), l.busyMsPerTurn.toFixed(2), ratio(l.busyMsPerTurn, floor.busyMsPerTurn), known(l.cpuMsPerTurn.toFixed(2)), known(ratio(l.cpuMsPerTurn, floor.cpuMsPerTurn)), known(l.storeCpuMsPerTurn.toFixed(2)), known(ratio(l.storeCpuMsPerTurn, floor.storeCpuMsPerTurn)), l.processCpuMsPerTurn.toFixed(2), ratio(l.processCpuMsPerTurn, floor.processCpuMsPerTurn)];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Each round against its own floor, then the median of those ratios: a round that a pause of the machine hit moves it less than the mean. */
function medianOfRounds(rounds: Round[]): string[] {
  const of = (f: (l: MeasuredLoad) => number) => median(rounds.map((r) => f(r.app) / f(r.minimal))).toFixed(2);
  return ['answer save: the median of the rounds\' ratios', '', '', '', of((l) => l.p50), of((l) => l.p99), '', of((l) => l.throughput), '', of((l) => l.busyMsPerTurn), '', known(of((l) => l.cpuMsPerTurn)), '', known(of((l) => l.storeCpuMsPerTurn)), '', of((l) => l.processCpuMsPerTurn)];
}

/**
 * A live session's answer save against the floor: a minimal teams-ai bot doing one point read and
 * one ETag replace per Action.Execute, on the same embedded store, with the same clients at once,
 * spread over as many documents as the app has groups. Rounds alternate, the floor first, so each
 * round is compared with a floor measured seconds before it on a machine whose speed drifts.
 */
export const answerTurnScenario: BenchScenario = {
  name: 'answer-turn',
  async run(args) {
    const opts = { requests: args.number('requests', 300), rounds: args.number('rounds', 6), warmUp: args.number('warm-up', 3), groups: args.number('groups', 12), connections: args.number('connections', 16) };
    const cosmos = await embeddedCosmosInWorker();
    try {
      const { app, minimal, rounds } = await answerTurnVersusMinimal(cosmos, opts);
      return {
        title: `Answer save against a minimal teams-ai bot (${opts.connections} connections, ${opts.groups} groups, ${opts.rounds} rounds of ${opts.requests} requests each after ${opts.warmUp} of warm-up)`,
        table: table(
          ['turn', 'requests', 'failed', 'p50 ms', 'p50 × floor', 'p99 × floor', 'per s', 'throughput × floor', 'bot thread ms/turn', 'bot thread × floor', 'bot thread CPU ms/turn', 'CPU × floor', 'store thread CPU ms/turn', 'store CPU × floor', 'all threads CPU ms/turn', 'all CPU × floor'],
          [
            row('minimal bot: 1 point read + 1 ETag replace (floor)', minimal, minimal),
            row('answer save: the app (mean of the rounds)', app, minimal),
            medianOfRounds(rounds),
            ...rounds.map((r) => row(`  round with ${r.answers.from}-${r.answers.to} answers per session (its own floor)`, r.app, r.minimal)),
          ],
        ),
        notes: [
          'The app renders the member\'s own full card; the minimal bot returns a one-line card. An answer does not edit the shared card in the chat (that would wipe what the other members are typing); the group\'s steps do.',
          'The clients run in their own thread, outside the bots\' event loop, as Teams does outside the bot\'s process; so do the embedded store and the connector. "Bot thread ms/turn" is how long the bots\' own thread was busy per turn (its event-loop utilisation), the cost that latency follows when the machine is not otherwise busy. "Bot thread CPU" is the time the kernel ran that thread (Linux\' schedstat), which a loaded machine does not inflate: busy time also counts the moments the thread waited for a core. "Store thread CPU" is the same count for the embedded Cosmos DB server\'s thread, and "all threads CPU" the whole process\'s (bots, clients, store, connector and V8\'s helper threads): on a machine of two cores, what a turn costs the cores, not only the bots\' thread.',
          `Before the measured rounds, ${opts.warmUp} rounds of each bot are not counted (the app on sessions of their own): both keep getting faster for about a thousand turns while their code is compiled.`,
          'Each answer save reads the whole session with one single-partition query (each contribution as a row of its fields); the minimal bot reads one document. The embedded store searches only the group\'s partition, as Cosmos DB does, so the rounds differ by the size of the session read, not by all groups\' answers.',
        ],
        ok: app.failed === 0 && minimal.failed === 0,
      };
    } finally {
      await cosmos.close();
    }
  },
};
