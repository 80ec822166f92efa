import {
  batchBelongsTo,
  batchIdOf,
  buildBatch,
  distinctPeople,
  handedOver,
  handoverWeek,
  isPassOn,
  LEARNING_NEED_QUESTION_ID,
  learningNeedPressKey,
  LearningNeedPassOn,
  LearningNeedRecord,
  nextHandoverAt,
  passOn,
  placeLegacyPassOn,
  shownRevOf,
  unsealed,
  withdrawn,
  withdrawnWhileHeld,
} from '../../domain/learning-needs/learning-need';
import { LoOfferRepository } from '../../domain/learning-needs/lo-offer';
import { LearningNeedStore } from '../../domain/learning-needs/ports';
import { learningNeedsSection, LearningNeedsSection } from '../../domain/learning-needs/report';
import { personalAnswerId } from '../../domain/personal/personal-answer';
import { JobScheduler } from '../../domain/scheduling/job';
import { Clock } from '../../domain/shared/clock';
import { DomainError } from '../../domain/shared/errors';
import { erasureTicketId } from '../../domain/verantwoording/erasure-ticket';
import { PersonalRecordRepository } from '../../domain/verantwoording/ports';
import { openSaveWindow, sameAsWritten } from '../verantwoording/save-window';
import { WindowClock } from '../verantwoording/window-clock';

export interface LearningNeedDeps {
  store: LearningNeedStore;
  records: PersonalRecordRepository;
  clock: Clock;
  /** A pass-on's save window (save-window.ts); absent: production's length, by the process's clock. */
  saveWindowMs?: number;
  windowClock?: WindowClock;
  /** B3_MIN_RESPONDENTS: the fewest people a batch, a theme or a text may rest on. */
  minimum: number;
  timeZone: string;
  scheduler: JobScheduler;
  /** Whose the pass-ons and batches stored before tenants were recorded are (`legacyTenantOf`); absent: nobody's. */
  legacyTenant?: string;
  /** L&O's offers per tenant and theme, shown with the member's own needs; absent: none shown. */
  offers?: LoOfferRepository;
  /** Whether the app serves a tenant now (ALLOWED_TENANT_IDS: `tenantServed`); absent: every tenant. */
  tenantServed?: (tenantId: string) => boolean;
}

export const HANDOVER_JOB = 'learningNeeds.handover';

/** Next Monday's handover, scheduled once (a deterministic id per week). */
export async function scheduleHandover(deps: LearningNeedDeps): Promise<void> {
  const at = nextHandoverAt(deps.clock.now(), deps.timeZone);
  await deps.scheduler.schedule({ id: `${HANDOVER_JOB}:${handoverWeek(at, deps.timeZone).week}`, kind: HANDOVER_JOB, dueAt: at.toISOString(), payload: {} });
}

/**
 * What a member sees of their own choice for one answer (with what they pressed while a handover
 * holds it), and its revision: a view sends it back with a change, so one made elsewhere since is
 * not undone unseen.
 */
export type MyLearningNeed = Pick<LearningNeedPassOn, 'answerId' | 'status' | 'theme' | 'text' | 'asked'> & { rev?: number };

const mine = (p: LearningNeedPassOn): MyLearningNeed => ({ answerId: p.answerId, status: p.status, ...(p.theme ? { theme: p.theme } : {}), ...(p.text ? { text: p.text } : {}), ...(p.asked ? { asked: p.asked } : {}), rev: shownRevOf(p) });

/** The member's own answer to question 9, or a refusal: only that answer carries a learning need. */
async function ownLearningAnswer(deps: LearningNeedDeps, userId: string, answerId: string) {
  const answer = await deps.records.get(userId, answerId);
  if (answer?.type !== 'personalAnswer' || answer.userId !== userId) throw new DomainError('notFound', 'answer');
  if (answer.questionId !== LEARNING_NEED_QUESTION_ID) throw new DomainError('wrongQuestionKind', 'not a learning need');
  return answer;
}

/** The answer id of a member's answer on a session card. */
export function answerIdOn(userId: string, sessionId: string, questionId: number): string {
  return personalAnswerId(userId, sessionId, questionId);
}

export async function myLearningNeed(deps: LearningNeedDeps, userId: string, answerId: string): Promise<MyLearningNeed | undefined> {
  const p = await deps.store.get(userId, answerId);
  return p ? mine(p) : undefined;
}

export async function myLearningNeeds(deps: LearningNeedDeps, userId: string): Promise<MyLearningNeed[]> {
  return (await deps.store.listOfUser(userId)).map(mine);
}

