import { createHmac } from 'node:crypto';
import { respondentHash } from '../../src/domain/pulse-poll/answer';
import { findClosingDate } from '../../src/domain/pulse-poll/closing-date';
import { ITEM_IDS } from '../../src/domain/pulse-poll/instrument';
import { tallyFromLegacy } from '../../src/domain/pulse-poll/legacy';
import { parseStartArgs } from '../../src/domain/pulse-poll/poll-command';
import { figuresOfTally } from '../../src/domain/pulse-poll/results';
import { emptyTally, foldAnswer, hasRespondent, MAX_COMMENT_BYTES, PollTally, sealTally } from '../../src/domain/pulse-poll/tally';

const all = (v: 1 | 2 | 3 | 4 | 5) => Object.fromEntries(ITEM_IDS.map((id) => [id, v])) as Record<(typeof ITEM_IDS)[number], 1 | 2 | 3 | 4 | 5>;

function fold(t: PollTally, targetId: string, hash: string, v: 1 | 2 | 3 | 4 | 5, comment?: string): PollTally {
  const r = foldAnswer(t, { targetId, hash, scores: all(v), comment });
  if (r.outcome !== 'stored') throw new Error(r.outcome);
  return r.tally;
}

describe('the tally', () => {
  it('holds the same content whatever the order of the answers: hashes by value, comments alphabetically', () => {
    const answers = [['zz', 1, 'Koffie'], ['aa', 5, 'Rooster'], ['mm', 3, 'Collega']] as const;
    const forwards = answers.reduce((t, [h, v, c]) => fold(t, 'a', h, v, c), emptyTally('p', ['a', 'b']));
    const backwards = [...answers].reverse().reduce((t, [h, v, c]) => fold(t, 'a', h, v, c), emptyTally('p', ['a', 'b']));
    expect(backwards).toEqual(forwards);
    expect(forwards.respondents).toEqual(['aa', 'mm', 'zz']);
    expect(forwards.teams.a!.comments).toEqual(['Collega', 'Koffie', 'Rooster']);
    expect(forwards.teams.a!.histograms.boeien).toEqual([1, 0, 1, 0, 1]);
    expect(forwards.teams.b!.count).toBe(0);
    expect(figuresOfTally(forwards.teams.a!).bs.boeien).toBe(50);
  });

  it('refuses a second answer and anything after sealing, without changing the tally', () => {
    const one = fold(emptyTally('p', ['a']), 'a', 'h1', 4);
    const again = foldAnswer(one, { targetId: 'a', hash: 'h1', scores: all(1) });
    expect(again).toEqual({ outcome: 'already', tally: one });
    const sealed = sealTally(one, '2026-12-04', 5);
    expect(sealed.respondents).toEqual([]);
    expect(sealed.sealed).toEqual({ on: '2026-12-04', minRespondents: 5 });
    expect(sealed.teams.a!.count).toBe(1);
    expect(foldAnswer(sealed, { targetId: 'a', hash: 'h2', scores: all(1) })).toEqual({ outcome: 'sealed', tally: sealed });
    expect(sealTally(sealed, '2026-12-05', 3)).toBe(sealed);
    expect(hasRespondent(one, 'h1')).toBe(true);
    expect(hasRespondent(one, 'h0')).toBe(false);
  });

  it('keeps the scores but not a comment that would not fit, and says so', () => {
    let t = emptyTally('p', ['a']);
    t = { ...t, teams: { a: { ...t.teams.a!, comments: ['x'.repeat(MAX_COMMENT_BYTES - 10)] } } };
    const r = foldAnswer(t, { targetId: 'a', hash: 'h', scores: all(3), comment: 'twenty characters...' });
    expect(r.outcome === 'stored' && r.commentDropped).toBe(true);
    expect(r.tally.teams.a!.count).toBe(1);
    expect(r.tally.teams.a!.comments).toHaveLength(1);
  });

  it('folds a poll stored the old way: the same counts, the hashes shortened, sealed when the poll is closed', () => {
    const oldHash = createHmac('sha256', 'k').update('p\u0000u1').digest('base64url');
    const legacy = {
      markers: [{ id: 'm1', hash: oldHash }],
      answers: [{ id: 'a1', targetId: 't', scores: all(2) }, { id: 'a2', targetId: 't', scores: all(4) }],
      comments: [{ id: 'c1', targetId: 't', text: 'Oud' }],
    };
    const open = tallyFromLegacy('p', ['t'], legacy, undefined);
    expect(open.respondents).toEqual([respondentHash('k', 'p', 'u1')]);
    expect(open.teams.t!.count).toBe(2);
    expect(open.teams.t!.comments).toEqual(['Oud']);
    expect(open.migrating).toBe(true);
    const closed = tallyFromLegacy('p', ['t'], legacy, { on: '2026-11-20', minRespondents: 5 });
    expect(closed.respondents).toEqual([]);
    expect(closed.sealed).toEqual({ on: '2026-11-20', minRespondents: 5 });
  });
});

describe('closing dates', () => {
  const today = '2026-11-23';
  it.each([
    ['2026-12-31', '2026-12-31'],
    ['31-12-2026', '2026-12-31'],
    ['31/12/2026', '2026-12-31'],
    ['4.12.2026', '2026-12-04'],
    ['4-12', '2026-12-04'],
    ['31 december 2026', '2026-12-31'],
    ['vrijdag 4 december', '2026-12-04'],
    ['4 dec', '2026-12-04'],
    ['4 December 2026', '2026-12-04'],
    ['2 januari', '2027-01-02'],
  ])('reads %s as %s', (text, iso) => {
    const found = findClosingDate(text.split(' '), today);
    expect(found?.ok && found.date).toBe(iso);
  });

  it.each(['31-02-2027', '12/31/2026', '2026-13-01', '30 februari'])('names %s as a date it cannot read', (text) => {
    const parsed = parseStartArgs(`alle teams ${text}`, today);
    expect(parsed).toEqual({ ok: false, problem: 'badDate', words: text });
  });

  it('keeps the team name before a Dutch date, and what follows it', () => {
    expect(parseStartArgs('Zorgteam Noord vrijdag 4 december kanaal Vitale Weekcyclus', today)).toEqual({
      ok: true,
      request: { target: { kind: 'named', name: 'Zorgteam Noord' }, closesOn: '2026-12-04', channelName: 'Vitale Weekcyclus', delivery: 'channel', privateNudges: false },
    });
  });
});
