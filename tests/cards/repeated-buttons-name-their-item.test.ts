/**
 * Buttons that read alone (review stop 50). A screen reader's list of buttons and Teams mobile's
 * overflow menu give a button without the text above it. On "Mijn verantwoording" every note
 * carries "Bewerken" / "Delen met leidinggevende" / "Verwijderen", every week "Tijd aanpassen" and
 * its share button, every answer its share button, every adopted proposal "Voorleggen aan mijn
 * leidinggevende"; the manager's kept team accounts each "Verwijderen". The visible titles may
 * repeat (they stay short), but what each button reads as (its Adaptive Cards 1.5 `tooltip`, which
 * renderers make its accessible name; else its title) names the item it acts on, so no two buttons
 * on one card read the same. The cards stay valid 1.5 cards.
 */
import { randomUUID } from 'node:crypto';
import { createTranslator } from '../../src/i18n/i18n';
import { MAX_NOTE_LENGTH } from '../../src/domain/verantwoording/accountability-note';
import { TeamAccountRecord } from '../../src/domain/talent-review/team-account';
import { adaptiveCard } from '../../src/teams/cards/card-kit';
import { keptAccountsSection } from '../../src/teams/cards/talent-review/team-accounts-kept.section';
import { teamAccountsKeptCard } from '../../src/teams/cards/talent-review/team-accounts-kept.card';
import { overviewCard } from '../../src/teams/cards/verantwoording/overview.card';
import { CycleEntry, VerantwoordingOverview } from '../../src/usecases/verantwoording/overview';
import { execute, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat } from '../verantwoording/support';

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- card JSON under test
/** Every action of a card (not the Submit fallbacks, which stand in for their own action). */
function actions(node: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(node)) node.forEach((n) => actions(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Node;
    if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o);
    for (const [k, v] of Object.entries(o)) if (k !== 'data' && k !== 'fallback') actions(v, out);
  }
  return out;
}
/** What a button reads as to a screen reader: its tooltip when it has one, else its title. */
const readAs = (a: Node) => String(a.tooltip ?? a.title);
/** What two or more buttons of the card read as alike. */
const readAlike = (card: unknown) => {
  const read = actions(card).map(readAs);
  return [...new Set(read.filter((x, i) => read.indexOf(x) !== i))];
};
const translator = createTranslator();

describe.each(['nl', 'en'] as const)('the overview with two notes in the chat, in %s', (language) => {
  const anna = user('Anna');
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp({}, '2026-11-23T08:00:00Z'); });
  afterAll(() => t.stop());

  it('has no two buttons that read the same, its visible titles stay short, and it is a valid card', async () => {
    const chat = new PersonalChat(t, anna);
    const locale = language === 'en' ? 'en-US' : 'nl-NL';
    for (const text of ['Eerste notitie over plannen', 'Tweede notitie over overdracht']) {
      const res = await t.send({ ...execute(chat.conv, anna, 'verantwoording.note.add', { text, k: randomUUID() }, 'overview-card'), locale });
      expect(res.status).toBe(200);
    }
    const { cards } = await chat.say(language === 'en' ? 'my accountability' : 'verantwoording', locale);
    const card = cards[0] ?? chat.cards.at(-1);
    expect(JSON.stringify(card)).toContain('Tweede notitie');
    expect(readAlike(card)).toEqual([]);
    expect(cardProblems(card as object)).toEqual([]);
    const del = language === 'en' ? 'Delete' : 'Verwijderen';
    const deletes = actions(card).filter((a) => a.title === del);
    expect(deletes).toHaveLength(2);
    // Each delete names its own note, after what it does.
    expect(deletes.map(readAs).sort()).toEqual([expect.stringContaining('Eerste notitie over plannen'), expect.stringContaining('Tweede notitie over overdracht')]);
    for (const d of deletes) expect(readAs(d).startsWith(`${del}: `)).toBe(true);
  });
});

