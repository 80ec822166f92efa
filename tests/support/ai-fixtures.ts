import { TestUser } from './activities';
import { GroupDriver, MEMBERS } from './group-driver';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi, success } from './fake-azure-openai';
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

/** An AI draft of `proposal`, with one assumption, risk and question to check. */
export const aiDraft = (proposal: string) => ({ proposal, assumptions: ['a'], risks: ['r'], questionsToCheck: ['q'] });

/** The answers to questions 1-5 of the groups that judge and decide on an AI draft. */
export const DRAFTED_ANSWERS = ['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier'];

/**
 * The drafted proposal: `members` (the first three of MEMBERS unless named; all checked in, at
 * 4 unless said) answer questions 1-5 on day one, the second member asks the AI for a proposal,
 * the fake answers with `draft`, and the app's background work is waited out (the draft stored and
 * on the card); then the first member moves the card to question 6, the draft to judge (unless
 * `toQuestionSix: false`). Shared so every test that judges or decides on an AI draft gets there
 * the same way.
 */
export async function groupWithAiDraft(
  t: TestApp,
  ai: FakeAzureOpenAi,
  conversationId: string,
  draft: unknown,
  opts: { members?: TestUser[]; answers?: string[]; checkIn?: number; toQuestionSix?: boolean } = {},
): Promise<GroupDriver> {
  const members = opts.members ?? MEMBERS.slice(0, 3);
  const g = await new GroupDriver(t, t.conversation('groupChat', conversationId), members).answeredOnDayOne(opts.answers ?? DRAFTED_ANSWERS, { checkIn: opts.checkIn ?? 4 });
  ai.script(success(draft));
  await g.press(members[1]!, 'proposal.draft', g.ids());
  await t.app.background.idle();
  if (opts.toQuestionSix !== false) await g.goTo(members[0]!, 6);
  return g;
}
