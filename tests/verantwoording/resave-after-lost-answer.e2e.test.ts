import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { actionData, extensionInvoke } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const anna = user('Anna');
const LINK = 'https://teams.microsoft.com/l/message/19:x@thread.v2/1';

const noteInput = (card: any) => card.body.find((e: { id?: string }) => e.id === 'noteText');
const saveData = (card: any, noteText: string) => ({ ...card.actions.find((a: { type: string }) => a.type === 'Action.Submit').data, noteText });

/**
 * A save whose write landed but whose answer was lost (and the read-back failed) comes back as
 * "Bewaren lukte niet" with the typed text and the same key. The person, told it was not saved,
 * improves the text and presses Save again. They were told "Bewaard" while the earlier text stayed
 * stored and the improved one was lost. The improved text is now a note of its own beside the
 * first (nothing typed is dropped; the person sees both and may delete one). Found in review, stop 34.
 */
describe('Save again with a changed text after a save that landed but was reported failed', () => {
  let t: TestApp;
  const conv = () => t.conversation('personal', 'a:personal-Anna');
  const notes = async () => (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'note'").fetchAll()).resources;
  const submit = (data: Record<string, unknown>) =>
    t.send(extensionInvoke(conv(), anna, 'composeExtension/submitAction', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload: { linkToMessage: LINK }, data }));
  const failFirstSaveAfterItLanded = () => {
    let writes = 0;
    t.proxy!.faults = (req) => {
      if (req.container !== 'personal' || req.kind === 'metadata') return undefined;
      if (req.kind === 'create' && writes++ === 0) return { kind: 'dropAfter' };
      return writes > 0 ? { kind: 'status', status: 503 } : undefined;
    };
  };

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
  });
  afterAll(() => t.stop());
  afterEach(async () => {
    t.proxy!.faults = undefined;
    for (const n of await notes()) await t.store.container('personal').item(n.id, n.userId).delete().catch(() => undefined);
  });

  it('message extension: the improved text is what is stored once it says "Bewaard"', async () => {
    failFirstSaveAfterItLanded();
    const res = await submit({ noteText: 'Eerste versie', link: LINK, key: 'dialog-key-edit-1' });
    t.proxy!.faults = undefined;
    const card = res.body?.task?.value?.card?.content;
    expect(noteInput(card).value).toBe('Eerste versie');
    expect(cardText(card)).toContain('Bewaren lukte niet');

    const improved = 'Eerste versie, aangevuld met wat ik nog wilde zeggen';
    const saved = await submit(saveData(card, improved));
    const said = JSON.stringify(saved.body);
    const stored = (await notes()).map((n) => n.text);
    expect({ toldSaved: said.includes('Bewaard in Mijn verantwoording'), stored: stored.sort() }).toEqual({ toldSaved: true, stored: ['Eerste versie', improved] });
    // Teams sends the improved save again: still these two.
    await submit(saveData(card, improved));
    expect((await notes()).length).toBe(2);
  });

  it('add-note card: the improved text is what is stored once the overview says it is', async () => {
    failFirstSaveAfterItLanded();
    const first = await t.send(execute(conv(), anna, 'verantwoording.note.add', { text: 'Notitie op de kaart', k: 'card-key-edit-1' }, 'card-1'));
    t.proxy!.faults = undefined;
    const failed = cardText(first.body?.value);
    expect(failed).toMatch(/lukte nu niet|Dat lukte niet/);

    const improved = 'Notitie op de kaart, beter geformuleerd';
    // Pressed again on the form that came back: its button carries the same key.
    const retry = actionData(first.body?.value, 'verantwoording.note.add')!;
    expect(retry.k).toBe('card-key-edit-1');
    const again = await t.send(execute(conv(), anna, 'verantwoording.note.add', { ...retry, text: improved }, 'card-1'));
    const shown = cardText(again.body?.value);
    const stored = (await notes()).map((n) => n.text);
    expect({ stored: stored.sort(), overviewShowsImproved: shown.includes(improved) }).toEqual({ stored: ['Notitie op de kaart', improved], overviewShowsImproved: true });
  });
});
