import { hrIdsOf, hrPeopleToAddress, HrPeopleSource } from '../../domain/directory/hr-people';
import { HrCheck } from '../../domain/hr-report/ports';
import {
  ANSWERED_MEANWHILE,
  GroupProposalReader,
  loAnswerPressKey,
  loAnswerText,
  shareableProposal,
  SharedProposal,
  sharedProposalId,
  SharedProposalRepository,
  SHARED_PROPOSAL_KEYS_KEPT,
  SHARED_PROPOSALS_PAGE,
  withLoMirror,
} from '../../domain/proposal/proposal-to-lo';
import { JobScheduler } from '../../domain/scheduling/job';
import { stableId } from '../../domain/shared/ids';
import { ProposalRepository } from '../../domain/week-cycle/ports';
import { Clock } from '../../domain/shared/clock';
import { DomainError } from '../../domain/shared/errors';
import { Group } from '../../domain/week-cycle/group';
import { ScheduledJobPurge } from '../../domain/verantwoording/erasure-ports';
import { PersonalRecordRepository } from '../../domain/verantwoording/ports';
import { queueUnlessErasing } from '../verantwoording/erasure-under-way';

/**
 * Port: what the group's chat is told, through the outbox under `key` (one message however often
 * it is asked). The Teams layer renders it in the group's language.
 */
export interface ProposalToLoDelivery {
  /** "Gedeeld met L&O op <datum>", in the group's chat. */
  sharedNotice(group: Group, shared: SharedProposal, key: string): Promise<void>;
  /** L&O's answer, in the group's chat. */
  answerToGroup(group: Group, shared: SharedProposal, key: string): Promise<void>;
}

/**
 * Port: the share, in each HR/L&O person's own 1:1 chat with the app, one card per person under
 * its key (queued once however often it is asked), drawn when sent from the record as stored then.
 * Asked by the outbox once the group's notice went out or was given up (`afterShareNotice`), never
 * in a member's turn.
 */
export type TellLo = (shared: SharedProposal, people: readonly { userId: string; key: string }[]) => Promise<void>;

export interface ProposalToLoDeps {
  shared: SharedProposalRepository;
  groups: GroupProposalReader;
  delivery: ProposalToLoDelivery;
  isHr: HrCheck;
  clock: Clock;
  /** Where a group's notice or answer card whose queueing failed in the press's turn waits to be queued (`tellGroupLater`). */
  retries: GroupMessageRetries;
}

/** Where a failed queueing waits: `forget` first, as a finished run of the same id would make `schedule` a no-op. */
export type GroupMessageRetries = JobScheduler & Pick<ScheduledJobPurge, 'forget'>;

/**
 * The scheduled job that queues what the group's chat was not told in the press's turn: the share's
 * notice (payload: the record's tenant and id), or L&O's answer (and the revision it wrote). Ids only.
 */
export const TELL_GROUP_LATER_JOB = 'proposalToLo.tellGroupLater';
const tellGroupJobId = (id: string, revision?: number) => `${TELL_GROUP_LATER_JOB}:${id}${revision === undefined ? '' : `:${revision}`}`;

/** The outbox keys: one notice per shared proposal, one answer card per answer written. */
export const sharedNoticeKey = (id: string) => `proposalToLo.shared:${id}`;
export const answerCardKey = (id: string, revision: number) => `proposalToLo.answer:${id}:${revision}`;
/** One card per share and HR person (hashed: the key names nobody readable), however often or by whom the share is pressed. */
export const loNoticeKey = (id: string, userId: string) => `proposalToLo.toLo:${stableId('plo-hr', id, userId.toLowerCase())}`;

export type ShareStatus =
  | { status: 'notAMember' }
  | { status: 'notDecided' }
  /** What L&O will see, and, once shared, the record (its date, L&O's answer). */
  | { status: 'shareable'; group: Group; preview: Omit<SharedProposal, 'sharedAt' | 'revision' | 'keys'>; shared?: SharedProposal };

/** What a press of "Delen met L&O" may share, read in the group's partition (one query), with the record if it exists (one point read). */
export async function shareStatus(deps: Pick<ProposalToLoDeps, 'groups' | 'shared'>, tenantId: string, memberId: string, groupId: string, proposalId: string, withRecord = true): Promise<ShareStatus> {
  const { group, proposal } = await deps.groups.groupAndProposal(groupId, proposalId);
  // A group of another organisation (its stored tenant) is not this tenant's to share from.
  if (group?.tenantId && group.tenantId !== tenantId) return { status: 'notAMember' };
  const check = shareableProposal(group, proposal, memberId);
  if (check.status !== 'shareable' || !group) return check.status === 'shareable' ? { status: 'notAMember' } : check;
  const id = sharedProposalId(tenantId, proposalId);
  const preview = { id, tenantId, groupId, proposalId, groupName: group.name, proposal: check.decided, decidedAt: check.decidedAt };
  const shared = withRecord ? await deps.shared.get(tenantId, id) : undefined;
  return { status: 'shareable', group, preview, ...(shared ? { shared } : {}) };
}

