import { DomainError, RefusedField } from '../shared/errors';
import { stableId } from '../shared/ids';
import { DraftFailure, ProposalDraft } from './proposal-draft';
import { cutWhole, emptyIfNothingShows, overLimit, showsNothing, trimText, withoutInvisibleCharacters } from '../shared/text';

/** What the group decides: adopt the proposal as it is, adapt it in its own words, or reject it. */
export type Verdict = 'accept' | 'adapt' | 'reject';
export const VERDICTS: readonly Verdict[] = ['accept', 'adapt', 'reject'];

/** How one member judges the proposal before the group decides. */
export type Opinion = 'agree' | 'doubt' | 'disagree';
export const OPINIONS: readonly Opinion[] = ['agree', 'doubt', 'disagree'];

/**
 * One member's judgement of the cycle's proposal: its own document in the group's partition
 * (one per member, replaced when the member changes their mind), so members judge at once
 * without rewriting a shared document.
 */
export interface Judgement {
  id: string;
  type: 'judgement';
  groupId: string;
  cycleId: string;
  proposalId: string;
  memberId: string;
  memberName: string;
  opinion: Opinion;
  reason: string;
  /**
   * The fingerprint of the text judged (see `textFingerprint`): a judgement counts only for that
   * text, so one given before the text changed (a line added, an AI draft landing) no longer
   * counts toward the decision. Judgements stored before this existed have none and count for the
   * text as it stands, as they always did.
   */
  textFingerprint?: string;
  /**
   * The keys of the presses that stored it (see `judgementPressKey`), the latest few: a press
   * already applied, delivered again by Teams after the member changed their judgement, changes
   * nothing. Absent on judgements stored before.
   */
  keys?: string[];
  at: string;
}

/** How many press keys a judgement remembers: far more than a member changes it in the minutes Teams redelivers in. */
export const JUDGEMENT_KEYS_KEPT = 20;

/**
 * The key of one judgement press: the card's action key (or the activity's id), the member, and
 * what they pressed with. The same press delivered again has it; another press on the same card
 * with other words (the card was not replaced) does not.
 */
export function judgementPressKey(pressKey: string, memberId: string, j: { opinion?: string; reason: string; textFingerprint?: string }): string {
  return stableId('jp', pressKey, memberId, j.opinion ?? '', j.reason.trim(), j.textFingerprint ?? '');
}

/** Whether this press (its `judgementPressKey`) stored the member's judgement before. */
export function judgementPressedBefore(stored: Judgement | undefined, key: string | undefined): boolean {
  return !!stored && key !== undefined && !!stored.keys?.includes(key);
}

/** The group's decision, taken once enough members judged; never made by default or by the AI. */
export interface Decision {
  verdict: Verdict;
  /** Why the group decided so. */
  reason: string;
  /** The proposal as adopted: as it was (accept), in the group's own words (adapt); empty when rejected. */
  text: string;
  firstStep: string;
  /** How the members had judged it when the group decided: counts only, no names. */
  judged: Record<Opinion, number>;
  /** Kept for the record; the cards name no one as having decided for the group. */
  decidedBy: string;
  at: string;
  /**
   * An opaque key of the attempt that stored it (not of a person): the one press that finds its
   * own key here decided, also when the store's answer to it was lost. Absent on older decisions.
   */
  attempt?: string;
  /**
   * The fingerprint of the text decided on (see `textFingerprint`): the stored judgements of that
   * text make the tally (see `recountDecision`). Absent on older decisions.
   */
  textFingerprint?: string;
  /**
   * The group adapted it (its own words) while an AI draft was the text before it: its words are
   * the group's, made from the AI's concept, and every place that shows it says so (see
   * `decisionSource`). Absent on other decisions and on decisions stored before it was kept.
   */
  basedOnAiDraft?: true;
}

/** What became of the first step, asked when the group's next week opens (transfer to practice). */
export type FirstStepStatus = 'done' | 'underway' | 'dropped';
export const FIRST_STEP_STATUSES: readonly FirstStepStatus[] = ['done', 'underway', 'dropped'];

export interface FirstStepOutcome {
  status: FirstStepStatus;
  note: string;
  at: string;
  /** Opaque keys of the latest presses that told it (see `recordFirstStep`), tagged per member (`firstStepPressKey`). */
  keys?: string[];
}

/**
 * `attempt`: an opaque key of the request, so one whose stored answer was lost knows it started
 * the draft. `press`: the key of the press that asked for it (the card's, else Teams' activity
 * id), kept with its outcome: Teams delivering that press again starts no second draft.
 */
export type AiState =
  | { status: 'none' }
  | { status: 'drafting'; since: string; requestedBy: string; attempt?: string; press?: string }
  | { status: 'drafted'; draft: ProposalDraft; at: string; press?: string }
  | { status: 'failed'; reason: DraftFailure; at: string; press?: string };

