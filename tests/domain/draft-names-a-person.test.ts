/**
 * Found in review, stop 67: an AI draft that named a member and labelled them ("Bram is lui ...",
 * after an injection in a member's answer) was shown on the group's card word for word.
 * Must hold: a draft that names someone of the group (display name or first name, whole word,
 * any case, with or without accents) is found; a name inside another word, a name of fewer than
 * three letters, and an everyday word that is also a first name written in lower case are not.
 */
import { draftNamesAPerson } from '../../src/domain/proposal/draft-names-a-person';
import type { ProposalDraft } from '../../src/domain/proposal/proposal-draft';

const draftWith = (proposal: string, more: Partial<ProposalDraft> = {}): ProposalDraft => ({
  proposal,
  assumptions: ['Iedereen kan tien minuten eerder beginnen'],
  risks: ['Het formulier wordt een afvinklijst'],
  questionsToCheck: ['Past dit in het rooster?'],
  ...more,
});

const GROUP = ['Bram de Vries', 'José Álvarez', 'Anne-Marie Jansen', 'Bo Kok', 'Ben Smit', 'Wil'];

describe('an AI draft that names someone of the group', () => {
  it.each([
    ['the first name', 'De groep heeft besloten: Bram is lui.'],
    ['the first name in lower case', 'bram doet voortaan elke overdracht.'],
    ['the first name in capitals', 'BRAM doet voortaan elke overdracht.'],
    ['the whole display name', 'Vraag Bram de Vries om het formulier.'],
    ['the display name across a line break', 'Vraag Bram de\nVries om het formulier.'],
    ['a first name with its accent', 'José neemt de overdracht over.'],
    ['a first name without its accent', 'Jose neemt de overdracht over.'],
    ['a hyphenated first name', 'Anne-Marie leidt de overdracht.'],
    ['a name followed by a possessive', "Bram's overdracht is te kort."],
    ['a name split by a zero-width space', 'Br\u200Bam is lui.'],
    ['a name in full-width letters', 'Ｂｒａｍ is lui.'],
    ['an everyday word that is a name, with a capital', 'Ben vergeet de overdracht.'],
    ['a one-word display name that is an everyday word, with a capital', 'Wil doet het formulier.'],
  ])('finds %s', (_case, proposal) => {
    expect(draftNamesAPerson(draftWith(proposal), GROUP)).toBe(true);
  });

  it('looks in the assumptions, risks and questions to check too', () => {
    expect(draftNamesAPerson(draftWith('Een vaste overdracht.', { assumptions: ['Bram neemt zijn verantwoordelijkheid niet'] }), GROUP)).toBe(true);
    expect(draftNamesAPerson(draftWith('Een vaste overdracht.', { risks: ['José blijft lui'] }), GROUP)).toBe(true);
    expect(draftNamesAPerson(draftWith('Een vaste overdracht.', { questionsToCheck: ['Wie spreekt Anne-Marie hierop aan?'] }), GROUP)).toBe(true);
  });

  it.each([
    ['a name inside a longer word', 'Jan', 'Vraag de familie Janssen om mee te denken.'],
    ['a name at the start of a longer word', 'Bram', 'Leg de bramenjam in de koelkast.'],
    ['a name of two letters', 'Bo Kok', 'Zet het bo-formulier klaar, bo ven aan de lijst.'],
    ['an everyday word that is a name, in lower case', 'Ben Smit', 'Ik ben er klaar voor: wie wil het formulier testen?'],
    ['a one-word everyday name in lower case', 'Wil', 'Wie wil de overdracht leiden?'],
    ['any name in a draft without one', 'Bram de Vries', 'Start elke dienst met tien minuten overdracht aan de hand van één vast formulier.'],
  ])('does not find %s', (_case, name, proposal) => {
    expect(draftNamesAPerson(draftWith(proposal), [name])).toBe(false);
  });

  it('finds nothing when the group has no names to look for', () => {
    expect(draftNamesAPerson(draftWith('Bram is lui.'), [])).toBe(false);
    expect(draftNamesAPerson(draftWith('Bram is lui.'), ['', '  ', 'Al'])).toBe(false);
  });

  it.each([
    ['van den Berg, Anna', 'Maak een vast formulier van de overdracht en leg het in de map van het team.'],
    ['ter Horst, Piet', 'Bespreek ter plekke wat ter sprake komt.'],
    ['van Dijk', 'Een kwartier van de dienst voor de overdracht.'],
  ])('does not take the particle of %s for a first name', (name, proposal) => {
    expect(draftNamesAPerson(draftWith(proposal), [name])).toBe(false);
  });

  it('still finds the surname after a particle, and the first name after a comma', () => {
    expect(draftNamesAPerson(draftWith('Van den Berg doet het formulier.'), ['van den Berg, Anna'])).toBe(true);
    expect(draftNamesAPerson(draftWith('Berg doet het formulier.'), ['van den Berg, Anna'])).toBe(true);
  });
});

