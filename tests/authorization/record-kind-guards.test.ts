/**
 * One kind of record read or written as another: presses whose data names a record id, given the
 * id of another kind of record that lives in the same container and partition (ids are often
 * `stableId(...)` hashes anyone can recompute, and a person's own records all share one partition).
 * For each: nothing is stored or changed, nothing goes elsewhere, and the reply is the reply for
 * an id of nothing.
 *
 * Found in review, stop 53 (fixed then: `CosmosProposalRepository.update` checks the stored
 * record's kind): the group's look-back on last week's first step names its proposal by id, and
 * the repository handed whatever the group's partition held under that id (the week, the group,
 * a session) to the domain as a proposal. The domain refused it only because none of those has a
 * decision, with "no first step to look back on" instead of "not found" (the first test).
 *
 * A guard (held when written, in review of stop 53): the same for a person's own records of
 * another kind (a note, a request for a conversation, a team account, a proposal put before a
 * manager, all in one `personal` partition), the group's partition behind "Delen met L&O" and
 * "Voorleggen aan leidinggevende", and the tenant's records behind L&O's form (the rest).
 *
 * Clock: Monday 23 November 2026. Anna, Cem and Dewi are a group that adapted a proposal; Anna
 * keeps a note, asked Mia for a conversation and put the proposal before Mia; Mia keeps a note and
 * sent her team an account; the group shared its proposal with L&O (Hanna, HR).
 */