/**
 * The improvement proposal of one cycle: the organisation's record of improvements. Judgements
 * are documents of their own (see Judgement); who contributed follows from the group's items.
 */
export interface Proposal {
  id: string;
  type: 'proposal';
  groupId: string;
  groupName: string;
  cycleId: string;
  sessionId: string;
  title: string;
  ai: AiState;
  decision?: Decision;
  firstStepOutcome?: FirstStepOutcome;
  /**
   * The group shared it with L&O (proposal-to-lo.ts): when, and L&O's latest answer. A copy of the
   * tenant's shared record (its `revision`), written after the group's chat was told, so a member's
   * look back reads it with the proposal. Names nobody. Not a change of the proposal (`updatedAt` stays).
   */
  lo?: ProposalLoMirror;
  createdAt: string;
  updatedAt: string;
}

/** What a proposal keeps of its share with L&O: the shared record's date, revision and latest answer. */
export interface ProposalLoMirror {
  sharedAt: string;
  revision: number;
  answer?: { text: string; at: string };
}

export function judgementId(proposalId: string, memberId: string): string {
  return stableId('jd', proposalId, memberId);
}

/**
 * A short fingerprint of a proposal text. The card carries the one of the text it showed, so a
 * judgement or a decision is taken on the text the member saw, never on one that changed since.
 */
export function textFingerprint(text: string): string {
  return stableId('tx', text.trim());
}

/** Whether a judgement counts for the text with this fingerprint (one without a fingerprint counts for the text as it stands). */
export function judgedThisText(j: Pick<Judgement, 'textFingerprint'>, fingerprint: string): boolean {
  return !j.textFingerprint || j.textFingerprint === fingerprint;
}

/**
 * The judgements of the proposal, split into those of the text as it stands (they count toward
 * the decision) and those given for an earlier text (shown as such, not counted).
 */
export function judgementsOfText<J extends Judgement>(proposalId: string, judgements: readonly J[], fingerprint: string): { current: J[]; earlier: J[] } {
  const mine = judgements.filter((j) => j.proposalId === proposalId);
  return { current: mine.filter((j) => judgedThisText(j, fingerprint)), earlier: mine.filter((j) => !judgedThisText(j, fingerprint)) };
}

/**
 * The text changed between the card the member pressed on and the press: nothing is stored, and
 * the form comes back showing the text as it stands now. `field` is the input the reason goes with.
 */
function textChanged(field: 'opinion' | 'decision'): DomainError {
  return new DomainError('conflict', { detail: 'proposal text changed since the card showed it', input: { field, rule: 'format', params: { changed: 1 } } });
}

export const MAX_REASON_LENGTH = 1000;
export const MAX_PROPOSAL_LENGTH = 4000;
export const DRAFT_STALE_AFTER_MS = 2 * 60_000;
/**
 * How long one draft may take in all, its retries and Azure's Retry-After waits included: it ends
 * before the card calls it stalled, so asking again never starts a second request beside one
 * still running (whose answer would be thrown away).
 */
export const DRAFT_BUDGET_MS = DRAFT_STALE_AFTER_MS - 15_000;
/** Share of the members present whose judgement a decision needs, unless configured otherwise. */
export const DEFAULT_DECISION_QUORUM = 0.5;

export function newProposal(p: Omit<Proposal, 'type' | 'ai' | 'createdAt' | 'updatedAt'>, now: Date): Proposal {
  return { ...p, type: 'proposal', ai: { status: 'none' }, createdAt: now.toISOString(), updatedAt: now.toISOString() };
}

/** A draft under way for longer than any draft takes: its instance died, or its answer was lost. */
export function draftStalled(ai: AiState, now: Date): boolean {
  return ai.status === 'drafting' && now.getTime() - new Date(ai.since).getTime() >= DRAFT_STALE_AFTER_MS;
}

/**
 * Starts an AI draft unless one is already running (two members pressing at once start one),
 * or a previous attempt is stuck past the stale limit (an instance died while drafting).
 * Not once the group has begun judging its own proposal (`judged`, by a judgement that counts: of
 * a member still in the group, as the card counts them): a draft landing then would
 * put the AI's text in place of the one the group is judging, and the group stays in charge of
 * what it judges. (A draft asked for before the first judgement may still land after it; those
 * judgements then show as given for an earlier text and do not count.) Nor once the group
 * decided: a press from a card of before the decision, or one delivered again, starts nothing.
 * `judged` holds for the proposal as read: the first judgement moves its version on (`beginsJudging`),
 * so a start stored on a later version read the judgements again.
 */
