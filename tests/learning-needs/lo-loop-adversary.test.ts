/**
 * Stop 48, from the adversary review's probes (proposal to L&O: HR cards through the notice's
 * outbox hook, the `lo` mirror on the group's proposal). Each `it` is one attack; a pass means the
 * behaviour held. The last one failed before the fix: a share pressed only days after a first press
 * that failed to queue the notice asked for none (a 6-day age rule); now a press asks until the
 * notice's hook marked the record as noticed (`noticedAt`), however late.
 * HR_USER_IDS names Hanna and Ghost; Ghost never installed the app (Teams refuses to open the 1:1
 * chat with 403). Anna, Bram, Cem (group A) and Dewi, Eva, Finn (group B) each adopt a proposal.
 */
import { execute, membersRemoved, TestUser, user } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { afterShareNotice, loNoticeKey, mirrorShareToProposal, sharedNoticeKey } from '../../src/usecases/proposal-to-lo/proposal-to-lo';
import { CosmosSharedProposalRepository } from '../../src/store/proposal-to-lo.repository';
import { CosmosProposalRepository } from '../../src/store/week-cycle.repositories';
import { CosmosPersonalRecordRepository } from '../../src/store/verantwoording.repositories';
import { actionData, PersonalChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const [anna, bram, cem, dewi, eva, finn] = MEMBERS as [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser];
const hanna = user('Hanna');
const ANSWERS = ['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier', 'Een vaste tafel'];
const OWN_WORDS = 'PROBE-GROEPSWOORDEN: de overdracht doen we samen aan het bed.';
const TITLE = 'Een groepslid deelde dit voorstel namens de groep met L&O';

describe('the loop of a proposal shared with L&O, as an adversary', () => {
  let t: TestApp;
  let a: { g: GroupDriver; proposalId: string; summaryId: string };
  let b: { g: GroupDriver; proposalId: string; summaryId: string };
  let idA = '';
  const hrCards = (who: TestUser) => t.connector.cards((c) => c.method === 'POST' && c.conversationId === t.connector.personalChats.get(who.aadObjectId)).filter((x) => cardText(x.card).includes(TITLE));
  const recordOf = async (x: { g: GroupDriver }) => (await t.store.container('installations').items.query(`SELECT * FROM c WHERE c.type = 'proposalToLo' AND c.groupId = '${x.g.groupId}'`).fetchAll()).resources[0];
  const proposalDoc = async (x: { g: GroupDriver; proposalId: string }) => (await t.store.container('sessions').item(x.proposalId, x.g.groupId).read()).resource;

  async function decided(chatId: string, members: TestUser[], decision: Record<string, string>) {
    const g = await new GroupDriver(t, t.conversation('groupChat', chatId), members).answeredOnDayOne(ANSWERS, { checkIn: 4 });
    const proposalId = `${g.groupId}_w1_p`;
    for (const who of members.slice(0, 2)) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed' });
    await g.press(members[2]!, 'proposal.decide', { ...g.ids(), proposalId, decisionReason: 'Omdat', firstStep: 'Stap', ...decision });
    await g.end(members[0]);
    await t.app.outbox.drain(10_000);
    const summary = t.connector.cards((c) => c.method === 'POST' && c.conversationId === g.conv.id).find((c) => /Samenvatting|Summary/.test(cardText(c.card)));
    return { g, proposalId, summaryId: summary!.call.id as string };
  }

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna,aad-ghost' }, '2026-11-23T08:00:00Z', { proxy: true });
    // Ghost never installed the app: Teams refuses to open a 1:1 chat with them.
    t.connector.faults.push((req) => (req.method === 'POST' && req.path === '/v3/conversations' && req.body?.members?.[0]?.id === 'aad-ghost' ? { status: 403, code: 'BotNotInConversationRoster' } : undefined));
    a = await decided('19:probe-lo-a@thread.v2', [anna, bram, cem], { decision: 'adapt', adoptedText: OWN_WORDS });
    b = await decided('19:probe-lo-b@thread.v2', [dewi, eva, finn], { decision: 'accept', adoptedText: '' });
  }, 120_000);
  afterAll(() => t?.stop());

  it('HR_USER_IDS naming someone who never installed the app: Hanna gets hers, Ghost\'s job ends (not retried for ever), nothing crashes', async () => {
    // Cem leaves group A before anyone shares (for the look-back probe below).
    await t.send(membersRemoved(a.g.conv, anna, [{ id: cem.id, aadObjectId: cem.aadObjectId, name: cem.name }]));
    t.clock.advanceMinutes(5);
    const res = await t.send(execute(a.g.conv, anna, 'proposalToLo.share', { groupId: a.g.groupId, proposalId: a.proposalId }, a.summaryId, 'probe-share-anna'));
    expect(cardText(res.body.value)).toContain('Gedeeld met L&O op');
    idA = (await recordOf(a)).id;
    await t.app.outbox.drain(10_000);
    await waitUntil('Hanna got the card', () => hrCards(hanna).length > 0);
    expect(hrCards(hanna)).toHaveLength(1);
    await t.app.outbox.drain(10_000);
    const ghost = await t.app.outbox.statusOf(loNoticeKey(idA, 'aad-ghost'));
    expect(ghost).toBeDefined();
    expect(['pending', 'sending', 'rechecking']).not.toContain(ghost);
    expect(await t.app.outbox.statusOf(sharedNoticeKey(idA))).toBe('sent');
    expect(t.logs.filter((l) => l.includes('proposalToLo') && l.includes('hook failed'))).toEqual([]);
  });

  it('a member who left before the share sees nothing of it in Mijn verantwoording or the tab', async () => {
    await waitUntil('the share copied onto the proposal', async () => (await proposalDoc(a))?.lo !== undefined);
    const chat = (await new PersonalChat(t, cem).say('verantwoording')).cards.map(cardText).join('\n');
    // Cem decided it before he left: his look back shows the proposal (so its missing share is not by chance).
    expect(chat).toContain(OWN_WORDS);
    expect(chat).not.toContain('Gedeeld met L&O');
    const signIn = async (userId: string) => (await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })).json()).token as string;
    const tab = await (await fetch(`${t.app.url}/api/verantwoording`, { headers: { authorization: `Bearer ${await signIn(cem.aadObjectId)}` } })).json();
    expect(JSON.stringify(tab)).not.toContain('sharedAt');
  });

  it('the HR card\'s button, forwarded to a member (not HR), opens nothing of the share', async () => {
    const data = actionData(hrCards(hanna)[0]!.card, 'proposalToLo.open')!;
    expect(data.id).toBe(idA);
    const card = await new PersonalChat(t, dewi).press('proposalToLo.open', data);
    expect(cardText(card)).not.toContain(OWN_WORDS);
    expect(cardText(card)).not.toContain('Team');
  });

  it('a crafted press by HR from another tenant, with the record id, opens nothing of the share', async () => {
    const chat = new PersonalChat(t, hanna);
    const other = { ...chat.conv, id: 'a:personal-hanna-other', tenantId: 'tenant-2' };
    const res = await t.send(execute(other, hanna, 'proposalToLo.open', { id: idA }, 'card-1'));
    expect(res.status).toBe(200);
    expect(cardText(res.body.value)).toMatch(/niet \(meer\)|niet meer|bestaat niet|not found|no longer/i);
    expect(JSON.stringify(res.body ?? {})).not.toContain('PROBE-GROEPSWOORDEN');
  });

  it('the proposal deleted (retention) after the share, before the hook: the mirror ends as gone (no error, so no retry for ever)', async () => {
    const res = await t.send(execute(b.g.conv, eva, 'proposalToLo.share', { groupId: b.g.groupId, proposalId: b.proposalId }, b.summaryId, 'probe-share-eva'));
    expect(cardText(res.body.value)).toContain('Gedeeld met L&O op');
    const record = await recordOf(b);
    await t.app.outbox.drain(10_000);
    await t.store.container('sessions').item(b.proposalId, b.g.groupId).delete();
    // The hook run again (a second outbox instance, or a late answer's mirror) on a proposal that is gone.
    const deps = { shared: new CosmosSharedProposalRepository(t.store), proposals: new CosmosProposalRepository(t.store) };
    await expect(mirrorShareToProposal(deps, record.tenantId, record.id)).resolves.toBe('gone');
    await expect(afterShareNotice({ ...deps, clock: t.clock, hrUserIds: [], tellLo: async () => undefined, withdrawLo: async () => undefined, records: new CosmosPersonalRecordRepository(t.store) }, record.tenantId, record.id)).resolves.toEqual({ outcome: 'gone', told: 0 });
    expect(t.logs.filter((l) => l.includes('proposalToLo') && l.includes('hook failed'))).toEqual([]);
  });

  // Last: it moves the clock on.
  it('a share whose first press failed after the record was stored, pressed again a week later: the group and L&O are still told', async () => {
    const [gijs, hugo, jet] = [user('Gijs'), user('Hugo'), user('Jet')];
    const c = await decided('19:probe-lo-c@thread.v2', [gijs, hugo, jet], { decision: 'accept', adoptedText: '' });
    const data = { groupId: c.g.groupId, proposalId: c.proposalId };
    const before = hrCards(hanna).length;
    // Gijs's press stores the record, then the outbox cannot be written to: his turn fails, nothing is queued.
    const failOutboxCreates = (req: { kind: string; container?: string }) => (req.container === 'outbox' && req.kind === 'create' ? ({ kind: 'status', status: 503 } as const) : undefined);
    await t.proxy!.withFaults(failOutboxCreates, () => t.send(execute(c.g.conv, gijs, 'proposalToLo.share', data, c.summaryId, 'probe-share-gijs')));
    const record = await recordOf(c);
    expect(record).toBeDefined();
    expect(await t.app.outbox.statusOf(sharedNoticeKey(record.id))).toBeUndefined();
    // Nobody presses in the next days; a week later Hugo does (his screen says it was shared).
    t.clock.set(new Date(t.clock.now().getTime() + 7 * 24 * 3600 * 1000));
    const res = await t.send(execute(c.g.conv, hugo, 'proposalToLo.share', data, c.summaryId, 'probe-share-hugo'));
    expect(cardText(res.body.value)).toContain('Gedeeld met L&O op');
    await t.app.outbox.drain(10_000);
    const noticesInC = t.connector.cards((x) => x.method === 'POST' && x.conversationId === c.g.conv.id).filter((x) => cardText(x.card).includes('Een groepslid deelde dit voorstel namens de groep met L&O'));
    expect({ groupTold: noticesInC.length, hrCards: hrCards(hanna).length - before }).toEqual({ groupTold: 1, hrCards: 1 });
  }, 120_000);
});
