import { user } from '../support/activities';

/**
 * Honest content at its largest, shared by the tests that drive a card through the app at its
 * largest. Teams refuses a bot message over about 100 KB counted in UTF-16 and advises 80 KB.
 */
export const TEAMS_LIMIT = 100 * 1024;
export const ADVISED = 80 * 1024;

/** A display name as long as Teams allows (256 characters: titles, double surnames, a location). */
export const nameOf = (first: string) =>
  `${first} Wilhelmina Catharina Johanna Élise-Marie van den Heuvel-Schoonderwoerd tot Nijenrode en Ravesteyn (Teamleider Verpleegkunde & Zorgcoördinatie, Locatie ’s-Hertogenbosch Zuid-Oost, Afdeling Geriatrische Revalidatie, Vakgroep Kwaliteit en Veiligheid, Werkgroep Leren)`.slice(0, 256);

/** A full group of eight, each with such a name. */
export const MEMBERS8 = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva', 'Finn', 'Gijs', 'Hana'].map((n) => ({ ...user(n), name: nameOf(n) }));

/** Honest Dutch text of up to n UTF-16 code units (the unit the app's limits count), never split inside an emoji. */
export function dutch(n: number, seed: string): string {
  const words = `${seed}: "overdrachtsmomentenverbeteringsvoorstel" 😊 — één café, ‘cliëntgerichte’ zorg; we zien dat de ochtendoverdracht uitloopt.\n- vaste tijd 👍\n- "korte" lijst met één punt per cliënt\n`;
  let out = '';
  while (out.length + words.length <= n) out += words;
  for (const ch of words) {
    if (out.length + ch.length > n) break;
    out += ch;
  }
  return out;
}

/** A message's size as Teams counts it. */
export const utf16 = (x: unknown) => Buffer.byteLength(JSON.stringify(x), 'utf16le');
