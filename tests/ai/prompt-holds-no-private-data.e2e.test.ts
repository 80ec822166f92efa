import { message } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi, success } from '../support/fake-azure-openai';
import { HANDOVER_DRAFT } from '../support/ai-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Probe (promise 3): Azure OpenAI gets what the proposal needs, the group's shared answers to
 * questions 1-5, and nothing else: not a personal answer (question 9) given in the same session
 * before the draft was asked, not a private note, not the members' names or Teams/AAD ids, not
 * the group's name.
 */
describe('the AI proposal prompt holds only the group\'s shared answers', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;
  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    t = await startTestApp(aiSettings(ai, { timeoutMs: 2000, retries: 0 }), undefined, { sharedCardIntervalMs: 0 });
  });
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });

  it('sends no personal answer, note, name, id or group name to Azure OpenAI', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:probe-prompt@thread.v2'), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,2,3,4,5,6,9', day2: '7', day3: '8', day4: '10' }, 'cycle-card');
    await g.startSession();
    for (const m of [anna, bram, cem]) await g.checkIn(m, 4);
    for (let q = 1; q <= 5; q++) {
      const who = [anna, bram, cem][q % 3]!;
      await g.goTo(who, q - 1);
      await g.contribute(who, q, `GROEPSANTWOORD${q} over de overdracht`);
    }
    // Anna answers question 9 privately in the same session, and keeps a private note.
    await g.goTo(anna, 6);
    const saved = await g.press(anna, 'session.personal', { ...g.ids(), questionId: 9, text: 'PRIVEANTWOORD ik wil weg bij dit team' });
    expect(cardText(saved.value)).toContain('Bewaard in Mijn verantwoording');
    await t.send(message(t.conversation('personal', 'a:personal-anna'), anna, 'notitie PRIVENOTITIE burn-out klachten'));
    await g.goTo(bram, 5);
    ai.script(success(HANDOVER_DRAFT));
    const before = ai.requests.length;
    await g.press(bram, 'proposal.draft', g.ids());
    await t.app.background.idle();
    const sent = ai.requests.slice(before).map((r) => JSON.stringify(r.body)).join('\n');
    expect(sent).toContain('GROEPSANTWOORD1');
    expect(sent).toContain('GROEPSANTWOORD5');
    const found = ['PRIVEANTWOORD', 'PRIVENOTITIE', 'Anna', 'Bram', 'Cem', 'aad-', '29:', 'Team Zorg', 'probe-prompt'].filter((m) => sent.includes(m));
    expect(found).toEqual([]);
  }, 120_000);
});
