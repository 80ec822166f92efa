import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData } from '../verantwoording/support';

/**
 * Found in review, stop 41. Mia saves her account of what she facilitated for Anna, with HR's
 * permission to quote it; then corrects it and turns that permission off. Teams delivers her first
 * press once more (as it does for an invoke it got no timely answer for). The review compared only
 * with what is stored now, so the old words came back, dated now, with HR's permission: Anna reads
 * them after the conversation, and HR's report may quote them. The same for a phase proposal
 * (actie, then toepassen, then the first press again), which Anna sees in her verantwoording.
 *
 * What must hold: a prep card press already applied changes nothing. Each press carries a key
 * (`k`, set when the card is rendered; the activity's id where a card has none), kept on the
 * review, the latest few; a redelivery has the same key, so the last saved value stays.
 */
const mia = user('Mia');

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
  return file;
}

describe('a prep card press delivered again after the manager changed it', () => {
  let t: TestApp;
  let reviewId = '';
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const review = async () => (await t.store.container('reviews').items.query({ query: 'SELECT * FROM c WHERE c.id = @id', parameters: [{ name: '@id', value: reviewId }] }).fetchAll()).resources[0];

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z');
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id as string;
    await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, 'prep-card'));
  }, 90_000);
  afterAll(() => t.stop());

  it('keeps the account of what Mia facilitated that she saved last', async () => {
    const first = { reviewId, facilitated: 'Ik heb Anna een uur per week vrijgeroosterd.', shareFacilitation: true };
    const second = { reviewId, facilitated: 'Ik heb Anna twee uur per week vrijgeroosterd en een cursus betaald.', shareFacilitation: false };
    await t.send(execute(miaChat(), mia, 'review.facilitated.save', first, 'prep-card', 'fac-mia-1'));
    await t.send(execute(miaChat(), mia, 'review.facilitated.save', second, 'prep-card', 'fac-mia-2'));
    // Teams delivers the first press again.
    await t.send(execute(miaChat(), mia, 'review.facilitated.save', first, 'prep-card', 'fac-mia-1'));
    const stored = await review();
    expect({ facilitated: stored.facilitated, shareFacilitation: stored.shareFacilitation }).toEqual({ facilitated: second.facilitated, shareFacilitation: false });
  }, 90_000);

  it('keeps the phase Mia proposed last', async () => {
    await t.send(execute(miaChat(), mia, 'review.phase.propose', { reviewId, phase: 'actie' }, 'prep-card', 'phase-mia-1'));
    await t.send(execute(miaChat(), mia, 'review.phase.propose', { reviewId, phase: 'toepassen' }, 'prep-card', 'phase-mia-2'));
    // Teams delivers the first press again.
    await t.send(execute(miaChat(), mia, 'review.phase.propose', { reviewId, phase: 'actie' }, 'prep-card', 'phase-mia-1'));
    expect((await review()).phaseProposal?.phase).toBe('toepassen');
  }, 90_000);

  it('keeps what Mia saved last when the first press comes again by its card\'s key, under another activity id', async () => {
    const card = (await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, 'prep-card'))).body.value;
    const firstKey = actionData(card, 'review.facilitated.save')?.k;
    expect(typeof firstKey).toBe('string');
    const first = { reviewId, facilitated: 'Ik heb Anna een vaste leerdag per maand gegeven.', shareFacilitation: true, k: firstKey };
    const answered = (await t.send(execute(miaChat(), mia, 'review.facilitated.save', first, 'prep-card', 'fac-key-1'))).body.value;
    expect(cardText(answered)).toContain('vaste leerdag');
    // The card she corrects from is the answer to her first press: a render of its own, with a key of its own.
    const secondKey = actionData(answered, 'review.facilitated.save')?.k;
    expect(secondKey).not.toBe(firstKey);
    const second = { reviewId, facilitated: 'Ik heb Anna twee vaste leerdagen per maand gegeven.', shareFacilitation: false, k: secondKey };
    await t.send(execute(miaChat(), mia, 'review.facilitated.save', second, 'prep-card', 'fac-key-2'));
    await t.send(execute(miaChat(), mia, 'review.facilitated.save', first, 'prep-card', 'fac-key-3'));
    const stored = await review();
    expect({ facilitated: stored.facilitated, shareFacilitation: stored.shareFacilitation }).toEqual({ facilitated: second.facilitated, shareFacilitation: false });
  }, 90_000);
});