const long = (n: number, word = 'woord ') => word.repeat(Math.ceil(n / word.length)).slice(0, n);
function cycle(week: number): CycleEntry {
  return {
    groupId: 'g1', groupName: 'Team Zorg', cycleId: `g1_w${week}`, weekNumber: week, at: '2026-11-23T08:00:00Z', sessionsAttended: 4, hours: 3.5, hoursCorrected: false, timeRev: 1, correctable: true, timeVisibility: week % 2 ? 'shared' : 'private',
    proposals: ['Overdracht korter maken', 'Planning een dag eerder delen'].map((text, i) => ({ id: `p${i}`, groupId: 'g1', groupName: 'Team Zorg', cycleId: `g1_w${week}`, source: 'decision' as const, text, status: 'accept' as const })),
    answers: [9, 10].map((q) => ({ id: `pa_${week}_${q}`, questionId: q, question: 'Welke kennis wil ik verder ontwikkelen?', text: long(200), visibility: 'private' as const, updatedAt: '' })),
  };
}
// Four notes that begin alike, each on its own day, from a Teams message (an "open message" button each).
const overview: VerantwoordingOverview = {
  userId: 'u',
  profTraject: { id: 'pt', type: 'profTraject', userId: 'u', learningNeeds: 'Plannen', talents: 'Begeleiden', plannedWeeks: 20, visibility: 'private', createdAt: '', updatedAt: '' },
  cycles: [1, 2, 3].map(cycle),
  notes: [1, 2, 3, 4].map((i) => ({ id: `note_${i}`, type: 'note' as const, userId: 'u', text: long(MAX_NOTE_LENGTH), visibility: i % 2 ? 'shared' as const : 'private' as const, source: { kind: 'message' as const, link: `https://teams.microsoft.com/l/message/${i}` }, rev: 3, createdAt: `2026-11-2${i}T10:00:00Z`, updatedAt: '' })),
  totals: { cycles: 3, sessions: 12, hours: 10.5, notes: 4 },
  granted: { hours: 80, hoursPerWeek: 4, weeks: 20, weeksFrom: 'traject' },
  conversations: [],
};

describe.each(['nl', 'en'] as const)('the fullest overview, in %s', (language) => {
  const t = translator.t(language);
  const card = overviewCard(overview, t, language, 'Europe/Amsterdam');

  it('has no two buttons that read the same: notes, weeks, answers and proposals each name their item', () => {
    // The card repeats its visible titles (that is the point: they stay short)...
    const titles = actions(card).map((a) => String(a.title));
    expect(new Set(titles).size).toBeLessThan(titles.length);
    // ...and what each reads as differs.
    expect(readAlike(card)).toEqual([]);
    expect(cardProblems(card)).toEqual([]);
  });

  it('two notes of one day whose first 30 characters are the same still read apart (stop 51)', () => {
    const same = 'Vandaag geleerd hoe we de overdracht doen: ';
    const notes = [1, 2, 3].map((i) => ({ ...overview.notes[0]!, id: `same_${i}`, text: `${same}variant ${i}`, source: undefined, createdAt: `2026-11-2${i === 3 ? 3 : 2}T1${i}:00:00Z` }));
    const alike = overviewCard({ ...overview, notes }, t, language, 'Europe/Amsterdam');
    expect(readAlike(alike)).toEqual([]);
    expect(cardProblems(alike)).toEqual([]);
  });

  it('names a week by its group and number, and an answer by its question', () => {
    const read = actions(card).map(readAs);
    expect(read).toContain(language === 'en' ? 'Adjust time: learning time in Team Zorg, week 2' : 'Tijd aanpassen: leertijd in Team Zorg, week 2');
    expect(read.filter((r) => r.includes('Team Zorg') && r.includes(language === 'en' ? 'question 10' : 'vraag 10'))).toHaveLength(3);
    // A long group name is cut in the tooltip (the heading above shows it whole).
    const long = overviewCard({ ...overview, cycles: [{ ...cycle(1), groupName: 'Team Zorg en Welzijn Noord-Oost, locatie De Linde' }] }, t, language, 'Europe/Amsterdam');
    expect(actions(long).map(readAs)).toContain(language === 'en' ? 'Adjust time: learning time in Team Zorg en Welzijn Noord-Oo…, week 1' : 'Tijd aanpassen: leertijd in Team Zorg en Welzijn Noord-Oo…, week 1');
  });
});

describe.each(['nl', 'en'] as const)('the kept team accounts, in %s', (language) => {
  const t = translator.t(language);
  const account = (n: number, day = n): TeamAccountRecord => ({ id: `acc-${n}`, type: 'teamAccount', userId: 'aad-m', text: `Verantwoording ${n}`, sentAt: `2026-0${day}-01T09:00:00Z`, language, recipientCount: 5, toOwnManager: false });
  const view = { locale: language, timeZone: 'Europe/Amsterdam' } as const;

  it('on the form: no two delete buttons read the same, each names when it was sent', () => {
    const card = adaptiveCard(keptAccountsSection({ accounts: [account(3), account(2), account(1)], total: 3, ...view }, t));
    expect(readAlike(card)).toEqual([]);
    expect(cardProblems(card)).toEqual([]);
    const deletes = actions(card).filter((a) => a.title === t('teamAccount.kept.delete'));
    expect(deletes).toHaveLength(3);
    expect(readAs(deletes[0]!)).toContain(language === 'en' ? '1 March 2026' : '1 maart 2026');
  });

  it('in the full list: two accounts sent the same day read apart by their words', () => {
    const card = teamAccountsKeptCard({ accounts: [account(5, 2), account(4, 2), account(3), account(2), account(1)], total: 5, ...view, skip: 0 }, t);
    expect(readAlike(card)).toEqual([]);
    expect(cardProblems(card)).toEqual([]);
  });
});
