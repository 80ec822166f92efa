import { DirectoryPerson, ListedManager, ManagerDirectory } from '../domain/directory/manager-directory';
import { DomainError } from '../domain/shared/errors';
import { GraphCallFailed, GraphDirectory } from './graph-directory';

const ID = /^[0-9a-zA-Z-]{1,64}$/;
const MAX_PAGES = 10;
/** The manager listing stops after this many pages of 100 users (100,000 people): said in the log, by count. */
const SCAN_PAGE_CAP = 1000;

/** A lookup Graph did not answer (an outage, throttling past the retries, no token): no answer at all, never "no manager". */
function unavailable(err: unknown): DomainError {
  return new DomainError('directoryUnavailable', `Graph manager lookup failed${err instanceof GraphCallFailed ? ` (${err.status})` : ''}`);
}

/**
 * Managers and direct reports from Microsoft Graph (application permission User.Read.All).
 * Not cached: a change of manager must count at once. Only Graph's "not found" means "no
 * manager"; a lookup it did not answer rejects with `directoryUnavailable`, so an outage never
 * reads as "not your report" (nor drops or withdraws a prep card).
 */
export class GraphManagerDirectory extends GraphDirectory implements ManagerDirectory {
  /** Pages of the manager listing read at most (a test lowers it). */
  protected readonly scanPageCap: number = SCAN_PAGE_CAP;

  async managerOf(userId: string): Promise<string | undefined> {
    if (!ID.test(userId)) return undefined;
    try {
      const body = (await this.call('GET', `/v1.0/users/${userId}/manager?$select=id`)) as { id?: string };
      return body.id;
    } catch (err) {
      if (err instanceof GraphCallFailed && err.status === 404) return undefined;
      throw unavailable(err);
    }
  }

  async directReports(managerId: string): Promise<DirectoryPerson[]> {
    if (!ID.test(managerId)) return [];
    const people: DirectoryPerson[] = [];
    let next: string | undefined = `/v1.0/users/${managerId}/directReports?$select=id,displayName,accountEnabled&$top=100`;
    try {
      for (let page = 0; next && page < MAX_PAGES; page++) {
        const body = (await this.call('GET', next)) as { value?: { id: string; displayName?: string; accountEnabled?: boolean }[]; '@odata.nextLink'?: string };
        // A disabled account (someone who left, the account kept) is nobody's report to plan with or count.
        for (const p of body.value ?? []) if (p.accountEnabled !== false) people.push({ id: p.id, name: p.displayName ?? p.id });
        next = body['@odata.nextLink'];
      }
    } catch (err) {
      // A manager Graph does not know has no reports; any other failure is no answer.
      if (err instanceof GraphCallFailed && err.status === 404) return [];
      throw unavailable(err);
    }
    return people;
  }

  /**
   * Every manager Graph names, with their reports: a scan of every user's id and manager
   * (`$expand` pages hold 100 users), for the half-yearly job only. Next pages are followed only on
   * this Graph; any page Graph does not answer rejects with `directoryUnavailable` (never a part
   * taken for the whole). A scan stopped at its page cap is said in the log by counts and gives
   * the managers it found without their reports (a manager's reports may lie past the cap: the
   * run asks `directReports` for each). Users without a manager are skipped.
   */
  async managers(): Promise<ListedManager[] | undefined> {
    const reports = new Map<string, Set<string>>();
    let users = 0;
    let read: { complete: boolean; pages: number };
    try {
      read = await this.readPages('/v1.0/users?$select=id,accountEnabled&$expand=manager($select=id)&$top=100', this.scanPageCap, (value) => {
        for (const u of value as { id?: unknown; accountEnabled?: unknown; manager?: { id?: unknown } | null }[]) {
          users++;
          // A user without a readable id is a reply we cannot trust whole (a manager could go un-nudged unseen).
          if (typeof u?.id !== 'string' || !ID.test(u.id)) throw new Error('Graph listed a user without a readable id');
          const managerId = u.manager?.id;
          // No manager, or a disabled account (someone who left, the account kept): nobody's report to count.
          if (u.manager == null || u.accountEnabled === false) continue;
          if (typeof managerId !== 'string' || !ID.test(managerId)) throw new Error('Graph listed a manager without a readable id');
          reports.set(managerId, (reports.get(managerId) ?? new Set()).add(u.id));
        }
      });
    } catch (err) {
      // No permission to read users (User.Read.All not granted): a setting to fix, not an outage to wait out.
      if (err instanceof GraphCallFailed && err.status === 403) {
        this.logger.error({ status: err.status }, 'managers cannot be listed (User.Read.All not granted): no half-yearly manager nudges');
        return undefined;
      }
      this.logger.warn({ err: (err as Error).message, users }, 'directory manager listing failed');
      throw unavailable(err);
    }
    if (!read.complete) {
      this.logger.warn({ pages: read.pages, users, managers: reports.size }, 'directory manager listing stopped at its page cap');
      return [...reports.keys()].map((id) => ({ id }));
    }
    return [...reports].map(([id, ids]) => ({ id, reportIds: [...ids] }));
  }

  /** Graph knows no link from a person to the Teams team whose B3-spiegel is theirs. */
  async teamOf(): Promise<string | undefined> {
    return undefined;
  }
}
