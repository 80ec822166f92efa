import { randomUUID } from 'node:crypto';
import { decide, judge, newProposal } from '../../src/domain/proposal/proposal';
import { membershipIndexId } from '../../src/domain/week-cycle/membership-index';
import { CosmosMembershipIndex } from '../../src/store/membership-index.repository';
import { CosmosGroupRepository, CosmosProposalRepository } from '../../src/store/week-cycle.repositories';
import { botAdded, ConversationSpec, membersAdded, membersRemoved, TestUser, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat } from '../verantwoording/support';

const BOT = { id: '28:lerend-werken-bot', name: 'Lerend Werken' };
const NOT_IN_A_GROUP = 'Je bent nog geen lid van een Vitale Weekcyclus-groep';

const asRemoved = (u: TestUser) => ({ id: u.id, aadObjectId: u.aadObjectId, name: u.name });

/**
 * A group is its chat. Someone removed from the group's chat in Teams leaves the group, as
 * someone a setup leaves out does: they see nothing of the group any more (not its proposals in
 * "Zoek voorstellen", not the new ones), and keep what they wrote in their own verantwoording.
 */
describe('someone removed from the group\'s chat in Teams', () => {
  let t: TestApp;

  const groups = () => new CosmosGroupRepository(t.store);
  const index = () => new CosmosMembershipIndex(t.store);
  const memberIds = async (groupId: string) => (await groups().get(groupId))!.members.map((m) => m.id);
  const groupVersion = async (groupId: string) => (await t.store.container('sessions').item(groupId, groupId).read()).resource?._etag;
  const indexVersion = async (u: TestUser) => (await t.store.container('personal').item(membershipIndexId(u.aadObjectId), u.aadObjectId).read()).resource?._etag;
  const indexed = async (u: TestUser, groupId: string) => (await index().groupsOf(u.aadObjectId)).find((e) => e.groupId === groupId);

  async function send(activity: Record<string, unknown>) {
    const res = await t.send(activity);
    expect(res.status).toBe(200);
    return res;
  }

  async function search(who: TestUser, term: string): Promise<string> {
    const conv = t.conversation('personal', `a:personal-${who.name}`);
    const res = await send({
      type: 'invoke', name: 'composeExtension/query', id: randomUUID(), channelId: 'msteams', serviceUrl: conv.serviceUrl, timestamp: new Date().toISOString(), locale: 'nl-NL',
      from: { id: who.id, aadObjectId: who.aadObjectId, name: who.name },
      recipient: BOT,
      conversation: { id: conv.id, conversationType: 'personal', tenantId: conv.tenantId, isGroup: false },
      channelData: { tenant: { id: conv.tenantId } },
      value: { commandId: 'zoekVoorstellen', parameters: [{ name: 'zoekterm', value: term }], queryOptions: { skip: 0, count: 25 } },
    });
    return JSON.stringify(res.body);
  }

  /** A decided proposal of the group, as a week of sessions leaves it. */
  async function proposal(g: GroupDriver, week: number, text: string) {
    const at = new Date(Date.UTC(2026, 10, 20 + week, 10));
    const p = newProposal({ id: `${g.groupId}_w${week}_p`, groupId: g.groupId, groupName: 'Team Zorg', cycleId: `${g.groupId}_w${week}`, sessionId: `${g.groupId}_w${week}_s3`, title: '' }, at);
    const by = g.members[0]!;
    const judgement = judge(p, { memberId: by.aadObjectId, memberName: by.name, opinion: 'agree', reason: 'Goed', at: at.toISOString() });
    await new CosmosProposalRepository(t.cosmos).create(decide(p, [judgement], { verdict: 'accept', reason: 'Goed', ownWords: '', proposalText: text, present: 1, quorum: 0.5, firstStep: 'Beginnen', decidedBy: by.aadObjectId, at: at.toISOString() }));
  }

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  describe('one group\'s chat', () => {
    const [anna, bram, cem, dewi, eva] = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva'].map(user) as [TestUser, TestUser, TestUser, TestUser, TestUser];
    const olaf = user('Olaf'); // in the chat, never in the group
    const PROPOSAL = 'Tien minuten overdracht met een vast formulier.';
    const LATER = 'Een overdracht met twee collega\'s tegelijk.';
    const EVAS = 'Eva: de overdracht duurt te lang bij drukte.';
    let g: GroupDriver;
    let removeEva: ReturnType<typeof membersRemoved>;

    beforeAll(async () => {
      g = new GroupDriver(t, t.conversation('groupChat', '19:chat-zorg@thread.v2'), [anna, bram, cem, dewi, eva]);
      await g.setUp();
      await g.startCycle();
      await g.startSession();
      await g.contribute(eva, 1, EVAS);
      await proposal(g, 1, PROPOSAL);
      expect(await search(eva, 'overdracht')).toContain(PROPOSAL);
      removeEva = membersRemoved(g.conv, anna, [asRemoved(eva)]);
    }, 60_000);

    it('shows nothing of the group to Eva once she was removed from the group\'s chat in Teams', async () => {
      await send(removeEva);
      expect(await search(eva, 'overdracht')).not.toContain(PROPOSAL);
      expect(await search(eva, 'overdracht')).toContain(NOT_IN_A_GROUP);
      // Not the group's new proposals either; the members still see both.
      await proposal(g, 2, LATER);
      expect(await search(eva, 'overdracht')).not.toContain(LATER);
      expect(await search(anna, 'overdracht')).toContain(PROPOSAL);
      expect(await search(anna, 'overdracht')).toContain(LATER);
      // She left as a setup that leaves her out would: the group no longer names her, her index keeps the group as left.
      expect(await memberIds(g.groupId)).toEqual([anna, bram, cem, dewi].map((u) => u.aadObjectId));
      expect(await indexed(eva, g.groupId)).toMatchObject({ groupName: 'Team Zorg', member: false });
      // Her own verantwoording keeps the week she took part in and what she contributed to, nothing newer.
      const overview = cardText((await new PersonalChat(t, eva).say('verantwoording')).cards[0]);
      expect(overview).toContain('Team Zorg · week 1');
      expect(overview).toContain(PROPOSAL);
      expect(overview).not.toContain(LATER);
    });

    it('changes nothing more when Teams delivers the same update again, also twice at once', async () => {
      const [group, evasIndex] = [await groupVersion(g.groupId), await indexVersion(eva)];
      await send(removeEva);
      await Promise.all([send(removeEva), send(removeEva)]);
      expect(await groupVersion(g.groupId)).toBe(group);
      expect(await indexVersion(eva)).toBe(evasIndex);
      expect(await search(eva, 'overdracht')).not.toContain(PROPOSAL);
    });

    it('changes nothing when someone who never was a member is removed', async () => {
      const group = await groupVersion(g.groupId);
      await send(membersRemoved(g.conv, anna, [asRemoved(olaf)]));
      expect(await groupVersion(g.groupId)).toBe(group);
      // No trace of the group appears in their index either.
      expect(await index().groupsOf(olaf.aadObjectId)).toEqual([]);
    });

    it('takes out everyone of several updates that arrive at once', async () => {
      await Promise.all([send(membersRemoved(g.conv, anna, [asRemoved(cem)])), send(membersRemoved(g.conv, anna, [asRemoved(dewi)]))]);
      expect(await memberIds(g.groupId)).toEqual([anna, bram].map((u) => u.aadObjectId));
      for (const u of [cem, dewi]) {
        expect(await indexed(u, g.groupId)).toMatchObject({ member: false });
        expect(await search(u, 'overdracht')).not.toContain(PROPOSAL);
      }
    });

    it('keeps what the removed wrote in the group\'s history', async () => {
      expect((await g.items('contribution')).map((c) => [c.authorId, c.text])).toContainEqual([eva.aadObjectId, EVAS]);
      const { resources } = await t.store.container('sessions').items.query({ query: 'SELECT c.id FROM c WHERE c.type = @type', parameters: [{ name: '@type', value: 'proposal' }] }, { partitionKey: g.groupId }).fetchAll();
      expect(resources.map((r) => r.id).sort()).toEqual([`${g.groupId}_w1_p`, `${g.groupId}_w2_p`]);
    });

    it('lets Eva back in as anyone new in the chat: not by being added, by acting on the group\'s cards', async () => {
      await send(membersAdded(g.conv, anna, [eva]));
      expect(await memberIds(g.groupId)).not.toContain(eva.aadObjectId);
      expect(await search(eva, 'overdracht')).not.toContain(PROPOSAL);
      await g.contribute(eva, 1, 'Eva is er weer bij.');
      expect(await memberIds(g.groupId)).toContain(eva.aadObjectId);
      expect(await indexed(eva, g.groupId)).toMatchObject({ member: true });
      expect(await search(eva, 'overdracht')).toContain(PROPOSAL);
    });
  });

  it('knows someone Teams names by their Teams id only', async () => {
    const [finn, gijs, hana] = ['Finn', 'Gijs', 'Hana'].map(user) as [TestUser, TestUser, TestUser];
    const g = new GroupDriver(t, t.conversation('groupChat', '19:chat-teams-id@thread.v2'), [finn, gijs, hana]);
    await g.setUp();
    await send(membersRemoved(g.conv, finn, [{ id: hana.id }]));
    expect(await memberIds(g.groupId)).toEqual([finn.aadObjectId, gijs.aadObjectId]);
    expect(await indexed(hana, g.groupId)).toMatchObject({ member: false });
  });

  it('marks the index a first delivery did not reach (the group was written, then the turn failed)', async () => {
    const [ivo, jet, kim] = ['Ivo', 'Jet', 'Kim'].map(user) as [TestUser, TestUser, TestUser];
    const g = new GroupDriver(t, t.conversation('groupChat', '19:chat-half-done@thread.v2'), [ivo, jet, kim]);
    await g.setUp();
    await groups().update(g.groupId, (x) => ({ ...x, members: x.members.filter((m) => m.id !== kim.aadObjectId) }));
    expect(await indexed(kim, g.groupId)).toMatchObject({ member: true });
    await send(membersRemoved(g.conv, ivo, [asRemoved(kim)]));
    expect(await indexed(kim, g.groupId)).toMatchObject({ member: false });
  });

  describe('the app itself removed from the chat (uninstalled)', () => {
    const [lars, mira, noor, piet] = ['Lars', 'Mira', 'Noor', 'Piet'].map(user) as [TestUser, TestUser, TestUser, TestUser];
    const PROPOSAL = 'Een vaste overdracht op de afdeling van Lars.';
    let g: GroupDriver;

    beforeAll(async () => {
      g = new GroupDriver(t, t.conversation('groupChat', '19:chat-uninstalled@thread.v2'), [lars, mira, noor, piet]);
      await g.setUp();
      await proposal(g, 1, PROPOSAL);
    }, 60_000);

    it('keeps the group, its members and its data as they are (it only pauses, once)', async () => {
      await send(membersRemoved(g.conv, lars, [BOT]));
      const paused = await groupVersion(g.groupId);
      await send(membersRemoved(g.conv, lars, [BOT]));
      expect(await groupVersion(g.groupId)).toBe(paused);
      expect((await groups().get(g.groupId))!.pausedAt).toBeDefined();
      expect(await memberIds(g.groupId)).toEqual([lars, mira, noor, piet].map((u) => u.aadObjectId));
      expect(await search(mira, 'overdracht')).toContain(PROPOSAL);
    });

    it('still takes out a person the same update names', async () => {
      await send(membersRemoved(g.conv, lars, [BOT, asRemoved(piet)]));
      expect(await memberIds(g.groupId)).toEqual([lars, mira, noor].map((u) => u.aadObjectId));
      expect(await search(piet, 'overdracht')).not.toContain(PROPOSAL);
    });

    it('takes out, when the app is added back, whoever left the chat while it was away', async () => {
      // Noor left the chat while the app was not there to hear it.
      t.connector.roster = [lars, mira];
      await send(botAdded(g.conv, lars));
      expect(await memberIds(g.groupId)).toEqual([lars, mira].map((u) => u.aadObjectId));
      expect(await indexed(noor, g.groupId)).toMatchObject({ member: false });
      expect(await search(noor, 'overdracht')).not.toContain(PROPOSAL);
      expect(await search(mira, 'overdracht')).toContain(PROPOSAL);
    });

    it('takes no one out when the chat\'s members cannot be read', async () => {
      t.connector.roster = [];
      await send(botAdded(g.conv, lars));
      expect(await memberIds(g.groupId)).toEqual([lars, mira].map((u) => u.aadObjectId));
    });
  });
});
