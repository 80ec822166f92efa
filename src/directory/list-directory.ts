import { DirectoryPort } from '../domain/directory/directory.port';

/**
 * A directory from fixed lists, for running without Microsoft Graph (Agents Playground, tests):
 * group members and owners as given, nobody else. HR_USER_IDS is checked before any directory.
 */
export class ListDirectory implements DirectoryPort {
  constructor(private readonly lists: { members?: Record<string, string[]>; owners?: Record<string, string[]> } = {}) {}

  async isInGroup(userId: string, groupId: string): Promise<boolean> {
    return this.lists.members?.[groupId]?.includes(userId) ?? false;
  }

  /** A fixed list cannot list a group's members for the cards HR gets by name: undefined. */
  async groupUserIds(_groupId: string): Promise<string[] | undefined> {
    return undefined;
  }

  async isGroupOwner(userId: string, groupId: string): Promise<boolean> {
    return this.lists.owners?.[groupId]?.includes(userId) ?? false;
  }
}
