import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { showsFigures } from './support/card-figures';

/**
 * B3-spiegel answers can never be tied to a person, not by HR either, not through a cut of the
 * results below the minimum. HR's attack: start a poll over
 * several teams, one of which is so small that only ONE person answers, close it, and read the
 * results card. Whatever that one person answered, the card HR gets must be the same, or the
 * card tells HR something about that one person's answer.
 *
 * Minimum 5. Noord: 5 answers, no comments. Zuid: exactly one answer (the lone respondent).
 */
describe('HR\'s B3-spiegel results when one team is down to a single respondent', () => {
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const zuid: TestTeam = team('Zorgteam Zuid', 'zuid', members('zuid', 3));
  const LONE_COMMENT = 'ZUID-EENLING: mijn leidinggevende luistert nooit';
  const logs: string[] = [];

  /** One whole poll in a fresh app; returns what HR reads after closing. */
  async function hrReading(lone: { score: number; comment: string }): Promise<{ card: unknown; text: string; t: TestApp }> {
    const t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'pulse-hidden-teams-key'.padEnd(40, 'p'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    try {
      const d = new PulseDriver(t);
      await d.install(noord);
      await d.install(zuid);
      await d.say(HR, noord, 'peiling start alle teams 2026-12-04');
      await d.settle();
      const nc = d.pollCard(noord.id);
      for (const m of noord.members.slice(1, 6)) await d.press(m, d.channel(noord), 'pulse.answer', { pollId: nc.pollId, targetId: nc.targetId, ...scores(4), open: '' }, nc.id, noord);
      const zc = d.pollCard(zuid.id);
      await d.press(zuid.members[0]!, d.channel(zuid), 'pulse.answer', { pollId: zc.pollId, targetId: zc.targetId, ...scores(lone.score), open: lone.comment }, zc.id, zuid);
      await d.say(HR, noord, 'peiling sluiten');
      await d.settle();
      const card = await d.read(HR, noord, 'peiling resultaten');
      logs.push(...t.logs);
      return { card, text: cardText(card), t };
    } finally {
      await t.stop();
    }
  }

  let withComment: { card: unknown; text: string };
  let withoutComment: { card: unknown; text: string };
  let otherScores: { card: unknown; text: string };

  beforeAll(async () => {
    withComment = await hrReading({ score: 1, comment: LONE_COMMENT });
    withoutComment = await hrReading({ score: 1, comment: '' });
    otherScores = await hrReading({ score: 5, comment: '' });
  }, 240_000);

  it('shows no figures for the lone respondent\'s team and withholds the overall (overall minus Noord would be that one person)', () => {
    expect(showsFigures(withComment.card)).toBe(true); // Noord's own figures
    expect(withComment.text).toMatch(/Geen cijfers voor alle teams samen/);
    expect(withComment.text).not.toContain(LONE_COMMENT);
  });

  it('gives HR the same card whatever scores the lone respondent gave', () => {
    expect(otherScores.text).toBe(withoutComment.text);
  });

  it('gives HR the same card whether or not the lone respondent of a team below the minimum wrote an open comment', () => {
    // Differencing the two possible worlds: anything that differs is learnt about one person's answer.
    expect(withComment.text).toBe(withoutComment.text);
  });

  it('states the fixed rule for teams below the minimum, and says "no comments" only of the teams shown', () => {
    expect(withoutComment.text).toMatch(/teams met te weinig reacties worden nooit getoond, ook niet of er zijn/);
    expect(withoutComment.text).toContain('Geen open opmerkingen uit de teams met genoeg reacties.');
    expect(withoutComment.text).not.toMatch(/^Geen open opmerkingen\.$/m);
  });

  it('keeps open comments out of the log at the default level', () => {
    expect(logs.join('').includes(LONE_COMMENT)).toBe(false);
  });
});
