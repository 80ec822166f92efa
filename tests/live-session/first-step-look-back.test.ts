import { execute } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { ERROR_TITLE, weekTwoLookingBack } from './support';

/**
 * The look back on last week's first step is one value the whole group keeps up to date. Teams
 * redelivers a press it got no timely answer for, possibly after another member told something
 * else: the redelivery must store nothing and answer with the current view, or the group's later
 * answer is silently overwritten by an older one. A new press still records.
 */
describe('the look back on last week\'s first step, pressed again', () => {
  let t: TestApp;
  let round = 0;
  const [anna, bram] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0]];
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  });
  afterAll(() => t.stop());

  /** Week 1 decided with a first step and ended; week 2's first session open with the look back. */
  const weekTwo = () => weekTwoLookingBack(t, `19:look-back-${round++}@thread.v2`);
  const stored = async (g: GroupDriver) => (await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource.firstStepOutcome;
  const look = (g: GroupDriver, firstStepStatus: string, firstStepNote: string, k?: string) => ({ ...g.ids(), proposalId: `${g.groupId}_w1_p`, firstStepStatus, firstStepNote, ...(k ? { k } : {}) });

  // The card posted when week 2 opens is the first look everyone gets (and all that members outside
  // the refresh list, or clients that do not refresh, ever see): it asks the question too. It was
  // rendered from the week's state without last week's proposal.
  it('asks about last week\'s first step on the card posted when the week opens, as in a member\'s own view', async () => {
    const g = await weekTwo();
    const posted = t.connector.calls.find((c) => c.method === 'POST' && c.id === g.sessionMessageId)!;
    expect(cardText(posted.activity.attachments[0].content)).toContain('Tafel neerzetten');
    expect(cardText((await g.press(bram, 'session.refresh', g.ids())).value)).toContain('Tafel neerzetten');
  });

  it('keeps what another member told since when Teams redelivers an earlier press (same activity id)', async () => {
    const g = await weekTwo();
    const annas = execute(g.conv, anna, 'proposal.firstStep', look(g, 'done', 'Staat er'), g.sessionMessageId, 'look-anna-1');
    expect(cardText((await t.send(annas)).body.value)).not.toContain(ERROR_TITLE);
    await g.press(bram, 'proposal.firstStep', look(g, 'dropped', 'Toch weggehaald, stond in de weg'));
    expect((await stored(g)).status).toBe('dropped');

    const again = await t.send(annas);
    expect(cardText(again.body.value)).not.toContain(ERROR_TITLE);
    expect(cardText(again.body.value)).toContain('Toch weggehaald');
    expect((await stored(g)).status).toBe('dropped');
    await t.app.sharedCards.idle();
    expect(cardText(g.sharedCard())).toContain('Toch weggehaald');
  });

  it('tells a redelivery by its card key too, and still records a new press of the same member', async () => {
    const g = await weekTwo();
    await g.press(anna, 'proposal.firstStep', look(g, 'underway', 'Bijna klaar', 'k-card-1'), g.sessionMessageId, 'look-anna-a');
    await g.press(bram, 'proposal.firstStep', look(g, 'done', 'Staat er nu', 'k-card-1'));
    expect((await stored(g)).status).toBe('done');
    // The same card press redelivered under another activity id: the card key tells it.
    await g.press(anna, 'proposal.firstStep', look(g, 'underway', 'Bijna klaar', 'k-card-1'), g.sessionMessageId, 'look-anna-b');
    expect((await stored(g)).status).toBe('done');
    // Anna changing her mind on a fresh card is new.
    await g.press(anna, 'proposal.firstStep', look(g, 'dropped', 'Toch niet', 'k-card-2'));
    expect(await stored(g)).toMatchObject({ status: 'dropped', note: 'Toch niet' });
  });
});
