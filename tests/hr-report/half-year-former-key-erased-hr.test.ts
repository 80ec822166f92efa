/**
 * A guard (held when written, in review of stop 61's own fixes, round two).
 * `once` asks the outbox for a card's former plain key.
 * A card of the previous half-year (its key names its own first day) holds nothing of this one's;
 * an HR person who erased after the old code sent her card: what the run after the update does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { user } from '../support/activities';
import { personalCardsTitled } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt } from '../rhythm/support';
import { eraseInChat, PersonalChat } from '../verantwoording/support';
import { stableId } from '../../src/domain/shared/ids';
import { createTranslator } from '../../src/i18n/i18n';
import { outboxHalfYearNotices } from '../../src/teams/features/hr-report/half-year-notices';


const SECRET = 'own61e-half-year-erased-then-hr-secret'.padEnd(44, 'x');
const HR_TITLE = 'Het halfjaar loopt af: tijd voor de verantwoording aan het bestuur';
const MANAGER_TITLE = 'Plan de talentontwikkelgesprekken van dit halfjaar';
const former = (kind: 'hr' | 'manager', userId: string) => `jaarplan.halfYear.${kind}:${stableId('hy', 'tenant-1', '2026-07-01', userId)}`;

describe('the former-key lookup across the update, and an HR person who erased', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('Hanna (HR) erases after the old code sent her card under its former key: the run after the update sends Mia nothing twice, and what Hanna gets is observed', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', DIRECTORY_FILE: file, POLL_HASH_KEY: SECRET }, '2026-11-23T09:00:00Z');
    await new PersonalChat(t, user('Hanna')).say('jaarplan');
    const { resources: jobs } = await t.store.container('jobs').items.query({ query: "SELECT * FROM c WHERE c.kind = 'jaarplan.halfYear'" }).fetchAll();
    const payload = jobs[0].payload as { tenantId: string; serviceUrl: string; botId?: string };
    const route = { serviceUrl: payload.serviceUrl, ...(payload.botId ? { botId: payload.botId } : {}) };
    t.clock.set('2026-12-01T08:00:00Z');
    const oldNotices = outboxHalfYearNotices({ outbox: t.app.outbox, translator: createTranslator(), languageOf: async () => 'nl' });
    const halfYear = { from: '2026-07-01', to: '2026-12-31' };
    // The previous half-year's card under its own former key (its first day differs): it must not hold this half-year's.
    await oldNotices.toManager({ tenantId: payload.tenantId, route, userId: 'aad-mia' }, { halfYear: { from: '2026-01-01', to: '2026-06-30' }, withoutConversation: 1 }, former('manager', 'aad-mia').replace(stableId('hy', 'tenant-1', '2026-07-01', 'aad-mia'), stableId('hy', 'tenant-1', '2026-01-01', 'aad-mia')));
    await oldNotices.toHr({ tenantId: payload.tenantId, route, userId: 'aad-hanna' }, { year: 2026, halfYear, hasTargets: false }, former('hr', 'aad-hanna'));
    await oldNotices.toManager({ tenantId: payload.tenantId, route, userId: 'aad-mia' }, { halfYear, withoutConversation: 1 }, former('manager', 'aad-mia'));
    await t.app.outbox.drain(30_000);
    expect(personalCardsTitled(t, 'aad-hanna', HR_TITLE)).toHaveLength(1);
    expect(personalCardsTitled(t, 'aad-mia', MANAGER_TITLE)).toHaveLength(2);

    await eraseInChat(t, user('Hanna'));
    await runAt(t, '2026-12-01T08:05:00Z');
    // Hanna, still HR, gets this half-year's card (observed: a second one, as before the update: her
    // erasure took the former-key job that named her, and nothing naming her may stay to hold it).
    expect(personalCardsTitled(t, 'aad-hanna', HR_TITLE).length).toBeGreaterThanOrEqual(1);
    // Mia: this half-year's card once (the previous half-year's is another card).
    expect(personalCardsTitled(t, 'aad-mia', MANAGER_TITLE)).toHaveLength(2);
  }, 120_000);
});