export function startDrafting(p: Proposal, memberId: string, now: Date, attempt?: string, judged = false, press?: string): { proposal: Proposal; started: boolean; judgingBegun?: true } {
  if (p.decision) return { proposal: p, started: false };
  // The same press delivered again (Teams had no timely answer): its draft ran, or runs.
  if (press !== undefined && p.ai.status !== 'none' && p.ai.press === press) return { proposal: p, started: false };
  const running = p.ai.status === 'drafting' && !draftStalled(p.ai, now);
  // Once members judge the group's own text, no draft starts, a stalled one's retry neither: it would replace what they judged.
  if (judged && !running && p.ai.status !== 'drafted') return { proposal: p, started: false, judgingBegun: true };
  if (running) return { proposal: p, started: false };
  if (p.ai.status === 'drafted') return { proposal: p, started: false };
  const ai: AiState = { status: 'drafting', since: now.toISOString(), requestedBy: memberId, ...(attempt ? { attempt } : {}), ...(press ? { press } : {}) };
  return { proposal: { ...p, ai, updatedAt: now.toISOString() }, started: true };
}

/**
 * Whether a judgement stored on `p` (the proposal as its press read it) is the one that begins the
 * group's judging of a text an AI draft could still replace: no judgement counted before it (`judged`,
 * as for `startDrafting`), no decision, no draft landed. Such a judgement is stored only on the
 * proposal as read, and moves its version on: a draft asked at the same moment, whose press read the
 * proposal before it, then reads again and finds judging begun, instead of landing over the text
 * judged. Later judgements leave the proposal as it is (no document every member rewrites).
 */
export function beginsJudging(p: Proposal, judged: boolean): boolean {
  return !judged && !p.decision && p.ai.status !== 'drafted';
}

/**
 * Stores the draft's outcome. With `attempt`, only while that attempt is the draft under way: a
 * draft taken over after it stalled may still answer late, and must not replace the newer one.
 * A draft that lands after the group decided is not kept: the group decided without it, so its
 * record (the card, the HR report's AI share) must not say the AI drafted what it adopted.
 */
export function finishDrafting(p: Proposal, result: { ok: true; draft: ProposalDraft } | { ok: false; reason: DraftFailure }, now: Date, attempt?: string): Proposal {
  if (attempt !== undefined && (p.ai.status !== 'drafting' || p.ai.attempt !== attempt)) return p;
  if (p.decision) return p.ai.status === 'drafting' ? { ...p, ai: { status: 'none' }, updatedAt: now.toISOString() } : p;
  const press = p.ai.status === 'drafting' && p.ai.press ? { press: p.ai.press } : {};
  const ai: AiState = result.ok ? { status: 'drafted', draft: result.draft, at: now.toISOString(), ...press } : { status: 'failed', reason: result.reason, at: now.toISOString(), ...press };
  return { ...p, ai, updatedAt: now.toISOString() };
}

function cleanText(text: string, max: number, field: string): string {
  const problem = textProblem(text, max, field);
  if (problem) throw new DomainError('invalidInput', { detail: field, input: problem });
  return trimText(text);
}

/**
 * What keeps a text input from being stored (see `cleanText`): nothing that shows (`showsNothing`:
 * also tag characters or a lone variation selector, which would be stored for good as the group's
 * words, reason or first step that nobody can read), or longer than `max`.
 */
function textProblem(text: string, max: number, field: string): RefusedField | undefined {
  if (showsNothing(text)) return { field, rule: 'required' };
  return lengthProblem(trimText(text), max, field);
}

/** A text longer than `max` characters as they show (`overLimit`); an empty one is no problem here. */
function lengthProblem(text: string, max: number, field: string): RefusedField | undefined {
  const over = overLimit(trimText(text), max);
  return over ? { field, rule: 'tooLong', params: { max, count: over } } : undefined;
}

/**
 * A rejected decision's first step, which a rejection does not ask for: kept as typed within its
 * limit, counted as it shows (a cut in code units took half of a first step of emoji), and cut
 * between characters past it (only a caller that did not check the limit first sends more). One
 * that shows nothing is none: kept, it would be a first step nobody can read.
 */
function rejectedFirstStep(firstStep: string): string {
  const t = emptyIfNothingShows(firstStep.trim());
  return overLimit(t, MAX_REASON_LENGTH) === undefined ? t : cutWhole(t, MAX_REASON_LENGTH);
}

/**
 * The member's stored judgement pressed again (Teams redelivers an invoke it got no timely answer
 * for): nothing new, so nothing to refuse, also once the group decided or the session ended.
 * `textFingerprint` is the text the press was made on; the same words on a text that changed since
 * are a new judgement, of the new text.
 */
