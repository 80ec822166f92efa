import { DateTime } from 'luxon';
import { DomainError, RefusedField } from '../shared/errors';
import { stableId } from '../shared/ids';
import { overLimit, trimText } from '../shared/text';

/**
 * Learning needs for L&O, anonymously (issue 13, point 5). A member's answer to question 9 stays
 * private; they may choose to pass a learning need on to L&O without their name: a theme from
 * this fixed list, and optionally a few words of their own.
 */
export const LEARNING_THEMES = ['vakkennis', 'digitaal', 'samenwerken', 'communicatie', 'coachen', 'organiseren', 'vitaliteit', 'anders'] as const;
export type LearningTheme = (typeof LEARNING_THEMES)[number];

/** The personal question whose answer is a learning need (talentontwikkeling). */
export const LEARNING_NEED_QUESTION_ID = 9;
export const MAX_LEARNING_NEED_TEXT = 300;

/**
 * The member's choice, in their own partition, one per answer. While `pending` it holds what they
 * pass on (their own private data, like the answer itself) and can be withdrawn. The weekly
 * handover folds the pending ones of enough people of one tenant into one anonymous batch at once
 * and then strips theme, text and tenant from here: `handedOver` says only that it went, not what.
 */
export interface LearningNeedPassOn {
  id: string;
  type: 'learningNeedPassOn';
  userId: string;
  answerId: string;
  status: 'pending' | 'sealing' | 'handedOver';
  theme?: LearningTheme;
  text?: string;
  /**
   * The tenant (organisation) it was passed on in: only that tenant's L&O may receive it. `''`
   * where Teams named none (as a group set up without one belongs to the report asked without one).
   * Absent on pass-ons stored before tenants were recorded: see `placeLegacyPassOn`.
   */
  tenantId?: string;
  /** Set while a handover holds it (status `sealing`): which batch. */
  batchId?: string;
  /** Only while a handover holds it: what its owner pressed meanwhile (see `AskedWhileHeld`). */
  asked?: AskedWhileHeld;
  /**
   * The keys of the presses it took, the latest few (see `learningNeedPressKey`): Teams delivering
   * one of them again after a later change changes nothing. Absent on pass-ons stored before, and
   * dropped at the handover with the rest.
   */
  keys?: string[];
  /**
   * How often its owner changed it (passed on, changed, withdrawn, also while held): a view that
   * sends the revision it showed (the tab) is refused once it changed since (`CHANGED_MEANWHILE`).
   * Absent on pass-ons stored before: read as 1 (`shownRevOf`). Dropped at the handover.
   */
  rev?: number;
  /**
   * Set by a press that found the pass-on as another delivery of it wrote it and answered with it:
   * that delivery, answered after its save window, takes back only a pass-on still exactly as it
   * wrote it, so this one stays (found in review, stop 67).
   */
  confirmed?: true;
}

/**
 * A withdrawal or change the member pressed while the weekly handover held the need (`sealing`).
 * In that moment it can be neither carried out (the batch may be built from the need) nor refused
 * as "handed over" (the handover may still give it back: too few people, or the owner's erasure).
 * So it is kept on the need, the latest press standing, and the handover settles it: a withdrawal
 * is carried out as soon as the handover sees it, before the batch is built (`unsealed`); a change
 * when the handover gives the need back. Once the batch holding the need was written it went as it
 * was sealed, and this is stripped with the rest (`handedOver`).
 */
export type AskedWhileHeld = { kind: 'withdraw' } | { kind: 'change'; theme: LearningTheme; text?: string };

/**
 * What a withdrawal leaves in the pass-on's place (same id, in the member's partition): nothing
 * of what was passed on, nor to whom; only the keys of the presses it took. Teams may deliver the
 * "pass on" press from before the withdrawal again: it finds its key here and changes nothing, so
 * nothing of the member waits for the handover against their withdrawal. Withdrawals from before
 * this left nothing (the pass-on was deleted). The member's views skip this record (no need stands);
 * their export lists it (status `withdrawn`, the answer it was about), as it is kept about them until their erasure.
 */
export interface LearningNeedWithdrawn {
  id: string;
  type: 'learningNeedWithdrawn';
  userId: string;
  answerId: string;
  keys: string[];
  /** The revision of the withdrawal, one past the pass-on's: passed on again, it goes on counting from here. Absent on those stored before. */
  rev?: number;
}

