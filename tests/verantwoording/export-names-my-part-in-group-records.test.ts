/**
 * Found in review, stop 47. The groups' own records keep who did certain things: the group who set
 * it up (`createdBy`), a week who started it (`cycle.startedBy`), a proposal who took the group's
 * decision (`decision.decidedBy`) and who asked the AI for the draft being written
 * (`ai.requestedBy`, while it drafts). The erasure replaces each of them with `erased`, so they are
 * kept about the person; but "mijn gegevens" said none of them.
 *
 * 1. Anna sets up a group (`zorg`), starts its week and, after three members judged the group's
 *    proposal, takes the decision.
 * 2. Bram sets up another group (`thuis`) and starts its week; there Anna asks the AI for a draft,
 *    which the model has not answered yet.
 * 3. Anna and Bram download their data in the tab.
 * Must hold: Anna's export says she set up `zorg`, started its week 1, decided its proposal, and
 * asked for `thuis`'s draft; Bram's says he set up `thuis` and started its week 1, and none of
 * Anna's part: no flag on a proposal she decided or asked a draft for, and her id nowhere.
 */
import { gatedAzureOpenAi } from '../support/gated-azure-openai';
import { TestUser, user } from '../support/activities';
import { GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { tabApi } from './support';

describe('the export and the person\'s part in their groups\' records', () => {
  let t: TestApp;
  let ai: Awaited<ReturnType<typeof gatedAzureOpenAi>>;
  const [anna, bram, cem, dewi] = ['Anna', 'Bram', 'Cem', 'Dewi'].map(user) as [TestUser, TestUser, TestUser, TestUser];
  beforeAll(async () => {
    ai = await gatedAzureOpenAi();
    t = await startTestApp(ai.env, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  }, 120_000);
  afterAll(async () => {
    // The held request ends with the fake's sockets, so the app's draft ends before it stops.
    await ai.close();
    await t.stop();
  });

  const proposalOf = async (g: GroupDriver) =>
    (await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'proposal'", parameters: [] }, { partitionKey: g.groupId }).fetchAll()).resources[0];

  it('says what she set up, started, decided and asked the AI for, and only hers', async () => {
    // zorg: Anna (the first member) sets it up and starts the week; she decides the proposal.
    const zorg = new GroupDriver(t, t.conversation('groupChat', '19:export-part-zorg@thread.v2'), [anna, bram, cem, dewi]);
    await zorg.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4 });
    for (const who of [bram, cem, dewi]) await zorg.press(who, 'proposal.judge', { ...zorg.ids(), opinion: 'agree', reason: 'Goed' });
    await zorg.press(anna, 'proposal.decide', { ...zorg.ids(), decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Tafel neerzetten' });
    const decided = await proposalOf(zorg);
    expect(decided.decision).toEqual(expect.objectContaining({ decidedBy: anna.aadObjectId }));

    // thuis: Bram sets it up and starts the week; Anna asks the AI for a draft.
    t.clock.advanceMinutes(60);
    const thuis = new GroupDriver(t, t.conversation('groupChat', '19:export-part-thuis@thread.v2'), [bram, anna, cem]);
    await thuis.answeredOnDayOne(['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier'], { checkIn: 4 });
    await thuis.press(anna, 'proposal.draft', thuis.ids());
    await ai.held(); // the model has not answered: the draft is being written
    const drafting = await proposalOf(thuis);
    expect(drafting.ai).toEqual(expect.objectContaining({ status: 'drafting', requestedBy: anna.aadObjectId }));

    const annas = await (await tabApi(t, anna.aadObjectId))('GET', '/export');
    expect(annas.status).toBe(200);
    expect(annas.json.groups.find((g: { id: string }) => g.id === zorg.groupId)).toEqual(expect.objectContaining({ name: 'Team Zorg', setUpByMe: true }));
    expect(annas.json.groups.find((g: { id: string }) => g.id === thuis.groupId)).not.toHaveProperty('setUpByMe');
    expect(annas.json.startedWeeks).toEqual([{ groupId: zorg.groupId, cycleId: `${zorg.groupId}_w1`, weekNumber: 1, at: '2026-11-23T08:00:00.000Z' }]);
    const annasProposal = (id: string) => annas.json.proposals.find((p: { id: string }) => p.id === id);
    expect(annasProposal(decided.id)).toEqual(expect.objectContaining({ groupId: zorg.groupId, status: 'accept', decidedByMe: true }));
    expect(annasProposal(decided.id)).not.toHaveProperty('draftRequestedByMe');
    expect(annasProposal(drafting.id)).toEqual(expect.objectContaining({ groupId: thuis.groupId, status: 'open', draftRequestedByMe: true }));
    expect(annasProposal(drafting.id)).not.toHaveProperty('decidedByMe');

    const brams = await (await tabApi(t, bram.aadObjectId))('GET', '/export');
    expect(brams.status).toBe(200);
    expect(brams.json.groups.find((g: { id: string }) => g.id === thuis.groupId)).toEqual(expect.objectContaining({ setUpByMe: true }));
    expect(brams.json.groups.find((g: { id: string }) => g.id === zorg.groupId)).not.toHaveProperty('setUpByMe');
    expect(brams.json.startedWeeks).toEqual([{ groupId: thuis.groupId, cycleId: `${thuis.groupId}_w1`, weekNumber: 1, at: '2026-11-23T09:00:00.000Z' }]);
    // Both proposals are in his story (he wrote in both weeks), without Anna's part in them.
    expect(brams.json.proposals.map((p: { id: string }) => p.id).sort()).toEqual([decided.id, drafting.id].sort());
    for (const p of brams.json.proposals) {
      expect(p).not.toHaveProperty('decidedByMe');
      expect(p).not.toHaveProperty('draftRequestedByMe');
    }
    expect(JSON.stringify(brams.json)).not.toContain(anna.aadObjectId);
  }, 180_000);
});
