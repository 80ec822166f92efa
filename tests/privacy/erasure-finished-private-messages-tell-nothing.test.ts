/**
 * Found in review, stop 61 (fixed then: a half-year card's and a prep card's key is a digest under the app's secret
 * (`keyedKey`), and such a job keeps nothing naming anyone once it ended, so an erasure finds nothing of it to delete).
 *
 * A finished private message whose key does not outlive erasure (half-year notices, a proposal put
 * before a manager, prep cards, their notices) stayed as it ended for its seven days, under its own id,
 * naming its recipient (target, conversationKey, about) and their chat; an erasure deleted the erased
 * person's. So in that week a reader of the outbox who knows the roster saw every manager's half-year
 * notice but one: who erased.
 * Half-year notices: Hanna is HR; Mia, Nina and Olaf each manage one report and planned nothing. On
 * 1 December each manager gets the half-year card; the outbox sends them; Nina erases. The reader of
 * the whole outbox container (every field, `_ts`, order, ids; any plain hash of a key they can guess)
 * finds the same for each manager, and the erasure changed none of the finished notices.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestUser, user } from '../support/activities';
import { storedText } from '../support/cosmos';
import { personalCardsTitled } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt } from '../rhythm/support';
import { allDocuments, eraseInChat, PersonalChat } from '../verantwoording/support';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { stableId } from '../../src/domain/shared/ids';
import { documentProblems } from '../../src/store/document-schemas';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored JSON under test */

const SECRET = 'finished-private-messages-secret-'.padEnd(44, 'x');
const MANAGER_TITLE = 'Plan de talentontwikkelgesprekken van dit halfjaar';
const DIRECTORY = JSON.stringify({
  users: [
    { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
    { id: 'aad-bram', name: 'Bram', managerId: 'aad-nina' },
    { id: 'aad-cem', name: 'Cem', managerId: 'aad-olaf' },
    { id: 'aad-mia', name: 'Mia' },
    { id: 'aad-nina', name: 'Nina' },
    { id: 'aad-olaf', name: 'Olaf' },
  ],
});

/** The outbox's jobs, every field, system ones too. */
async function outboxJobs(t: TestApp): Promise<Record<string, unknown>[]> {
  return (((await allDocuments(t.store)).outbox ?? []) as Record<string, unknown>[]).filter((d) => d.type === 'outboxJob');
}

/** Keys a reader who knows the roster, the tenant and the half-year recomputes for a manager's card (the key is a plain hash of them). */
function guessedKeys(who: TestUser): string[] {
  return [who.id, who.aadObjectId].map((id) => `jaarplan.halfYear.manager:${stableId('hy', 'tenant-1', '2026-07-01', id)}`);
}

describe('after half-year notices went to every manager, an erasure tells a reader of the outbox nothing', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('per manager, the reader finds as many finished jobs naming them, and the erasure changed none', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(file, DIRECTORY);
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', DIRECTORY_FILE: file, POLL_HASH_KEY: SECRET }, '2026-11-23T09:00:00Z');
    const [mia, nina, olaf] = ['Mia', 'Nina', 'Olaf'].map(user) as [TestUser, TestUser, TestUser];
    await new PersonalChat(t, user('Hanna')).say('jaarplan'); // schedules Tuesday 1 December 2026
    await runAt(t, '2026-12-01T08:00:00Z');
    for (const who of [mia, nina, olaf]) expect(personalCardsTitled(t, who.aadObjectId, MANAGER_TITLE)).toHaveLength(1);
    const before = await outboxJobs(t);
    // Every job has ended (sent): none is waiting for anyone.
    expect(before.length).toBeGreaterThanOrEqual(4);
    expect(before.every((j) => j.status === 'sent' && typeof j.ttl === 'number')).toBe(true);

    await eraseInChat(t, nina);

    // The reader knows the roster (Teams ids and app ids), the tenant and the half-year, not the secret.
    const after = await outboxJobs(t);
    const roster = { mia, nina, olaf };
    const found: Record<string, Record<string, unknown>[]> = {};
    for (const [name, who] of Object.entries(roster)) {
      const recomputed = guessedKeys(who).map(jobIdFor);
      found[name] = after.filter((j) => recomputed.includes(String(j.id)) || storedText([j]).includes(who.aadObjectId) || storedText([j]).includes(`"${who.id}"`));
    }
    // As many for each (none: the keys are keyed with the app's secret), and nothing names anybody.
    expect(Object.fromEntries(Object.entries(found).map(([name, jobs]) => [name, jobs.length]))).toEqual({ mia: 0, nina: 0, olaf: 0 });
    const ids = Object.values(roster).flatMap((who) => [who.aadObjectId, who.id, who.name]);
    for (const id of [...ids, 'aad-hanna']) expect(storedText(after)).not.toContain(id);
    // Every finished notice alike but for its id, times and Teams' message id (which names nobody):
    // the reader cannot tell one person's from another's, HR's from a manager's.
    const shape = (j: Record<string, unknown>) =>
      storedText([{ ...Object.fromEntries(Object.entries(j).filter(([k]) => !['id', '_ts', '_etag', '_rid', '_self', '_attachments', 'order', 'createdAt', 'notBefore'].includes(k))), result: { ...(j.result as object), activityId: undefined } }]);
    expect(new Set(after.map(shape)).size).toBe(1);
    // Nothing of the finished notices was deleted or touched by the erasure: the same ids, each as it was (`_ts`, `_etag` too).
    const byId = (jobs: Record<string, unknown>[]) => Object.fromEntries(jobs.map((j) => [String(j.id), [j._ts, j._etag]]));
    expect(byId(after)).toEqual(byId(before));
    // What a finished private job keeps: its status and result, in the outbox's schema.
    for (const j of after) expect(documentProblems('outbox', Object.fromEntries(Object.entries(j).filter(([k]) => !['_rid', '_self', '_etag', '_ts', '_attachments'].includes(k))))).toEqual([]);
  }, 120_000);
});