/** What the member's partition holds under a pass-on's id: the pass-on, or what its withdrawal left. */
export type LearningNeedRecord = LearningNeedPassOn | LearningNeedWithdrawn;

export function isPassOn(record: LearningNeedRecord | undefined): record is LearningNeedPassOn {
  return record?.type === 'learningNeedPassOn';
}

/** How many press keys are remembered: far more than a member changes their choice in the minutes Teams redelivers in. */
export const LEARNING_NEED_KEYS_KEPT = 20;

/**
 * The key of one press on the learning-need card: the card's action key (or the activity's id),
 * the member, the answer, and what was pressed with what (for "pass on", the theme and words). The
 * same press delivered again has it; another press on the same card with other words does not.
 */
export function learningNeedPressKey(pressKey: string, userId: string, answerId: string, press: { pass: { theme?: string; text?: string } } | 'withdraw'): string {
  const what = press === 'withdraw' ? ['withdraw'] : ['pass', press.pass.theme ?? '', trimText(press.pass.text ?? '')];
  return stableId('lnk', pressKey, userId, answerId, ...what);
}

function pressedBefore(record: LearningNeedRecord | undefined, key: string | undefined): boolean {
  return !!record && key !== undefined && !!record.keys?.includes(key);
}

function keptKeys(before: readonly string[] | undefined, key: string | undefined): string[] {
  return [...(before ?? []), ...(key && !before?.includes(key) ? [key] : [])].slice(-LEARNING_NEED_KEYS_KEPT);
}

/** The log detail of a change refused because the view it was pressed on is older than what is stored. */
export const CHANGED_MEANWHILE = 'learning need changed meanwhile';

/**
 * The revision a view of the need shows: the pass-on's (1 for those stored before revisions); 0
 * when no pass-on stands (never passed on, or withdrawn).
 */
export function shownRevOf(record: LearningNeedRecord | undefined): number {
  return isPassOn(record) ? (record.rev ?? 1) : 0;
}

/** The revision of the member's next change: one past what is stored, a withdrawal included, so a view from before it never matches. */
function nextRev(record: LearningNeedRecord | undefined): number {
  return (record?.rev ?? (record ? 1 : 0)) + 1;
}

/**
 * A change sent with the revision its view showed (the tab; the chat's card has its press keys
 * instead) is refused when the need changed since: a view that never showed the newer version
 * must not silently undo it. Not when what was sent already stands (the same change sent again,
 * its answer lost). Without a revision (older clients) the change goes ahead, as before.
 */
function assertNotChangedSince(current: LearningNeedRecord | undefined, rev: number | undefined, stands: boolean): void {
  if (rev === undefined || stands || rev === shownRevOf(current)) return;
  throw new DomainError('conflict', CHANGED_MEANWHILE);
}

export function passOnId(userId: string, answerId: string): string {
  return stableId('lnp', userId, answerId);
}

/**
 * The held need with what its owner pressed meanwhile kept on it (see `AskedWhileHeld`); the same
 * object (no write) when that was asked already and the press has no key to remember.
 */
function askedWhileHeld(held: LearningNeedPassOn, asked: AskedWhileHeld, key: string | undefined): LearningNeedPassOn {
  if (!key && JSON.stringify(held.asked) === JSON.stringify(asked)) return held;
  const keys = keptKeys(held.keys, key);
  return { ...held, asked, ...(keys.length ? { keys } : {}), rev: nextRev(held) };
}

/**
 * The inputs of a pass-on its rules refuse, theme first (as `passOn` refuses them, one at a time):
 * a theme of the list is needed, and a text of at most MAX_LEARNING_NEED_TEXT characters as they show.
 */
export function refusedPassOnInputs(input: { theme?: string; text?: string }): RefusedField[] {
  const refused: RefusedField[] = [];
  if (!input.theme || !(LEARNING_THEMES as readonly string[]).includes(input.theme)) refused.push({ field: 'theme', rule: 'required' });
  const over = overLimit(trimText(input.text ?? ''), MAX_LEARNING_NEED_TEXT);
  if (over) refused.push({ field: 'learningNeedText', rule: 'tooLong', params: { max: MAX_LEARNING_NEED_TEXT, count: over } });
  return refused;
}

