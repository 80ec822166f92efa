import { AsyncLocalStorage } from 'node:async_hooks';
import { entraTokenProvider } from '../azure/entra-credential';
import { APIUserAbortError, AzureOpenAI } from 'openai';
import type { AppConfig } from '../config/config';

export type AiSettings = Extract<AppConfig['ai'], { enabled: true }>;
/** The SDK's request options, named through its public API rather than its internal 'openai/core'. */
type RequestOptions = Parameters<AzureOpenAI['buildRequest']>[0];

const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';

/**
 * Per-call attempt counter and the status of the last answer since the current attempt began
 * (none while an attempt is under way); async context keeps concurrent calls apart.
 */
const attemptScope = new AsyncLocalStorage<{ attempts: number; lastStatus?: number }>();

/** The "status" of an attempt whose connection failed before any answer. */
export const NO_ANSWER = 0;

/**
 * The SDK calls prepareOptions once per HTTP attempt, retries included, so counting here gives
 * the attempt number without touching the transport (which telemetry instruments).
 */
class CountingAzureOpenAI extends AzureOpenAI {
  protected override async prepareOptions(options: RequestOptions): Promise<void> {
    const scope = attemptScope.getStore();
    if (scope) {
      scope.attempts += 1;
      // A new attempt: a wait from here on is this attempt's, not the back-off after the last answer.
      scope.lastStatus = undefined;
    }
    return super.prepareOptions(options);
  }

  /**
   * Every attempt's response passes here before the SDK decides to retry. Its status is noted, so a
   * call that the caller gives up on while the SDK waits before the next attempt can say what it
   * was waiting after (a 429: Azure was busy; a 5xx or no answer: Azure failed), not that Azure was slow.
   */
  override async fetchWithTimeout(...args: Parameters<AzureOpenAI['fetchWithTimeout']>): ReturnType<AzureOpenAI['fetchWithTimeout']> {
    const scope = attemptScope.getStore();
    try {
      const response = await super.fetchWithTimeout(...args);
      if (scope) scope.lastStatus = response.status;
      return response;
    } catch (err) {
      // No answer at all (the connection failed): a wait after it is Azure unreachable. An abort
      // (the SDK's own timeout, or the caller's) leaves it an attempt under way.
      if (scope && (err as { name?: unknown } | undefined)?.name !== 'AbortError') scope.lastStatus = NO_ANSWER;
      throw err;
    }
  }
}

/**
 * Runs one AI call; `attempts()` tells how many HTTP attempts it took so far, `waitingAfter()` the
 * status of the answer the SDK is waiting after to try again (undefined while an attempt is under way).
 */
export function counted<T>(work: () => Promise<T>): { attempts: () => number; waitingAfter: () => number | undefined; result: Promise<T> } {
  const scope: { attempts: number; lastStatus?: number } = { attempts: 0 };
  return { attempts: () => scope.attempts, waitingAfter: () => scope.lastStatus, result: attemptScope.run(scope, work) };
}

/**
 * The SDK only notices an abort between attempts after its retry sleep, and not at all while it
 * reads a body whose headers came (its own timeout ends with the headers): the caller is answered
 * at once when `signal` aborts, with the SDK's APIUserAbortError.
 */
export function withAbort<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(new APIUserAbortError());
  let onAbort = (): void => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new APIUserAbortError());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}

/** The app's stop, per copy of the AI settings `stoppedBy` made: the adapters built from that copy end their calls on it. */
const appStops = new WeakMap<object, AbortSignal>();

/**
 * The AI settings for one running app, whose calls end when `stop` aborts. An AI call may run for
 * its whole budget (a draft 105 s, a prep summary 60 s), far longer than a shutdown may take; the
 * composition root hands the features this copy, so every adapter they build from it stops with the
 * app. A copy per app: another app in the same process (tests, a restart) keeps its own calls.
 */
export function stoppedBy(settings: AppConfig['ai'], stop: AbortSignal): AppConfig['ai'] {
  if (!settings.enabled) return settings;
  const own = { ...settings };
  appStops.set(own, stop);
  return own;
}

/** The signal of one AI call (see `callSignal`); `stopped()` tells whether the app's stop ended it. */
export interface CallSignal {
  signal?: AbortSignal;
  stopped(): boolean;
  /** Drops the call's listeners: the app's stop signal lives as long as the app. */
  release(): void;
}

/**
 * The signal one AI call runs under: the caller's (its budget), and the app's stop for adapters
 * built from settings `stoppedBy` gave. A signal of its own per call: the SDK adds a listener to
 * the signal it is given and never removes it, which on the app's signal would pile up.
 */
export function callSignal(settings: AiSettings, budget?: AbortSignal): CallSignal {
  const stop = appStops.get(settings);
  if (!stop) return { signal: budget, stopped: () => false, release: () => {} };
  const controller = new AbortController();
  let byStop = false;
  const onStop = (): void => {
    if (!controller.signal.aborted) byStop = true;
    controller.abort();
  };
  const onBudget = (): void => controller.abort();
  if (budget?.aborted) onBudget();
  else if (stop.aborted) onStop();
  stop.addEventListener('abort', onStop, { once: true });
  budget?.addEventListener('abort', onBudget, { once: true });
  return {
    signal: controller.signal,
    stopped: () => byStop,
    release: () => {
      stop.removeEventListener('abort', onStop);
      budget?.removeEventListener('abort', onBudget);
    },
  };
}

/** The Azure OpenAI client with our auth, timeout and retry policy; shared by every AI adapter. */
export function createClient(settings: AiSettings): AzureOpenAI {
  const auth = settings.apiKey
    ? { apiKey: settings.apiKey }
    : { azureADTokenProvider: entraTokenProvider(COGNITIVE_SERVICES_SCOPE) };
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
    // A content-filter refusal is a 400: never retried.
    maxRetries: settings.maxRetries,
  });
}
