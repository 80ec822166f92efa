/**
 * A guard (held when written, in review of stop 62): the message extension's Save and the tab, on two instances over one
 * store. README ("Mijn verantwoording and data rights"): the same words from the same message are
 * one note, also saved from two dialogs at once; a Save delivered again (to the other instance)
 * after the note was edited, shared or deleted in the tab adds nothing and never brings it back;
 * an edit answered "saved" is kept.
 */
import { user, TestUser } from '../support/activities';
import { TestApp } from '../support/test-app';
import { startTwoInstances, stopEach } from '../live-session/support';
import { extensionInvoke, tabApi } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- documents and invoke answers under test */

describe('extension Save and tab on two instances', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => { [a, b] = await startTwoInstances(); }, 60_000);
  afterAll(() => stopEach(b, a));

  const notesOf = async (who: TestUser): Promise<any[]> =>
    (await a.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.userId = @u AND c.type = 'note'", parameters: [{ name: '@u', value: who.aadObjectId }] }).fetchAll()).resources;
  const said = (r: { body?: any }) => (r.body?.task?.type === 'message' ? String(r.body.task.value) : `dialog again: ${JSON.stringify(r.body?.task?.value ?? '').slice(0, 120)}`);
  const save = (on: TestApp, who: TestUser, i: number, key: string, text: string) => {
    const link = `https://teams.microsoft.com/l/message/19:p62@thread.v2/17640000062${i}`;
    return on.send(extensionInvoke(on.conversation('groupChat', '19:p62@thread.v2'), who, 'composeExtension/submitAction', {
      commandId: 'bewaarInVerantwoording', commandContext: 'message',
      messagePayload: { id: `17640000062${i}`, linkToMessage: link, body: { contentType: 'html', content: `<p>${text}</p>` } },
      data: { noteText: text, link, key, message: `17640000062${i}` },
    }));
  };

  it('the same message and words saved from two dialogs at once, one on each instance: one note, both told "Bewaard"', async () => {
    const who = user('Fenna');
    const problems: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      const text = `Fenna p62 gesprek ${i}`;
      const [onA, onB] = await Promise.all([save(a, who, i, `dlg-a-p62-${i}`, text), save(b, who, i, `dlg-b-p62-${i}`, text)]);
      const kept = (await notesOf(who)).filter((n) => n.text === text);
      const told = [said(onA), said(onB)];
      if (kept.length !== 1 || !told.every((s) => s.startsWith('Bewaard'))) problems.push({ i, kept: kept.length, told });
    }
    expect(problems).toEqual([]);
  }, 90_000);

  it('a Save delivered again on B while the tab on A edits its note, then the tab on B shares it as it showed it: one note, the edit kept when answered, no share of a text the view did not show', async () => {
    const who = user('Gijs');
    const [tabA, tabB] = await Promise.all([tabApi(a, who.aadObjectId), tabApi(b, who.aadObjectId)]);
    const problems: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      const text = `Gijs p62 bericht ${i}`;
      const key = `dlg-gijs-p62-${i}`;
      const first = await save(a, who, 50 + i, key, text);
      expect(said(first)).toMatch(/^Bewaard/);
      const note = (await notesOf(who)).find((n) => n.text === text);
      const [again, edit] = await Promise.all([save(b, who, 50 + i, key, text), tabA('PUT', `/notes/${note.id}`, { text: `Gijs p62 herschreven ${i}`, rev: note.rev })]);
      // Then the tab on B shares it as its view showed it, before the edit: an edit that landed makes
      // that a text the view did not show. (Sent after the edit's answer, so the order is known: a
      // share that lands first shares what it showed, and an edit after it keeps the note shared.)
      const share = await tabB('PUT', '/visibility', { kind: 'note', id: note.id, visibility: 'shared', visibilityRev: 0, rev: note.rev });
      const mine = (await notesOf(who)).filter((n) => n.text.includes(`p62`) && (n.text.endsWith(` ${i}`)));
      const outcome = { i, again: said(again), edit: edit.status, share: share.status, notes: mine.map((n) => `${n.text} (${n.visibility})`) };
      if (mine.length !== 1) problems.push({ ...outcome, why: 'not one note' });
      if (edit.status === 200 && mine[0]?.text !== `Gijs p62 herschreven ${i}`) problems.push({ ...outcome, why: 'edit answered, not kept' });
      if (share.status === 200 && mine[0]?.visibility !== 'shared') problems.push({ ...outcome, why: 'share answered, not shared' });
      if (share.status === 200 && edit.status === 200) problems.push({ ...outcome, why: 'shared a text the view did not show' });
    }
    expect(problems).toEqual([]);
  }, 90_000);

  it('a Save delivered again on B while the tab on A deletes its note: nothing comes back', async () => {
    const who = user('Hanna');
    const tabA = await tabApi(a, who.aadObjectId);
    const problems: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      const text = `Hanna p62 bericht ${i}`;
      const key = `dlg-hanna-p62-${i}`;
      await save(a, who, 80 + i, key, text);
      const note = (await notesOf(who)).find((n) => n.text === text);
      const [again, del] = await Promise.all([save(b, who, 80 + i, key, text), tabA('DELETE', `/notes/${note.id}?rev=${note.rev}`)]);
      const left = (await notesOf(who)).filter((n) => n.text === text);
      if (del.status === 204 && left.length) problems.push({ i, again: said(again), del: del.status, left: left.length });
      if (left.length > 1) problems.push({ i, why: 'two notes', left: left.length });
    }
    expect(problems).toEqual([]);
  }, 90_000);
});