/**
 * Passes the learning need of one of the member's own answers on to L&O (or changes it while it
 * waits), for the L&O of the tenant it is passed on in: the turn's, from Teams; from the tab,
 * whose caller names no tenant, the tenant of the group the answer was given in. `pressKey` names
 * the press (the card's action key, or the activity's id): the same press delivered again after a
 * later change or a withdrawal changes nothing. `input.rev`: the revision the view showed (the
 * tab's); changed since, the change is refused (a 'conflict', `CHANGED_MEANWHILE`) and nothing is
 * stored. Returns what stands: undefined when that is a withdrawal (such a press delivered again).
 */
export async function passOnLearningNeed(deps: LearningNeedDeps, userId: string, answerId: string, input: { theme?: string; text?: string; rev?: number }, turnTenant?: string, pressKey?: string): Promise<MyLearningNeed | undefined> {
  const answer = await ownLearningAnswer(deps, userId, answerId);
  // Their erasure is unfinished: a need passed on now would be given back by the handover and
  // deleted by the erasure, after being answered as passed on (stop 52). One point read, which
  // opens the save's window: a put answered after it may have landed after the erasure said
  // "gewist", so it is taken back and refused (found in review, stop 67).
  const window = await openSaveWindow(deps, userId);
  const tenantId = turnTenant || (await deps.store.tenantOfGroup(answer.groupId));
  const key = pressKey ? learningNeedPressKey(pressKey, userId, answerId, { pass: input }) : undefined;
  // The handover first, harmless without the pass-on (it finds nothing): one that failed after the
  // pass-on was stored gave an error card for what was stored, and could leave it never handed over.
  await scheduleHandover(deps);
  // What the write replaced, put back should it be taken back (a pass-on created: deleted). The
  // store's put calls `mutate` again after a lost answer (a 409, a 412): finding what this press
  // wrote, that is no "before" (it would be put back as it was: found in review, stop 67).
  let before: LearningNeedRecord | undefined;
  let ownWrite: LearningNeedRecord | undefined;
  // A pass-on this press answers with but found, not wrote: another delivery of it may take it back.
  let foundOther: LearningNeedRecord | undefined;
  const stored = await window.keepWith(
    () =>
      deps.store.put(userId, answerId, (current) => {
        const ours = ownWrite !== undefined && sameAsWritten(current, ownWrite);
        if (!ours) before = current;
        const next = passOn(current, { userId, answerId, ...input, ...(tenantId !== undefined ? { tenantId } : {}), ...(key ? { key } : {}) });
        foundOther = next === current && !ours ? current : undefined;
        if (next !== current) ownWrite = next;
        return next;
      }),
    (written) => deps.store.takeBack(userId, answerId, (s) => sameAsWritten(s, written), before),
  );
  const standing = foundOther === stored ? await confirmFoundPassOn(deps, stored) : stored;
  // And after it (one job per week: usually the same one): a write that landed after the handover
  // it was scheduled for ran (pressed just before Monday 02:00) is handed over the week after.
  await scheduleHandover(deps).catch(() => undefined);
  return isPassOn(standing) ? mine(standing) : undefined;
}

/**
 * A pass-on the press found as it would write it and answers with: another delivery of the press
 * (Teams delivering it again) may have written it, whose put, answered after its window, takes it
 * back as its own. So it is confirmed first (one read and one replace, only on this rare path), as
 * notes are since stop 61; taken back before that: nothing is kept, nothing said passed on
 * (`saveTooSlow`: "try again"). Nothing more once it can no longer be taken back.
 */
async function confirmFoundPassOn(deps: LearningNeedDeps, found: LearningNeedRecord): Promise<LearningNeedRecord> {
  if (!isPassOn(found) || found.status !== 'pending' || found.confirmed) return found;
  const confirmed = await deps.store.confirm(found.userId, found.answerId, found);
  if (confirmed === 'takenBack') throw new DomainError('saveTooSlow', 'the pass-on found was taken back by the delivery that wrote it');
  return confirmed;
}

/**
 * Withdraws it, until the batch holding it was written; while a handover holds it, the withdrawal
 * is kept for the handover (`AskedWhileHeld`). Withdrawing what is not there (a repeated press)
 * changes nothing, nor does this press delivered again after the need was passed on anew
 * (`pressKey` as for passing on). `rev`: as for passing on; a view older than the need (passed on
 * anew elsewhere) withdraws nothing. Returns what stands: the pass-on (held, or passed on anew), else undefined.
 */
export async function withdrawLearningNeed(deps: LearningNeedDeps, userId: string, answerId: string, pressKey?: string, rev?: number): Promise<MyLearningNeed | undefined> {
  const key = pressKey ? learningNeedPressKey(pressKey, userId, answerId, 'withdraw') : undefined;
  const stored = await deps.store.withdraw(userId, answerId, (current) => withdrawn(current, key, rev));
  return isPassOn(stored) ? mine(stored) : undefined;
}