/**
 * A new or changed pass-on (also after a withdrawal: passed on again); refused once it was handed
 * over, kept for the handover to settle while one holds it (`AskedWhileHeld`). `key` is the press's
 * (see `learningNeedPressKey`): a press it took before, delivered again after a later change or a
 * withdrawal, leaves what stands (the same object: no write). `rev`: the revision the view it was
 * pressed on showed (`shownRevOf`); changed since, it is refused (`assertNotChangedSince`).
 */
export function passOn(current: LearningNeedRecord | undefined, input: { userId: string; answerId: string; theme?: string; text?: string; tenantId?: string; key?: string; rev?: number }): LearningNeedRecord {
  if (pressedBefore(current, input.key)) return current!;
  const pending = isPassOn(current) ? current : undefined;
  if (pending?.status === 'handedOver') throw new DomainError('conflict', 'learning need already handed over');
  const [refused] = refusedPassOnInputs(input);
  if (refused) throw new DomainError('invalidInput', { detail: refused.field === 'theme' ? 'theme' : 'text', input: refused });
  const text = trimText(input.text ?? '');
  const sent = { kind: 'change', theme: input.theme, ...(text ? { text } : {}) };
  const stands = pending?.status === 'sealing' ? JSON.stringify(pending.asked) === JSON.stringify(sent) : pending !== undefined && pending.theme === input.theme && (pending.text ?? '') === text;
  assertNotChangedSince(current, input.rev, stands);
  // Held by the handover: it keeps the tenant it is sealed for; the change waits on it.
  if (pending?.status === 'sealing') return askedWhileHeld(pending, { kind: 'change', theme: input.theme as LearningTheme, ...(text ? { text } : {}) }, input.key);
  // The same choice pressed again without a key to remember (the tab): nothing to write.
  if (pending && !input.key && pending.theme === input.theme && (pending.text ?? '') === text && pending.tenantId === input.tenantId) return pending;
  const keys = keptKeys(current?.keys, input.key);
  return {
    id: passOnId(input.userId, input.answerId),
    type: 'learningNeedPassOn',
    userId: input.userId,
    answerId: input.answerId,
    status: 'pending',
    theme: input.theme as LearningTheme,
    ...(text ? { text } : {}),
    ...(input.tenantId !== undefined ? { tenantId: input.tenantId } : {}),
    ...(keys.length ? { keys } : {}),
    rev: nextRev(current),
  };
}

/**
 * Withdrawing is possible until the batch holding it was written: after that nothing links it to
 * the member. While a handover holds it the withdrawal is kept for the handover (`AskedWhileHeld`).
 */
export function assertWithdrawable(current: LearningNeedPassOn | undefined): LearningNeedPassOn {
  if (!current) throw new DomainError('notFound', 'learning need');
  if (current.status === 'handedOver') throw new DomainError('conflict', 'learning need already handed over');
  return current;
}

/** What a withdrawal leaves of a pass-on: the keys of the presses it took (and this one's) and its revision, nothing else. */
function withdrawalOf(p: LearningNeedPassOn, rev: number | undefined, key?: string): LearningNeedWithdrawn {
  return { id: p.id, type: 'learningNeedWithdrawn', userId: p.userId, answerId: p.answerId, keys: keptKeys(p.keys, key), ...(rev !== undefined ? { rev } : {}) };
}

/**
 * The withdrawal of what is stored: what it leaves (`LearningNeedWithdrawn`), keeping the keys of
 * the presses taken so far and this one's; while a handover holds the need, the need with the
 * withdrawal kept on it. Unchanged (no write) when it was withdrawn already (a repeated press), or
 * when this press was taken before and the need passed on again since. `rev`: the revision the
 * view it was pressed on showed; changed since (passed on anew, say), it is refused.
 */
export function withdrawn(current: LearningNeedRecord, key?: string, rev?: number): LearningNeedRecord {
  if (!isPassOn(current) || pressedBefore(current, key)) return current;
  assertWithdrawable(current);
  assertNotChangedSince(current, rev, current.status === 'sealing' && current.asked?.kind === 'withdraw');
  if (current.status === 'sealing') return askedWhileHeld(current, { kind: 'withdraw' }, key);
  return withdrawalOf(current, nextRev(current), key);
}

/** What stays in the member's partition after the handover: that it went, nothing of what (nor to whom). */
export function handedOver(p: LearningNeedPassOn): LearningNeedPassOn {
  return { id: p.id, type: p.type, userId: p.userId, answerId: p.answerId, status: 'handedOver' };
}