export function repeatsJudgement(stored: Judgement | undefined, j: { opinion?: Opinion; reason: string; textFingerprint?: string }): stored is Judgement {
  if (!stored || stored.opinion !== j.opinion || stored.reason !== j.reason.trim()) return false;
  return !j.textFingerprint || !stored.textFingerprint || stored.textFingerprint === j.textFingerprint;
}

export interface JudgementInput {
  memberId: string;
  memberName: string;
  opinion?: Opinion;
  reason: string;
  at: string;
  /** The fingerprint of the text as it stands: what the judgement is of (without it, of the text as it stands whenever that is read). */
  textFingerprint?: string;
  /** The fingerprint of the text the member's card showed, when the card named it. */
  seen?: string;
  /** The press's key (see `judgementPressKey`), kept on the judgement it stores. */
  key?: string;
}

/**
 * Another member's decision is stored and this judgement came after it: nothing of it is stored,
 * and the member's view comes back saying so, with what they entered next to the field.
 */
function judgedAfterDecision(): DomainError {
  return new DomainError('conflict', { detail: 'judged after the group decided', input: { field: 'opinion', rule: 'format', params: { decided: 1 } } });
}

/**
 * A member's judgement of the proposal, of the text their card showed; `stored` is their judgement
 * as it stands, if any. A press that stored it before (Teams delivering it again, also after the
 * member changed it since) changes nothing.
 */
export function judge(p: Proposal, j: JudgementInput, stored?: Judgement): Judgement {
  if (stored && judgementPressedBefore(stored, j.key)) return stored;
  // Read before `repeatsJudgement` narrows `stored` (its false case still leaves a stored judgement of other words).
  const keysBefore = stored?.keys;
  if (repeatsJudgement(stored, { ...j, textFingerprint: j.seen ?? j.textFingerprint })) return stored;
  if (p.decision) throw judgedAfterDecision();
  if (j.seen !== undefined && j.textFingerprint !== undefined && j.seen !== j.textFingerprint) throw textChanged('opinion');
  if (!j.opinion || !OPINIONS.includes(j.opinion)) throw new DomainError('invalidInput', { detail: 'opinion', input: { field: 'opinion', rule: 'required' } });
  const reason = cleanText(j.reason, MAX_REASON_LENGTH, 'reason');
  return {
    id: judgementId(p.id, j.memberId),
    type: 'judgement',
    groupId: p.groupId,
    cycleId: p.cycleId,
    proposalId: p.id,
    memberId: j.memberId,
    memberName: j.memberName,
    opinion: j.opinion,
    reason,
    ...(j.textFingerprint ? { textFingerprint: j.textFingerprint } : {}),
    ...keptKeys(keysBefore, j.key),
    at: j.at,
  };
}

/** A stored judgement told again in the same words by another press: unchanged but for that press's key. */
export function withPressKey(stored: Judgement, key: string): Judgement {
  return { ...stored, ...keptKeys(stored.keys, key) };
}

/** The press keys a judgement keeps: the ones before, and this press's, the latest few. */
function keptKeys(before: readonly string[] | undefined, key: string | undefined): { keys?: string[] } {
  const keys = [...(before ?? []), ...(key ? [key] : [])].slice(-JUDGEMENT_KEYS_KEPT);
  return keys.length ? { keys } : {};
}

/**
 * The fewest judgements a decision needs once two or more members took part in the session: two,
 * so one member's judgement is never the group's (found in review, stop 64: the four wrote
 * together, nobody checked in, and the one who judged was "everyone present" and adopted the AI
 * draft alone as the group's decision). One who takes part alone decides alone (the Playground's
 * newcomer, a group of whom one came).
 */
export const GROUP_JUDGEMENTS_AT_LEAST = 2;

/**
 * How many judgements a decision needs: the quorum's share of the members present, and at least
 * two when two or more took part (`tookPart`: present, judged or wrote along in this session;
 * without it, at least one).
 */
export function judgementsNeeded(present: number, quorum: number, tookPart?: number): number {
  const least = tookPart === undefined ? 1 : Math.max(1, Math.min(GROUP_JUDGEMENTS_AT_LEAST, tookPart));
  return Math.max(least, Math.ceil(present * quorum - 1e-9));
}

export function tallyOpinions(judgements: readonly Judgement[]): Record<Opinion, number> {
  const out: Record<Opinion, number> = { agree: 0, doubt: 0, disagree: 0 };
  for (const j of judgements) out[j.opinion] += 1;
  return out;
}

