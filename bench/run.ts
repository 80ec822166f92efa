/**
 * `npm run bench`: timings as ratios against floors measured in the same run, never as timed
 * assertions in tests. One file per scenario (`*.scenario.ts`); add one by listing it below.
 *
 *   node dist/bench/run.js [--only <name>] [--requests 300] [--rounds 6] [--warm-up 3] [--groups 12] [--connections 16]
 *                          [--messages 2000] [--conversation-messages 140] [--updates 10]
 */
import { answerTurnScenario } from './answer-turn.scenario';
import { fanOutScenario } from './fan-out.scenario';
import { htmlToTextScenario } from './html-to-text.scenario';
import { inTurnUpdateScenario } from './in-turn-update.scenario';
import { oneConversationScenario } from './one-conversation.scenario';
import { requestsPerTurnScenario } from './requests-per-turn.scenario';
import { parseArgs } from 'node:util';
import { BenchArgs, BenchScenario } from './scenario';

const SCENARIOS: BenchScenario[] = [requestsPerTurnScenario, answerTurnScenario, inTurnUpdateScenario, oneConversationScenario, fanOutScenario, htmlToTextScenario];

const USAGE = `node dist/bench/run.js [--only <${SCENARIOS.map((s) => s.name).join(' | ')}>] [--requests 300] [--rounds 6]
                   [--warm-up 3] [--groups 12] [--connections 16] [--messages 2000] [--conversation-messages 140] [--updates 10]`;
const NUMBERS = ['requests', 'rounds', 'warm-up', 'groups', 'connections', 'messages', 'conversation-messages', 'updates'] as const;

/** Node's own parser, strict: a misspelt option stops the run instead of starting the whole bench. */
function parseBenchArgs(argv: string[]): (BenchArgs & { only?: string }) | undefined {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { only: { type: 'string' }, help: { type: 'boolean' }, ...Object.fromEntries(NUMBERS.map((n) => [n, { type: 'string' as const }])) },
  });
  if (values.help) return undefined;
  return {
    only: values.only as string | undefined,
    number(name, fallback) {
      const v = Number((values as Record<string, unknown>)[name]);
      return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
    },
  };
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (!args) return void console.log(USAGE);
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
