import { AsyncLocalStorage } from 'node:async_hooks';
import { DefaultAzureCredential, getBearerTokenProvider } from '@azure/identity';
import { APIConnectionTimeoutError, APIError, APIUserAbortError, AzureOpenAI, RateLimitError } from 'openai';
import type { FinalRequestOptions } from 'openai/core';
import type { AppConfig } from '../config/config';
import type { DraftFailure, DraftResult, ProposalDrafter, ProposalInput } from '../domain/proposal/proposal-draft';
import type { Logger } from '../log/logger';
import { buildProposalMessages } from './proposal-prompt';
import { PROPOSAL_SCHEMA_NAME, proposalDraftJsonSchema, proposalDraftSchema } from './proposal-draft.schema';

export type AiSettings = Extract<AppConfig['ai'], { enabled: true }>;

const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';
// Worst case of the schema limits is about 3000 tokens; the cap bounds cost and latency.
const MAX_OUTPUT_TOKENS = 3000;

/** Per-draft attempt counter; async context keeps concurrent drafts apart. */
const attemptScope = new AsyncLocalStorage<{ attempts: number }>();

/**
 * The SDK calls prepareOptions once per HTTP attempt, retries included, so counting here
 * gives the attempt number without touching the transport.
 */
class CountingAzureOpenAI extends AzureOpenAI {
  protected override async prepareOptions(options: FinalRequestOptions): Promise<void> {
    const scope = attemptScope.getStore();
    if (scope) scope.attempts += 1;
    return super.prepareOptions(options);
  }
}

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

/** The Azure OpenAI client with our auth, timeout and retry policy; shared by every AI adapter. */
export function createClient(settings: AiSettings): AzureOpenAI {
  const auth = settings.apiKey
    ? { apiKey: settings.apiKey }
    : { azureADTokenProvider: getBearerTokenProvider(new DefaultAzureCredential(), COGNITIVE_SERVICES_SCOPE) };
  return new CountingAzureOpenAI({
    ...auth,
    // baseURL rather than endpoint: the SDK would otherwise let OPENAI_BASE_URL from the
    // environment conflict with it, and config is the only place that reads the environment.
    baseURL: `${settings.endpoint.replace(/\/+$/, '')}/openai`,
    deployment: settings.deployment,
    apiVersion: settings.apiVersion,
    organization: null,
    project: null,
    timeout: settings.timeoutMs,
    // The SDK retries 408/409/429/5xx and connection errors itself, waiting what retry-after-ms or
    // retry-after asks when that is under 60 s; longer asks fall back to its 0.5-8 s backoff.
    maxRetries: settings.maxRetries,
  });
}

async function draftSafely(
  client: AzureOpenAI,
  settings: AiSettings,
  log: Logger,
  input: ProposalInput,
  signal?: AbortSignal,
): Promise<DraftResult> {
  const scope = { attempts: 0 };
  const started = Date.now();
  const done = (result: DraftResult, extra: Record<string, unknown> = {}): DraftResult => {
    // Outcome, status and timing only: prompts, answers and output never reach the log.
    const entry = { event: 'ai.draft', outcome: result.ok ? 'ok' : result.reason, durationMs: Date.now() - started, attempts: scope.attempts, ...extra };
    if (result.ok) log.info(entry, 'AI proposal drafted');
    else log.warn(entry, 'AI proposal not drafted');
    return result;
  };
  try {
    const completion = await attemptScope.run(scope, () => withAbort(requestDraft(client, settings, input, signal), signal));
    const choice = completion.choices[0];
    const extra = { finishReason: choice?.finish_reason, requestId: completion._request_id ?? undefined };
    const content = choice?.message.refusal ? undefined : choice?.message.content;
    const parsed = proposalDraftSchema.safeParse(parseJson(content));
    if (!parsed.success) return done({ ok: false, reason: 'invalid-output' }, extra);
    return done({ ok: true, draft: parsed.data }, extra);
  } catch (err) {
    return done({ ok: false, reason: classify(err) }, errorFacts(err));
  }
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

/** The SDK only notices an abort between attempts after its retry sleep; answer the caller at once. */
function withAbort<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(new APIUserAbortError());
  let onAbort = (): void => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new APIUserAbortError());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}

function parseJson(content: string | null | undefined): unknown {
  if (!content) return undefined;
  try {
    return JSON.parse(content);
  } catch {
    return undefined;
  }
}

function classify(err: unknown): DraftFailure {
  if (err instanceof APIConnectionTimeoutError || err instanceof APIUserAbortError) return 'timeout';
  if (err instanceof RateLimitError) return 'rate-limited';
  return 'unavailable';
}

/** Status and error code are safe to log; error messages can echo request content, so they are not. */
function errorFacts(err: unknown): Record<string, unknown> {
  const errorType = err instanceof Error ? err.constructor.name : typeof err;
  if (!(err instanceof APIError)) return { errorType };
  return { errorType, status: err.status, code: err.code ?? undefined, requestId: err.request_id ?? undefined };
}