/** `notAllowed`: the tenant is off ALLOWED_TENANT_IDS; its pass-ons wait, kept, until it is on the list again. */
export type HandoverResult = ({ result: 'handedOver' | 'alreadyDone'; people: number; needs: number } | { result: 'waiting' | 'notAllowed'; people: number }) & {
  /** Absent for pass-ons from before tenants were recorded that no tenant can be found for. */
  tenantId?: string;
};

type Week = { week: string; weekStart: string };

/**
 * The weekly handover (a scheduled job, never a member's turn), one tenant at a time: a tenant's
 * L&O receives only its own people's needs, and only once that tenant alone has at least the
 * minimum number of people with a pending pass-on (people of other tenants never make up the
 * number). One result per tenant with pass-ons, and one for legacy pass-ons no tenant is found for.
 */
export async function handOverLearningNeeds(deps: LearningNeedDeps): Promise<HandoverResult[]> {
  const week = handoverWeek(deps.clock.now(), deps.timeZone);
  await settleEarlierRuns(deps, week);
  const { byTenant, unplaced } = await pendingByTenant(deps);
  const held = (await deps.store.listSealing()).map((p) => p.tenantId).filter((t): t is string => t !== undefined);
  const tenants = [...new Set([...byTenant.keys(), ...held])].sort();
  const results: HandoverResult[] = [];
  for (const tenantId of tenants) results.push({ tenantId, ...(await handOverTenant(deps, week, tenantId, byTenant.get(tenantId) ?? [])) });
  if (unplaced.length) results.push({ result: 'waiting', people: distinctPeople(unplaced) });
  return results;
}

/**
 * One tenant's handover. Its pending pass-ons are first marked `sealing` under this tenant's
 * batch of the week (a withdrawal or change is now kept on the need for the handover to settle:
 * `AskedWhileHeld`), those of people whose erasure has begun and then those withdrawn meanwhile are
 * given back (see giveBackToErasures, giveBackWithdrawn), and the rest are folded into one batch document
 * written once, then stripped to "handed over" in every member's partition. Fewer people: nothing
 * moves, they wait for next week. An interrupted handover that runs again finishes the same batch.
 */
async function handOverTenant(deps: LearningNeedDeps, week: Week, tenantId: string, pending: LearningNeedPassOn[]): Promise<HandoverResult> {
  const batchId = batchIdOf(week.week, tenantId);
  const existing = await deps.store.getBatch(batchId);
  if (existing) {
    await strip(deps, batchId);
    return { result: 'alreadyDone', people: existing.people, needs: existing.needs };
  }
  const sealing = await deps.store.listSealing(batchId);
  // A tenant taken off ALLOWED_TENANT_IDS: nothing of it is handed over; its pass-ons stay pending
  // (kept) and go with a handover after it is allowed again. (A batch written while it was allowed
  // is kept too, and told to its L&O only then: `tellLoOfHandover`.)
  if (deps.tenantServed && !deps.tenantServed(tenantId)) {
    await unseal(deps, sealing);
    return { result: 'notAllowed', people: distinctPeople([...pending, ...sealing]) };
  }
  if (distinctPeople([...pending, ...sealing]) < deps.minimum) {
    await unseal(deps, sealing);
    return { result: 'waiting', people: distinctPeople([...pending, ...sealing]) };
  }
  // A legacy pass-on takes the tenant it was placed in; one that meanwhile names another stays out.
  for (const p of pending) await deps.store.change(p, (c) => (c.status === 'pending' && (c.tenantId ?? tenantId) === tenantId ? { ...c, status: 'sealing', batchId, tenantId } : c));
  await giveBackToErasures(deps, batchId);
  const sealed = await giveBackWithdrawn(deps, batchId);
  const batch = buildBatch(sealed, week, tenantId, deps.minimum);
  if (!batch) {
    // Withdrawals while sealing left too few: give them back, they wait for next week.
    await unseal(deps, sealed);
    return { result: 'waiting', people: distinctPeople(sealed) };
  }
  await deps.store.createBatch(batch);
  await strip(deps, batchId);
  return { result: 'handedOver', people: batch.people, needs: batch.needs };
}

/** The pending pass-ons per tenant; legacy ones (no tenant) placed by `placeLegacyPassOn`, or left unplaced. */
async function pendingByTenant(deps: LearningNeedDeps): Promise<{ byTenant: Map<string, LearningNeedPassOn[]>; unplaced: LearningNeedPassOn[] }> {
  const byTenant = new Map<string, LearningNeedPassOn[]>();
  const unplaced: LearningNeedPassOn[] = [];
  for (const p of await deps.store.listPending()) {
    const tenantId = p.tenantId ?? (await legacyPlace(deps, p));
    if (tenantId === undefined) unplaced.push(p);
    else byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), p]);
  }
  return { byTenant, unplaced };
}

