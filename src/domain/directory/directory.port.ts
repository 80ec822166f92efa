/**
 * Port: what the organisation's directory (Entra ID) says about people. Issue 5 adds managers and
 * direct reports here.
 */
export interface DirectoryPort {
  /** Whether the user is a member of the group, directly or through nested groups. */
  isInGroup(userId: string, groupId: string): Promise<boolean>;
  /** Whether the user owns the group (for a team: its Microsoft 365 group). */
  isGroupOwner(userId: string, groupId: string): Promise<boolean>;
  /**
   * As `isInGroup`, but a directory that did not answer rejects (`directoryUnavailable`) instead of
   * answering no: for a check that may wait for an answer (a card's send-time check). Absent: use
   * `isInGroup`.
   */
  checkInGroup?(userId: string, groupId: string): Promise<boolean>;
  /**
   * The user ids (Entra ids, lower case, each once) of the group's members, directly or through
   * nested groups, users only. For scheduled jobs only, never a user's turn. Undefined (or the
   * method absent): this directory cannot list a group (local mode). Rejects with
   * `directoryUnavailable` when the directory did not answer.
   */
  groupUserIds?(groupId: string): Promise<string[] | undefined>;
}
