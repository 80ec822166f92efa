import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveProfTraject } from '../../src/usecases/verantwoording/prof-traject';
import { execute, message, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { field } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia');

/**
 * The prep card is one form with two buttons ("Fase voorstellen", "Vastleggen"), and each sends
 * every input on it: whichever the manager presses, what they typed comes back, and a refusal
 * comes back on the same card with the reason next to the field. And the card only says of the
 * professional's phase what it knows: not shared is not the same as not chosen.
 */
describe('the prep card as a form', () => {
  let t: TestApp;
  const personal = () => t.conversation('personal', 'a:personal-mia');
  const press = async (verb: string, data: Record<string, unknown>) => (await t.send(execute(personal(), mia, verb, data, 'card-1'))).body.value;
  const reviewOf = async (reportId: string) =>
    (await t.cosmos.container('reviews').items.query({ query: 'SELECT * FROM c WHERE c.reportId = @r', parameters: [{ name: '@r', value: reportId }] }).fetchAll()).resources[0];

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(
      directory,
      JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }),
    );
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
    for (const reportId of ['aad-anna', 'aad-bram']) await press('review.plan.save', { reportId, date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' });
  });
  afterAll(() => t.stop());

  it('"Fase voorstellen" without a phase picked gives the prep card back with the reason, not a dead end', async () => {
    const { id: reviewId } = await reviewOf('aad-anna');
    // The phase list starts empty (value ''); the manager had typed an account under "wat heb ik gefaciliteerd?".
    const card = await press('review.phase.propose', { reviewId, phase: '', facilitated: 'Ik regelde een stille ruimte', shareFacilitation: 'true' });
    expect(cardText(card)).toContain('Voorbereiding: talentontwikkelgesprek met Anna');
    expect(cardText(card)).not.toContain('Dat lukte niet');
    expect(field(card, 'phase')).toEqual({ value: '', next: 'Kies eerst een fase uit de lijst.' });
    expect(field(card, 'facilitated')).toEqual({ value: 'Ik regelde een stille ruimte', next: undefined });
    expect(field(card, 'shareFacilitation')?.value).toBe('true');
    expect(cardProblems(card)).toEqual([]);
    const stored = await reviewOf('aad-anna');
    expect({ phase: stored.phaseProposal, facilitated: stored.facilitated }).toEqual({ phase: undefined, facilitated: undefined });
  });

  it('proposing a phase keeps the facilitation account the manager was typing on the same card, without saving it', async () => {
    const { id: reviewId } = await reviewOf('aad-anna');
    // The button sends every input: the unsaved account travels with the press.
    const card = await press('review.phase.propose', { reviewId, phase: 'actie', facilitated: 'Ik gaf vier uur per week vrij', shareFacilitation: 'true' });
    expect(cardText(card)).toContain('Jouw voorstel voor het gesprek: Actie');
    expect(field(card, 'phase')?.value).toBe('actie');
    expect(field(card, 'facilitated')?.value).toBe('Ik gaf vier uur per week vrij');
    expect(field(card, 'shareFacilitation')?.value).toBe('true');
    // Shown back as typed, not stored, and the card does not claim otherwise.
    expect(cardText(card)).not.toContain('Vastgelegd.');
    expect(cardText(card)).toContain('Nog niet vastgelegd');
    expect(cardProblems(card)).toEqual([]);
    const stored = await reviewOf('aad-anna');
    expect({ phase: stored.phaseProposal?.phase, facilitated: stored.facilitated }).toEqual({ phase: 'actie', facilitated: undefined });
  });

  it('shows a saved account as saved when the phase is proposed again with it unchanged', async () => {
    const { id: reviewId } = await reviewOf('aad-anna');
    await press('review.facilitated.save', { reviewId, facilitated: 'Ik gaf vier uur per week vrij', shareFacilitation: 'false' });
    const card = await press('review.phase.propose', { reviewId, phase: 'toepassen', facilitated: 'Ik gaf vier uur per week vrij', shareFacilitation: 'false' });
    expect(cardText(card)).toContain('Jouw voorstel voor het gesprek: Toepassen');
    expect(cardText(card)).toContain('Vastgelegd. Anna ziet dit na het gesprek in de eigen verantwoording.');
    expect(cardText(card)).not.toContain('Nog niet vastgelegd');
  });

  it('keeps a phase picked but not yet proposed when the manager saves their account', async () => {
    const { id: reviewId } = await reviewOf('aad-anna');
    const card = await press('review.facilitated.save', { reviewId, facilitated: 'Een mentor en een stille ruimte  ', shareFacilitation: 'false', phase: 'continu' });
    expect(cardText(card)).toContain('Vastgelegd. Anna ziet dit na het gesprek in de eigen verantwoording.');
    expect(field(card, 'phase')?.value).toBe('continu');
    expect(cardText(card)).toContain('Jouw voorstel voor het gesprek: Toepassen'); // picked is not proposed
    // Saving trimmed the text; the same account sent along again (line breaks as a client may send them) is still "saved".
    await press('review.facilitated.save', { reviewId, facilitated: 'Een mentor\nen een stille ruimte', shareFacilitation: 'false' });
    const again = await press('review.phase.propose', { reviewId, phase: 'toepassen', facilitated: 'Een mentor\r\nen een stille ruimte\n', shareFacilitation: 'false' });
    expect(cardText(again)).toContain('Vastgelegd.');
    expect(cardText(again)).not.toContain('Nog niet vastgelegd');
  });

  it('does not tell the manager the professional chose no phase when they chose one and keep it private', async () => {
    await saveProfTraject(verantwoordingDeps(t.cosmos), 'aad-bram', { learningNeeds: 'Plannen', talents: 'Coachen', plannedWeeks: 20, maturityPhase: 'toepassen' });
    const card = cardText(await press('review.prep.show', { reviewId: (await reviewOf('aad-bram')).id }));
    expect(card).toContain('Voorbereiding: talentontwikkelgesprek met Bram');
    expect(card).not.toContain('Toepassen, gekozen door Bram zelf'); // private stays private
    expect(card).not.toContain('Bram heeft nog geen fase gekozen');
    expect(card).toContain('Bram deelde (nog) geen fase met je; die keuze is aan Bram zelf.');
  });

  it('says all of it in the manager\'s own language', async () => {
    await t.send(message(personal(), mia, 'taal en'));
    try {
      const { id: reviewId } = await reviewOf('aad-bram');
      const card = await press('review.phase.propose', { reviewId, phase: '', facilitated: 'A quiet room', shareFacilitation: 'false' });
      expect(field(card, 'phase')?.next).toBe('Choose a phase from the list first.');
      expect(field(card, 'facilitated')?.value).toBe('A quiet room');
      expect(cardText(card)).toContain("Bram has not shared a phase with you (yet); that choice is Bram's own.");
    } finally {
      await t.send(message(personal(), mia, 'taal nl'));
    }
  });
});
