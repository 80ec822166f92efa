/**
 * A manager's own export ("mijn gegevens") holds the proposals members put before them and the
 * answers they gave, as it holds the talentontwikkelgesprekken they planned. Before (stop 44) only
 * the member's export held them: the manager's words and what they received were in nobody's
 * export but the member's.
 *
 * Anna (with her own words) and Bram put their group's adapted proposal before Mia; Mia answers
 * Anna. Cem puts it before Olga, whose chat Teams refuses: Olga's export says it was sent and did
 * not arrive, never what it said. Then Anna is erased: her record goes with her partition (as the
 * erasure does since stop 44), so Mia's export no longer holds Anna's words, nor Mia's answer to her.
 */
import { message, TestUser, user } from '../support/activities';
import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { ADOPTED, answerAsManager, directoryFile, groupDecides, managerCardAbout, personalChat, pressIn, putBeforeManager } from '../talent-review/support/proposal-put-before';

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const mia = user('Mia');
const ANNA_WORDS = 'ANNA-WOORDEN: graag jouw steun';
const CEM_WORDS = 'CEM-WOORDEN: voor Olga';
const ANSWER = 'MIA-ANTWOORD: ik maak tijd vrij';

describe('a manager\'s export holds the proposals put before them and their answers', () => {
  let t: TestApp;
  let group: { groupId: string; proposalId: string };
  const exportOf = async (userId: string) => {
    const { token } = await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })).json();
    const res = await fetch(`${t.app.url}/api/verantwoording/export`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    const directory = directoryFile([
      { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
      { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
      { id: 'aad-cem', name: 'Cem', managerId: 'aad-olga' },
      { id: 'aad-mia', name: 'Mia', managerId: 'aad-piet' },
      { id: 'aad-olga', name: 'Olga', managerId: 'aad-piet' },
      { id: 'aad-piet', name: 'Piet' },
    ]);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
    group = await groupDecides(t, '19:ptm-manager-export@thread.v2', [anna, bram, cem]);
    await putBeforeManager(t, anna, ANNA_WORDS);
    expect(cardText(await answerAsManager(t, mia, await managerCardAbout(t, 'aad-mia', anna), ANSWER))).toContain('Je antwoord is verstuurd.');
    await putBeforeManager(t, bram);
    t.connector.blocked.add('aad-olga');
    await putBeforeManager(t, cem, CEM_WORDS);
    await t.app.outbox.drain(60_000);
    await t.app.outbox.drain(60_000);
  }, 120_000);
  afterAll(() => t?.stop());

  it('gives Mia what Anna and Bram put before her, from whom and when, and her answer', async () => {
    const exported = await exportOf('aad-mia');
    // The first step (who does what) stays with the group since stop 49: not sent, not kept for the manager.
    const proposal = { verdict: 'adapt', source: 'decision', text: ADOPTED.text, reason: ADOPTED.reason };
    expect(exported.proposalsPutBeforeMe).toEqual([
      { memberId: 'aad-anna', memberName: 'Anna', ...group, sentAt: '2026-11-23T08:00:00.000Z', proposal, words: ANNA_WORDS, answer: { text: ANSWER, at: '2026-11-23T08:00:00.000Z' } },
      { memberId: 'aad-bram', memberName: 'Bram', ...group, sentAt: '2026-11-23T08:00:00.000Z', proposal },
    ]);
    expect(JSON.stringify(exported)).not.toContain('CEM-WOORDEN');
    // Her own side as a member: nothing put before her manager.
    expect(exported.proposalsPutBeforeManager).toEqual([]);
  });

  it('tells Olga that Cem sent one that never reached her, without what it said', async () => {
    const exported = await exportOf('aad-olga');
    expect(exported.proposalsPutBeforeMe).toEqual([{ memberId: 'aad-cem', memberName: 'Cem', ...group, sentAt: '2026-11-23T08:00:00.000Z', undelivered: true }]);
    expect(JSON.stringify(exported)).not.toContain('CEM-WOORDEN');
    expect(JSON.stringify(exported)).not.toContain('EIGEN-WOORDEN');
  });

  it('no longer holds Anna\'s words in Mia\'s export once Anna is erased', async () => {
    await t.send(message(personalChat(t, anna), anna, 'wis mijn gegevens'));
    expect(cardText(await pressIn(t, anna, 'verantwoording.erase.confirm', { confirm: 'yes' }))).toContain('Je gegevens zijn gewist');
    const exported = await exportOf('aad-mia');
    expect(exported.proposalsPutBeforeMe.map((e: { memberId: string }) => e.memberId)).toEqual(['aad-bram']);
    for (const gone of ['ANNA-WOORDEN', 'aad-anna', 'MIA-ANTWOORD']) expect(JSON.stringify(exported)).not.toContain(gone);
  });
});
