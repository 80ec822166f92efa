import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DirectoryPerson, ListedManager, ManagerDirectory } from '../domain/directory/manager-directory';
import { DomainError } from '../domain/shared/errors';

const fileSchema = z.object({
  users: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), managerId: z.string().optional(), teamId: z.string().optional() })),
});

/**
 * A directory kept in a JSON file, for local use and tests: `{ "users": [{ "id", "name",
 * "managerId"?, "teamId"? }] }`. Read on every question, so an edit counts immediately.
 */
export class FileManagerDirectory implements ManagerDirectory {
  constructor(private readonly path: string) {}

  /** A file that cannot be read or parsed (being rewritten, say) is no answer, as an outage of Graph is. */
  private async users() {
    try {
      return fileSchema.parse(JSON.parse(await readFile(this.path, 'utf8'))).users;
    } catch {
      throw new DomainError('directoryUnavailable', 'directory file unreadable');
    }
  }

  async managerOf(userId: string): Promise<string | undefined> {
    return (await this.users()).find((u) => u.id === userId)?.managerId;
  }

  async directReports(managerId: string): Promise<DirectoryPerson[]> {
    return (await this.users()).filter((u) => u.managerId === managerId).map(({ id, name }) => ({ id, name }));
  }

  async teamOf(userId: string): Promise<string | undefined> {
    return (await this.users()).find((u) => u.id === userId)?.teamId;
  }

  /** Every manager with their reports, from one read of the file. */
  async managers(): Promise<ListedManager[]> {
    const reports = new Map<string, string[]>();
    for (const u of await this.users()) if (u.managerId) reports.set(u.managerId, [...(reports.get(u.managerId) ?? []), u.id]);
    return [...reports].map(([id, reportIds]) => ({ id, reportIds }));
  }
}

/** No directory configured: nobody is anybody's manager, so no prep card can be asked for. */
export const noManagerDirectory: ManagerDirectory = {
  managerOf: async () => undefined,
  directReports: async () => [],
  teamOf: async () => undefined,
};
