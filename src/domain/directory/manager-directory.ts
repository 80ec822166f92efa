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
}