/**
 * Shares the proposal with L&O on behalf of the group: one record per tenant and proposal (its id
 * from both), so members pressing at once, or Teams delivering a press again, store one record;
 * the group's chat is told once, under the record's key, and once that notice went out (or was
 * given up) the HR people hear of it (`afterShareNotice`); a notice that cannot be queued in the
 * press's turn is queued by a scheduled job (`toldLater`). A member who left, or anyone outside the
 * group, and a proposal that was not adopted or adapted: refused, nothing stored.
 */
export async function shareWithLo(deps: ProposalToLoDeps, tenantId: string, memberId: string, groupId: string, proposalId: string): Promise<Exclude<ShareStatus, { status: 'shareable' }> | { status: 'shared'; group: Group; shared: SharedProposal; created: boolean; toldLater?: true }> {
  const status = await shareStatus(deps, tenantId, memberId, groupId, proposalId, false);
  if (status.status !== 'shareable') return status;
  const { shared, created } = await deps.shared.create({ ...status.preview, sharedAt: deps.clock.now().toISOString(), revision: 1, keys: [] });
  // Every press that finds the record not yet marked as noticed asks: the key queues the notice
  // once, also when the first press's queueing failed, however long ago. L&O hears of the share
  // from the notice's hook (`afterShareNotice`), in the outbox, not here: the press costs one create
  // however many HR people there are, and a press whose turn failed after the record's create is
  // made good by the next press's notice. Once the hook marked the record (`noticedAt`), a press
  // asks for none: after the outbox forgot the notice's key it would post it (and tell L&O) again.
  // The record is stored: a notice that cannot be queued now is queued by a scheduled job, and the
  // press is answered with the share (found in review, stop 56: it got the error card).
  const told = created || !shared.noticedAt ? await tellGroupOrLater(deps, () => deps.delivery.sharedNotice(status.group, shared, sharedNoticeKey(shared.id)), { tenantId, id: shared.id }) : 'queued';
  return { status: 'shared', group: status.group, shared, created, ...(told === 'later' ? { toldLater: true as const } : {}) };
}

/**
 * Queues a message to the group's chat about a record already stored; when that fails (Cosmos DB's
 * outbox), the same queueing is left to a job the scheduler retries (`tellGroupLater`), so the
 * presser is not told that what is stored failed, and the group hears of it without anyone pressing
 * again. Only when even the job could not be stored does the queueing's error reach the presser:
 * their press again queues the message (under its key: once), nothing is stored twice. `tell` may
 * find the group gone ('groupGone'): no chat to tell, and no job either.
 */
async function tellGroupOrLater(deps: Pick<ProposalToLoDeps, 'retries' | 'clock'>, tell: () => Promise<'groupGone' | void>, about: { tenantId: string; id: string; revision?: number }): Promise<'queued' | 'later' | 'groupGone'> {
  try {
    return (await tell()) ?? 'queued';
  } catch (error) {
    try {
      const id = tellGroupJobId(about.id, about.revision);
      await deps.retries.forget(id);
      await deps.retries.schedule({ id, kind: TELL_GROUP_LATER_JOB, dueAt: deps.clock.now().toISOString(), payload: { ...about } });
    } catch {
      throw error;
    }
    return 'later';
  }
}

/**
 * The scheduled job's work: the group's chat told of what the record holds now, under the key the
 * press would have used (queued once however often this runs, or a press queues it too). Nothing
 * when the record is gone, when the notice went out meanwhile (`noticedAt`: the outbox may have
 * forgotten its key), or when a later answer replaced this one (that one goes as its own). Throws
 * where the queueing failed: the scheduler runs it again.
 */
export async function tellGroupLater(deps: Pick<ProposalToLoDeps, 'shared' | 'groups' | 'delivery'>, about: { tenantId: string; id: string; revision?: number | undefined }): Promise<'queued' | 'nothing'> {
  const shared = await deps.shared.get(about.tenantId, about.id);
  if (!shared) return 'nothing';
  if (about.revision === undefined ? shared.noticedAt : shared.revision !== about.revision || !shared.answer) return 'nothing';
  const group = await deps.groups.group(shared.groupId);
  if (!group) return 'nothing';
  if (about.revision === undefined) await deps.delivery.sharedNotice(group, shared, sharedNoticeKey(shared.id));
  else await deps.delivery.answerToGroup(group, shared, answerCardKey(shared.id, shared.revision));
  return 'queued';
}

