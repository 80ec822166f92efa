import { Language, LANGUAGES } from '../../domain/framework/framework';
import { PrepSummarizer } from '../../domain/talent-review/ports';
import { PrepSummaryInput, prepSummaryInputHash, prepSummaryItems, summarisesInput } from '../../domain/talent-review/prep-summary';
import { ofType } from '../../domain/verantwoording/personal-record';
import { VerantwoordingDeps } from '../verantwoording/deps';
import { TalentReviewDeps, TurnSummaryWait } from './deps';

/** What the summary needs: the stored summary, the model, and the report's own records (to see whether what was summarised is still shared). */
export type PrepSummaryDeps = Pick<TalentReviewDeps, 'prepSummaries' | 'summarizer'> & { verantwoording: Pick<VerantwoordingDeps, 'records'> };

/**
 * How long a render in someone's turn waits for a new AI summary. Teams waits only seconds for
 * an invoke's answer: past this the card goes without the summary, which is stored when it comes.
 */
export const PREP_SUMMARY_WAIT_MS = 2_500;

/** Guarded writes tried before a render gives up on storing (each lost one means another render changed the summary meanwhile). */
const MAX_WRITES = 4;

/** The items the report shares at this moment: one query in their partition, the shared records only. */
async function currentItems(deps: PrepSummaryDeps, reportId: string): Promise<string[]> {
  const shared = (await deps.verantwoording.records.listShared(reportId)).filter((r) => r.userId === reportId && 'visibility' in r && r.visibility === 'shared');
  return prepSummaryItems({ personalAnswers: ofType(shared, 'personalAnswer'), notes: ofType(shared, 'note'), profTraject: ofType(shared, 'profTraject')[0] });
}

/** The hash of what the report shares at this moment (currentItems), in `language`. */
async function currentInputHash(deps: PrepSummaryDeps, reportId: string, language: Language): Promise<string> {
  return prepSummaryInputHash({ language, items: await currentItems(deps, reportId) });
}

/**
 * The summaries this instance is asking the model for, per summarizer (one per app): a render of
 * the same report and input while one is being made waits for that one. A change of sharing
 * rebuilds up to ten messages at once, each without a stored summary of the new input: they ask once.
 */
const beingMade = new WeakMap<PrepSummarizer, Map<string, Promise<string | undefined>>>();

/**
 * The AI summary of what a report shares, for every render of their prep card: the preview,
 * the manager's card and each rebuild show the one summary stored for this very input, so the
 * manager never reads an AI text about the report that their preview of the same items did not show.
 * - The stored summary of the same input (language and items; any language, see PrepSummaryInput)
 *   is shown, without asking the model.
 * - Another input (the sharing changed): the old summary is removed first, then the model is asked,
 *   and its answer stored. When the model fails nothing is stored and the card has no summary;
 *   the next render asks again, and what it stores is what every render shows from then on.
 * - Nothing to summarise, or AI off: no summary, and none is kept.
 * Two renders that race store one text: the later one's write is refused (guarded by the version
 * read), and it shows what the first stored. A render whose input changed meanwhile (the report
 * took something back, or was erased, while the model was writing) keeps nothing and shows no
 * summary: only a summary stored for what the report shares now is ever shown.
 */
export async function prepSummary(deps: PrepSummaryDeps, reportId: string, input: PrepSummaryInput): Promise<string | undefined> {
  const stored = await deps.prepSummaries.get(reportId);
  if (stored && summarisesInput(stored, input)) return stored.text;
  // What it summarised is no longer what is shared (or there is nothing left to summarise): it goes, whatever the model does next.
  if (stored) await deps.prepSummaries.remove(reportId, stored.version);
  if (!deps.summarizer.enabled || !input.items.length) return undefined;
  // One request per report and input at a time (beingMade): a render that finds one under way shares its outcome.
  let pending = beingMade.get(deps.summarizer);
  if (!pending) beingMade.set(deps.summarizer, (pending = new Map()));
  const key = `${reportId}:${prepSummaryInputHash(input)}:${input.anyLanguage ? 'any' : 'own'}`;
  const running = pending.get(key);
  if (running) return running;
  const made: Promise<string | undefined> = madeAndStored(deps, reportId, input).finally(() => {
    if (pending.get(key) === made) pending.delete(key);
  });
  pending.set(key, made);
  return made;
}

