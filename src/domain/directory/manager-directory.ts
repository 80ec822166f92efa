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
   * Everyone the directory names as someone's manager (ids), for the half-yearly nudge. Absent: this
   * directory cannot list them (Graph would need a scan of every user), and the nudge is skipped.
   */
  managers?(): Promise<string[]>;
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