async function requireHr(deps: Pick<ProposalToLoDeps, 'isHr'>, actorId: string): Promise<void> {
  if (!(await deps.isHr(actorId))) throw new DomainError('forbidden', 'not HR');
}

/** L&O's list: the tenant's shared proposals, newest first, one page from `skip`, and how many there are. HR only. */
export async function listForLo(deps: Pick<ProposalToLoDeps, 'isHr' | 'shared'>, actorId: string, tenantId: string, skip = 0): Promise<{ items: SharedProposal[]; total: number; skip: number }> {
  await requireHr(deps, actorId);
  const all = (await deps.shared.listOfTenant(tenantId)).sort((a, b) => b.sharedAt.localeCompare(a.sharedAt) || a.id.localeCompare(b.id));
  const from = Math.max(0, Math.min(skip, Math.max(0, all.length - 1)));
  return { items: all.slice(from, from + SHARED_PROPOSALS_PAGE), total: all.length, skip: from };
}

/** One shared proposal for L&O's answer form. HR only; another tenant's id finds nothing. */
export async function openForLo(deps: Pick<ProposalToLoDeps, 'isHr' | 'shared'>, actorId: string, tenantId: string, id: string): Promise<SharedProposal> {
  await requireHr(deps, actorId);
  const shared = await deps.shared.get(tenantId, id);
  if (!shared) throw new DomainError('notFound', 'shared proposal');
  return shared;
}

export interface LoAnswerInput {
  id: string;
  text: unknown;
  /** The revision the form showed. */
  rev: number;
  /** The form's key, new each time it is drawn. */
  key: string;
}

/**
 * What became of an answer press: posted (its card queued, or left to a job: `toldLater`); `replaced`
 * (a press delivered again after a later answer replaced this one: its words, as this press sent
 * them, never the stored ones as if they were its own); `groupGone` (stored, but no chat to tell).
 */
export type LoAnswerOutcome = { shared: SharedProposal; posted: boolean; toldLater?: true; replaced?: { text: string }; groupGone?: true };

/**
 * L&O answers a shared proposal: its words (required, at most MAX_LO_ANSWER_LENGTH) replace an
 * earlier answer, under the document's ETag, only when the form showed the revision stored now
 * (`conflict` otherwise: the form comes back with what is stored). A press already applied (its key)
 * writes nothing again. The answer goes to the group's chat through the outbox, one card per answer;
 * once the answer is stored, a card that cannot be queued now is queued by a scheduled job
 * (`toldLater`), never an error for L&O.
 */
export async function answerAsLo(deps: ProposalToLoDeps, actorId: string, tenantId: string, input: LoAnswerInput): Promise<LoAnswerOutcome> {
  await requireHr(deps, actorId);
  const text = loAnswerText(input.text);
  const key = loAnswerPressKey(input.key, text);
  const at = deps.clock.now().toISOString();
  const changed = () => new DomainError('conflict', { detail: 'answered meanwhile', input: { ...ANSWERED_MEANWHILE, params: { ...ANSWERED_MEANWHILE.params } } });
  const shared = await deps.shared
    .update(tenantId, input.id, (current) => {
      if (current.keys.includes(key)) return current;
      if (current.revision !== input.rev) throw changed();
      return { ...current, answer: { text, at, key }, revision: current.revision + 1, keys: [key, ...current.keys].slice(0, SHARED_PROPOSAL_KEYS_KEPT) };
    })
    .catch((err: unknown) => {
      if ((err as { code?: unknown })?.code === 404) throw new DomainError('notFound', 'shared proposal');
      throw err;
    });
  // Only the answer this press wrote goes out (also when its first queueing failed); one a later answer replaced stays unsent.
  // The presser is told so, with their own words (found in review, stop 58: they were shown the
  // other answer under "Antwoord verstuurd").
  if (shared.answer?.key !== key) return { shared, posted: false, replaced: { text } };
  // The answer is stored: a group that cannot be read now, or a card that cannot be queued, is left
  // to a scheduled job that reads the group itself and is retried, and L&O is answered with what is
  // stored (found in review, stop 56: the queueing gave the error card; stop 66: so did the read).
  const tellGroup = async (): Promise<'groupGone' | void> => {
    const group = await deps.groups.group(shared.groupId);
    if (!group) return 'groupGone';
    await deps.delivery.answerToGroup(group, shared, answerCardKey(shared.id, shared.revision));
  };
  const told = await tellGroupOrLater(deps, tellGroup, { tenantId, id: shared.id, revision: shared.revision });
  if (told === 'groupGone') return { shared, posted: false, groupGone: true };
  return { shared, posted: true, ...(told === 'later' ? { toldLater: true as const } : {}) };
}

