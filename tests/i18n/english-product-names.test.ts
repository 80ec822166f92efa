/**
 * English texts use the English names of the product's parts, as the English manifest and cards do.
 * Problem this guards against: English output said "Reflectie en terugkoppeling", "B3-spiegel",
 * "The team's B3-spiegel" and "Vitale Weekcyclus session" (hr-report, pulse-poll, talent-review,
 * week-cycle), while appPackage/en.json and the English cards say "Reflection and feedback",
 * "B3 mirror" and "Vital Week Cycle": an English reader saw one thing under two names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePollCommand, parseStartArgs } from '../../src/domain/pulse-poll/poll-command';
import { createTranslator } from '../../src/i18n/i18n';

const EN_DIR = join(__dirname, '../../src/i18n/locales/en');
const DUTCH_NAMES = /B3-spiegel|Vitale Weekcyclus|Reflectie|verantwoording/i;

/** Every text of a language file with its full key (keys may stay Dutch: they are code). */
function entries(obj: Record<string, unknown>, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]): [string, string][] => (v && typeof v === 'object' ? entries(v as Record<string, unknown>, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)]]));
}

describe('English names in the English texts', () => {
  const files = readdirSync(EN_DIR).filter((f) => f.endsWith('.json'));

  it('reads every English language file', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  // No English text needs a Dutch command word: the English commands have English words ("my
  // accountability"), and the one example that named a channel "Vitale Weekcyclus" takes any name.
  it.each(files)('%s names no part of the product in Dutch (B3-spiegel, Vitale Weekcyclus, Reflectie, verantwoording)', (file) => {
    const texts = entries(JSON.parse(readFileSync(join(EN_DIR, file), 'utf8')) as Record<string, unknown>);
    expect(texts.filter(([, text]) => DUTCH_NAMES.test(text))).toEqual([]);
  });

  it('gives an English example of starting a poll that the English command reads as it says', () => {
    const example = createTranslator().t('en')('pulse.help.example');
    const command = parsePollCommand(example.replace(/^Example:\s*/, ''));
    expect(command).toEqual({ kind: 'start', args: expect.any(String) });
    const parsed = parseStartArgs((command as { args: string }).args, '2026-11-23');
    expect(parsed).toEqual({ ok: true, request: expect.objectContaining({ target: { kind: 'named', name: 'Care Team North' }, closesOn: '2026-12-04', channelName: 'Vital Week Cycle' }) });
  });
});
