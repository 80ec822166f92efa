import { message, submit } from '../support/activities';
import { buttonTitles } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

/**
 * README "From stop 48": the note a member gets in their own 1:1 chat about a B3 answer refused on
 * the Action.Submit fallback in a channel was in the poll's language, also when they chose another
 * for their own chat, and a refused (incomplete) answer got the plain error card, which said
 * nowhere where to send it again.
 * Must hold: a member who chose English ("language en") answers the Dutch channel card on the
 * fallback. Busy, incomplete or after closing, nothing is stored and the note in their own chat is
 * in English, with none of their answers; where it points to the channel card's button, it quotes
 * it as that card shows it ('Verstuur mijn antwoorden'), named as that card's button. A member who
 * chose nothing gets the Dutch note, as before.
 */
describe('a B3 answer refused on the Submit fallback in a channel, told in the member\'s own language', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const tally = async (pollId: string) => (await t.store.container('pollAnswers').item('tally', pollId).read()).resource;

  /** Sends `who`'s fallback answer and returns the cards that reached their own chat after it. */
  const answerOnFallback = async (who: TestTeam['members'][number], answer: Record<string, string>) => {
    const card = d.pollCard(noord.id);
    const before = t.connector.calls.length;
    const res = await t.send(d.inTeam(submit(d.channel(noord), who, { verb: 'pulse.answer', pollId: card.pollId, targetId: card.targetId, ...answer }, card.id), noord));
    expect(res.status).toBe(200);
    await d.settle();
    return t.connector.calls
      .slice(before)
      .filter((c) => c.method === 'POST' && c.conversationId === `a:1on1-${who.id}`)
      .map((c) => c.activity.attachments[0].content);
  };
  const english = (who: TestTeam['members'][number]) => t.send(message(t.conversation('personal', `a:personal-${who.id}`), who, 'language en'));

  beforeAll(async () => {
    // A busy tally gives up after one second, not production's eight: this looks at how the refusal is
    // told (busy-tally.e2e.test.ts keeps production's budget).
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'note-in-person-language'.padEnd(40, 'n'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z', { proxy: true, tallyWriteBudgetMs: 1_000 });
    d = new PulseDriver(t);
    await d.startPoll(noord, 'peiling start dit team 2026-12-04');
    for (const who of noord.members.slice(1, 4)) await english(who);
  }, 60_000);
  afterAll(() => t.stop());

  it("quotes the Dutch card's send button, in English, when the tally is busy", async () => {
    const who = noord.members[1]!;
    const pollId = d.pollCard(noord.id).pollId;
    const before = JSON.stringify(await tally(pollId));
    t.proxy!.faults = (r) => (r.kind === 'replace' && r.container === 'pollAnswers' ? { kind: 'status', status: 412 } : undefined);
    let notes: any[];
    try {
      notes = await answerOnFallback(who, scores(2));
    } finally {
      t.proxy!.faults = undefined;
    }
    expect(JSON.stringify(await tally(pollId))).toBe(before);
    expect(notes).toHaveLength(1);
    expect(cardProblems(notes[0])).toEqual([]);
    const text = cardText(notes[0]);
    expect(text).toContain('It is very busy right now');
    expect(text).toContain("that card's button 'Verstuur mijn antwoorden'");
    expect(buttonTitles(d.pollCard(noord.id).card)).toContain('Verstuur mijn antwoorden');
    expect(text).not.toMatch(/niet opgeslagen|nog eens/);
    expect(JSON.stringify(notes[0])).not.toMatch(/item_|Input\./);
  }, 60_000);

  it('points to the channel card in English when a statement has no score', async () => {
    const who = noord.members[2]!;
    const answer: Record<string, string> = { ...scores(3), open: 'Alleen voor mij' };
    delete answer.item_binden;
    const notes = await answerOnFallback(who, answer);
    expect(notes).toHaveLength(1);
    expect(cardProblems(notes[0])).toEqual([]);
    const text = cardText(notes[0]);
    expect(text).toContain('were not stored');
    expect(text).toContain("that card's button 'Verstuur mijn antwoorden'");
    expect(text).not.toMatch(/niet opgeslagen|Dat lukte niet|Controleer/);
    expect(JSON.stringify(notes[0])).not.toMatch(/item_|Input\.|Alleen voor mij|"Action\./);
    expect((await tally(d.pollCard(noord.id).pollId)).teams[d.pollCard(noord.id).targetId].count).toBe(0);
  }, 60_000);

  it('keeps the same note Dutch for a member who chose no language', async () => {
    const who = noord.members[4]!;
    const answer: Record<string, string> = { ...scores(3) };
    delete answer.item_binden;
    const notes = await answerOnFallback(who, answer);
    expect(notes).toHaveLength(1);
    const text = cardText(notes[0]);
    expect(text).toContain('niet opgeslagen');
    expect(text).toContain("met de knop 'Verstuur mijn antwoorden' van die kaart");
  }, 60_000);

  it('tells in English that an answer after closing was not stored', async () => {
    const who = noord.members[3]!;
    await d.say(HR, noord, 'peiling sluiten');
    await d.settle();
    const notes = await answerOnFallback(who, scores(1));
    expect(notes).toHaveLength(1);
    expect(cardProblems(notes[0])).toEqual([]);
    const text = cardText(notes[0]);
    expect(text).toContain('This poll is closed');
    expect(text).toContain('What you just entered was not stored');
    expect(text).not.toMatch(/gesloten|niet opgeslagen/);
    expect(JSON.stringify(notes[0])).not.toMatch(/item_|Input\./);
  }, 60_000);
});
