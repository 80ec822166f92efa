import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/** Three members in a channel, their first session open on Monday at 09:00 in Amsterdam. */
async function openSessionOnMonday(): Promise<{ t: TestApp; g: GroupDriver }> {
  const t = await startTestApp({}, '2026-11-23T08:00:00Z');
  const g = new GroupDriver(t, t.conversation('channel'), MEMBERS.slice(0, 3));
  await g.setUp();
  await g.startCycle();
  await g.startSession();
  return { t, g };
}

describe('the hour is time-boxed by the durable scheduler', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    ({ t, g } = await openSessionOnMonday());
    await g.contribute(MEMBERS[0]!, 1, 'Het rooster maken');
  });
  afterAll(() => t.stop());

  it('shows the time left on the card', async () => {
    t.clock.advanceMinutes(20);
    const view = await g.press(MEMBERS[1]!, 'session.refresh', g.ids());
    expect(cardText(view.value)).toContain('Nog 40 minuten');
  });

  it('says so at ten minutes left, once, even when two instances run the jobs', async () => {
    t.clock.advanceMinutes(30);
    const before = t.connector.texts().length;
    const [a, b] = await Promise.all([t.app.scheduler.runDue(), t.app.scheduler.runDue()]);
    expect(a + b).toBe(1);
    const texts = t.connector.texts().slice(before);
    expect(texts).toEqual(['Nog 10 minuten. Tijd om af te ronden en uit te checken.']);
    expect(cardText(g.sharedCard())).toContain('rond af en check uit');
  });

  it('closes the session at the end of the hour and posts the summary', async () => {
    t.clock.advanceMinutes(10);
    await t.app.scheduler.runDue();
    expect(cardText(g.sharedCard())).toContain('Deze sessie is afgerond');
    const summary = cardText(t.connector.cards((c) => c.method === 'POST').at(-1)!.card);
    expect(summary).toContain('Samenvatting');
    expect(summary).toContain('Nog open: vragen 2, 3. Die komen de volgende sessie eerst.');
    expect(await t.app.scheduler.runDue()).toBe(0);
  });

  it('resumes the unfinished questions first the next day', async () => {
    t.clock.advanceMinutes(23 * 60);
    await g.startSession();
    const session = await g.session();
    expect(session.day).toBe(2);
    expect(session.carriedOver).toEqual([2, 3]);
    expect(session.questionIds).toEqual([2, 3, 4, 5]);
    expect(cardText(g.sharedCard())).toContain('Van de vorige keer: vragen 2, 3');
  });

  it('starts the next planned session by itself at the group\'s start time', async () => {
    await g.end();
    t.clock.set('2026-11-25T08:00:00Z'); // Wednesday 09:00 in Amsterdam: day 3 was scheduled at cycle start
    const before = t.connector.calls.length;
    await t.app.scheduler.runDue();
    const posted = t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.activity.attachments?.[0]?.content?.refresh);
    expect(posted).toHaveLength(1);
    expect(cardText(posted[0]!.activity.attachments[0].content)).toContain('dag 3');
  });
});

/**
 * Every edit of the shared card re-renders each member's view, and Teams drops what they had
 * typed and not sent. On the last question the check-out is already on everyone's card, so the
 * warning is only said, and the reflection being written then stays where it is.
 */
describe('the ten-minute warning on the last question', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    ({ t, g } = await openSessionOnMonday());
    for (const who of MEMBERS.slice(0, 3)) await g.checkIn(who, 4);
    await g.goTo(MEMBERS[0]!, 2);
  });
  afterAll(() => t.stop());

  it('is said in the chat without editing the shared card under anyone\'s typing', async () => {
    await t.app.sharedCards.idle(); // the step to the last question has gone out
    expect(cardText(g.sharedCard())).toContain('Vraag 3');
    const before = t.connector.calls.length;
    t.clock.advanceMinutes(50);
    expect(await t.app.scheduler.runDue()).toBe(1);
    const after = t.connector.calls.slice(before);
    expect(after.map((c) => c.activity.text).filter(Boolean)).toEqual(['Nog 10 minuten. Tijd om af te ronden en uit te checken.']);
    expect(after.filter((c) => c.id === g.sessionMessageId)).toEqual([]);
  });

  it('shows the warning and the check-out on a member\'s own card when they look', async () => {
    const view = cardText((await g.press(MEMBERS[1]!, 'session.refresh', g.ids())).value);
    expect(view).toContain('rond af en check uit');
    expect(view).toContain('Hoeveel energie heb je nu, aan het eind?');
  });
});
