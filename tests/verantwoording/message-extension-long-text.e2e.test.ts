import { randomUUID } from 'node:crypto';
import { ConversationSpec, TestUser, user } from '../support/activities';
import { MAX_DIALOG_TEXT } from '../../src/teams/features/verantwoording/message-extension';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const anna = user('Anna');

function invoke(conv: ConversationSpec, from: TestUser, name: string, value: Record<string, unknown>) {
  return {
    type: 'invoke', name, id: randomUUID(), channelId: 'msteams', serviceUrl: conv.serviceUrl, timestamp: new Date().toISOString(), locale: 'nl-NL',
    from: { id: from.id, aadObjectId: from.aadObjectId, name: from.name },
    recipient: { id: '28:lerend-werken-bot', name: 'Lerend Werken' },
    conversation: { id: conv.id, conversationType: conv.type, tenantId: conv.tenantId, isGroup: conv.type !== 'personal' },
    channelData: { tenant: { id: conv.tenantId } },
    value,
  };
}

/** The message extension's save dialog loses nothing, however long the text that was refused. */
describe('the message extension with a very long text', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('keeps a very long text in the save dialog when it is refused', async () => {
    const LONG = `Begin van mijn tekst ${'lang '.repeat(5000)}`;
    const res = await t.send(invoke(t.conversation('personal', 'a:personal-Anna'), anna, 'composeExtension/submitAction', { commandId: 'bewaarInVerantwoording', commandContext: 'message', data: { noteText: LONG } }));
    const card = res.body?.task?.value?.card?.content;
    const said = cardText(card);
    expect(said).toContain('Begin van mijn tekst');
    expect(said).not.toContain('Schrijf eerst iets op.');
    // The real reason, with the real length, and the text as far as the dialog holds it.
    expect(said).toContain(`Een notitie is hoogstens 4.000 tekens; deze is ${(LONG.length - 1).toLocaleString('nl-NL')} tekens.`);
    expect(said).toContain(`Hieronder staan alleen de eerste ${MAX_DIALOG_TEXT.toLocaleString('nl-NL')} tekens.`);
    const input = card.body.find((e: { id?: string }) => e.id === 'noteText');
    expect(input.value).toBe(LONG.slice(0, MAX_DIALOG_TEXT));
    expect(cardProblems(card)).toEqual([]);
    // Nothing was stored.
    const { resources } = await t.cosmos.container('personal').items.query("SELECT * FROM c WHERE c.type = 'note'").fetchAll();
    expect(resources).toEqual([]);
  });

  it('shows a text over the limit but within the dialog whole, with the reason', async () => {
    const TEXT = `Middellang ${'woord '.repeat(1000)}`;
    const res = await t.send(invoke(t.conversation('personal', 'a:personal-Anna'), anna, 'composeExtension/submitAction', { commandId: 'bewaarInVerantwoording', commandContext: 'message', data: { noteText: TEXT } }));
    const card = res.body?.task?.value?.card?.content;
    expect(card.body.find((e: { id?: string }) => e.id === 'noteText').value).toBe(TEXT);
    expect(cardText(card)).toContain('Een notitie is hoogstens 4.000 tekens');
    expect(cardText(card)).not.toContain('Hieronder staan alleen de eerste');
  });
});
