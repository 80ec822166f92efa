/**
 * What `npm run dev` prints once the app and the Agents Playground are up: the README's
 * card-driven walk-through, in the Playground's own names (read from .m365agentsplayground.yml).
 */
import * as fs from 'fs';

export interface DevSetup {
  port: number;
  playgroundPort: number;
  /** The Playground's group chat, as its mock tenant names it. */
  groupChat: string;
  /** The Playground's own user (Anna de Vries), for the tab's dev sign-in. */
  userId: string;
}

/** The group chat's name in the Playground's mock tenant file. */
export function playgroundGroupChat(ymlText: string): string {
  const name = ymlText.match(/^groupChat:\s*\n(?:[ \t]+.*\n)*?[ \t]+name:\s*(.+)$/m)?.[1]?.trim().replace(/^["']|["']$/g, '');
  if (!name) throw new Error('.m365agentsplayground.yml names no groupChat');
  return name;
}

export function readPlaygroundGroupChat(file = '.m365agentsplayground.yml'): string {
  return playgroundGroupChat(fs.readFileSync(file, 'utf8'));
}

export function devInstructions(s: DevSetup): string {
  return [
    `Lerend Werken runs on http://localhost:${s.port}/api/messages`,
    `Open the Agents Playground:  http://localhost:${s.playgroundPort}`,
    `1. Open the group chat "${s.groupChat}". The bot greets it with a card: press`,
    '   "Groep instellen", pick 3-8 members, the days, start time and weeks, and press "Opslaan".',
    '2. Press "Start week 1", then "Sessie starten": the day\'s session card, with the time left.',
    '3. "Mijn invulvelden" gives you your own view (energy check-in, your answers); "Volgende vraag"',
    '   and "Sessie afronden" lead through the day. The README\'s "Try it" walks all four days.',
    'Everything runs from the cards. Typed commands (status, help) work too; in Teams a group chat',
    'or channel passes a message to the bot only with an @mention ("@Lerend Werken status").',
    'Mijn verantwoording: type "verantwoording" in the Playground\'s personal chat, or open the tab',
    `at http://localhost:${s.port}/tab/index.html (dev sign-in; you are ${s.userId}).`,
    'Press Ctrl+C to stop both.',
  ]
    .map((line) => `[dev] ${line}`)
    .join('\n');
}
