/**
 * "Bewaar in mijn verantwoording" loses nothing when a save cannot go through.
 * Problems this guards against: a Teams message longer than a note was prefilled cut to 4,000
 * characters without a word, so Save stored part of the message as if it were whole; and a save
 * the store failed (503) answered a bare "Dat lukte niet" that closed the dialog and lost the
 * typed note, while pressing Save again would have stored a note twice when the first write had
 * landed after all.
 */
import { user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { extensionInvoke } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const anna = user('Anna');
const LINK = 'https://teams.microsoft.com/l/message/19:x@thread.v2/1';


const noteInput = (card: any) => card.body.find((e: { id?: string }) => e.id === 'noteText');
/** What Teams sends when Save is pressed: the Save action's data with the typed text. */
const saveData = (card: any, noteText: string) => ({ ...card.actions.find((a: { type: string }) => a.type === 'Action.Submit').data, noteText });

describe('the message extension refuses or fails a save without losing the note', () => {
  let t: TestApp;
  const conv = () => t.conversation('personal', 'a:personal-Anna');
  const notes = async () => (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'note'").fetchAll()).resources;
  const submit = (data: Record<string, unknown>, locale?: string) =>
    t.send(extensionInvoke(conv(), anna, 'composeExtension/submitAction', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload: { linkToMessage: LINK }, data }, locale));

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
  });
  afterAll(() => t.stop());
  afterEach(async () => {
    t.proxy!.faults = undefined;
    for (const n of await notes()) await t.store.container('personal').item(n.id, n.partitionKey ?? n.userId).delete().catch(() => undefined);
  });

  it('attack: saving a 6,000-character Teams message: the dialog shows it whole with the 4,000 limit, Save on it stores nothing, the shortened text is stored once', async () => {
    const body = `Begin ${'a'.repeat(3000)} MIDDEN ${'b'.repeat(2980)} EINDE`;
    const res = await t.send(extensionInvoke(conv(), anna, 'composeExtension/fetchTask', {
      commandId: 'bewaarInVerantwoording',
      commandContext: 'message',
      messagePayload: { body: { contentType: 'text', content: body }, linkToMessage: LINK },
    }));
    const card = res.body?.task?.value?.card?.content;
    expect(noteInput(card).value).toBe(body);
    expect(cardText(card)).toContain('Een notitie is hoogstens 4.000 tekens; deze is 6.000 tekens.');
    expect(cardText(card)).not.toContain('Hieronder staan alleen de eerste');
    expect(cardProblems(card)).toEqual([]);

    // Save on the text as it is: refused again with the reason, the text kept, nothing stored.
    const refused = (await submit(saveData(card, body))).body?.task?.value?.card?.content;
    expect(noteInput(refused).value).toBe(body);
    expect(cardText(refused)).toContain('Een notitie is hoogstens 4.000 tekens; deze is 6.000 tekens.');
    expect(await notes()).toEqual([]);

    // Shortened and saved: one note, with the link back to the message.
    const short = body.slice(0, 3000);
    const saved = await submit(saveData(refused, short));
    expect(JSON.stringify(saved.body)).toContain('Bewaard in Mijn verantwoording');
    const stored = await notes();
    expect(stored.map((n) => n.text)).toEqual([short]);
    expect(stored[0].source?.link).toBe(LINK);
  });

  it('attack: the store fails the save (503): the dialog comes back in English with the typed text, the link and why; Save again stores it once', async () => {
    const typed = 'My own note on this message, with 😀 and עברית';
    t.proxy!.faults = (req) => (req.container === 'personal' && req.kind !== 'pointRead' && req.kind !== 'query' ? { kind: 'status', status: 503 } : undefined);
    const res = await submit({ noteText: typed, link: LINK }, 'en-US');
    t.proxy!.faults = undefined;
    expect(await notes()).toEqual([]);
    const card = res.body?.task?.value?.card?.content;
    expect(card).toBeDefined();
    expect(noteInput(card).value).toBe(typed);
    expect(cardText(card)).toContain('Saving did not work. Please try again.');
    expect(cardText(card)).not.toContain('Dat lukte niet');
    expect(saveData(card, typed)).toMatchObject({ link: LINK, key: expect.any(String) });
    expect(cardProblems(card)).toEqual([]);

    const saved = await submit(saveData(card, typed), 'en-US');
    expect(JSON.stringify(saved.body)).toContain('Saved to My accountability (private).');
    expect((await notes()).map((n) => n.text)).toEqual([typed]);
  });

  it('attack: the note is written but its answer is lost and the store then fails: Save again on the dialog that came back stores no second note', async () => {
    const typed = 'Aantekening die toch al bewaard was';
    let writes = 0;
    t.proxy!.faults = (req) => {
      if (req.container !== 'personal' || req.kind === 'metadata') return undefined;
      if (req.kind === 'create' && writes++ === 0) return { kind: 'dropAfter' };
      return writes > 0 ? { kind: 'status', status: 503 } : undefined;
    };
    const res = await submit({ noteText: typed, link: LINK });
    t.proxy!.faults = undefined;
    const card = res.body?.task?.value?.card?.content;
    expect(noteInput(card).value).toBe(typed);
    expect(cardText(card)).toContain('Bewaren lukte niet. Probeer het nog eens.');

    const saved = await submit(saveData(card, typed));
    expect(JSON.stringify(saved.body)).toContain('Bewaard in Mijn verantwoording');
    expect((await notes()).map((n) => n.text)).toEqual([typed]);
  });
});