/**
 * Copies what the shared record holds now (its date, L&O's latest answer) onto the group's proposal,
 * where a member's look back ("Mijn verantwoording", the tab) already reads it: run by the outbox
 * once the group's chat was told (the notice, each answer), never in anyone's turn. ETag-guarded and
 * by revision: running again, or late, writes nothing older. A record or proposal gone: nothing.
 */
export async function mirrorShareToProposal(deps: MirrorDeps, tenantId: string, id: string): Promise<'mirrored' | 'gone'> {
  const shared = await deps.shared.get(tenantId, id);
  return shared ? mirrorRecord(deps, shared) : 'gone';
}

type MirrorDeps = { shared: Pick<SharedProposalRepository, 'get'>; proposals: Pick<ProposalRepository, 'update'> };

async function mirrorRecord(deps: Pick<MirrorDeps, 'proposals'>, shared: SharedProposal): Promise<'mirrored' | 'gone'> {
  try {
    await deps.proposals.update(shared.groupId, shared.proposalId, (p) => withLoMirror(p, shared));
  } catch (err) {
    if ((err as { code?: unknown })?.code === 404) return 'gone';
    throw err;
  }
  return 'mirrored';
}

/** The HR people (HR_USER_IDS and HR_GROUP_ID's listed members, each once whatever its case) told of a share, each under the key of the share and person. */
export function loPeople(id: string, hrUserIds: readonly string[] = []): { userId: string; key: string }[] {
  return hrIdsOf(hrUserIds).map((userId) => ({ userId, key: loNoticeKey(id, userId) }));
}

/**
 * Once the group's notice of a share went out, or was given up: run by the outbox (the notice's
 * hook, in the background, never in a member's turn), at least once after any press that found or
 * created the record, whatever turn failed. Marks the record as noticed (`noticedAt`, ETag-guarded,
 * in the read it needs anyway; no write when marked already), so later presses ask for no notice;
 * queues each HR person's card under its key (a run again, or a second press's notice, queues none
 * twice), then copies the share onto the group's proposal as `mirrorShareToProposal` does. Marked
 * before L&O is told: a run that fails after the mark is run again by the outbox (its hooks are
 * kept until they ran), so L&O is told all the same. A record gone (erased): nothing.
 * Throws where a write failed: the outbox runs it again. The HR people are `hrPeopleToAddress`'s:
 * where HR_GROUP_ID could not be listed (Graph did not answer), HR_USER_IDS are told and the
 * outcome says `hrGroupUnavailable`: the caller fails the hook after logging, so the outbox runs it
 * again and the group's members are told then (the others' keys are taken: nobody twice).
 * Someone whose erasure is under way is told nothing, as with the weekly L&O card: their ticket is
 * read before and after the queue, and a card queued while their erasure purged the outbox is taken
 * back (`queueUnlessErasing`; found in review, stop 54). `told` counts the cards left queued.
 */
export async function afterShareNotice(
  deps: {
    shared: Pick<SharedProposalRepository, 'markNoticed'>;
    proposals: MirrorDeps['proposals'];
    clock: Clock;
    hrUserIds?: readonly string[];
    /** Whether HR_GROUP_ID is set, and how its members are listed (see HrPeopleSource). */
    hrGroup?: boolean;
    listHrGroup?: HrPeopleSource['listHrGroup'];
    listsTenant?: HrPeopleSource['listsTenant'];
    tellLo: TellLo;
    /** Takes back the card queued under this key (an erasure began while it was queued). */
    withdrawLo: (key: string) => Promise<void>;
    /** Read only: whether an HR person's erasure is under way (their erasure ticket). */
    records: Pick<PersonalRecordRepository, 'get'>;
  },
  tenantId: string,
  id: string,
): Promise<{ outcome: 'mirrored' | 'gone'; told: number; erasing?: number; hrGroupUnavailable?: true }> {
  const shared = await deps.shared.markNoticed(tenantId, id, deps.clock.now().toISOString());
  if (!shared) return { outcome: 'gone', told: 0 };
  const { listHrGroup, listsTenant } = deps;
  const hr = await hrPeopleToAddress({ hrUserIds: deps.hrUserIds ?? [], hrGroup: deps.hrGroup ?? false, ...(listHrGroup ? { listHrGroup } : {}), ...(listsTenant ? { listsTenant } : {}) }, tenantId);
  const { queued, erasing } = await queueUnlessErasing(deps.records, loPeople(shared.id, hr.ids), (people) => deps.tellLo(shared, people), deps.withdrawLo);
  const outcome = await mirrorRecord(deps, shared);
  return { outcome, told: queued, ...(erasing ? { erasing } : {}), ...(hr.group === 'unavailable' ? { hrGroupUnavailable: true as const } : {}) };
}
