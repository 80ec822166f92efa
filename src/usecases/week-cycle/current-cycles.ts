import { Group } from '../../domain/week-cycle/group';

/**
 * The week each group was last seen in by this instance: a hint that lets a typed `start` read
 * its group and its week in one query instead of reading the group first. Never trusted: that
 * query returns the group, and a group that moved on meanwhile (another instance started a new
 * week) has its current week read again. Bounded; the oldest hint goes first.
 */
export class CurrentCycleHints {
  private readonly hints = new Map<string, string>();

  constructor(private readonly max = 10_000) {}

  note(group: Pick<Group, 'id' | 'currentCycleId'>): void {
    if (!group.currentCycleId) return;
    this.hints.delete(group.id);
    this.hints.set(group.id, group.currentCycleId);
    if (this.hints.size > this.max) this.hints.delete(this.hints.keys().next().value!);
  }

  get(groupId: string): string | undefined {
    return this.hints.get(groupId);
  }

  /** Forgets every hint: as an instance that just started (tests). */
  clear(): void {
    this.hints.clear();
  }
}
