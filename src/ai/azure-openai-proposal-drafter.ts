import { APIConnectionTimeoutError, APIError, APIUserAbortError, AzureOpenAI, RateLimitError } from 'openai';
import type { ChatCompletion } from 'openai/resources/index';
import type { AppConfig } from '../config/config';
import { draftNamesAPerson } from '../domain/proposal/draft-names-a-person';
import type { DraftFailure, DraftResult, ProposalDrafter, ProposalInput } from '../domain/proposal/proposal-draft';
import type { Logger } from '../log/logger';
import { AiSettings, callSignal, counted, createClient, NO_ANSWER, withAbort } from './azure-openai-client';
import { filteredAnswer, filteredPrompt } from './content-filter';
import { buildProposalMessages } from './proposal-prompt';
import { PROPOSAL_SCHEMA_NAME, proposalDraftJsonSchema, proposalDraftSchema } from './proposal-draft.schema';


// Worst case of the schema limits is about 3000 tokens; the cap bounds cost and latency.
const MAX_OUTPUT_TOKENS = 3000;
// Far above any answer within the schema's limits: longer is cut off, not parsed.
const MAX_ANSWER_CHARS = 64 * 1024;

const notConfigured: ProposalDrafter = {
  enabled: false,
  draft: async () => ({ ok: false, reason: 'not-configured' }),
};

export function createProposalDrafter(settings: AppConfig['ai'], logger: Logger): ProposalDrafter {
  if (!settings.enabled) return notConfigured;
  const client = createClient(settings);
  const log = logger.child({ component: 'ai-proposal-drafter' });
  return {
    enabled: true,
    draft: (input, signal) => draftSafely(client, settings, log, input, signal),
  };
}

async function draftSafely(client: AzureOpenAI, settings: AiSettings, log: Logger, input: ProposalInput, budget?: AbortSignal): Promise<DraftResult> {
  const started = Date.now();
  // The draft's budget, and the app's stop: a stopping app does not wait out a draft.
  const aborts = callSignal(settings, budget);
  const { signal } = aborts;
  // A stopping app sends nothing more to Azure.
  const call = counted(() => (signal?.aborted ? Promise.reject(new APIUserAbortError()) : withAbort(requestDraft(client, settings, input, signal), signal)));
  const done = (result: DraftResult, extra: Record<string, unknown> = {}): DraftResult => {
    // Outcome, status, categories and timing only: prompts, answers and output never reach the log.
    const entry = { event: 'ai.draft', outcome: result.ok ? 'ok' : result.reason, durationMs: Date.now() - started, attempts: call.attempts(), ...extra };
    if (result.ok) log.info(entry, 'AI proposal drafted');
    else log.warn(entry, 'AI proposal not drafted');
    return result;
  };
  try {
    const completion: unknown = await call.result;
    const outcome = readDraft(completion);
    const extra = { finishReason: outcome.finishReason, requestId: requestIdOf(completion) };
    // Checked here, before the outcome is logged: an operator sees drafts withheld for a name (found in own review, stop 67).
    const result = outcome.result.ok && draftNamesAPerson(outcome.result.draft, input.namesNotToShow ?? []) ? ({ ok: false, reason: 'names-a-person' } as const) : outcome.result;
    return done(result, { ...extra, ...(outcome.filtered ? { filtered: outcome.filtered } : {}) });
  } catch (err) {
    // The app stopped under the draft (a shutdown, a restart): stored as any failed draft is, as AI
    // not reachable now, which may pass, so the card offers to ask again (on the next instance too).
    // Not as "slow" or "busy": Azure may have been neither.
    if (aborts.stopped() && err instanceof APIUserAbortError) return done({ ok: false, reason: 'unavailable' }, { ...errorFacts(err), stopped: true });
    const filtered = filteredPrompt(err);
    if (filtered) return done({ ok: false, reason: 'content-filter' }, { ...errorFacts(err), filtered });
    return done({ ok: false, reason: classify(err, call.waitingAfter()) }, errorFacts(err));
  } finally {
    aborts.release();
  }
}

