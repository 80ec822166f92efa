/**
 * Port: what the organisation's directory (Entra ID) says about people. Issue 5 adds managers and
 * direct reports here.
 */
export interface DirectoryPort {
  /** Whether the user is a member of the group, directly or through nested groups. */
  isInGroup(userId: string, groupId: string): Promise<boolean>;
  /** Whether the user owns the group (for a team: its Microsoft 365 group). */
  isGroupOwner(userId: string, groupId: string): Promise<boolean>;
}