export interface DecisionInput {
  verdict?: Verdict;
  reason: string;
  /** The group's own words, for an adapted proposal. */
  ownWords: string;
  firstStep: string;
  /** The proposal as it stands (the AI draft, or the group's own proposal): what "accept" adopts. */
  proposalText: string;
  /** The fingerprint of the text the member's card showed, when the card named it. */
  seen?: string;
  /** Members present in this session: the quorum is a share of them. */
  present: number;
  quorum: number;
  /** Members still in the group who took part in this session (present, judged or wrote along): two or more decide on two judgements at least (`judgementsNeeded`). */
  tookPart?: number;
  decidedBy: string;
  at: string;
  /** An opaque key of this attempt, kept on the decision it stores (see `Decision.attempt`). */
  attempt?: string;
}

/**
 * The stored decision pressed again (Teams redelivers an invoke it got no timely answer for):
 * nothing new, so nothing to refuse, also once the session ended.
 */
export function repeatsDecision(p: Proposal | undefined, d: Pick<DecisionInput, 'verdict' | 'reason' | 'ownWords' | 'firstStep'>): p is Proposal & { decision: Decision } {
  const stored = p?.decision;
  if (!stored || stored.reason !== d.reason.trim()) return false;
  // "Own words" that were the proposal's own were recorded as adopting it as it is (see `decide`).
  const adoptedByOwnWords = d.verdict === 'adapt' && stored.verdict === 'accept' && sameWordsAsProposal(d.ownWords, stored.text);
  if (stored.verdict !== d.verdict && !adoptedByOwnWords) return false;
  // Own words beside "accept" or "reject" are refused (see `ownWordsNotAdopted`): a press with them stored
  // nothing, so it is no repeat of the stored decision, and its words must come back, not be dropped here.
  if (d.verdict !== 'adapt' && ownWordsNotAdopted(d.verdict, d.ownWords, stored.text)) return false;
  if (d.verdict === 'adapt' && !adoptedByOwnWords && stored.text !== d.ownWords.trim()) return false;
  const firstStep = d.verdict === 'reject' ? rejectedFirstStep(d.firstStep) : d.firstStep.trim();
  return stored.firstStep === firstStep;
}

/**
 * Another member's decision is stored and this press is a different one: nothing of it is
 * stored, and the member's form comes back saying so, with what they entered.
 */
function decidedByAnother(): DomainError {
  return new DomainError('conflict', { detail: 'the group decided by another press', input: { field: 'decision', rule: 'format', params: { decided: 1 } } });
}

/** Spaces and punctuation between two digits: kept as one separator (U+0000, which no stored text holds). */
const DIGIT_SEPARATOR = /(?<=\p{Nd})[\s\p{P}]+(?=\p{Nd})/gu;

/**
 * Whether "own words" are the proposal as it stands, but for case, spaces, line breaks,
 * punctuation and invisible characters (a paste of it, or a near-copy: a full stop left out, a
 * comma added, a capital changed, a zero-width space or soft hyphen in a word): writing them down
 * is adopting the proposal as it is, not adapting it, so an AI draft is never passed off as the
 * group's own words by a character. Between two digits the marks carry the meaning ("1,5" is not
 * "15", "1-2" not "12", "9.30" not "930"): there they count as one separator, whichever they are.
 */
export function sameWordsAsProposal(ownWords: string, proposalText: string): boolean {
  const normal = (text: string) =>
    withoutInvisibleCharacters(text.normalize('NFKC'))
      .toLocaleLowerCase('nl')
      .replace(DIGIT_SEPARATOR, '\u0000')
      .replace(/[\s\p{P}]+/gu, '');
  return normal(ownWords) !== '' && normal(ownWords) === normal(proposalText);
}

/**
 * Whether the own-words field holds words the verdict would not record: "accept" adopts the
 * proposal's text (`proposalText`) and "reject" records none, so words typed there beside either
 * would be lost for good (a decision is final). A paste of the proposal beside "accept" adopts
 * the same text, and what shows nothing (spaces, tag characters) is no words.
 */
function ownWordsNotAdopted(verdict: Verdict | undefined, ownWords: string, proposalText: string): boolean {
  if (showsNothing(ownWords)) return false;
  return verdict === 'reject' || (verdict === 'accept' && !sameWordsAsProposal(ownWords, proposalText));
}

/**
 * The group wrote its own words but chose "accept" or "reject": contradictory, so nothing is
 * stored and the form comes back with all it held, the reason next to the own words, for the group
 * to choose "adapt" or clear them.
 */
function ownWordsWithoutAdapting(verdict: 'accept' | 'reject'): DomainError {
  return new DomainError('invalidInput', { detail: `own words with ${verdict}`, input: { field: 'adoptedText', rule: 'format', params: verdict === 'accept' ? { adopting: 1 } : { rejecting: 1 } } });
}

/**
 * Adopting a text as it is that no member agreed with, or more judged against than for, would
 * record a decision the group's own judgements do not carry (an AI draft above all): adapt,
 * reject, or judge again. `field`: the input the refusal goes with (the choice, or the own words
 * that were the proposal's own).
 */
