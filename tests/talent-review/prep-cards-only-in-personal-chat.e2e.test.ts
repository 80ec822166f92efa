/**
 * Scenario: a manager presses a prep-card button (show prep, propose or pick a phase, save what
 * they facilitated) from a GROUP chat, on any bot message there (a forged Action.Execute). The
 * prep card holds what the report shares with their manager alone: the press is refused, that
 * message is never remembered as showing a prep card, and when the report later changes what they
 * share, nothing in the group chat is rebuilt into a prep card.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia');
const anna = user('Anna');
const NOTE = 'Anna twijfelt of ze wil blijven';

describe("prep cards stay in the manager's personal chat", () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const annaChat = () => t.conversation('personal', 'a:personal-anna');
  const groupChat = () => t.conversation('groupChat', '19:team-chat@thread.v2');

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('refuses the prep verbs in a group chat and never rebuilds a prep card into a group chat message', async () => {
    await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'n1', text: NOTE, shared: true });
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    const reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
    // Pressed from the group chat, on the group's (bot-sent) session card message.
    const shown = await t.send(execute(groupChat(), mia, 'review.prep.show', { reviewId }, 'group-session-card'));
    expect(cardText(shown.body.value)).not.toContain('Anna');
    await t.send(execute(groupChat(), mia, 'review.phase.propose', { reviewId, phase: 'actie' }, 'group-session-card'));
    await t.send(execute(groupChat(), mia, 'review.facilitated.save', { reviewId, facilitated: 'Tijd en ruimte' }, 'group-session-card'));
    // Anna changes what she shares (in her own chat): every message "showing" the prep is rebuilt.
    const second = await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'n2', text: 'Nog een gedachte', shared: false });
    await t.send(execute(annaChat(), anna, 'verantwoording.visibility', { kind: 'note', id: second.id, visibility: 'shared', rev: 1 }, 'overview-card'));
    await t.app.outbox.drain(60_000);
    const groupUpdates = t.connector.calls.filter((c) => c.conversationId === '19:team-chat@thread.v2');
    const leaked = groupUpdates.map((c) => cardText(c.activity?.attachments?.[0]?.content)).filter((txt) => txt.includes(NOTE) || txt.includes('Anna'));
    // What every member of the group chat now reads in that message.
    expect(leaked).toEqual([]);
    const review = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0];
    expect((review.prepCards ?? []).map((c: { conversationId: string }) => c.conversationId)).not.toContain('19:team-chat@thread.v2');
    // Refused, so nothing the presses carried was stored either.
    expect({ phaseProposal: review.phaseProposal, facilitated: review.facilitated }).toEqual({ phaseProposal: undefined, facilitated: undefined });
  }, 120_000);
});