/**
 * A pass-on the weekly handover has sealed: it is being handed over (a withdrawal or change is kept
 * for the handover to settle, see `AskedWhileHeld`). Sealed before its owner's erasure began, it
 * goes into the batch (the handover gives back one sealed later: see handOverTenant), so an
 * erasure that finds one leaves it to the handover and finishes once it was stripped.
 */
export function isBeingHandedOver(record: { type: string; status?: unknown }): boolean {
  return record.type === 'learningNeedPassOn' && record.status === 'sealing';
}

/**
 * A handover lets the need go without a batch: back to waiting as it was passed on (its tenant
 * kept), or as its owner changed it meanwhile; withdrawn when they withdrew it meanwhile.
 */
export function unsealed(p: LearningNeedPassOn): LearningNeedRecord {
  // The withdrawal counted in the revision when it was asked: the handover carrying it out is no change of the member's.
  if (p.asked?.kind === 'withdraw') return withdrawalOf(p, p.rev);
  const { batchId: _batchId, asked, theme, text, ...rest } = p;
  const words = asked?.kind === 'change' ? { theme: asked.theme, text: asked.text } : { theme, text };
  return { ...rest, status: 'pending', ...(words.theme ? { theme: words.theme } : {}), ...(words.text ? { text: words.text } : {}) };
}

/** Whether its owner withdrew it while the handover held it: the handover gives it back (withdrawn) before building the batch. */
export function withdrawnWhileHeld(p: LearningNeedPassOn): boolean {
  return p.status === 'sealing' && p.asked?.kind === 'withdraw';
}

/**
 * One handover of one tenant: the learning needs of at least the minimum number of that tenant's
 * people, folded together, with no user id, no time but the week, and nothing in an order that
 * follows who or when. Per theme the number of needs and their texts, only for a theme that at
 * least the minimum number of people chose in this batch (else they are not kept at all).
 */
export interface LearningNeedBatch {
  id: string;
  type: 'learningNeedBatch';
  /** Whose L&O it is for. Absent on batches handed over before tenants were recorded: see `batchBelongsTo`. */
  tenantId?: string;
  /** ISO week of the handover, e.g. 2026-W49, and its Monday: the only time kept. */
  week: string;
  weekStart: string;
  people: number;
  needs: number;
  /**
   * The minimum (B3_MIN_RESPONDENTS) the handover kept its themes and rest by. Since stop 54; absent
   * on batches from before, which kept each theme's people instead (see `themes`).
   */
  minimum?: number;
  /**
   * Since stop 37 only the themes at least the minimum chose at the handover; before, every theme
   * (with its people and needs also where few chose it: see `rest`). Since stop 54 without `people`:
   * the report never showed it, and beside `needs` it tied a member with two needs to a shown theme
   * (a theme of one need more than people holds both of theirs: found in review, stop 54). Batches
   * from before keep it, and are read with it; it is never written again.
   */
  themes: Partial<Record<LearningTheme, { needs: number; texts: string[]; people?: number }>>;
  /**
   * Since stop 37: the needs outside the themes kept, only when that rest may be published (nobody
   * in it, or at least the minimum of people); absent when it may not (`restLeftOut`). What fewer
   * than the minimum chose is never stored apart: a database reader who sees in the members'
   * partitions who handed over two needs could otherwise tell, from a theme of one person and two
   * needs, which theme that member chose. Until stop 54 also how many themes the rest was in (`themes`,
   * no longer published nor written: found in review, stop 54).
   */
  rest?: { needs: number; themes?: number };
  restLeftOut?: true;
}

/**
 * One batch per tenant and week, and the same id every time: a handover that was interrupted and
 * runs again finishes the batch it started. The tenant is hashed (Cosmos ids forbid some characters);
 * batches from before tenants were recorded were `lnb_<week>` and never collide with these.
 */
export function batchIdOf(week: string, tenantId: string): string {
  return stableId(`lnb_${week}`, tenantId);
}

/**
 * The tenant that records from before tenants were recorded belong to: the one tenant an
 * installation allows, when it allows exactly one (it served only that one). With no allow-list
 * or several tenants, nobody can say whose they were: they belong to no tenant.
 */