function requireJudgedForAdoption(judged: readonly Judgement[], field: 'decision' | 'adoptedText'): void {
  const { agree, disagree } = tallyOpinions(judged);
  if (judgedAgainst({ agree, disagree })) throw new DomainError('proposalNotReady', { detail: 'adopted against the judgements', input: { field, rule: 'format', params: { agree, disagree } } });
}

/** The rule of `requireJudgedForAdoption` on a tally: no "eens", or more "oneens" than "eens". */
function judgedAgainst(tally: Pick<Record<Opinion, number>, 'agree' | 'disagree'>): boolean {
  return tally.agree === 0 || tally.disagree > tally.agree;
}

/**
 * Whether storing `next` in place of the member's judgement `before` could make an adoption one the
 * group judged against (see `requireJudgedForAdoption`): it takes an "eens" away from a text, or adds
 * an "oneens" to one. Any other judgement only adds to what carries an adoption.
 */
export function mayTurnAgainstAdoption(before: Judgement | undefined, next: Judgement): boolean {
  const same = before?.textFingerprint === next.textFingerprint;
  const agreeTaken = before?.opinion === 'agree' && !(next.opinion === 'agree' && same);
  const disagreeAdded = next.opinion === 'disagree' && !(before?.opinion === 'disagree' && same);
  return agreeTaken || disagreeAdded;
}

/**
 * A judgement whose press read the proposal before the decision and whose write comes after it
 * (the member never saw the decision): counted in the decision's tally, as one that landed a moment
 * earlier would be (see `recountDecision`), unless counting it would record the adoption of a text
 * the group judged against: then it is refused as judged after the decision, and the adoption stands
 * on the judgements it was taken on. `judgements`: those stored now; `stillMember` as for `recountDecision`.
 */
export function judgeBeforeDecision(p: Proposal, j: JudgementInput, stored: Judgement | undefined, judgements: readonly Judgement[], stillMember?: (memberId: string) => boolean): Judgement {
  const d = p.decision;
  if (!d) return judge(p, j, stored);
  const judgement = judge({ ...p, decision: undefined }, j, stored);
  if (d.verdict !== 'accept' || judgement === stored || !mayTurnAgainstAdoption(stored, judgement)) return judgement;
  const counted = recountDecision(p, [...judgements.filter((x) => x.id !== judgement.id), judgement], stillMember);
  if (counted.decision && judgedAgainst(counted.decision.judged)) throw judgedAfterDecision();
  return judgement;
}

/**
 * Every input of the decision form that `decide` would refuse by what was typed alone, by the same
 * rules: a verdict, a reason, the own words when adapting, a first step unless rejecting. `decide`
 * stops at the first refusal; the form shows these beside it, so one press names every field
 * that keeps the decision from being stored. Without a verdict the own words and the first step
 * are not named as missing: whether they are needed depends on the verdict still to choose. Words
 * over their limits are named whatever the verdict: the press refuses them before it reads anything
 * (`decideProposal`), as the card's payload check did.
 */
export function decisionInputProblems(d: { verdict?: string; reason: string; ownWords: string; firstStep: string }): RefusedField[] {
  const verdict = VERDICTS.find((v) => v === d.verdict);
  const problems: (RefusedField | undefined)[] = [
    verdict ? undefined : { field: 'decision', rule: 'required' },
    textProblem(d.reason, MAX_REASON_LENGTH, 'decisionReason'),
    verdict === 'adapt' ? textProblem(d.ownWords, MAX_PROPOSAL_LENGTH, 'adoptedText') : lengthProblem(d.ownWords, MAX_PROPOSAL_LENGTH, 'adoptedText'),
    verdict && verdict !== 'reject' ? textProblem(d.firstStep, MAX_REASON_LENGTH, 'firstStep') : lengthProblem(d.firstStep, MAX_REASON_LENGTH, 'firstStep'),
  ];
  return problems.filter((x): x is RefusedField => x !== undefined);
}

/**
 * The group's decision, explicit: no verdict by default, a reason always, the group's own words
 * when it adapts, a first step unless it rejects, and only once enough of those present judged
 * the text as it stands. `judgements`: those of members still in the group only (a member who
 * left the chat judges for no one any more). Taken on the text the member's card showed (`seen`):
 * a text that changed since (a line added, an AI draft landed) is not adopted unseen. "Own words"
 * that are the proposal's own are adopting it as it is, under the same rule, and recorded as such
 * (an AI draft keeps its label); other own words beside "accept" or "reject" are refused, not
 * dropped. The stored decision again changes nothing; a different one after it is refused, never
 * dropped silently.
 */
