/**
 * Who HR is, for the cards the app sends HR by name (the weekly L&O card, the half-yearly reminder,
 * the notice of a proposal shared with L&O): HR_USER_IDS and the members of HR_GROUP_ID the
 * directory lists. Ids only, in the scheduled job that sends; never in a log.
 */

/**
 * What became of HR_GROUP_ID's members: `none` no group set; `listed` the directory listed them;
 * `notListed` this directory cannot list a group (local mode); `unavailable` it did not answer (the
 * job runs again for them, HR_USER_IDS get theirs now).
 */
export type HrGroupListing = 'none' | 'listed' | 'notListed' | 'unavailable';

export interface HrPeople {
  /** Trimmed, lower case, each once: HR_USER_IDS and the listed members together. */
  ids: string[];
  group: HrGroupListing;
}

/** Where HR people come from: HR_USER_IDS, whether HR_GROUP_ID is set, and how to list its members. */
export interface HrPeopleSource {
  hrUserIds: readonly string[];
  /** Whether HR_GROUP_ID is set. */
  hrGroup: boolean;
  /** HR_GROUP_ID's member ids; undefined when the directory cannot list; rejects when it did not answer. */
  listHrGroup?: () => Promise<readonly string[] | undefined>;
  /**
   * Whether the directory's listings are this tenant's people: Microsoft Graph answers the app's own
   * identity for its own tenant only. Absent: every tenant's (a local set-up serves one).
   */
  listsTenant?: (tenantId: string) => boolean;
}

/** Whether the directory's listings (HR_GROUP_ID's members, managers) may be used for a tenant's cards. */
export function directoryListsTenant(source: Pick<HrPeopleSource, 'listsTenant'>, tenantId: string): boolean {
  return source.listsTenant?.(tenantId) ?? true;
}

/** Ids as the app compares them: trimmed, lower case, each once, empty ones dropped. */
export function hrIdsOf(...lists: (readonly string[])[]): string[] {
  return [...new Set(lists.flat().map((id) => id.trim().toLowerCase()).filter(Boolean))];
}

/** Whether someone is one of HR_USER_IDS, compared as `hrIdsOf` compares (asked again when a queued card is sent: a restart may have taken them out). */
export function isNamedHr(hrUserIds: readonly string[], userId: string): boolean {
  const id = userId.trim().toLowerCase();
  return id !== '' && hrIdsOf(hrUserIds).includes(id);
}

/**
 * The HR people to address: HR_USER_IDS ∪ HR_GROUP_ID's listed members, each once (someone in both
 * gets one card: the cards are keyed per person). A listing that fails never costs HR_USER_IDS
 * their cards: they are returned with `group: 'unavailable'`, and the caller runs again for the rest.
 */
export async function hrPeopleToAddress(source: HrPeopleSource, tenantId?: string): Promise<HrPeople> {
  const named = hrIdsOf(source.hrUserIds);
  if (!source.hrGroup) return { ids: named, group: 'none' };
  // Another tenant's cards never go to the directory's own tenant's group: its members are not that tenant's.
  if (!source.listHrGroup || (tenantId !== undefined && !directoryListsTenant(source, tenantId))) return { ids: named, group: 'notListed' };
  let members: readonly string[] | undefined;
  try {
    members = await source.listHrGroup();
  } catch {
    return { ids: named, group: 'unavailable' };
  }
  if (members === undefined) return { ids: named, group: 'notListed' };
  return { ids: hrIdsOf(named, members), group: 'listed' };
}

/**
 * The HR people of one tenant's cards out of a listing made once for several (`hrPeopleToAddress`
 * without a tenant): for a tenant the directory does not list, HR_USER_IDS only.
 */
export function hrPeopleOfTenant(people: HrPeople, source: HrPeopleSource, tenantId: string): HrPeople {
  if (people.group === 'none' || people.group === 'notListed' || directoryListsTenant(source, tenantId)) return people;
  return { ids: hrIdsOf(source.hrUserIds), group: 'notListed' };
}