export function legacyTenantOf(allowedTenantIds: readonly string[]): string | undefined {
  return allowedTenantIds.length === 1 ? allowedTenantIds[0] : undefined;
}

/**
 * Whether the app serves a tenant now (ALLOWED_TENANT_IDS, in lower case; empty: every tenant). A
 * tenant taken off the list has its needs and batches kept, not handed over nor told to its L&O,
 * until it is on the list again (stop 53).
 */
export function tenantServed(allowedTenantIds: readonly string[], tenantId: string): boolean {
  return allowedTenantIds.length === 0 || allowedTenantIds.includes(tenantId.trim().toLowerCase());
}

/** Whether a batch is for this tenant's L&O. A batch without a tenant only when it is the legacy tenant: never a guess. */
export function batchBelongsTo(batch: Pick<LearningNeedBatch, 'tenantId'>, tenantId: string, legacyTenant: string | undefined): boolean {
  return batch.tenantId === undefined ? legacyTenant !== undefined && legacyTenant === tenantId : batch.tenantId === tenantId;
}

/**
 * Where a pending pass-on without a tenant (stored before tenants were recorded) goes: to the
 * tenant of the group its answer was given in (the rule that holds the rest of the HR report to a
 * tenant), else to the legacy tenant; else to none, and it waits with its owner, who may withdraw it.
 */
export function placeLegacyPassOn(groupTenant: string | undefined, legacyTenant: string | undefined): string | undefined {
  return groupTenant ?? legacyTenant;
}

/** The week (in the organisation's time zone) a handover at `now` belongs to. */
export function handoverWeek(now: Date, timeZone: string): { week: string; weekStart: string } {
  const d = DateTime.fromJSDate(now, { zone: timeZone });
  return { week: d.toFormat("kkkk-'W'WW"), weekStart: d.startOf('week').toISODate()! };
}

/** The next handover: Monday 02:00 in the organisation's time zone, after `now`. */
export function nextHandoverAt(now: Date, timeZone: string): Date {
  const d = DateTime.fromJSDate(now, { zone: timeZone });
  let next = d.startOf('week').set({ hour: 2 });
  if (next <= d) next = next.plus({ weeks: 1 });
  return next.toJSDate();
}

export function distinctPeople(passOns: readonly LearningNeedPassOn[]): number {
  return new Set(passOns.map((p) => p.userId)).size;
}

/**
 * Folds one tenant's sealed pass-ons into its batch; undefined when fewer than `minimum` people are
 * in it. It keeps only what may be published under `minimum` (as `publishable` in report.ts reads
 * it), and that minimum: no people per theme, nor how many themes the rest was in.
 */
export function buildBatch(sealed: readonly LearningNeedPassOn[], week: { week: string; weekStart: string }, tenantId: string, minimum: number): LearningNeedBatch | undefined {
  // Sealing writes the batch's tenant on each pass-on; a stray would put one organisation's words in another's batch.
  if (sealed.some((p) => p.tenantId !== tenantId)) throw new Error('learning need batch: a pass-on of another tenant');
  if (distinctPeople(sealed) < minimum) return undefined;
  const themes: LearningNeedBatch['themes'] = {};
  let shownNeeds = 0;
  let shownPeople = 0;
  let hiddenPeopleAtMost = 0;
  for (const theme of LEARNING_THEMES) {
    const chosen = sealed.filter((p) => p.theme === theme);
    if (!chosen.length) continue;
    const people = distinctPeople(chosen);
    if (people >= minimum) {
      themes[theme] = { needs: chosen.length, texts: chosen.map((p) => p.text).filter((t): t is string => !!t).sort() };
      shownNeeds += chosen.length;
      shownPeople += people;
    } else hiddenPeopleAtMost += people;
  }
  const people = distinctPeople(sealed);
  const restNeeds = sealed.length - shownNeeds;
  const restPeopleAtLeast = Math.max(0, people - shownPeople);
  const restCounts = (hiddenPeopleAtMost === 0 && restNeeds === 0) || restPeopleAtLeast >= minimum;
  const rest = restCounts ? { rest: { needs: restNeeds } } : { restLeftOut: true as const };
  return { id: batchIdOf(week.week, tenantId), type: 'learningNeedBatch', tenantId, week: week.week, weekStart: week.weekStart, minimum, people, needs: sealed.length, themes, ...rest };
}
