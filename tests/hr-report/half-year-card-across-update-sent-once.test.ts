/**
 * Found in review, stop 61 (fixed then: a half-year run again after the update asks the outbox for each card's former key).
 * a half-year run that the update interrupts.
 *
 * Before stop 61 a half-year card's outbox key was plain (`jaarplan.halfYear.*:` + stableId), and an
 * interrupted run (the instance stopped by the deploy, or a run that failed on a store hiccup after
 * queueing some cards and before the plan remembered the half-year) was made good by the scheduler
 * running it again: the outbox's key kept each card once ("the outbox's key for a week"). Since
 * stop 61 the key is keyed (`hk_`), and the run again after the update looks for the former key only
 * in the plan's record (`halfYearCardsQueued`), which a normal run never writes. So the card the old
 * code queued (and sent) under the former key is queued again under the new one: sent twice.
 *
 * Simulation: the old code's queue, exactly (the unchanged notices adapter with the former key), for
 * Hanna and for Mia, then the (re-)run of the moment's job by the new code.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { user } from '../support/activities';
import { personalCardsTitled } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt } from '../rhythm/support';
import { PersonalChat } from '../verantwoording/support';
import { stableId } from '../../src/domain/shared/ids';
import { createTranslator } from '../../src/i18n/i18n';
import { outboxHalfYearNotices } from '../../src/teams/features/hr-report/half-year-notices';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored JSON under test */

const SECRET = 'own61d-half-year-across-update-secret'.padEnd(44, 'x');
const HR_TITLE = 'Het halfjaar loopt af: tijd voor de verantwoording aan het bestuur';
const MANAGER_TITLE = 'Plan de talentontwikkelgesprekken van dit halfjaar';
const former = (kind: 'hr' | 'manager', userId: string) => `jaarplan.halfYear.${kind}:${stableId('hy', 'tenant-1', '2026-07-01', userId)}`;

describe('a half-year run interrupted by the update of stop 61', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('the cards the old code queued under their former keys are not sent again by the run again after the update', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', DIRECTORY_FILE: file, POLL_HASH_KEY: SECRET }, '2026-11-23T09:00:00Z');
    await new PersonalChat(t, user('Hanna')).say('jaarplan'); // schedules Tuesday 1 December 2026
    const { resources: jobs } = await t.store.container('jobs').items.query({ query: "SELECT * FROM c WHERE c.kind = 'jaarplan.halfYear'" }).fetchAll();
    expect(jobs.length).toBeGreaterThan(0);
    const payload = jobs[0].payload as { tenantId: string; serviceUrl: string; botId?: string };
    const route = { serviceUrl: payload.serviceUrl, ...(payload.botId ? { botId: payload.botId } : {}) };

    // The old instance's run on 1 December: both cards queued under the former keys (and sent),
    // then the instance stops (the deploy) before the plan remembers the half-year.
    t.clock.set('2026-12-01T08:00:00Z');
    const oldNotices = outboxHalfYearNotices({ outbox: t.app.outbox, translator: createTranslator(), languageOf: async () => 'nl' });
    const halfYear = { from: '2026-07-01', to: '2026-12-31' };
    await oldNotices.toHr({ tenantId: payload.tenantId, route, userId: 'aad-hanna' }, { year: 2026, halfYear, hasTargets: false }, former('hr', 'aad-hanna'));
    await oldNotices.toManager({ tenantId: payload.tenantId, route, userId: 'aad-mia' }, { halfYear, withoutConversation: 1 }, former('manager', 'aad-mia'));
    await t.app.outbox.drain(30_000);
    expect(personalCardsTitled(t, 'aad-hanna', HR_TITLE)).toHaveLength(1);
    expect(personalCardsTitled(t, 'aad-mia', MANAGER_TITLE)).toHaveLength(1);

    // The new code runs the moment's job (again).
    await runAt(t, '2026-12-01T08:05:00Z');

    expect(personalCardsTitled(t, 'aad-hanna', HR_TITLE)).toHaveLength(1);
    expect(personalCardsTitled(t, 'aad-mia', MANAGER_TITLE)).toHaveLength(1);
  }, 120_000);
});
