/**
 * Stop 68, own review: the kept client language vs. the erasure's redelivered confirm press.
 * Promise (handlers.ts confirmErase): a confirm press delivered again after the erasure finished
 * "says what is true: erased, when nothing is there". Promise (stop 68 test): "their erasure removes it".
 * Attack: an English Teams client (en-US on every activity, no `taal` chosen). Its erasure finishes;
 * Teams delivers the same confirm press again. The turn's `userLocale` (preferencesOnOwnTurn) runs
 * before the handler, finds no preferences (erased) and creates one with `clientLanguage: 'en'`.
 */
import { execute, message, TestUser, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { personalChat } from '../talent-review/support/proposal-put-before';
import { actionData } from '../verantwoording/support';
import { preferencesId } from '../../src/domain/verantwoording/preferences';

/* eslint-disable @typescript-eslint/no-explicit-any */
const EN = 'en-US';
const fay = user('Fay') as TestUser;

describe('an English client presses the erasure confirm; Teams delivers the press again', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t?.stop());

  const prefs = async () => (await t.store.container('personal').item(preferencesId(fay.aadObjectId), fay.aadObjectId).read()).resource as Record<string, unknown> | undefined;
  const press = async (verb: string, data: Record<string, unknown>) => {
    const res = await t.send({ ...execute(personalChat(t, fay), fay, verb, data, 'card-1'), locale: EN });
    expect(res.status).toBe(200);
    return res.body?.value;
  };

  it('the redelivery says "erased" and leaves no record of hers behind', async () => {
    const chat = personalChat(t, fay);
    await t.send({ ...message(chat, fay, 'help'), locale: EN });
    expect(await prefs()).toMatchObject({ clientLanguage: 'en' });
    const before = t.connector.calls.length;
    await t.send({ ...message(chat, fay, 'erase my data'), locale: EN });
    const ask = t.connector.calls.slice(before).flatMap((c) => (c.activity.attachments ?? []).map((a: any) => a.content)).find((c: any) => actionData(c, 'verantwoording.erase.confirm'));
    const data = actionData(ask, 'verantwoording.erase.confirm')!;
    expect(data.k).toBeDefined();
    const first = await press('verantwoording.erase.confirm', data);
    expect(cardText(first)).toContain('Your data has been erased');
    await t.app.outbox.drain(30_000);
    expect(await prefs()).toBeUndefined();
    const again = await press('verantwoording.erase.confirm', data);
    expect({ redeliveryCard: cardText(again).includes('already been erased') ? 'erasedEarlier (what you saved since is kept)' : 'erased', prefsAfterRedelivery: await prefs() }).toEqual({ redeliveryCard: 'erased', prefsAfterRedelivery: undefined });
  }, 120_000);
});