async function legacyPlace(deps: LearningNeedDeps, p: LearningNeedPassOn): Promise<string | undefined> {
  const answer = await deps.records.get(p.userId, p.answerId);
  const groupTenant = answer?.type === 'personalAnswer' && answer.userId === p.userId ? await deps.store.tenantOfGroup(answer.groupId) : undefined;
  return placeLegacyPassOn(groupTenant, deps.legacyTenant);
}

/**
 * Pass-ons still held by a run that stopped in an earlier week, or by one from before batches were
 * per tenant (`lnb_<week>`): finished where their batch was written, else given back to wait.
 * Without this they would stay held, neither handed over nor withdrawable.
 */
async function settleEarlierRuns(deps: LearningNeedDeps, week: Week): Promise<void> {
  const stale = (await deps.store.listSealing()).filter((p) => p.tenantId === undefined || p.batchId !== batchIdOf(week.week, p.tenantId));
  for (const batchId of new Set(stale.map((p) => p.batchId!))) {
    if (await deps.store.getBatch(batchId)) await strip(deps, batchId);
    else await unseal(deps, stale.filter((p) => p.batchId === batchId));
  }
}

/**
 * A need goes into a batch only when it was sealed before its owner's erasure began: the sealed
 * pass-ons of anyone with an erasure ticket are given back (pending), for their erasure to take
 * with the rest of their partition. The pass-on and the ticket live in the same partition but no
 * write can hold both, so the order does it: the tickets are read after every seal of this run
 * (and before the batch is built from what is still sealed), so a seal that landed after an
 * erasure wrote its ticket is always found here. An erasure that begins after this read finds the
 * need sealed (the member was already shown it as handed over), leaves it to this handover and
 * finishes once it was stripped (my-data.ts); it never reports done while a batch with the need
 * is still to be written.
 */
async function giveBackToErasures(deps: LearningNeedDeps, batchId: string): Promise<void> {
  const sealed = await deps.store.listSealing(batchId);
  for (const userId of [...new Set(sealed.map((p) => p.userId))].sort()) {
    const ticket = await deps.records.get(userId, erasureTicketId(userId));
    if (ticket?.type === 'erasureTicket') await unseal(deps, sealed.filter((p) => p.userId === userId));
  }
}

/**
 * What the batch is built from: the needs still sealed after every other give-back (the erasures'),
 * read once, less those their owners withdrew while this handover held them, which are given back
 * here, and so withdrawn (`unsealed`). A withdrawal in the list the batch is built from is always
 * carried out (found in review, stop 54: one stored while the erasure tickets were read went to
 * L&O). A withdrawal kept after this read finds its need in the batch (the card said it might be);
 * if the handover gives the need back after all, `unseal` carries it out then.
 */
async function giveBackWithdrawn(deps: LearningNeedDeps, batchId: string): Promise<LearningNeedPassOn[]> {
  const sealed = await deps.store.listSealing(batchId);
  await unseal(deps, sealed.filter(withdrawnWhileHeld));
  return sealed.filter((p) => !withdrawnWhileHeld(p));
}

async function strip(deps: LearningNeedDeps, batchId: string): Promise<void> {
  // In id order: nothing in the order of these writes follows who passed what on.
  const sealed = (await deps.store.listSealing(batchId)).sort((a, b) => a.id.localeCompare(b.id));
  for (const p of sealed) await deps.store.change(p, (c) => (c.status === 'sealing' && c.batchId === batchId ? handedOver(c) : c));
}

async function unseal(deps: LearningNeedDeps, sealed: LearningNeedPassOn[]): Promise<void> {
  for (const p of sealed) await deps.store.change(p, (c) => (c.status === 'sealing' && c.batchId === p.batchId ? unsealed(c) : c));
}

/**
 * One tenant's L&O view for the HR report: that tenant's whole batches only, under the
 * minimum-respondents rules. Batches without a tenant (from before tenants were recorded) only
 * for the legacy tenant; the store's answer is checked again here, so no other tenant's batch
 * can reach the report.
 */
export async function learningNeedsReport(deps: Pick<LearningNeedDeps, 'store' | 'minimum' | 'legacyTenant'>, tenantId: string, period: { from: string; to: string }): Promise<LearningNeedsSection> {
  const batches = await deps.store.batchesBetween(period.from, period.to, { tenantId, legacy: deps.legacyTenant === tenantId });
  return learningNeedsSection(batches.filter((b) => batchBelongsTo(b, tenantId, deps.legacyTenant)), period, deps.minimum);
}
