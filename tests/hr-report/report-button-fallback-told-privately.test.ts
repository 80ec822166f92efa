import { submit, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { HR } from '../support/pulse-driver';
import { askReport } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

/**
 * Found in review (HR's side). HR asks for the report in a channel; the channel gets the restricted
 * card, whose "Toon rapport" button is there for clients that do not refresh. On such a client (no
 * Action.Execute) Teams sends the button's Action.Submit fallback: a message in the channel with the
 * verb and the period. The handler answered with the report as a `personal` card, which on the
 * fallback in a shared chat has no way to HR alone, and set no `privately` note: nothing reached
 * HR, in the channel or in their 1:1 chat. The button did nothing, silently.
 *
 * What must hold: HR is told in their 1:1 chat where the report opens (the period, a button and
 * the command), and nothing of the report waits in the outbox on the way (no figures, no download
 * links); pressing that note's button in the 1:1 chat, on the same client, shows the report there.
 * The channel stays as it is. Someone who is not HR pressing it is told so, privately.
 */
describe('"Toon rapport" pressed on a client without Action.Execute', () => {
  let t: TestApp;
  const CHANNEL_ID = '19:hr-fallback@thread.tacv2';
  const channel = () => t.conversation('channel', CHANNEL_ID);
  const ownChat = (who: { id: string }) => `a:1on1-${who.id}`;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  /** Presses the restricted card's button on the Submit fallback as `who`; what reached whom after it. */
  const pressOnFallback = async (who: typeof HR) => {
    const seen = (await askReport(t, channel(), HR, 'rapport 2026-11-01 2026-11-20'))!;
    const button = seen.posted.body.flatMap((e: any) => e.actions ?? []).find((a: any) => a.type === 'Action.Execute');
    const before = t.connector.calls.length;
    const res = await t.send(submit(channel(), who, button.fallback.data, 'restricted-card-id'));
    expect(res.status).toBe(200);
    await t.app.background.idle();
    await t.app.outbox.drain(30_000);
    const after = t.connector.calls.slice(before).filter((c) => c.activity?.type !== 'typing');
    return {
      toThem: after.filter((c) => c.conversationId === ownChat(who)),
      elsewhere: after.filter((c) => c.conversationId !== ownChat(who)).map((c) => `${c.method} ${c.conversationId}`),
    };
  };

  it('tells HR in their 1:1 chat where the report opens, with nothing of the report queued', async () => {
    const { toThem, elsewhere } = await pressOnFallback(HR);
    expect(elsewhere).toEqual([]);
    expect(toThem).toHaveLength(1);
    const note = toThem[0]!.activity.attachments[0].content;
    const text = cardText(note);
    expect(text).toContain('1 nov 2026 tot en met 20 nov 2026');
    expect(text).toContain("typ 'rapport 2026-11-01 2026-11-20'");
    expect(cardProblems(note)).toEqual([]);
    // The note is what waited in the outbox: no figure, no download link.
    expect(note.actions ?? []).toEqual([]);
    expect(JSON.stringify(note.body)).not.toMatch(/Action\.OpenUrl|Energie per week|Leeruren|https?:/);

    // The note's button, pressed in the 1:1 chat on the same client: the report, there.
    const button = note.body.flatMap((e: any) => e.actions ?? []).find((a: any) => a.type === 'Action.Execute');
    const before = t.connector.calls.length;
    const res = await t.send(submit(t.conversation('personal', ownChat(HR)), HR, button.fallback.data, toThem[0]!.id));
    expect(res.status).toBe(200);
    await t.app.background.idle();
    const report = t.connector.calls.slice(before).filter((c) => c.activity?.attachments?.length);
    expect(report.map((c) => c.conversationId)).toEqual([ownChat(HR)]);
    const shown = report[0]!.activity.attachments[0].content;
    expect(cardText(shown).split('\n')[0]).toBe('Reflectie en terugkoppeling: 1 nov 2026 tot en met 20 nov 2026');
    expect(shown.actions.map((a: any) => a.type)).toEqual(['Action.OpenUrl', 'Action.OpenUrl']);
  }, 60_000);

  it('tells someone who is not HR, privately, that the report is for HR', async () => {
    const colleague = user('Collega');
    const { toThem, elsewhere } = await pressOnFallback(colleague);
    expect(elsewhere).toEqual([]);
    expect(toThem.map((c) => cardText(c.activity.attachments[0].content))).toEqual(['Alleen HR/L&O kan het rapport opvragen.']);
  }, 60_000);
});
