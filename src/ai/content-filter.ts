import { APIError } from 'openai';
import type { ChatCompletion } from 'openai/resources/index';
// Adds Azure's fields (content_filter_results, prompt_filter_results) to the openai types.
import type {} from '@azure/openai/types';
import type { ContentFilterResultDetailsForPromptOutput, ContentFilterResultsForChoiceOutput } from '@azure/openai/types';

type Verdicts = ContentFilterResultsForChoiceOutput | ContentFilterResultDetailsForPromptOutput;

/** The categories Azure's content filter filtered (hate, sexual, ...): names only, safe to log. */
function filtered(verdicts: Verdicts | undefined): string[] {
  if (!verdicts) return [];
  return Object.entries(verdicts)
    .filter(([, v]) => (v as { filtered?: unknown } | undefined)?.filtered === true)
    .map(([category]) => category);
}

/**
 * Whether Azure's content filter stopped a completion: finish_reason content_filter, or a
 * category filtered in the choice's or the prompt's results. Returns the filtered categories.
 */
export function filteredAnswer(completion: ChatCompletion): string[] | undefined {
  const choice = completion.choices[0];
  // Not trusted to be a list: the answer's shape is checked only as far as a chat completion's envelope.
  const prompts = Array.isArray(completion.prompt_filter_results) ? completion.prompt_filter_results : [];
  const categories = [...filtered(choice?.content_filter_results), ...prompts.flatMap((p) => filtered(p?.content_filter_results))];
  if (choice?.finish_reason === 'content_filter' || categories.length) return [...new Set(categories)];
  return undefined;
}

/** Azure refuses a filtered prompt with HTTP 400 and code content_filter; the categories are in innererror. */
export function filteredPrompt(err: unknown): string[] | undefined {
  if (!(err instanceof APIError) || err.code !== 'content_filter') return undefined;
  const inner = (err.error as { innererror?: { content_filter_result?: ContentFilterResultDetailsForPromptOutput } } | undefined)?.innererror;
  return filtered(inner?.content_filter_result);
}
