import { managerIfNamed } from '../../domain/directory/manager-directory';
import { plannedAhead, requestKey, requestMessage, ReviewRequestDelivery } from '../../domain/talent-review/review-request';
import { TalentReviewDeps } from './deps';

/**
 * Whether a professional can ask for a talentontwikkelgesprek now: not without a manager in the
 * directory, and not while one with that manager is planned ahead (`date`: its day, yyyy-mm-dd).
 */
export type RequestStatus = { status: 'noManager' } | { status: 'alreadyPlanned'; date: string } | { status: 'open'; managerId: string };

/**
 * What became of a request; `sent` names the manager where the directory knows their name, and the
 * message as sent. `earlierTry`: this press had been queued by an earlier try already (its answer
 * was lost), so what goes is that try's message, which may not be this one: no message is given.
 */
export type RequestOutcome = Exclude<RequestStatus, { status: 'open' }> | { status: 'sent'; managerName?: string; message?: string; earlierTry?: true };

type RequestDeps = Pick<TalentReviewDeps, 'directory' | 'reviews' | 'clock'>;

/**
 * Asked when the form opens and again when it is sent. The manager is the directory's now (a
 * lookup it does not answer refuses, `directoryUnavailable`: never read as "no manager").
 */
export async function requestStatus(deps: RequestDeps, professionalId: string): Promise<RequestStatus> {
  const managerId = await deps.directory.managerOf(professionalId);
  if (!managerId || managerId === professionalId) return { status: 'noManager' };
  const planned = plannedAhead(await deps.reviews.listAbout(managerId, professionalId), professionalId, deps.clock.now());
  return planned ? { status: 'alreadyPlanned', date: planned.date } : { status: 'open', managerId };
}

export interface RequestInput {
  professionalId: string;
  /** How the manager's card names them (their Teams name). */
  professionalName?: string;
  /** Their optional message, as typed. */
  text?: string;
  /** The key of the press, set when the form was rendered: the same press delivered again sends nothing twice. */
  pressKey: string;
}

/**
 * The professional asks their manager for a talentontwikkelgesprek: the manager gets a card in
 * their own chat with the bot, with a button to plan it. Nothing is stored but that queued card
 * (under the press's key); without a manager, or with a conversation already planned, nothing is
 * sent. A second request on a new form is a new request: the professional decides.
 */
export async function requestConversation(deps: RequestDeps, delivery: ReviewRequestDelivery, input: RequestInput): Promise<RequestOutcome> {
  // The message first: a refused one comes back to the form before anything is looked up.
  const message = requestMessage(input.text);
  const status = await requestStatus(deps, input.professionalId);
  if (status.status !== 'open') return status;
  const { managerId } = status;
  const name = input.professionalName?.trim();
  const queued = await delivery.deliver({ professionalId: input.professionalId, managerId, ...(name ? { professionalName: name } : {}), ...(message ? { message } : {}) }, requestKey(input.professionalId, input.pressKey));
  const managerName = await managerNameOf(deps, managerId);
  // Queued before under this press (a retry after a lost answer, or the form pressed again): the
  // first try's words went, and the confirmation must not show these as sent.
  if (queued === 'alreadyQueued') return { status: 'sent', ...(managerName ? { managerName } : {}), earlierTry: true };
  return { status: 'sent', ...(managerName ? { managerName } : {}), ...(message ? { message } : {}) };
}

/**
 * The manager's name for the professional's confirmation. The directory port names people only
 * as someone's direct reports, so the manager is found among their own manager's; a manager at the
 * top, or a lookup that fails, leaves it out ("your manager"). The request is queued by then:
 * nothing here may fail it.
 */
export async function managerNameOf(deps: Pick<TalentReviewDeps, 'directory'>, managerId: string): Promise<string | undefined> {
  try {
    const above = await managerIfNamed(deps.directory, managerId);
    if (!above) return undefined;
    return (await deps.directory.directReports(above)).find((p) => p.id === managerId)?.name;
  } catch {
    return undefined;
  }
}
