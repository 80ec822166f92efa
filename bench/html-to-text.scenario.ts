import { trimText } from '../src/domain/shared/text';
import { htmlToText } from '../src/teams/features/verantwoording/html-to-text';
import { BenchScenario, percentile, ratio, table } from './scenario';

/** As much HTML as the save dialog reads (its schema's cap). */
const LENGTH = 200_000;

/** Markup that never closes, each repeated to LENGTH, and the text of one repeat (a lone "<" is dropped). */
const HOSTILE: [string, string, string][] = [
  ['lone "<"', '<', ''],
  ['unclosed comments', '<!--', '!--'],
  ['unclosed script tags', '<script>', ''],
  ['unclosed tags', '<a', 'a'],
];

function timed(html: string, rounds: number, convert: (input: string) => string = htmlToText): { ms: number; text: string } {
  const samples: number[] = [];
  let text = '';
  for (let r = 0; r < rounds; r++) {
    const started = process.hrtime.bigint();
    text = convert(html);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { ms: percentile(samples, 50), text };
}

/**
 * "Bewaar in mijn verantwoording" turns a message's HTML into text on the bot's one thread. The
 * floor is as much ordinary markup; markup that never closes must cost about as much, not a scan
 * to the end for each opening (seconds, before stop 37).
 */
export const htmlToTextScenario: BenchScenario = {
  name: 'html-to-text',
  async run(args) {
    const rounds = args.number('rounds', 6);
    const unit = '<p>Vraag om <b>feedback</b> na elke dienst.</p>';
    const floor = timed(unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH), rounds);
    let ok = floor.text.startsWith('Vraag om feedback na elke dienst.');
    const rows = [['ordinary markup (floor)', floor.ms.toFixed(1), '1.00', 'yes']];
    for (const [name, piece, expected] of HOSTILE) {
      const times = Math.floor(LENGTH / piece.length);
      const run = timed(piece.repeat(times), rounds);
      const right = run.text === expected.repeat(times);
      ok &&= right;
      rows.push([name, run.ms.toFixed(1), ratio(run.ms, floor.ms), right ? 'yes' : 'NO']);
    }
    // Every typed text is trimmed of invisible characters at its ends: a long run of them in the
    // middle must cost what ordinary text does (minutes before stop 45: a scan from each of them).
    const words = 'Vraag om feedback na elke dienst. '.repeat(Math.ceil(LENGTH / 34)).slice(0, LENGTH);
    const trimFloor = timed(` ${words} `, rounds, trimText);
    const run = '\u200B \n\u3000'.repeat(LENGTH / 4);
    const trimmed = timed(`a${run}b`, rounds, trimText);
    const trimRight = trimmed.text === `a${run}b`;
    ok &&= trimRight;
    rows.push(['typed text, trimmed (floor for the next row)', trimFloor.ms.toFixed(3), '1.00', 'yes']);
    rows.push(['typed text with a run of invisible characters in the middle', trimmed.ms.toFixed(3), ratio(trimmed.ms, trimFloor.ms), trimRight ? 'yes' : 'NO']);
    return {
      title: `A message's HTML as note text (${LENGTH.toLocaleString('en')} characters, median of ${rounds} runs)`,
      table: table(['markup', 'ms', '× floor', 'text as expected'], rows),
      notes: ['Each run converts on this thread, as the bot does in the save dialog; a ratio far above 1 means a scan per opening again.'],
      ok,
    };
  },
};