/**
 * The draft in a completion, or why there is none. A 200 whose JSON is no chat completion (a
 * gateway's page, `choices` missing or null, a choice without a message) is an unusable answer,
 * not Azure unreachable, and not a TypeError of ours (found in review, stop 67).
 */
function readDraft(completion: unknown): { result: DraftResult; filtered?: string[]; finishReason?: string } {
  if (!isCompletion(completion)) return { result: { ok: false, reason: 'invalid-output' } };
  const choice = completion.choices[0];
  const finishReason = choice?.finish_reason;
  const filtered = filteredAnswer(completion);
  if (filtered) return { result: { ok: false, reason: 'content-filter' }, filtered, finishReason };
  if (!choice || !isObject(choice.message)) return { result: { ok: false, reason: 'invalid-output' }, finishReason };
  return { result: readMessage(choice), finishReason };
}

function readMessage(choice: ChatCompletion.Choice): DraftResult {
  // The model declined (structured output: `refusal` instead of content). Told and logged as such, not as
  // an unusable answer: the same answers would meet the same refusal. Its words are the model's, never logged.
  if (choice.message.refusal) return { ok: false, reason: 'refused' };
  if (choice.finish_reason === 'length') return { ok: false, reason: 'too-long' };
  const content = choice.message.content;
  if (typeof content === 'string' && content.length > MAX_ANSWER_CHARS) return { ok: false, reason: 'too-long' };
  const parsed = proposalDraftSchema.safeParse(parseJson(content));
  if (parsed.success) return { ok: true, draft: parsed.data };
  // Right shape but over a limit (characters or items): said as "too long", not "unusable".
  const overLimit = parsed.error.issues.every((i) => i.code === 'too_big');
  return { ok: false, reason: overLimit ? 'too-long' : 'invalid-output' };
}

/** A chat completion's envelope: an object with a list of choices, each an object (checked before any field is read). */
function isCompletion(body: unknown): body is ChatCompletion {
  if (!isObject(body)) return false;
  const { choices } = body as { choices?: unknown };
  return Array.isArray(choices) && choices.every(isObject);
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Azure's request id, which the SDK puts on the answer's object (absent on one that is no object). */
function requestIdOf(completion: unknown): string | undefined {
  const id = isObject(completion) ? (completion as { _request_id?: unknown })._request_id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function requestDraft(client: AzureOpenAI, settings: AiSettings, input: ProposalInput, signal?: AbortSignal) {
  return client.chat.completions.create(
    {
      model: settings.deployment,
      messages: buildProposalMessages(input),
      temperature: 0.2,
      max_tokens: MAX_OUTPUT_TOKENS,
      response_format: {
        type: 'json_schema',
        json_schema: { name: PROPOSAL_SCHEMA_NAME, strict: true, schema: proposalDraftJsonSchema },
      },
    },
    { signal },
  );
}

function parseJson(content: unknown): unknown {
  if (typeof content !== 'string' || !content) return undefined;
  try {
    return JSON.parse(content);
  } catch {
    return undefined;
  }
}

/**
 * Why a call failed. An abort (the draft's budget ran out) is told by what it interrupted: the
 * wait after a 429 is Azure being busy (`rate-limited`), after a 5xx or a failed connection Azure
 * failing (`unavailable`), and an attempt under way Azure being slow (`timeout`), whatever
 * earlier attempts got.
 */
function classify(err: unknown, waitingAfter: number | undefined): DraftFailure {
  if (err instanceof APIUserAbortError) {
    if (waitingAfter === 429) return 'rate-limited';
    return waitingAfter !== undefined && (waitingAfter === NO_ANSWER || waitingAfter >= 500) ? 'unavailable' : 'timeout';
  }
  if (err instanceof APIConnectionTimeoutError) return 'timeout';
  if (err instanceof RateLimitError) return 'rate-limited';
  return 'unavailable';
}

/** Status and error code are safe to log; error messages can echo request content, so they are not. */
function errorFacts(err: unknown): Record<string, unknown> {
  const errorType = err instanceof Error ? err.constructor.name : typeof err;
  if (!(err instanceof APIError)) return { errorType };
  return { errorType, status: err.status, code: err.code ?? undefined, requestId: err.request_id ?? undefined };
}
