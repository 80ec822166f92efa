/**
 * Stop 56 (the left-out "From stop 55": comments HR's results card leaves out could be read nowhere).
 * HR's results card shows at most 40 open comments, each cut at 500 characters, to stay within the
 * size Teams delivers; a comment may be 1,000 characters, and an "alle teams" poll may bring
 * hundreds. What a respondent wrote was lost to HR beyond that. Now "Alle opmerkingen voluit" pages
 * through every comment whole, in the same order at every reading (keyed by the poll and the text,
 * never by who wrote it or when), each page within Teams' limits, and only for HR.
 */
import { ITEM_IDS } from '../../src/domain/pulse-poll/instrument';
import { buildResults, tallyOfScores } from '../../src/domain/pulse-poll/results';
import { Poll } from '../../src/domain/pulse-poll/poll';
import { MAX_OPEN_ANSWER } from '../../src/domain/pulse-poll/answer';
import { createTranslator } from '../../src/i18n/i18n';
import { loadInstruments } from '../../src/pulse-poll/load-instruments';
import { AdaptiveCardJson } from '../../src/teams/cards/card-kit';
import { pollCommentsCard, pollResultsCard, PollResultsView } from '../../src/teams/cards/pulse/pulse-results.card';
import { message } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

type Card = AdaptiveCardJson & { actions?: { verb?: string; title?: string; data?: Record<string, unknown> }[]; body?: unknown[] };

