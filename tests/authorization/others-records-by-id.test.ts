/**
 * A guard (held when written, in review of stop 53), with one finding fixed then: L&O's answer
 * press naming the tenant's Jaarplan rewrote it as a shared proposal (the repository's update did
 * not check the record's kind; the last test). Card actions that name another person's record. Card data is not
 * trusted: a stranger (a second user of the same tenant, or a user of another tenant) sends the
 * ids of Anna's, Mia's or the group's records. For each press: nothing of theirs is stored or
 * changed, nobody else is sent anything, and the reply is the reply for an id that does not exist
 * (no other person's words, no hint that the record exists).
 *
 * Clock: Monday 23 November 2026. Anna and Eva report to Mia, Bram and Mia to Olga. Anna, Cem and
 * Dewi are a group that adapted a proposal; Anna put it before Mia, asked Mia for a conversation,
 * and keeps a note; Mia sent her team an account and planned a conversation with Anna; the group
 * shared its proposal with L&O (Hanna, HR of tenant 1). Zoe is a user of tenant 2, Zed HR there.
 */
import { execute, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';
import { directoryFile, groupDecides, managerCardAbout, putBeforeManager } from '../talent-review/support/proposal-put-before';
import { stableId } from '../../src/domain/shared/ids';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
const mia = user('Mia');
const olga = user('Olga');
const hanna = user('Hanna');
const zoe = user('Zoe');
const zed = user('Zed');
const CHAT = '19:probe-records@thread.v2';
/** Words of Anna's and Mia's that no stranger may ever read. */
const SECRETS = ['ANNA-NOTITIE', 'ANNA-WOORDEN', 'ANNA-VERZOEK', 'MIA-TEAM-WOORDEN', 'EIGEN-WOORDEN', 'Anna'];

/** A personal chat of another tenant. */
function otherTenantChat(t: TestApp, who: TestUser): PersonalChat {
  const chat = new PersonalChat(t, who);
  Object.assign(chat, { conv: { ...chat.conv, tenantId: 'tenant-2' } });
  return chat;
}

/** A card's words, with what is random per rendering (keys, ids) left out. */
const words = (card: unknown) => cardText(card).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<key>');

describe("a stranger presses cards that name another person's record", () => {
  let t: TestApp;
  let ids: { groupId: string; proposalId: string; cycleId: string; noteId: string; noteRev: number; requestId: string; accountId: string; reviewId: string; answer: Record<string, unknown>; sharedId: string };
  /** The documents that belong to Anna, Mia and the organisation, as stored (system fields left out). */
  const owned = async () => {
    const strip = (d: any) => Object.fromEntries(Object.entries(d).filter(([k]) => !k.startsWith('_')));
    const all = async (c: 'personal' | 'reviews' | 'installations') => (await t.store.container(c).items.query('SELECT * FROM c').fetchAll()).resources.map(strip);
    const personal = (await all('personal')).filter((d: any) => ['aad-anna', 'aad-mia'].includes(d.userId));
    return JSON.stringify({ personal, reviews: await all('reviews'), installations: (await all('installations')).filter((d: any) => d.type === 'proposalToLo' || d.type === 'jaarplan') });
  };

  beforeAll(async () => {
    t = await startTestApp(
      {
        DIRECTORY_FILE: directoryFile([
          { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
          { id: 'aad-eva', name: 'Eva', managerId: 'aad-mia' },
          { id: 'aad-bram', name: 'Bram', managerId: 'aad-olga' },
          { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' },
          { id: 'aad-olga', name: 'Olga' },
        ]),
        HR_USER_IDS: 'aad-hanna,aad-zed',
        ALLOWED_TENANT_IDS: 'tenant-1,tenant-2',
      },
      '2026-11-23T08:00:00Z',
    );
    const { groupId, proposalId } = await groupDecides(t, CHAT, [anna, cem, dewi]);
    const annaChat = new PersonalChat(t, anna);
    // Anna's note, her request for a conversation, and the proposal put before Mia.
    await annaChat.press('verantwoording.note.add', { text: 'ANNA-NOTITIE privé', k: 'note-1' });
    const note = (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'note' AND c.userId = 'aad-anna'").fetchAll()).resources[0];
    const requestForm = await annaChat.press('review.request.open', {});
    await annaChat.press('review.request.send', { ...actionData(requestForm, 'review.request.send'), text: 'ANNA-VERZOEK graag' });
    const request = (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'reviewRequest'").fetchAll()).resources[0];
    await putBeforeManager(t, anna, 'ANNA-WOORDEN voor Mia');
    const managerCard = await managerCardAbout(t, 'aad-mia', anna);
    // Mia's account to her team, and her conversation with Anna.
    const miaChat = new PersonalChat(t, mia);
    const accountForm = await miaChat.press('review.teamAccount.open', {});
    await miaChat.press('review.teamAccount.send', { ...actionData(accountForm, 'review.teamAccount.send'), text: 'MIA-TEAM-WOORDEN deze maand' });
    const account = (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'teamAccount'").fetchAll()).resources[0];
    await miaChat.press('review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: 3, k: 'plan-1' });
    const review = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.type = 'talentReview'").fetchAll()).resources[0];
    // The group shares its proposal with L&O.
    const shared = await t.send(execute(t.conversation('groupChat', CHAT), anna, 'proposalToLo.share', { groupId, proposalId }, 'summary-1'));
    expect(shared.status).toBe(200);
    // HR of tenant 1 saves this year's Jaarplan.
    const hr = new PersonalChat(t, hanna);
    const plan = await hr.press('jaarplan.open', {});
    await hr.press('jaarplan.save', { ...actionData(plan, 'jaarplan.save')!, weekCycles: '40', learningHours: '100', proposalsValidated: '5' });
    await t.app.outbox.drain(60_000);
    ids = {
      groupId,
      proposalId,
      cycleId: `${groupId}_w1`,
      noteId: note.id,
      noteRev: note.rev,
      requestId: request.id,
      accountId: account.id,
      reviewId: review.id,
      answer: buttonData(managerCard, 'review.proposalToManager.answer'),
      sharedId: stableId('plo', 'tenant-1', proposalId),
    };
    expect(Object.values(ids).every(Boolean)).toBe(true);
  }, 180_000);
  afterAll(() => t?.stop());

  /**
   * `chat` presses `verb` with `real` (another person's ids) and then with `missing` (ids of
   * nothing): both replies' words, and what changed or went out meanwhile.
   */
  async function probe(chat: PersonalChat, verb: string, real: Record<string, unknown>, missing: Record<string, unknown>) {
    const before = await owned();
    const calls = t.connector.calls.length;
    const toReal = await chat.press(verb, real);
    await t.app.outbox.drain(30_000);
    const after = await owned();
    const elsewhere = t.connector.calls.slice(calls).filter((c) => c.conversationId !== chat.conv.id).map((c) => c.conversationId);
    const toMissing = await chat.press(verb, missing);
    return { same: words(toReal) === words(toMissing) ? 'same reply' : `real: ${words(toReal)}\n--- missing: ${words(toMissing)}`, leaked: SECRETS.filter((s) => words(toReal).includes(s)), changed: before !== after, elsewhere };
  }
  const SAFE = { same: 'same reply', leaked: [], changed: false, elsewhere: [] };

  describe.each([
    ['Bram (same tenant)', () => new PersonalChat(t, bram)],
    ['Zoe (tenant 2)', () => otherTenantChat(t, zoe)],
  ])('%s', (_who, chatOf) => {
    it.each([
      ['verantwoording.note.open', () => ({ noteId: ids.noteId }), { noteId: 'note-nope' }],
      ['verantwoording.note.save', () => ({ noteId: ids.noteId, rev: ids.noteRev, text: 'overschreven' }), { noteId: 'note-nope', rev: 1, text: 'overschreven' }],
      ['verantwoording.note.delete', () => ({ noteId: ids.noteId, rev: ids.noteRev }), { noteId: 'note-nope', rev: 1 }],
      ['verantwoording.visibility', () => ({ kind: 'note', id: ids.noteId, visibility: 'shared' }), { kind: 'note', id: 'note-nope', visibility: 'shared' }],
      ['verantwoording.visibility', () => ({ kind: 'time', id: ids.cycleId, groupId: ids.groupId, visibility: 'shared' }), { kind: 'time', id: 'nope_w1', groupId: 'nope', visibility: 'shared' }],
      ['verantwoording.time.open', () => ({ groupId: ids.groupId, cycleId: ids.cycleId }), { groupId: 'nope', cycleId: 'nope_w1' }],
      ['verantwoording.time.save', () => ({ groupId: ids.groupId, cycleId: ids.cycleId, hours: 7 }), { groupId: 'nope', cycleId: 'nope_w1', hours: 7 }],
      ['review.request.confirmWithdraw', () => ({ id: ids.requestId }), { id: 'request-nope' }],
      ['review.request.withdraw', () => ({ id: ids.requestId }), { id: 'request-nope' }],
      ['review.teamAccount.confirmDelete', () => ({ id: ids.accountId }), { id: 'account-nope' }],
      ['review.teamAccount.delete', () => ({ id: ids.accountId }), { id: 'account-nope' }],
      ['review.prep.show', () => ({ reviewId: ids.reviewId }), { reviewId: 'review-nope' }],
      ['review.change.open', () => ({ reviewId: ids.reviewId }), { reviewId: 'review-nope' }],
      ['review.move', () => ({ reviewId: ids.reviewId, date: '2027-01-11', k: 'move-x' }), { reviewId: 'review-nope', date: '2027-01-11', k: 'move-y' }],
      ['review.cancel', () => ({ reviewId: ids.reviewId }), { reviewId: 'review-nope' }],
      ['review.phase.propose', () => ({ reviewId: ids.reviewId, phase: 'toepassen', k: 'phase-x' }), { reviewId: 'review-nope', phase: 'toepassen', k: 'phase-y' }],
      ['review.facilitated.save', () => ({ reviewId: ids.reviewId, facilitated: 'VREEMD', k: 'fac-x' }), { reviewId: 'review-nope', facilitated: 'VREEMD', k: 'fac-y' }],
      ['review.proposalToManager.open', () => ({ groupId: ids.groupId, proposalId: ids.proposalId }), { groupId: 'nope', proposalId: 'nope_w1_p' }],
      ['review.proposalToManager.send', () => ({ groupId: ids.groupId, proposalId: ids.proposalId, k: 'send-x', to: 'aad-mia' }), { groupId: 'nope', proposalId: 'nope_w1_p', k: 'send-y', to: 'aad-mia' }],
      ['proposalToLo.open', () => ({ id: ids.sharedId }), { id: 'plo_nope' }],
      ['proposalToLo.answer', () => ({ id: ids.sharedId, rev: 1, k: 'lo-x', answer: 'Namens L&O' }), { id: 'plo_nope', rev: 1, k: 'lo-y', answer: 'Namens L&O' }],
    ] as [string, () => Record<string, unknown>, Record<string, unknown>][])('%s: as for an id of nothing, nothing changed or sent', async (verb, real, missing) => {
      expect(await probe(chatOf(), verb, real(), missing)).toEqual(SAFE);
    });
  });

  it('HR of tenant 2 opens or answers tenant 1\'s shared proposal: as for an id of nothing', async () => {
    const zedChat = otherTenantChat(t, zed);
    expect(await probe(zedChat, 'proposalToLo.open', { id: ids.sharedId }, { id: 'plo_nope' })).toEqual(SAFE);
    expect(await probe(zedChat, 'proposalToLo.answer', { id: ids.sharedId, rev: 1, k: 'zed-x', answer: 'Van tenant 2' }, { id: 'plo_nope', rev: 1, k: 'zed-y', answer: 'Van tenant 2' })).toEqual(SAFE);
  });

  it('(control) the owners themselves get their records on the same ids, so the probes above reach real records', async () => {
    const opened = async (who: TestUser, verb: string, data: Record<string, unknown>) => words(await new PersonalChat(t, who).press(verb, data));
    expect(await opened(anna, 'verantwoording.note.open', { noteId: ids.noteId })).toContain('ANNA-NOTITIE');
    expect(await opened(anna, 'review.request.confirmWithdraw', { id: ids.requestId })).toContain('Mia');
    expect(await opened(mia, 'review.teamAccount.confirmDelete', { id: ids.accountId })).toContain('MIA-TEAM-WOORDEN');
    expect(await opened(mia, 'review.change.open', { reviewId: ids.reviewId })).toContain('Anna');
    expect(await opened(hanna, 'proposalToLo.open', { id: ids.sharedId })).toContain('EIGEN-WOORDEN');
    const week = { groupId: ids.groupId, cycleId: ids.cycleId };
    expect(await opened(anna, 'verantwoording.time.open', week)).not.toEqual(await opened(bram, 'verantwoording.time.open', week));
  });

  // The one reply that differs from an id of nothing, by design: a manager's answer button pressed by
  // anyone else says only that manager may answer. Whoever can press it holds the card, which shows
  // the proposal already (its ids come from a random key); nothing is stored, sent or shown beyond it.
  it.each([
    ['Bram (same tenant)', () => new PersonalChat(t, bram)],
    ['Zoe (tenant 2)', () => otherTenantChat(t, zoe)],
    ["Olga (Mia's own manager)", () => new PersonalChat(t, olga)],
  ])("%s presses Mia's answer button on Anna's proposal: refused, nothing stored, sent or shown", async (_who, chatOf) => {
    for (const answer of ['Namens Mia', '']) {
      const { leaked, changed, elsewhere } = await probe(chatOf(), 'review.proposalToManager.answer', { ...ids.answer, answer, k: `ans-x${answer.length}` }, { memberId: 'aad-anna', recordId: 'record-nope', answer, k: `ans-y${answer.length}` });
      expect({ leaked, changed, elsewhere }).toEqual({ leaked: [], changed: false, elsewhere: [] });
    }
  });

  it("HR's answer press naming another kind of record of the tenant (the Jaarplan) leaves that record as it was", async () => {
    const jaarplanId = stableId('jaarplan', 'tenant-1', '2026');
    const plan = async () => (await t.store.container('installations').item(jaarplanId, 'tenant-1').read()).resource;
    const before = await plan();
    expect(before?.type).toBe('jaarplan');
    const hr = new PersonalChat(t, hanna);
    const shownBefore = JSON.stringify(await hr.press('jaarplan.open', {})).includes('"value":40');
    await t.send(execute(hr.conv, hanna, 'proposalToLo.answer', { id: jaarplanId, rev: before.revision, k: 'forged', answer: 'Over het jaarplan heen' }, 'card-1'));
    const after = await plan();
    // Then L&O's list and the Jaarplan form, as HR opens them next.
    const list = await hr.say('voorstellen');
    const form = await hr.press('jaarplan.open', {});
    expect({
      stored: { type: after?.type, answer: after?.answer, revision: after?.revision },
      listed: list.cards.length === 1 && !/Over het jaarplan heen/.test(cardText(list.cards[0])),
      targetsShown: shownBefore && JSON.stringify(form).includes('"value":40'),
    }).toEqual({ stored: { type: 'jaarplan', answer: undefined, revision: before.revision }, listed: true, targetsShown: true });
  });
});
