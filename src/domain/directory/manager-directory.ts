import { isDomainError } from '../shared/errors';
/** Someone in the organisation's directory, as far as the app needs them. */
export interface DirectoryPerson {
  /** Entra object id. */
  id: string;
  name: string;
}

/**
 * Port: who manages whom. Asked at the moment of use, never cached in our own data, so a change
 * of manager takes effect at once: a former manager is refused like anyone else.
 */
export interface ManagerDirectory {
  managerOf(userId: string): Promise<string | undefined>;
  directReports(managerId: string): Promise<DirectoryPerson[]>;
  /** The Teams team whose B3-spiegel aggregate belongs on this person's prep card, where known. */
  teamOf(userId: string): Promise<string | undefined>;
  /**
   * Everyone the directory names as someone's manager, for the half-yearly nudge (Graph: a scan of
   * every user, in a scheduled job only). Absent: this directory cannot list them, and the nudge is
   * skipped. A listing that read every user gives each manager's reports as it read them, seconds
   * ago, for that run's use only (never kept); without them the run asks `directReports`.
   * Undefined: it cannot list them here for good (a permission not granted), a setting to fix, not
   * an outage to wait out: the half-year nudges nobody, as without a listing.
   */
  managers?(): Promise<ListedManager[] | undefined>;
}

/** A manager as the directory's listing names them. */
export interface ListedManager {
  id: string;
  /** Their direct reports' ids as the same listing read them (they may include the manager: see `notThemselves`). */
  reportIds?: string[];
}

/**
 * The people of a manager's list of reports other than the manager themselves: a directory that
 * names someone their own manager (an HR data error) gives them no report to plan with, list as
 * without a conversation, or be nudged about.
 */
export function notThemselves<P extends { id: string }>(managerId: string, people: P[]): P[] {
  return people.filter((p) => p.id !== managerId);
}

/**
 * The manager's direct reports as the directory has them now, never the manager themselves: a
 * directory that names someone their own manager (an HR data error) gives them no report to plan
 * with, list as without a conversation, or be nudged about. Every list of "your reports" uses this.
 */
export async function directReportsOf(directory: Pick<ManagerDirectory, 'directReports'>, managerId: string): Promise<DirectoryPerson[]> {
  return notThemselves(managerId, await directory.directReports(managerId));
}

/** Whether a refusal is the directory not answering: no answer at all, never "no manager". */
export function isDirectoryOutage(err: unknown): boolean {
  return isDomainError(err) && err.code === 'directoryUnavailable';
}

/**
 * The person's manager as the directory names them, or undefined for "none" and for a lookup it did
 * not answer alike: for callers where neither may change anything (a withdrawal, a listing that has
 * the managers from elsewhere too).
 */
export function managerIfNamed(directory: Pick<ManagerDirectory, 'managerOf'>, userId: string): Promise<string | undefined> {
  return directory.managerOf(userId).catch((err: unknown) => {
    if (isDirectoryOutage(err)) return undefined;
    throw err;
  });
}
