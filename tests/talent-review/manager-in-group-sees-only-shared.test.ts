import { execute, user } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile } from './support/proposal-put-before';
import { extensionInvoke, PersonalChat, runWeek, tabApi } from '../verantwoording/support';

/**
 * Found in review, stop 50: Bram is Anna's manager and a member of her week-cycle group. As a
 * member he sees what the group sees; as her manager he sees only what she shares. Nothing Anna
 * kept private reaches him by either road, and nothing shared only with him (her note, his
 * account of what he facilitated) reaches the group chat.
 */
const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
const SECRET9 = 'PRIV9 ik twijfel of ik dit werk wil blijven doen';
const SECRET10 = 'PRIV10 energie kreeg ik van niets';
const NOTE = 'NOTE-FOR-BRAM ik wil de overdracht leiden';
const FACILITATED = 'FAC-BRAM ik gaf Anna een uur per week';

describe('a manager who is also a member of the group', () => {
  let t: TestApp;
  let g: GroupDriver;
  let reviewId = '';
  const bramChat = () => t.conversation('personal', 'a:personal-bram');
  const toBram = () => JSON.stringify(t.connector.calls.filter((c) => c.conversationId === t.connector.personalChats.get('aad-bram') || c.conversationId === bramChat().id));
  const toGroup = () => JSON.stringify(t.connector.calls.filter((c) => c.conversationId === g.conv.id));

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile([{ id: 'aad-anna', name: 'Anna', managerId: 'aad-bram' }, { id: 'aad-bram', name: 'Bram' }, { id: 'aad-cem', name: 'Cem' }, { id: 'aad-dewi', name: 'Dewi' }]) }, '2026-11-23T08:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await runWeek(g, { personal9: SECRET9, personal10: SECRET10, contribution: 'De overdracht tussen diensten' });
    await t.send(execute(bramChat(), bram, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
  }, 180_000);
  afterAll(() => t.stop());

  it('Bram\'s prep card, his overview, his tab and his search hold none of Anna\'s private answers', async () => {
    const prep = cardText((await t.send(execute(bramChat(), bram, 'review.prep.show', { reviewId }, 'list-card'))).body.value);
    const overview = JSON.stringify((await new PersonalChat(t, bram).say('verantwoording')).cards);
    const tab = await tabApi(t, 'aad-bram');
    const tabOverview = JSON.stringify((await tab('GET', '')).json);
    const tabExport = JSON.stringify((await tab('GET', '/export')).json);
    const search = JSON.stringify((await t.send(extensionInvoke(g.conv, bram, 'composeExtension/query', { commandId: 'zoekVoorstellen', parameters: [{ name: 'zoekterm', value: 'overdracht' }], queryOptions: { skip: 0, count: 25 } }))).body);
    // Controls: the marker is reachable (Anna's own tab has it), and Bram's search did find the proposal.
    expect(JSON.stringify((await (await tabApi(t, 'aad-anna'))('GET', '')).json)).toContain('PRIV9');
    expect(search).toContain('overdracht');
    for (const [where, text] of Object.entries({ prep, overview, tabOverview, tabExport, search, sent: toBram() })) {
      expect({ where, private9: text.includes('PRIV9'), private10: text.includes('PRIV10') }).toEqual({ where, private9: false, private10: false });
    }
  }, 90_000);

  it('what Anna shares only with Bram, and Bram\'s own account, never reach the group chat', async () => {
    const annaChat = new PersonalChat(t, anna);
    const card = await annaChat.press('verantwoording.note.add', { text: NOTE });
    const noteId = JSON.stringify(card).match(/"noteId":"([^"]+)"/)![1];
    await annaChat.press('verantwoording.visibility', { kind: 'note', id: noteId, visibility: 'shared', rev: 1 });
    const prep = cardText((await t.send(execute(bramChat(), bram, 'review.prep.show', { reviewId }, 'list-card'))).body.value);
    expect(prep).toContain(NOTE);
    await t.send(execute(bramChat(), bram, 'review.facilitated.save', { reviewId, facilitated: FACILITATED, shareFacilitation: true }, 'list-card', 'fac-1'));
    // Bram tries the prep card from the group chat too.
    await t.send(execute(g.conv, bram, 'review.prep.show', { reviewId }, 'group-card'));
    await t.app.outbox.drain(60_000);
    // The group holds a next week: its session cards and summary.
    t.clock.advanceMinutes(3 * 24 * 60);
    await g.startSession();
    for (const m of g.members) await g.checkIn(m, 4);
    await g.end();
    await t.app.outbox.drain(60_000);
    expect(toGroup()).not.toContain('NOTE-FOR-BRAM');
    expect(toGroup()).not.toContain('FAC-BRAM');
    expect(toGroup()).not.toContain('PRIV9');
    expect(toGroup()).not.toContain('PRIV10');
  }, 180_000);
});
