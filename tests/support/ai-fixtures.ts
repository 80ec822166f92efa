import { GroupDriver, MEMBERS } from './group-driver';
import { TestApp } from './test-app';

/** A well-formed AI draft for the handover case the fixtures' groups write about. */
export const HANDOVER_DRAFT = {
  proposal: 'Start elke dienst met tien minuten overdracht aan de hand van één vast formulier.',
  assumptions: ['Iedereen kan tien minuten eerder beginnen'],
  risks: ['Het formulier wordt een afvinklijst'],
  questionsToCheck: ['Past dit in het rooster van de nachtdienst?'],
};

/** The answers to questions 1-5 that the draft is made from. */
export const HANDOVER_ANSWERS = ['Overdracht', 'Informatie raakt kwijt', 'Geen vaste tijd', 'Overdracht moet korter en completer', 'Formulier; vaste tijd'];

/** A group of three with questions 1-5 answered on day 1, at question 6 (the AI proposal). */
export function groupAtQuestionSix(t: TestApp, conversationId: string): Promise<GroupDriver> {
  return new GroupDriver(t, t.conversation('groupChat', conversationId), MEMBERS.slice(0, 3)).answeredOnDayOne(HANDOVER_ANSWERS);
}