import { execute, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';
import { directoryFile, groupDecides, managerCardAbout, putBeforeManager } from '../talent-review/support/proposal-put-before';
import { stableId } from '../../src/domain/shared/ids';
import { ContainerName } from '../../src/store/containers';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const [anna, , cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
const mia = user('Mia');
const hanna = user('Hanna');
const CHAT = '19:probe-kinds@thread.v2';

/** A reply's words (a card's texts, or a message), with what is random per rendering (keys) left out. */
const words = (reply: unknown) => (typeof reply === 'string' ? reply : cardText(reply)).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<key>');

describe('a press names a record of another kind in the same partition', () => {
  let t: TestApp;
  let ids: { groupId: string; proposalId: string; cycleId: string; sessionId: string; noteId: string; requestId: string; miaNoteId: string; accountId: string; answer: Record<string, unknown>; sharedId: string; jaarplanId: string };
  const query = async (container: ContainerName, sql: string) => (await t.store.container(container).items.query(sql).fetchAll()).resources;
  /** Everything stored for Anna, Mia, the group and the tenant (system fields left out). */
  const stored = async () => {
    const strip = (d: any) => Object.fromEntries(Object.entries(d).filter(([k]) => !k.startsWith('_')));
    const all = async (c: ContainerName) => (await query(c, 'SELECT * FROM c')).map(strip);
    return JSON.stringify({ personal: await all('personal'), sessions: await all('sessions'), reviews: await all('reviews'), installations: await all('installations') });
  };

  beforeAll(async () => {
    t = await startTestApp(
      {
        DIRECTORY_FILE: directoryFile([
          { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
          { id: 'aad-eva', name: 'Eva', managerId: 'aad-mia' },
          { id: 'aad-mia', name: 'Mia' },
        ]),
        HR_USER_IDS: 'aad-hanna',
      },
      '2026-11-23T08:00:00Z',
    );
    const { groupId, proposalId } = await groupDecides(t, CHAT, [anna, cem, dewi]);
    const annaChat = new PersonalChat(t, anna);
    await annaChat.press('verantwoording.note.add', { text: 'ANNA-NOTITIE privé', k: 'note-1' });
    const requestForm = await annaChat.press('review.request.open', {});
    await annaChat.press('review.request.send', { ...actionData(requestForm, 'review.request.send'), text: 'ANNA-VERZOEK graag' });
    await putBeforeManager(t, anna, 'ANNA-WOORDEN voor Mia');
    const managerCard = await managerCardAbout(t, 'aad-mia', anna);
    const miaChat = new PersonalChat(t, mia);
    await miaChat.press('verantwoording.note.add', { text: 'MIA-NOTITIE privé', k: 'note-2' });
    const accountForm = await miaChat.press('review.teamAccount.open', {});
    await miaChat.press('review.teamAccount.send', { ...actionData(accountForm, 'review.teamAccount.send'), text: 'MIA-TEAM-WOORDEN deze maand' });
    expect((await t.send(execute(t.conversation('groupChat', CHAT), anna, 'proposalToLo.share', { groupId, proposalId }, 'summary-1'))).status).toBe(200);
    const hr = new PersonalChat(t, hanna);
    const plan = await hr.press('jaarplan.open', {});
    await hr.press('jaarplan.save', { ...actionData(plan, 'jaarplan.save')!, weekCycles: '40', learningHours: '100', proposalsValidated: '5' });
    await t.app.outbox.drain(60_000);
    const one = async (sql: string) => (await query('personal', sql))[0]?.id as string;
    ids = {
      groupId,
      proposalId,
      cycleId: `${groupId}_w1`,
      sessionId: `${groupId}_w1_s1`,
      noteId: await one("SELECT * FROM c WHERE c.type = 'note' AND c.userId = 'aad-anna'"),
      requestId: await one("SELECT * FROM c WHERE c.type = 'reviewRequest'"),
      miaNoteId: await one("SELECT * FROM c WHERE c.type = 'note' AND c.userId = 'aad-mia'"),
      accountId: await one("SELECT * FROM c WHERE c.type = 'teamAccount'"),
      answer: buttonData(managerCard, 'review.proposalToManager.answer'),
      sharedId: stableId('plo', 'tenant-1', proposalId),
      jaarplanId: stableId('jaarplan', 'tenant-1', '2026'),
    };
    expect(Object.values(ids).every(Boolean)).toBe(true);
    const kinds = async (c: ContainerName, id: string) => (await query(c, `SELECT VALUE c.type FROM c WHERE c.id = '${id}'`))[0];
    // The ids below name records that exist, each of another kind than the press expects.
    expect([await kinds('sessions', ids.cycleId), await kinds('sessions', ids.groupId), await kinds('sessions', ids.sessionId), await kinds('installations', ids.jaarplanId)]).toEqual(['cycle', 'group', 'session', 'jaarplan']);
  }, 180_000);
  afterAll(() => t?.stop());

  /** `send(ids)` with another kind's id, then with an id of nothing: whether the replies match, and what changed or went elsewhere meanwhile. */
  async function probe(conversationId: string, send: (real: boolean) => Promise<unknown>) {
    const before = await stored();
    const calls = t.connector.calls.length;
    const toReal = await send(true);
    await t.app.outbox.drain(30_000);
    const after = await stored();
    const elsewhere = t.connector.calls.slice(calls).filter((c) => c.conversationId !== conversationId).map((c) => c.conversationId);
    const toMissing = await send(false);
    return { same: words(toReal) === words(toMissing) ? 'same reply' : `other kind: ${words(toReal)}\n--- nothing: ${words(toMissing)}`, changed: before !== after, elsewhere };
  }
  const SAFE = { same: 'same reply', changed: false, elsewhere: [] };

  it.each([
    ['the week', () => ids.cycleId],
    ['the group', () => ids.groupId],
    ['a session', () => ids.sessionId],
  ])("the look-back on last week's first step naming %s as the proposal: as for an id of nothing, nothing changed", async (_kind, idOf) => {
    const group = t.conversation('groupChat', CHAT);
    let n = 0;
    const press = async (real: boolean) => {
      const data = { groupId: ids.groupId, sessionId: ids.sessionId, proposalId: real ? idOf() : `${ids.groupId}_w9_p`, firstStepStatus: 'done', firstStepNote: 'Gedaan', k: `lb-${(n += 1)}` };
      const res = await t.send(execute(group, anna, 'proposal.firstStep', data, 'card-1'));
      return res.body?.value ?? res.body;
    };
    expect(await probe(group.id, press)).toEqual(SAFE);
  });

  /** A press in `who`'s own chat. */
  const inChat = (who: TestUser, verb: string, real: () => Record<string, unknown>, missing: Record<string, unknown> | (() => Record<string, unknown>)) => async () => {
    const chat = new PersonalChat(t, who);
    return probe(chat.conv.id, (isReal) => chat.press(verb, isReal ? real() : typeof missing === 'function' ? missing() : missing));
  };

  it.each([
    ["Anna opens her request as a note", inChat(anna, 'verantwoording.note.open', () => ({ noteId: ids.requestId }), { noteId: 'note-nope' })],
    ["Anna saves a note's text over her request", inChat(anna, 'verantwoording.note.save', () => ({ noteId: ids.requestId, rev: 1, text: 'overschreven' }), { noteId: 'note-nope', rev: 1, text: 'overschreven' })],
    ['Anna shares her request as a note', inChat(anna, 'verantwoording.visibility', () => ({ kind: 'note', id: ids.requestId, visibility: 'shared' }), { kind: 'note', id: 'note-nope', visibility: 'shared' })],
    ['Anna shares her note as an answer', inChat(anna, 'verantwoording.visibility', () => ({ kind: 'answer', id: ids.noteId, visibility: 'shared' }), { kind: 'answer', id: 'answer-nope', visibility: 'shared' })],
    ['Anna asks to withdraw her note as a request', inChat(anna, 'review.request.confirmWithdraw', () => ({ id: ids.noteId }), { id: 'request-nope' })],
    ['Anna withdraws her note as a request', inChat(anna, 'review.request.withdraw', () => ({ id: ids.noteId }), { id: 'request-nope' })],
    ['Mia asks to delete her note as a team account', inChat(mia, 'review.teamAccount.confirmDelete', () => ({ id: ids.miaNoteId }), { id: 'account-nope' })],
    ['Mia deletes her note as a team account', inChat(mia, 'review.teamAccount.delete', () => ({ id: ids.miaNoteId }), { id: 'account-nope' })],
    ["Mia answers Anna's request as the proposal put before her", inChat(mia, 'review.proposalToManager.answer', () => ({ ...ids.answer, recordId: ids.requestId, answer: 'Namens Mia', k: 'ans-1' }), () => ({ ...ids.answer, recordId: 'record-nope', answer: 'Namens Mia', k: 'ans-2' }))],
    ["Anna puts the group's week before Mia as its proposal", inChat(anna, 'review.proposalToManager.open', () => ({ groupId: ids.groupId, proposalId: ids.cycleId }), () => ({ groupId: ids.groupId, proposalId: `${ids.groupId}_w9_p` }))],
    ['Hanna opens the Jaarplan as a shared proposal', inChat(hanna, 'proposalToLo.open', () => ({ id: ids.jaarplanId }), { id: 'plo_nope' })],
  ] as [string, () => Promise<unknown>][])('%s: as for an id of nothing, nothing changed or sent', async (_what, run) => {
    expect(await run()).toEqual(SAFE);
  });

  it("the group shares its week with L&O as its proposal: nothing shared, as for an id of nothing", async () => {
    const group = t.conversation('groupChat', CHAT);
    const press = async (real: boolean) => (await t.send(execute(group, anna, 'proposalToLo.share', { groupId: ids.groupId, proposalId: real ? ids.cycleId : `${ids.groupId}_w9_p` }, 'summary-1'))).body?.value;
    expect(await probe(group.id, press)).toEqual(SAFE);
    expect((await query('installations', "SELECT VALUE c.proposalId FROM c WHERE c.type = 'proposalToLo'")).sort()).toEqual([ids.proposalId]);
  });

  it('(control) the same presses on ids of the right kind reach their records', async () => {
    const annaChat = new PersonalChat(t, anna);
    expect(words(await annaChat.press('verantwoording.note.open', { noteId: ids.noteId }))).toContain('ANNA-NOTITIE');
    expect(words(await new PersonalChat(t, mia).press('review.teamAccount.confirmDelete', { id: ids.accountId }))).toContain('MIA-TEAM-WOORDEN');
    expect(words(await new PersonalChat(t, hanna).press('proposalToLo.open', { id: ids.sharedId }))).toContain('EIGEN-WOORDEN');
    const group = t.conversation('groupChat', CHAT);
    await t.send(execute(group, anna, 'proposal.firstStep', { groupId: ids.groupId, sessionId: ids.sessionId, proposalId: ids.proposalId, firstStepStatus: 'done', firstStepNote: 'Gedaan', k: 'lb-real' }, 'card-1'));
    const proposal = (await t.store.container('sessions').item(ids.proposalId, ids.groupId).read()).resource;
    expect(proposal?.firstStepOutcome?.status).toBe('done');
  });
});
