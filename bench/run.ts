/**
 * `npm run bench`: timings as ratios against floors measured in the same run, never as timed
 * assertions in tests. One file per scenario (`*.scenario.ts`); add one by listing it below.
 *
 *   node dist/bench/run.js [--only <name>] [--requests 600] [--groups 8] [--connections 16]
 *                          [--messages 2000] [--conversation-messages 140] [--updates 10]
 */
import { answerTurnScenario } from './answer-turn.scenario';
import { fanOutScenario } from './fan-out.scenario';
import { inTurnUpdateScenario } from './in-turn-update.scenario';
import { oneConversationScenario } from './one-conversation.scenario';
import { requestsPerTurnScenario } from './requests-per-turn.scenario';
import { BenchArgs, BenchScenario } from './scenario';

const SCENARIOS: BenchScenario[] = [requestsPerTurnScenario, answerTurnScenario, inTurnUpdateScenario, oneConversationScenario, fanOutScenario];

function parseArgs(argv: string[]): BenchArgs & { only?: string } {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    only: value('only'),
    number(name, fallback) {
      const v = Number(value(name));
      return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
    },
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const chosen = SCENARIOS.filter((s) => !args.only || s.name === args.only);
  if (!chosen.length) throw new Error(`no scenario named ${args.only}; there are: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  let ok = true;
  for (const scenario of chosen) {
    const section = await scenario.run(args);
    console.log(`\n## ${section.title}\n\n${section.table}\n`);
    for (const note of section.notes) console.log(note);
    if (!section.ok) console.log('CHECK FAILED: see the table above.');
    ok &&= section.ok;
  }
  if (!ok) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
