import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Answers use a poll read in the last minute (RememberedPolls). Closing early must still stop
 * them at once: the tally is sealed before the poll says closed, and every answer writes the tally.
 */
describe('an answer right after HR closed the poll early', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stored tally as a database reader sees it
  const tally = async (pollId: string): Promise<any> => (await t.store.container('pollAnswers').item('tally', pollId).read()).resource;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'test-key-'.padEnd(40, 'x') });
    d = new PulseDriver(t);
    await d.startPoll(noord, 'peiling start alle teams 2026-12-04');
  });
  afterAll(() => t.stop());

  it('is refused as late and stores nothing, though this instance read the poll while it was open', async () => {
    const poll = d.pollCard(noord.id);
    const answer = (who: number) => d.answerOnCard(noord, noord.members[who]!);
    expect(cardText((await answer(1)).value)).toContain('Dank je wel');
    expect((await tally(poll.pollId)).teams[poll.targetId].count).toBe(1);

    await d.say(HR, noord, 'peiling sluiten');
    const sealed = await tally(poll.pollId);
    expect(sealed.sealed).toBeDefined();

    const late = cardText((await answer(2)).value);
    expect(late).toContain('niet opgeslagen');
    // The card says how it closed, not the closing date the remembered poll still had.
    expect(late).toContain('HR heeft de peiling op');
    const after = await tally(poll.pollId);
    expect(after.teams[poll.targetId].count).toBe(1);
    expect(after._etag).toBe(sealed._etag);
  });
});
