/**
 * Found in review, stop 64 (left open then, closed in stop 65). Day 1: Anna wrote questions 1-5,
 * Bram the group's proposal (question 6); nobody checked in; the day ended at question 7
 * undecided. Day 2 opened with question 7 carried over and stored that two took part before, as a
 * count. Then Bram left the chat, or erased his data while still in it: the count did not drop, so
 * Anna's judgement waited for one of Cem or Dewi, who never took part, where the same day she would
 * have decided alone. The session now keeps who took part before, as tags (no ids), counts those
 * still in the group, and an erasure takes the erased member's tag off the session.
 */
import { membersRemoved, TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { eraseInChat } from '../verantwoording/support';
import { tookPartTag } from '../../src/domain/week-cycle/session';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

describe('question 7 carried over, one of the two who took part before gone', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  }, 60_000);
  afterAll(() => t?.stop());

  async function dayTwo(thread: string): Promise<GroupDriver> {
    const g = new GroupDriver(t, t.conversation('groupChat', thread), [anna, bram, cem, dewi]);
    await g.answeredOnDayOne(['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter', 'Formulier'], { author: anna });
    await g.goTo(anna, 5);
    await g.contribute(bram, 6, 'Ons eigen voorstel: een vaste overdrachtstafel.');
    await g.goTo(anna, 6);
    await g.end(anna);
    t.clock.advanceMinutes(24 * 60);
    await g.startSession(anna, `${g.groupId}_w1`);
    return g;
  }

  async function annaJudgesAndDecides(g: GroupDriver) {
    await g.press(anna, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Prima' });
    const res = await g.press(anna, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'We doen het', adoptedText: '', firstStep: 'Tafel neerzetten' });
    const proposal = (await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource;
    return { decided: proposal?.decision?.verdict, waits: /oordee?l(en)? nodig/.test(cardText(res.value)) };
  }

  /** What a session keeps of who took part before: the tags of these members it holds, and whether it names anyone by id. */
  function keptOf(session: { id: string; tookPartBeforeTags?: string[] }, ...who: TestUser[]) {
    const tags: string[] = session.tookPartBeforeTags ?? [];
    // A member's id in the app is their AAD object id (`actorOf`); the Teams id is checked too.
    const doc = JSON.stringify(session);
    return { tags: tags.length, of: who.filter((m) => tags.includes(tookPartTag(session.id, m.aadObjectId))).map((m) => m.name), namesById: MEMBERS.some((m) => doc.includes(m.aadObjectId) || doc.includes(m.id)) };
  }

  it('Bram removed from the chat: Anna decides on her judgement, as she would the same day', async () => {
    const g = await dayTwo('19:carried-who-left@thread.v2');
    expect((await t.send(membersRemoved(g.conv, anna, [bram]))).status).toBe(200);
    t.connector.roster = [anna, cem, dewi];
    expect(await annaJudgesAndDecides(g)).toEqual({ decided: 'accept', waits: false });
    // One who left is not erased: his tag stays, and counts again should he come back.
    expect(keptOf(await g.session(), anna, bram)).toEqual({ tags: 2, of: ['Anna', 'Bram'], namesById: false });
  }, 180_000);

  it('Bram erased his data, still in the chat: Anna decides, and the session keeps no tag of his', async () => {
    const g = await dayTwo('19:carried-who-erased@thread.v2');
    const before = await g.session();
    await eraseInChat(t, bram);
    const after = await g.session();
    expect(await annaJudgesAndDecides(g)).toEqual({ decided: 'accept', waits: false });
    expect({ before: keptOf(before, anna, bram), after: keptOf(after, anna, bram) }).toEqual({
      before: { tags: 2, of: ['Anna', 'Bram'], namesById: false },
      after: { tags: 1, of: ['Anna'], namesById: false },
    });
  }, 180_000);

  it('both still there: Anna\'s judgement alone does not decide; Cem, who came today, judges and it does', async () => {
    const g = await dayTwo('19:carried-both-there@thread.v2');
    expect(await annaJudgesAndDecides(g)).toEqual({ decided: undefined, waits: true });
    await g.press(cem, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Ook goed' });
    const res = await g.press(anna, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'We doen het', adoptedText: '', firstStep: 'Tafel neerzetten' });
    expect(cardText(res.value)).not.toMatch(/oordee?l(en)? nodig/);
    expect((await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource?.decision?.verdict).toBe('accept');
  }, 180_000);
});