export function decide(p: Proposal, judgements: readonly Judgement[], d: DecisionInput): Proposal {
  if (repeatsDecision(p, d)) return p;
  if (p.decision) throw decidedByAnother();
  const fingerprint = textFingerprint(d.proposalText);
  if (d.seen !== undefined && d.seen !== fingerprint) throw textChanged('decision');
  const judged = judgementsOfText(p.id, judgements, fingerprint).current;
  const needed = judgementsNeeded(Math.max(d.present, judged.length), d.quorum, d.tookPart);
  if (judged.length < needed) throw new DomainError('proposalNotReady', { detail: 'too few judgements', input: { field: 'decision', rule: 'range', params: { needed, have: judged.length } } });
  if (!d.verdict || !VERDICTS.includes(d.verdict)) throw new DomainError('invalidInput', { detail: 'decision', input: { field: 'decision', rule: 'required' } });
  if (d.verdict !== 'adapt' && ownWordsNotAdopted(d.verdict, d.ownWords, d.proposalText)) throw ownWordsWithoutAdapting(d.verdict);
  const reason = cleanText(d.reason, MAX_REASON_LENGTH, 'decisionReason');
  let verdict = d.verdict;
  let text = '';
  let basedOnAiDraft = false;
  if (d.verdict === 'accept') {
    text = d.proposalText.trim();
    if (showsNothing(text)) throw new DomainError('proposalNotReady', { detail: 'nothing to adopt', input: { field: 'decision', rule: 'format' } });
    requireJudgedForAdoption(judged, 'decision');
  } else if (d.verdict === 'adapt') {
    text = cleanText(d.ownWords, MAX_PROPOSAL_LENGTH, 'adoptedText');
    if (sameWordsAsProposal(text, d.proposalText)) {
      requireJudgedForAdoption(judged, 'adoptedText');
      verdict = 'accept';
      text = d.proposalText.trim();
    } else {
      // The group's own words, made while the AI's draft was the text before it: they say so wherever shown.
      basedOnAiDraft = p.ai.status === 'drafted';
    }
  }
  const firstStep = d.verdict === 'reject' ? rejectedFirstStep(d.firstStep) : cleanText(d.firstStep, MAX_REASON_LENGTH, 'firstStep');
  return { ...p, decision: { verdict, reason, text, firstStep, judged: tallyOpinions(judged), decidedBy: d.decidedBy, at: d.at, ...(d.attempt ? { attempt: d.attempt } : {}), textFingerprint: fingerprint, ...(basedOnAiDraft ? { basedOnAiDraft: true as const } : {}) }, updatedAt: d.at };
}

/** Whether the group adopted the AI's draft as it is: its text is the AI's, wherever it is shown. */
export function adoptedAiDraft(p: { ai: { status: string }; decision?: Pick<Decision, 'verdict'> }): boolean {
  return p.decision?.verdict === 'accept' && p.ai.status === 'drafted';
}

/** Whether the group adapted the AI's draft in its own words (see `Decision.basedOnAiDraft`): its text says it was made from the AI's. */
export function adaptedAiDraft(p: { decision?: Pick<Decision, 'verdict' | 'basedOnAiDraft'> }): boolean {
  return p.decision?.verdict === 'adapt' && p.decision.basedOnAiDraft === true;
}

/**
 * Whose words a decided text is, wherever it is shown: 'adoptedAiDraft', the AI's draft adopted as
 * it is; 'adaptedFromAiDraft', the group's own words made from an AI draft; 'decision', the
 * group's own words (or its own proposal adopted).
 */
export type DecisionSource = 'decision' | 'adoptedAiDraft' | 'adaptedFromAiDraft';

export function decisionSource(p: { ai: { status: string }; decision?: Pick<Decision, 'verdict' | 'basedOnAiDraft'> }): DecisionSource {
  if (adoptedAiDraft(p)) return 'adoptedAiDraft';
  return adaptedAiDraft(p) ? 'adaptedFromAiDraft' : 'decision';
}

/**
 * The decision's tally from the judgements stored now. A member's judgement can be stored while
 * another member decides: after the deciding press read the judgements, or after the decision
 * by a press that read the proposal before it. Both presses count it in (see `judgeProposal` and
 * `decideProposal`), so the tally holds every stored judgement of the text decided on, by members
 * still in the group (`stillMember`: one who left the chat judges for no one), and no member is
 * told their judgement was saved while it counts nowhere. A tally that matches every stored
 * judgement of the text is kept as it is: a decision stored while leavers' judgements still
 * counted stays as it was recorded.
 */
