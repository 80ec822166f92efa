import { user } from '../support/activities';
import { TestApp } from '../support/test-app';
import { startTwoInstances, stopEach } from '../live-session/support';
import { tabApi } from './support';

/**
 * A guard (held when written, in review of stop 61: the second two-instance review). Two instances of the app on one store; the person's
 * tab is served by one and another tab (or a request Teams sends again) by the other. README
 * ("Mijn verantwoording and data rights"): notes are private until shared, a delete goes from the
 * version shown under its ETag, two edits from one version give one winner and one conflict, a
 * share goes only with the text shown, nothing is answered "saved" or "shared" that is gone.
 */
describe('a note shared, edited and deleted from two instances at once', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => { [a, b] = await startTwoInstances(); }, 60_000);
  afterAll(() => stopEach(b, a));

  const stored = async (userId: string, id: string) =>
    (await a.store.container('personal').items.query({ query: 'SELECT * FROM c WHERE c.id = @id AND c.userId = @u', parameters: [{ name: '@id', value: id }, { name: '@u', value: userId }] }).fetchAll()).resources[0];

  it('delete on one, share on the other, from the same version: never "shared" for a note that is gone, never gone after a 409', async () => {
    const who = user('Sanne');
    const [onA, onB] = await Promise.all([tabApi(a, who.aadObjectId), tabApi(b, who.aadObjectId)]);
    const lies: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      const note = (await onA('POST', '/notes', { text: `Sanne twijfelt ${i}`, key: `sanne-probe61b-${i}` })).json;
      const [del, share] = await Promise.all([
        (i % 2 ? onA : onB)('DELETE', `/notes/${note.id}?rev=${note.rev}`),
        (i % 2 ? onB : onA)('PUT', '/visibility', { kind: 'note', id: note.id, visibility: 'shared', visibilityRev: 0, rev: note.rev }),
      ]);
      const doc = await stored(who.aadObjectId, note.id);
      const outcome = { i, del: del.status, share: share.status, type: doc?.type, visibility: doc?.visibility };
      if (share.status === 200 && doc?.type !== 'note') lies.push({ ...outcome, why: 'answered shared, note gone' });
      if (del.status === 204 && doc?.type === 'note') lies.push({ ...outcome, why: 'answered deleted, note kept' });
      if (share.status === 200 && del.status === 204) lies.push({ ...outcome, why: 'both answered done' });
      if (doc?.type === 'note' && doc.visibility === 'shared' && share.status !== 200) lies.push({ ...outcome, why: 'shared without a yes' });
    }
    expect(lies).toEqual([]);
  }, 90_000);

  it('edit on one, delete on the other: an edit answered "saved" is kept, a delete answered done leaves no text', async () => {
    const who = user('Joost');
    const [onA, onB] = await Promise.all([tabApi(a, who.aadObjectId), tabApi(b, who.aadObjectId)]);
    const lies: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      const note = (await onB('POST', '/notes', { text: `Joost eerste ${i}`, key: `joost-probe61b-${i}` })).json;
      const [edit, del] = await Promise.all([
        (i % 2 ? onA : onB)('PUT', `/notes/${note.id}`, { text: `Joost herschreven ${i}`, rev: note.rev }),
        (i % 2 ? onB : onA)('DELETE', `/notes/${note.id}?rev=${note.rev}`),
      ]);
      const doc = await stored(who.aadObjectId, note.id);
      const outcome = { i, edit: edit.status, del: del.status, type: doc?.type, text: doc?.text };
      if (edit.status === 200 && doc?.text !== `Joost herschreven ${i}`) lies.push({ ...outcome, why: 'edit answered saved, not kept' });
      if (del.status === 204 && doc?.type === 'note') lies.push({ ...outcome, why: 'delete answered done, note kept' });
      if (edit.status !== 200 && del.status !== 204) lies.push({ ...outcome, why: 'neither went, yet one should' });
    }
    expect(lies).toEqual([]);
  }, 90_000);

  it('take back on one while the text is edited on the other: private afterwards, and the export on either instance agrees', async () => {
    const who = user('Lotte');
    const [onA, onB] = await Promise.all([tabApi(a, who.aadObjectId), tabApi(b, who.aadObjectId)]);
    const lies: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      const note = (await onA('POST', '/notes', { text: `Lotte deelt ${i}`, key: `lotte-probe61b-${i}` })).json;
      const shared = await onA('PUT', '/visibility', { kind: 'note', id: note.id, visibility: 'shared', visibilityRev: 0, rev: note.rev });
      expect(shared.status).toBe(200);
      const [unshare, edit, exported] = await Promise.all([
        (i % 2 ? onA : onB)('PUT', '/visibility', { kind: 'note', id: note.id, visibility: 'private', visibilityRev: shared.json.visibilityRev ?? 1 }),
        (i % 2 ? onB : onA)('PUT', `/notes/${note.id}`, { text: `Lotte herschreven ${i}`, rev: note.rev }),
        (i % 2 ? onB : onA)('GET', '/export'),
      ]);
      const doc = await stored(who.aadObjectId, note.id);
      const outcome = { i, unshare: unshare.status, edit: edit.status, export: exported.status, visibility: doc?.visibility, text: doc?.text };
      if (unshare.status === 200 && doc?.visibility !== 'private') lies.push({ ...outcome, why: 'take-back answered, still shared' });
      if (edit.status === 200 && doc?.text !== `Lotte herschreven ${i}`) lies.push({ ...outcome, why: 'edit answered, not kept' });
      if (exported.status !== 200) lies.push({ ...outcome, why: 'export failed during a change' });
    }
    expect(lies).toEqual([]);
  }, 90_000);
});
