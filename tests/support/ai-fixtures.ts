import { GroupDriver, MEMBERS } from './group-driver';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi } from './fake-azure-openai';
import { startTestApp, TestApp } from './test-app';

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

/**
 * The app with Azure OpenAI behind the real SDK, served by a local fake of its REST API.
 * `sharedCardIntervalMs: 0` for a test that does not look at the shared card's pacing (each draft
 * otherwise waits out the half second since the presser's update).
 */
export async function startAppWithAi(opts: { sharedCardIntervalMs?: number } = {}): Promise<{ ai: FakeAzureOpenAi; t: TestApp; stop: () => Promise<void> }> {
  const ai = await startFakeAzureOpenAi();
  const t = await startTestApp(aiSettings(ai, { timeoutMs: 2000, retries: 1 }), undefined, opts);
  const stop = async () => {
    await t.stop();
    await ai.close();
  };
  return { ai, t, stop };
}
