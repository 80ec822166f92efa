/**
 * The setup form lists the chat's roster as the members' choices; roster.ts reads up to 200 people
 * (MAX_ROSTER: a channel of a large team). With display names as long as Teams allows (256
 * characters) every choice carried the whole name, and the form came to about 151 KB: Teams
 * refuses that message, and the group could not be set up. A choice's title is now cut between
 * graphemes (shorter still where needed to fit); its value stays the person's id.
 * 1. Ordinary names (control): within the size, every name whole.
 * 2. Names of 256 characters, Teams ids of about 80: within the size, all 200 people still
 *    choosable, each title the start and the end of their name around "…".
 * 3. Names that share a long start (a department before the person's name) were all cut to the
 *    same title: the setter could not tell whom they add. The cut is now in the middle, keeping
 *    the end; titles still alike (names differing only in the part cut away) get a number each.
 */
import { createTranslator } from '../../src/i18n/i18n';
import { groupSetupCard } from '../../src/teams/cards/group-setup.card';
import { cardProblems } from '../support/card-validator';
import { nameOf } from './largest-content';

const teamsId = (i: number) => `29:1${String(i).padStart(4, '0')}${'aBcD3fGh1jKlMn0pQrStUvWxYz'.repeat(3)}`;
const current = { name: 'Team Zorg', members: [], schedule: { days: [1, 2, 3, 4], startTime: '09:00', timeZone: 'Europe/Amsterdam' }, language: 'en', plannedWeeks: 20 } as never;

/** The setup form over 200 people named `name(i)`: its size problems and its members' choices. */
function formOver(name: (i: number) => string) {
  const roster = Array.from({ length: 200 }, (_, i) => ({ id: teamsId(i), name: name(i) }));
  const card = groupSetupCard({ roster, current, rev: 0 }, createTranslator().t('en'));
  const members = (card.body as { id?: string; choices?: { title: string; value: string }[] }[]).find((e) => e.id === 'members')!;
  return { roster, size: cardProblems(card).filter((p) => p.startsWith('size')), choices: members.choices! };
}

describe('the setup form over a roster of 200', () => {
  it('ordinary names (control): every name whole', () => {
    const { roster, size, choices } = formOver((i) => `Medewerker ${i} van der Heijden-Bakker (Zorg)`);
    expect({ size, choices }).toEqual({ size: [], choices: roster.map((m) => ({ title: m.name, value: m.id })) });
  });

  it('names as long as Teams allows: within the size, everyone choosable by the start of their name', () => {
    const { roster, size, choices } = formOver((i) => nameOf(`M${i}`));
    const cut = choices.filter((c, i) => {
      const [start, end] = c.title.split('…');
      return roster[i]!.name.startsWith(start!) && roster[i]!.name.endsWith(end!) && start!.length >= 15 && end!.length >= 15;
    });
    expect({ size, values: choices.map((c) => c.value), cut: cut.length }).toEqual({ size: [], values: roster.map((m) => m.id), cut: 200 });
  });

  it('names sharing a long start: every choice has a title of its own, ending as the name ends', () => {
    const prefix = 'Zorggroep Rijnmond, locatie Noord – afdeling Interne Geneeskunde en Longziekten – nachtdienst – ';
    const { roster, size, choices } = formOver((i) => `${prefix}${'medewerker '.repeat(10)}${String(i).padStart(3, '0')}`);
    const titles = choices.map((c) => c.title);
    expect({ size, distinct: new Set(titles).size, endsAsName: titles.filter((title, i) => title.includes('…') && roster[i]!.name.endsWith(title.split('…')[1]!)).length }).toEqual({ size: [], distinct: 200, endsAsName: 200 });
  });

  it('names alike but for their middle: a number each tells the choices apart', () => {
    const { size, choices } = formOver((i) => `Zorggroep ${'x'.repeat(60)} ${String(i).padStart(3, '0')} ${'y'.repeat(60)} Jan de Vries`);
    const titles = choices.map((c) => c.title);
    expect({ size, distinct: new Set(titles).size, numbered: titles.filter((title, i) => title.endsWith(`Jan de Vries (${i + 1})`)).length }).toEqual({ size: [], distinct: 200, numbered: 200 });
  });
});