describe('display names as directories write them (found in own review, stop 67)', () => {
  const LABEL = 'De groep heeft besloten: Anna is lui en doet voortaan elke overdracht alleen.';
  it.each([['dr. Anna Smit'], ['[EXT] Anna Smit'], ['Smit, A. (Anna)'], ['Vries, A.B. de (Anna)'], ['Ing. Anna de Vries']])('finds the first name of %s', (name) => {
    expect(draftNamesAPerson(draftWith(LABEL), [name])).toBe(true);
  });

  it.each([
    ['van der Meer, Anna', 'Plan meer tijd in voor de overdracht.'],
    ['van Wijk, Sanne', 'Vraag de teams in de wijk om mee te doen.'],
    ['Max Visser', 'Neem er max. tien minuten voor.'],
    ['Toon Hendriks', 'Zet de toon met een vast formulier.'],
    ['Ward Peeters', 'Every shift on the ward starts with ten minutes of handover.'],
    ['Job de Boer', 'Make the handover part of the job.'],
  ])('does not withhold every draft of a group with %s', (name, proposal) => {
    expect(draftNamesAPerson(draftWith(proposal), [name])).toBe(false);
  });

  it('finds a surname written with a capital', () => {
    expect(draftNamesAPerson(draftWith('Laat Visser de overdracht doen.'), ['Max Visser'])).toBe(true);
    expect(draftNamesAPerson(draftWith('Laat Meer de overdracht doen.'), ['van der Meer, Anna'])).toBe(true);
  });
});

describe('initials, departments in brackets and letters spelled otherwise (found in own review, stop 67, round 3)', () => {
  it.each([
    ['A. van der Meer', 'Plan meer tijd in voor de overdracht en gebruik één vast formulier.'],
    ['Meer, A. van der', 'Plan meer tijd in voor de overdracht en gebruik één vast formulier.'],
    ['S. van Wijk', 'Spreek in de wijk een vaste overdrachtstijd af.'],
    ['Anna Smit (Planning)', 'Maak samen één vaste planning voor de overdracht.'],
    ['Jansen, P. (Zorg Noord)', 'Geef in de zorg tien minuten voor een rustige overdracht.'],
  ])('does not withhold every draft of a group with %s', (name, proposal) => {
    expect(draftNamesAPerson(draftWith(proposal), [name])).toBe(false);
  });

  it.each([
    ['A. van der Meer', 'Van der Meer neemt de overdracht op zich.'],
    ['Anna Smit (Planning)', 'Anna maakt de planning.'],
    ['Søren Madsen', 'Soren vergeet de overdracht steeds; laat iemand anders die doen.'],
    ['Łukasz Nowak', 'Lukasz is te laat voor de overdracht: hij moet eerder komen.'],
    ["Marco D'Angelo", 'D\u2019Angelo draagt slordig over; hij moet het formulier gebruiken.'],
    ['Siobhan O\u2019Brien', "O'Brien is de zwakke schakel in de overdracht."],
  ])('finds %s in "%s"', (name, proposal) => {
    expect(draftNamesAPerson(draftWith(proposal), [name])).toBe(true);
  });
});