/** The comments-page offset a card's button asks for, if it has one: "Alle opmerkingen voluit" or "Volgende opmerkingen". */
function nextOffset(card: unknown): number | undefined {
  const found: number[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      const data = o.data as Record<string, unknown> | undefined;
      if (o.type === 'Action.Execute' && o.verb === 'pulse.results' && typeof data?.comments === 'number') found.push(data.comments);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found[0];
}

/** A distinct comment of n characters, findable by its tag, its end marked so a cut one cannot pass for whole. */
const comment = (tag: string, n: number, filler = 'We willen meer tijd om van elkaar te leren, en een vaste plek in het rooster. ') => {
  const end = ` EINDE-${tag}`;
  return `${tag} ${filler.repeat(Math.ceil(n / filler.length))}`.slice(0, n - end.length) + end;
};

describe('HR reads every open comment in full', () => {
  describe('through the app', () => {
    let t: TestApp;
    let d: PulseDriver;
    const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 10)]);
    const hrChat = () => t.conversation('personal', 'a:hanna');
    const respondents = noord.members.filter((m) => m !== HR);
    const written = respondents.map((_, i) => comment(`OPM${String(i).padStart(2, '0')}`, 900));
    let pollId = '';

    beforeAll(async () => {
      t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'comments-in-full'.padEnd(40, 'c'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
      d = new PulseDriver(t);
      await d.startPoll(noord, 'peiling start Zorgteam Noord 2026-12-04');
      await d.settle();
      const card = d.pollCard(noord.id);
      pollId = card.pollId;
      for (const [i, who] of respondents.entries()) {
        await d.press(who, d.channel(noord), 'pulse.answer', { pollId, targetId: card.targetId, ...scores(2 + (i % 3)), open: written[i]! }, card.id, noord);
      }
      await t.send(message(hrChat(), HR, 'peiling sluiten'));
      await t.app.outbox.drain(30_000);
    }, 120_000);
    afterAll(() => t.stop());

    /** HR's pages of comments from the first, following "Volgende opmerkingen": the text of each page. */
    async function pages(): Promise<string[]> {
      const out: string[] = [];
      let from: number | undefined = 0;
      while (from !== undefined && out.length < 20) {
        const card = (await d.press(HR, hrChat(), 'pulse.results', { pollId, comments: from })).value;
        expect(cardProblems(card)).toEqual([]);
        out.push(cardText(card));
        from = nextOffset(card);
      }
      return out;
    }

    it('the results card shows the comments cut, and offers them in full', async () => {
      const results = (await d.press(HR, hrChat(), 'pulse.results', { pollId })).value;
      const text = cardText(results);
      // Cut at 500: the tags are there, their ends are not.
      expect({ tags: written.filter((w) => text.includes(w.slice(0, 5))).length, ends: written.filter((w) => text.includes(w.slice(-12))).length }).toEqual({ tags: 10, ends: 0 });
      expect(text).toContain('Alle opmerkingen voluit');
      expect(nextOffset(results)).toBe(0);
    }, 60_000);

    it('every comment comes whole, once, across the pages, in the same order at every reading', async () => {
      const first = await pages();
      const all = first.join('\n');
      expect(written.map((w) => all.split(w).length - 1)).toEqual(written.map(() => 1));
      expect(first[0]).toContain('Open opmerkingen 1-');
      expect(first[0]).toContain('Terug naar de resultaten');
      expect(await pages()).toEqual(first);
    }, 60_000);

    it('a team member asking for the comments gets their team\'s figures, never a comment', async () => {
      const member = respondents[0]!;
      const card = (await d.press(member, d.channel(noord), 'pulse.results', { pollId, comments: 0 }, undefined, noord)).value;
      const text = cardText(card);
      expect(written.filter((w) => text.includes(w.slice(0, 5)))).toEqual([]);
      expect(nextOffset(card)).toBeUndefined();
    }, 60_000);
  });

  describe('at its largest', () => {
    const instrument = loadInstruments().en;
    const t = createTranslator().t('en');
    const s = (v: 1 | 2 | 3 | 4 | 5) => Object.fromEntries(ITEM_IDS.map((id) => [id, v])) as Record<(typeof ITEM_IDS)[number], 1 | 2 | 3 | 4 | 5>;

    function view(teamCount: number, perTeam: (team: number) => string[]): PollResultsView {
      const targets = Array.from({ length: teamCount }, (_, i) => ({ id: `t${i}`, teamId: `team${i}`, teamName: `Team ${i} ${'Community care and district nursing '.repeat(8)}`.slice(0, 256), channelId: 'c', serviceUrl: 'x', delivered: true, memberCount: 30 }));
      const poll = { id: 'p', targets, scope: { kind: 'all' }, opensAt: '2026-11-23' } as unknown as Poll;
      const teams = Object.fromEntries(targets.map((tg, i) => [tg.id, tallyOfScores(Array.from({ length: 12 }, (_, k) => s((((k + i) % 5) + 1) as 1 | 2 | 3 | 4 | 5)))]));
      const results = buildResults({ poll, teams, minRespondents: 5 }, []);
      return { pollId: 'p', instrument, language: 'en', closed: { by: 'date', label: 'Friday 4 December' }, results, heldBack: false, comments: results.teams.map((team, i) => ({ teamName: team.teamName, texts: perTeam(i) })) };
    }

    it.each([
      ['long prose', (i: number) => [0, 1, 2, 3].map((k) => comment(`C${i}-${k}`, MAX_OPEN_ANSWER, 'The handover is rushed. '))],
      ['every character one JSON escapes at six', (i: number) => [0, 1, 2].map((k) => `C${i}-${k} ` + '\u0001'.repeat(MAX_OPEN_ANSWER - 8) + ` E${i}-${k}`)],
    ])('60 teams, %s: every page fits Teams, and the pages hold every comment exactly once', (_name, perTeam) => {
      const vm = view(60, perTeam);
      const total = vm.comments.reduce((n, c) => n + c.texts.length, 0);
      const first = pollResultsCard(vm, t) as Card;
      expect(cardProblems(first)).toEqual([]);
      let from = nextOffset(first);
      expect(from).toBe(0);
      const seen: string[] = [];
      let guard = 0;
      while (from !== undefined && guard++ < total + 1) {
        const page = pollCommentsCard(vm, t, from);
        expect(cardProblems(page)).toEqual([]);
        seen.push(cardText(page));
        from = nextOffset(page);
      }
      const all = seen.join('\n');
      const texts = vm.comments.flatMap((c) => c.texts);
      expect(texts.filter((x) => all.split(x).length - 1 !== 1)).toEqual([]);
      // Pages, not one comment a page: as many as fit.
      expect(seen.length).toBeLessThan(total);
    });

    it('an offset past the end (a card pressed again after a change) says so, with the way back', () => {
      const page = pollCommentsCard(view(2, () => ['a', 'b']), t, 99);
      expect(cardText(page)).toContain('There are no more comments.');
      expect(cardText(page)).toContain('Back to the results');
    });
  });
});