/** prepSummary's request to the model, and the guarded write of its answer. */
async function madeAndStored(deps: PrepSummaryDeps, reportId: string, input: PrepSummaryInput): Promise<string | undefined> {
  const inputHash = prepSummaryInputHash(input);
  const text = await deps.summarizer.summarize(input);
  if (!text) return undefined;
  let replaces: string | undefined;
  for (let attempt = 0; attempt < MAX_WRITES; attempt++) {
    const put = await deps.prepSummaries.put(reportId, { inputHash, language: input.language, text }, replaces);
    if ('written' in put) {
      // Written after the model answered: if the report changed what they share meanwhile, this summary is of what they no longer share.
      if ((await currentInputHash(deps, reportId, input.language)) === inputHash) return text;
      await deps.prepSummaries.remove(reportId, put.written.version);
      return undefined;
    }
    // Another render stored first: its text, when it summarises the same input.
    if (put.conflict && summarisesInput(put.conflict, input)) return put.conflict.text;
    // Another input's: this render's own input may be the stale one.
    if ((await currentInputHash(deps, reportId, input.language)) !== inputHash) return undefined;
    replaces = put.conflict?.version;
  }
  return undefined;
}

/**
 * prepSummary for a render in someone's turn: the stored summary of this input is shown as ever,
 * but a new one is waited for only `wait.waitMs`. A summary that takes longer is no reason to
 * keep the person waiting (Teams shows its own error for an unanswered press, even when their
 * change was stored): the card goes without it, and prepSummary goes on under `wait.finish`,
 * storing it for the next render. Without `wait` it waits as long as the model takes.
 */
export async function prepSummaryWithin(deps: PrepSummaryDeps, reportId: string, input: PrepSummaryInput, wait: TurnSummaryWait | undefined): Promise<string | undefined> {
  const made = prepSummary(deps, reportId, input);
  if (!wait) return made;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), wait.waitMs);
  });
  try {
    const first = await Promise.race([made.then((text) => ({ text })), late]);
    if (first !== 'late') return first.text;
  } finally {
    clearTimeout(timer);
  }
  wait.finish(made);
  return undefined;
}

/**
 * prepSummary for a render that nobody answers but that must not wait either: a card the outbox
 * renders when it sends it (a rebuild, the scheduled card). The outbox sends it at once, as a
 * rebuild takes back what the report no longer shares; the model may take a minute. So only the
 * stored summary of this very input is shown; when there is none the card goes without it, and
 * prepSummary runs on under `later` (which must catch what it throws), for a later render to show.
 */
export async function prepSummaryWithoutWaiting(
  deps: PrepSummaryDeps,
  reportId: string,
  input: PrepSummaryInput,
  later: (made: Promise<string | undefined>) => void,
): Promise<string | undefined> {
  const stored = await deps.prepSummaries.get(reportId);
  if (stored && summarisesInput(stored, input)) return stored.text;
  // What it summarised is no longer what is shared: it goes before the card does, whatever the model does next.
  if (stored) await deps.prepSummaries.remove(reportId, stored.version);
  if (!deps.summarizer.enabled || !input.items.length) return undefined;
  later(prepSummary(deps, reportId, input));
  return undefined;
}

/**
 * The report stored a change of what they share (or deleted a note they shared): their stored
 * summary goes when it no longer summarises what they share, also when no prep card is in a chat
 * for a rebuild to replace it (only their preview made it). Run off the turn of the change (after
 * the rebuilds are queued): a point read, and when a summary is stored, one query and its guarded
 * removal. A summary a render stored meanwhile for what they share now stays; one written
 * after this read (of an older input) is removed by the render that wrote it (prepSummary).
 */
export async function dropStalePrepSummary(deps: PrepSummaryDeps, reportId: string): Promise<boolean> {
  const stored = await deps.prepSummaries.get(reportId);
  if (!stored) return false;
  const items = await currentItems(deps, reportId);
  const languages = stored.language ? [stored.language] : LANGUAGES;
  if (items.length && languages.some((language) => stored.inputHash === prepSummaryInputHash({ language, items }))) return false;
  return deps.prepSummaries.remove(reportId, stored.version);
}