export function recountDecision(p: Proposal, judgements: readonly Judgement[], stillMember: (memberId: string) => boolean = () => true): Proposal {
  const d = p.decision;
  if (!d?.textFingerprint) return p;
  const ofText = judgementsOfText(p.id, judgements, d.textFingerprint).current;
  const matches = (tally: Record<Opinion, number>) => OPINIONS.every((o) => tally[o] === d.judged[o]);
  if (matches(tallyOpinions(ofText))) return p;
  const judged = tallyOpinions(ofText.filter((j) => stillMember(j.memberId)));
  if (matches(judged)) return p;
  return { ...p, decision: { ...d, judged } };
}

/** How many press keys the outcome remembers: far more than a group tells in the minutes Teams redelivers in. */
export const FIRST_STEP_KEYS_KEPT = 20;

/**
 * What each of a member's first-step press keys on the outcome starts with (before the dot): the
 * rest of the key holds the press (`firstStepPressKey`), not the member. The tag lets an erasure
 * drop exactly the erased member's keys (`withoutFirstStepKeysOf`), as the group's setup keys do:
 * a hash over their id, the card's key and the outcome stored beside it would let a reader holding
 * the card test the group's few ids against it (found in review, stop 58).
 */
export function firstStepKeyTag(proposalId: string, memberId: string): string {
  return stableId('fm', proposalId, memberId);
}

/** The key of one member's look-back press: their tag, then the press (`key`, the card's) and what it told. */
export function firstStepPressKey(proposalId: string, memberId: string, key: string, status: string, note: string): string {
  return `${firstStepKeyTag(proposalId, memberId)}.${stableId('fs', key, status, note)}`;
}

/**
 * The proposal without the member's first-step press keys, and without untagged ones (stored
 * before tags, whose presser is unknown: a press of theirs delivered again may then be stored
 * again, as any new press). The same object when there is nothing to drop.
 */
export function withoutFirstStepKeysOf(p: Proposal, memberId: string): Proposal {
  const keys = p.firstStepOutcome?.keys;
  if (!p.firstStepOutcome || !keys) return p;
  const tag = `${firstStepKeyTag(p.id, memberId)}.`;
  const kept = keys.filter((k) => k.includes('.') && !k.startsWith(tag));
  if (kept.length === keys.length) return p;
  const { keys: _dropped, ...outcome } = p.firstStepOutcome;
  return { ...p, firstStepOutcome: { ...outcome, ...(kept.length ? { keys: kept } : {}) } };
}

/** What a look-back card showed of the outcome: nothing told yet, or what was told. */
export const NOTHING_TOLD = 'none';

/** The fingerprint of the outcome a card showed (see `recordFirstStep`'s `seen`). */
export function firstStepSeen(outcome: Pick<FirstStepOutcome, 'status' | 'note'> | undefined): string {
  return outcome ? stableId('fo', outcome.status, outcome.note) : NOTHING_TOLD;
}

/**
 * What became of the first step: recorded once the group looks back on it, and changeable by the
 * group later. `key` is the press's own (see `lookBackOnFirstStep`): a press already stored,
 * redelivered by Teams after another member told something else, changes nothing. `seen` is what
 * the member's card showed (`firstStepSeen`): another member's answer stored since is not replaced
 * unseen; the member gets it shown next to what they entered, and saving again stands on it.
 */
export function recordFirstStep(p: Proposal, outcome: { status?: FirstStepStatus; note: string; at: string; key?: string; seen?: string }): Proposal {
  if (outcome.key && p.firstStepOutcome?.keys?.includes(outcome.key)) return p;
  if (!p.decision || p.decision.verdict === 'reject' || !p.decision.firstStep) throw new DomainError('proposalNotReady', 'no first step to look back on');
  if (!outcome.status || !FIRST_STEP_STATUSES.includes(outcome.status)) throw new DomainError('invalidInput', { detail: 'status', input: { field: 'status', rule: 'required' } });
  const note = cleanText(outcome.note, MAX_REASON_LENGTH, 'note');
  if (p.firstStepOutcome?.status === outcome.status && p.firstStepOutcome.note === note) return p;
  if (outcome.seen !== undefined && outcome.seen !== firstStepSeen(p.firstStepOutcome)) {
    throw new DomainError('conflict', { detail: 'first step outcome told by another member meanwhile', input: { field: 'status', rule: 'format', params: { changed: 1 } } });
  }
  const keys = [...(p.firstStepOutcome?.keys ?? []), ...(outcome.key ? [outcome.key] : [])].slice(-FIRST_STEP_KEYS_KEPT);
  return { ...p, firstStepOutcome: { status: outcome.status, note, at: outcome.at, ...(keys.length ? { keys } : {}) }, updatedAt: outcome.at };
}

/** The text the group is judging: the AI draft when there is one, otherwise the group's own answer. */
export function proposalText(p: Proposal, ownProposal: string): string {
  return p.ai.status === 'drafted' ? p.ai.draft.proposal : ownProposal;
}
